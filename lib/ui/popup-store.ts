import { create } from 'zustand';
import type { Network } from '../shares';

export type NetworkFilter = Network | 'all';

/**
 * UI state of the popup (its data comes from entrypoints/popup/live.ts, not from here). Per-post
 * state is in Maps: post ids come from the company feed, and a plain object would answer an id like
 * "constructor" with its inherited member.
 */
export interface PopupState {
  filter: NetworkFilter;
  /** The employee's own wording per post id; absent = the suggested text. */
  drafts: ReadonlyMap<string, string>;
  /** The post whose share buttons the employee is about to use (shows the gentle hint). */
  aboutToShare: string | null;
  /** A one-line status per post ("Copied", "Paste the text into LinkedIn"). */
  notes: ReadonlyMap<string, string>;
  draftOf(postId: string): string | undefined;
  noteOf(postId: string): string | undefined;
  setFilter(filter: NetworkFilter): void;
  setDraft(postId: string, text: string): void;
  setAboutToShare(postId: string | null): void;
  setNote(postId: string, note: string): void;
}

export const usePopupStore = create<PopupState>()((set, get) => ({
  filter: 'all',
  drafts: new Map(),
  aboutToShare: null,
  notes: new Map(),
  draftOf: (postId) => get().drafts.get(postId),
  noteOf: (postId) => get().notes.get(postId),
  setFilter: (filter) => set({ filter }),
  setDraft: (postId, text) => set((s) => ({ drafts: new Map(s.drafts).set(postId, text) })),
  setAboutToShare: (aboutToShare) => set({ aboutToShare }),
  setNote: (postId, note) => set((s) => ({ notes: new Map(s.notes).set(postId, note) })),
}));
