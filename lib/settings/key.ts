/** The storage.local key of the settings: the one spelling (no imports, so the popup can use it without zod). */
export const SETTINGS_KEY = 'settings';
