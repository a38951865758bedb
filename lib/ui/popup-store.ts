import { create } from 'zustand';
import type { Network } from '../shares';

export type NetworkFilter = Network | 'all';

/** UI state of the popup (its data comes from entrypoints/popup/live.ts, not from here). */
export interface PopupState {
  filter: NetworkFilter;
  /** The employee's own wording per post id; absent = the suggested text. */
  drafts: Record<string, string>;
  /** The post whose share buttons the employee is about to use (shows the gentle hint). */
  aboutToShare: string | null;
  /** A one-line status per post ("Copied", "Paste the text into LinkedIn"). */
  notes: Record<string, string>;
  setFilter(filter: NetworkFilter): void;
  setDraft(postId: string, text: string): void;
  setAboutToShare(postId: string | null): void;
  setNote(postId: string, note: string): void;
}

export const usePopupStore = create<PopupState>()((set) => ({
  filter: 'all',
  drafts: {},
  aboutToShare: null,
  notes: {},
  setFilter: (filter) => set({ filter }),
  setDraft: (postId, text) => set((s) => ({ drafts: { ...s.drafts, [postId]: text } })),
  setAboutToShare: (aboutToShare) => set({ aboutToShare }),
  setNote: (postId, note) => set((s) => ({ notes: { ...s.notes, [postId]: note } })),
}));
