import { invalidFeedMessage, parseFeedText } from '../feed/parse';
import type { Feed } from '../feed/schema';

/**
 * The feed studio's check of the text being edited: the extension's own parser (lib/feed/parse.ts), and
 * the sentence employees would be shown for a refused feed. Warnings are the dropped posts and the like:
 * employees get the feed without them. Pure.
 */
export type StudioCheck =
  { ok: true; feed: Feed; warnings: string[] } | { ok: false; errors: string[]; message: string };

export function checkFeedText(text: string): StudioCheck {
  const parsed = parseFeedText(text);
  return parsed.ok ? parsed : { ok: false, errors: parsed.errors, message: invalidFeedMessage(parsed.errors) };
}

export type Path = (string | number)[];

/** The JSON object in `text`, or null when it is not one (then only the text editor can help). */
export function jsonObject(text: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function getAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const k of path)
    v = typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

/**
 * `root` with the value at `path` replaced (undefined removes the key), copied along the path so the
 * rest stays as it was — including key order, so an untouched part of the feed is exported unchanged.
 */
export function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [k, ...rest] = path;
  if (typeof k === 'number') {
    const list = Array.isArray(root) ? [...(root as unknown[])] : [];
    if (rest.length === 0 && value === undefined) list.splice(k, 1);
    else list[k] = setAt(list[k], rest, value);
    return list;
  }
  const obj =
    typeof root === 'object' && root !== null && !Array.isArray(root) ? { ...(root as Record<string, unknown>) } : {};
  const next = setAt(obj[k!], rest, value);
  if (next === undefined) delete obj[k!];
  else obj[k!] = next;
  return obj;
}

/** The text after a form edit: the edited object, indented as the demo feed is. */
export function editText(text: string, path: Path, value: unknown): string | null {
  const obj = jsonObject(text);
  return obj ? JSON.stringify(setAt(obj, path, value), null, 2) + '\n' : null;
}

/** A new post for the form's "add post": valid except for what only the editor can write. */
export function blankPost(today: string, n: number): Record<string, unknown> {
  return {
    id: `post-${today}-${n}`,
    title: '',
    text: '',
    url: 'https://',
    networks: ['linkedin', 'x'],
    publishedAt: today,
  };
}
