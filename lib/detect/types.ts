// Plain types only: content scripts import this file, and must stay small (no zod, no React).

/** Which signal confirmed that the post went out. Stated so logs say why a share was logged. */
export type Confirmation = 'notice' | 'composer-closed' | 'network';

/** What a content script reports after it has seen a post go out. Validated by the background. */
export interface DetectedShare {
  network: 'linkedin' | 'x';
  kind: 'post' | 'repost' | 'quote';
  /** 'intent' when posted from a share page (x.com/intent/post, linkedin shareActive); else 'composer'. */
  surface: 'intent' | 'composer';
  /** The submitted composer text (may be empty for an instant repost). */
  text: string;
  /** Random per submit gesture: a retry or a second confirmation of the same submit logs once. */
  submissionId: string;
  confirmedBy: Confirmation;
}
