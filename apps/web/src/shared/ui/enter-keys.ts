import type { KeyboardEvent } from 'react';

/**
 * Enter in a date picker confirms the date typed or chosen; it must not also submit the form
 * around it (the browser's implicit submission). Put on an element wrapping the form: it runs
 * after the picker has taken the key, and cancels only the submission.
 */
export function keepEnterInPickers(event: KeyboardEvent) {
  if (event.key === 'Enter' && event.target instanceof Element && event.target.closest('.ant-picker')) event.preventDefault();
}
