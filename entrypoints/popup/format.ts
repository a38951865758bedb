import { browser } from 'wxt/browser';
import type { Network } from '@/lib/shares';

/** Numbers and dates in the browser's UI language, the same one browser.i18n picked the strings for. */
const lang = browser.i18n.getUILanguage();
const numbers = new Intl.NumberFormat(lang);
const days = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', year: 'numeric' });
const moments = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
const shortDays = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short' });

export const num = (n: number) => numbers.format(n);
export const day = (t: number) => days.format(t);
export const moment = (t: number) => moments.format(t);
export const shortDay = (t: number) => shortDays.format(t);

/** A feed's calendar date ("2026-11-20") shown as the same local day. */
export function isoDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return day(new Date(y, m - 1, d).getTime());
}

export function domain(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

export const NETWORK_NAMES: Record<Network, string> = { linkedin: 'LinkedIn', x: 'X' };
