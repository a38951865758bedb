import { beforeEach } from 'vitest';
import { getDb, type SharewiseDB } from '../../../lib/db';

/**
 * The one way a unit test gets its database: the extension's own (getDb(), in the in-memory
 * IndexedDB every test file gets fresh), opened and with every table empty.
 */
export async function emptyDb(): Promise<SharewiseDB> {
  const db = getDb();
  await db.open();
  await Promise.all(db.tables.map((t) => t.clear()));
  return db;
}

/** Before each test of the calling file or describe block: `emptyDb()`. */
export function useEmptyDb(): void {
  beforeEach(async () => {
    await emptyDb();
  });
}
