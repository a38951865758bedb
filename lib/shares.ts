import { z } from 'zod';

export const NETWORKS = ['linkedin', 'x'] as const;
export const NetworkSchema = z.enum(NETWORKS);
export type Network = z.infer<typeof NetworkSchema>;

export const ShareKindSchema = z.enum(['post', 'repost', 'quote']);
export type ShareKind = z.infer<typeof ShareKindSchema>;

/**
 * 'intent': posted from a share page Sharewise opened; 'composer': the site's own composer;
 * 'manual': claimed by the employee with the link of their post (popup, "Shared it but it isn't counted?").
 */
export const SurfaceSchema = z.enum(['intent', 'composer', 'manual']);
export type Surface = z.infer<typeof SurfaceSchema>;

/**
 * Which independent signal confirmed a share: 'page' — the content script saw the submit and the site's
 * own outcome; 'request' — the background saw the site's create request succeed (lib/background/requests.ts).
 * A manual claim has none.
 */
export const SignalSchema = z.enum(['page', 'request']);
export type Signal = z.infer<typeof SignalSchema>;

/** One detected share: the `shares` contract in DESIGN.md. */
export const ShareSchema = z.object({
  id: z.string().min(1).max(64),
  at: z.number().int().nonnegative(),
  network: NetworkSchema,
  kind: ShareKindSchema,
  postId: z.string().min(1).max(200).nullable(),
  surface: SurfaceSchema,
  urls: z.array(z.string().max(2048)).max(50),
  text: z.string().max(10_000).optional(),
  /**
   * The new post's public link, normalised (lib/permalink.ts): the dedupe key across signals and claims.
   * Reported only with the employee's "links" choice.
   */
  permalink: z.string().url().max(2048).optional(),
  /** Absent only on rows written before schema version 5 (and their exports): those were all 'page'. */
  signals: z.array(SignalSchema).max(2).optional(),
});
export type Share = z.infer<typeof ShareSchema>;
