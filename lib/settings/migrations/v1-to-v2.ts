/**
 * Version 2 adds two report fields: the bonus status and links to shares of approved posts. Both
 * start off, whatever else the employee allowed before: nothing new leaves without a new choice.
 */
export function v1ToV2(raw: Record<string, unknown>): Record<string, unknown> {
  const reporting = (raw.reporting ?? {}) as Record<string, unknown>;
  const fields = (reporting.fields ?? {}) as Record<string, unknown>;
  return { ...raw, reporting: { ...reporting, fields: { ...fields, bonus: 'off', shareLinks: false } } };
}
