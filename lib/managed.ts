import { z } from 'zod';
import { checkRemoteUrl, REMOTE_URL_MESSAGES } from './remote-url';

/**
 * What an administrator can preconfigure (Chrome policy with public/managed_schema.json, Firefox
 * policies.json "3rdparty"). Untrusted input: each key is validated on its own, a bad one is
 * ignored with a reason, and nothing here can switch a reporting field on for the employee.
 */
/** An address from a policy: the same check as the employee's own (lib/remote-url.ts), normalised. */
const remoteUrl = z.string().transform((value, ctx) => {
  const checked = checkRemoteUrl(value);
  if (checked.ok) return checked.url;
  ctx.addIssue({ code: 'custom', message: REMOTE_URL_MESSAGES[checked.error] });
  return z.NEVER;
});

export const MANAGED_KEYS = {
  feedUrl: remoteUrl,
  reportEndpoint: remoteUrl,
  companyName: z.string().trim().min(1).max(120),
} as const;

export type ManagedConfig = { [K in keyof typeof MANAGED_KEYS]?: z.infer<(typeof MANAGED_KEYS)[K]> };

export interface ManagedResult {
  config: ManagedConfig;
  /** One line per ignored value: "feedUrl ignored: must be an https:// URL". */
  problems: string[];
}

export function parseManaged(raw: unknown): ManagedResult {
  const config: ManagedConfig = {};
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { config, problems };
  if (typeof raw !== 'object' || Array.isArray(raw))
    return { config, problems: ['managed settings ignored: not an object'] };
  for (const [key, schema] of Object.entries(MANAGED_KEYS) as [keyof ManagedConfig, z.ZodType][]) {
    const value = (raw as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) (config as Record<string, unknown>)[key] = parsed.data;
    else problems.push(`${key} ignored: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return { config, problems };
}
