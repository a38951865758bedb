// Plain types only: content scripts import this file, and must stay small (no zod, no React).

/**
 * Which signal confirmed that the post went out. Stated so logs say why a share was logged:
 * 'notice' — the site's own "sent" notice appeared (with a link to the new post);
 * 'composer-closed' — the site itself closed or emptied the composer after the submit gesture;
 * 'reposted' — the repost control turned into its "undo repost" state;
 * 'undo-elapsed' — X Premium's link-less "Sending post…" notice went away without its Undo being used;
 * 'network' — the background saw the site's create endpoint succeed (reserved, not used yet).
 */
export type Confirmation = 'notice' | 'composer-closed' | 'reposted' | 'undo-elapsed' | 'network';

/** What a content script reports after it has seen a post go out. Validated by the background. */
export interface DetectedShare {
  network: 'linkedin' | 'x';
  kind: 'post' | 'repost' | 'quote';
  /** 'intent' when posted from a share page (x.com/intent/post, linkedin shareActive); else 'composer'. */
  surface: 'intent' | 'composer';
  /** The submitted composer text (empty for an instant repost: other people's posts are never read). */
  text: string;
  /** Random per submitted post: a retry or a second confirmation of the same submit logs once. */
  submissionId: string;
  confirmedBy: Confirmation;
  /** The new post's public URL when the page reveals it (sent notice link, toast link). */
  permalink?: string;
  /** Which page layout the adapter recognised: 'x', 'linkedin-classic', 'linkedin-interop', 'linkedin-sdui'. */
  layout?: string;
}

/**
 * A content-free note from a content script that detection may be missing something on this page
 * (never text, URLs or ids): a submit in something that looks like a composer that no rule classified,
 * or a submit with no outcome the adapter knows.
 */
export interface DetectDiagnostic {
  network: 'linkedin' | 'x';
  layout: string;
  hooks: string[];
  reason: 'unclassified-submit' | 'no-outcome';
}
