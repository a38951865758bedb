/**
 * What a background module does when the extension starts over as if just installed: after "Delete
 * everything" (lib/background/my-data.ts) the feed is fetched again and its alarm set, as on install.
 * Each setup registers its own step; the steps run in registration order.
 */
type Step = () => unknown;
const steps: Step[] = [];

/** Registers a step; returns its removal. */
export function onFreshStart(step: Step): () => void {
  steps.push(step);
  return () => {
    const i = steps.indexOf(step);
    if (i >= 0) steps.splice(i, 1);
  };
}

export async function runFreshStart(): Promise<void> {
  for (const step of [...steps]) await step();
}
