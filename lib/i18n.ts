import { browser } from 'wxt/browser';

/** A UI string from _locales (the browser picks the language). Falls back to the key so a gap is visible. */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key as never, substitutions) || key;
}
