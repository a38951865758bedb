// Pure decision logic shared by every site: what a gesture means, and when a share is logged once.
// No DOM here (lib/detect/watch.ts wires it to the page), so all of it is unit-tested. Written as
// closures rather than classes: local names minify, and content scripts must stay under 3 KB gzip.
import type { Confirmation, DetectedShare } from './types';

/** How long after a submit gesture we wait for the site to confirm the post went out. */
export const CONFIRM_TIMEOUT_MS = 20_000;

/** What the page told us at the moment of a submit gesture (collected by lib/detect/watch.ts). */
export interface SubmitFacts {
  disabled: boolean;
  text: string;
  /** The composer answers another post (X status page, reply modal): replies are never shares. */
  reply: boolean;
  /** The composer is in "schedule for later" mode: nothing goes out now. */
  scheduled: boolean;
  /** A quoted post is attached (X "Quote", LinkedIn "Repost with your thoughts"). */
  quote: boolean;
  /** The composer edits a post already out (X Premium "Edit post"): not a new share. */
  edit: boolean;
  /** The composer was opened from a share page (x.com/intent/post, linkedin shareActive). */
  intent: boolean;
}

export type Candidate = Omit<DetectedShare, 'submissionId' | 'confirmedBy'>;

/** Identifies "the same post" for dedupe (compared with ===): kind and text, or the reposted item. */
export const keyOf = (c: Candidate, item?: object | null): unknown => item ?? c.kind + c.text;

type Network = DetectedShare['network'];

/** The share a post-button click / Ctrl+Enter would publish, or null when it publishes none. */
export function decideSubmit(network: Network, f: SubmitFacts): Candidate | null {
  const text = f.text.trim();
  if (f.disabled || !text || f.reply || f.scheduled || f.edit) return null;
  const kind = f.quote ? 'quote' : 'post';
  return { network, kind, surface: f.intent ? 'intent' : 'composer', text };
}

/** An instant repost: no text of ours (the reposted item, never read, is its dedupe key). */
export const repostCandidate = (network: Network): Candidate => ({
  network,
  kind: 'repost',
  surface: 'composer',
  text: '',
});

export interface Tracker {
  /**
   * A submit gesture for `c`: wait for its confirmation. A gesture for the post already waiting
   * (double click, retry after an error the site showed) keeps its submission id, and counts as one
   * more send of it in flight.
   */
  gesture(c: Candidate, key: unknown): void;
  /**
   * The site refused one send of the waiting post (an error notice). True when no send of it is left
   * in flight: then it is dropped. A double click whose second send is refused as a duplicate keeps
   * waiting for the first.
   */
  reject(): boolean;
  /**
   * The site answered: confirmed `by` a signal → the share to report (with the new post's `permalink`
   * when the page showed it), at most once per submission; null (no answer in time, undone) → nothing.
   */
  settle(by: Confirmation | null, permalink?: string): DetectedShare | null;
}

/**
 * One tab's submissions: at most one waits for confirmation at a time (the watcher times it out
 * after CONFIRM_TIMEOUT_MS). The background also dedupes by submission id, so a share reported
 * twice is still logged once.
 */
export function createTracker(newId: () => string): Tracker {
  let pending: { c: Candidate; key: unknown; id: string; sends: number } | null = null;
  return {
    gesture(c, key) {
      if (pending && pending.key === key) pending.sends++;
      else pending = { c, key, id: newId(), sends: 1 };
    },
    reject() {
      if (pending && !--pending.sends) pending = null;
      return !pending;
    },
    settle(by, permalink) {
      const p = pending;
      pending = null;
      return p && by && { ...p.c, submissionId: p.id, confirmedBy: by, ...(permalink && { permalink }) };
    },
  };
}

/**
 * Modes chosen before a composer opens or submits ("quote", "reply", "edit", "schedule", "intent") are a
 * plain Set<string> in the watcher: cleared by a confirmed share, a composer-opening button, or a
 * route change away from the composer (see lib/detect/watch.ts).
 */
