import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TestPage } from './page';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (WCAG 2.x A/AA rules and best practices) in the page and returns its violations in a
 * readable form, so a failing assertion says what is wrong and where.
 */
export async function axeViolations(page: TestPage): Promise<AxeViolation[]> {
  await page.evaluate((src: string) => {
    if (!(globalThis as { axe?: unknown }).axe) (0, eval)(src);
  }, axeSource);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
}
