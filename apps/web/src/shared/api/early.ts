/*
 * GET requests started before the application's code is evaluated (first-view/entry.ts), so their
 * answers travel while React boots. request() takes each one once, for the same URL, and then
 * treats it exactly like a request it sent itself; anything not taken is simply never used.
 * Part of the page's first script (first-view/entry.ts).
 */
import { LANGUAGES } from '../i18n/define';
const started = new Map<string, Promise<Response>>();

/** The language request() asks in (shared/i18n keeps it under this key): error messages come in it. */
export function storedLanguage(): (typeof LANGUAGES)[number] {
  try {
    const value = localStorage.getItem('anjian.language');
    if (value && (LANGUAGES as readonly string[]).includes(value)) return value as (typeof LANGUAGES)[number];
  } catch {
    // Storage can be blocked; Chinese is the default.
  }
  return 'zh-CN';
}

export function fetchEarly(url: string): Promise<Response> {
  const response = fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json', 'Accept-Language': storedLanguage() } });
  started.set(url, response);
  return response;
}

export function takeEarly(url: string): Promise<Response> | undefined {
  const response = started.get(url);
  started.delete(url);
  return response;
}
