import { z } from 'zod';

export const NETWORKS = ['linkedin', 'x'] as const;
export const NetworkSchema = z.enum(NETWORKS);
export type Network = z.infer<typeof NetworkSchema>;

export const ShareKindSchema = z.enum(['post', 'repost', 'quote']);
export type ShareKind = z.infer<typeof ShareKindSchema>;

/** 'intent': posted from a share page Sharewise opened; 'composer': the site's own composer. */
export const SurfaceSchema = z.enum(['intent', 'composer']);
export type Surface = z.infer<typeof SurfaceSchema>;

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
  /** The public address of the share once known; reported only with the employee's "links" choice. */
  permalink: z.string().max(2048).optional(),
});
export type Share = z.infer<typeof ShareSchema>;
