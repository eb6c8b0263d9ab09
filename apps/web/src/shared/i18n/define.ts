/**
 * Each module keeps its UI strings in one file with both languages side by side. The English
 * table must have exactly the Chinese table's shape, so a key missing in either language is
 * a compile error rather than a raw key on screen.
 */
export type MessageShape<T> = { [K in keyof T]: T[K] extends string ? string : MessageShape<T[K]> };

export interface Messages<T> {
  'zh-CN': T;
  'en-US': MessageShape<T>;
}

export function defineMessages<const T extends Record<string, unknown>>(zh: T, en: MessageShape<T>): Messages<T> {
  return { 'zh-CN': zh, 'en-US': en };
}

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];
