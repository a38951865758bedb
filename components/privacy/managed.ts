import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { parseManaged, type ManagedResult } from '@/lib/managed';

/** Reads the administrator's policy. Firefox throws when no policy exists: that simply means none. */
export async function loadManaged(): Promise<ManagedResult> {
  try {
    return parseManaged(await browser.storage.managed.get());
  } catch {
    return { config: {}, problems: [] };
  }
}

export function useManaged(): ManagedResult | null {
  const [managed, setManaged] = useState<ManagedResult | null>(null);
  useEffect(() => {
    void loadManaged().then(setManaged);
  }, []);
  return managed;
}
