// In-page IndexedDB helpers for tests and benchmarks. Each function is stringified into an extension
// page by TestPage.evaluate, so each must be self-contained (no imports, no outer variables).

/** The `sharewise` database's version (Dexie version × 10) and its tables, without creating it. */
export const IDB_INFO = async (): Promise<{ version: number; tables: string[] } | null> =>
  new Promise((ok, fail) => {
    const req = indexedDB.open('sharewise');
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onerror = () => ok(null);
    req.onsuccess = () => {
      const db = req.result;
      const info = { version: db.version, tables: [...db.objectStoreNames].sort() };
      db.close();
      ok(info);
    };
    void fail;
  });

/** Number of rows in one table (0 when it does not exist). */
export const IDB_COUNT = async (table: string): Promise<number> =>
  new Promise((ok, fail) => {
    const req = indexedDB.open('sharewise');
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onerror = () => ok(0);
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(table)) {
        db.close();
        return ok(0);
      }
      const q = db.transaction(table).objectStore(table).count();
      q.onsuccess = () => {
        db.close();
        ok(q.result);
      };
      q.onerror = () => fail(q.error);
    };
  });

/** One row of a table by key, without creating the database (undefined when it, the table or the row is missing). */
export const IDB_GET = async ({ table, key }: { table: string; key: IDBValidKey }): Promise<unknown> =>
  new Promise((ok, fail) => {
    const req = indexedDB.open('sharewise');
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onerror = () => ok(undefined);
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(table)) {
        db.close();
        return ok(undefined);
      }
      const q = db.transaction(table).objectStore(table).get(key);
      q.onsuccess = () => {
        db.close();
        ok(q.result);
      };
      q.onerror = () => fail(q.error);
    };
  });

/** Adds rows to a table of the existing database (bench fixtures, hand-made feed cache rows). */
export const IDB_PUT = async ({ table, rows }: { table: string; rows: unknown[] }): Promise<number> =>
  new Promise((ok, fail) => {
    const req = indexedDB.open('sharewise');
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(table, 'readwrite');
      const store = tx.objectStore(table);
      for (const row of rows) store.put(row);
      tx.oncomplete = () => {
        db.close();
        ok(rows.length);
      };
      tx.onerror = () => fail(tx.error);
    };
  });

/**
 * Puts the database back to Dexie schema version 2 (IDB version 20) with the same rows, so the next
 * start of the background applies the v2 → current upgrade to existing data. The version-2 layout is
 * written out here on purpose: it is the old build's schema, frozen.
 */
export const IDB_DOWNGRADE_TO_V2 = async (): Promise<Record<string, number>> => {
  const open = (version?: number, upgrade?: (db: IDBDatabase) => void) =>
    new Promise<IDBDatabase>((ok, fail) => {
      const req = version ? indexedDB.open('sharewise', version) : indexedDB.open('sharewise');
      req.onupgradeneeded = () => upgrade?.(req.result);
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
  const done = (req: IDBRequest) =>
    new Promise<any>((ok, fail) => {
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
  const V2: Record<string, { keyPath: string; autoIncrement?: boolean; indexes: [string, string | string[]][] }> = {
    shares: {
      keyPath: 'id',
      indexes: [
        ['at', 'at'],
        ['[network+at]', ['network', 'at']],
        ['postId', 'postId'],
      ],
    },
    feedCache: { keyPath: 'key', indexes: [] },
    intents: {
      keyPath: 'id',
      autoIncrement: true,
      indexes: [
        ['at', 'at'],
        ['network', 'network'],
      ],
    },
    seen: { keyPath: 'key', indexes: [['at', 'at']] },
  };
  const current = await open();
  const dump: Record<string, unknown[]> = {};
  for (const name of Object.keys(V2)) {
    dump[name] = current.objectStoreNames.contains(name)
      ? await done(current.transaction(name).objectStore(name).getAll())
      : [];
  }
  current.close();
  await new Promise<void>((ok, fail) => {
    const del = indexedDB.deleteDatabase('sharewise');
    del.onerror = () => fail(del.error);
    // 'blocked' is only a notice: other connections get `versionchange` and Dexie closes them.
    const timer = setTimeout(() => fail(new Error('delete blocked: another connection holds the database')), 10_000);
    del.onsuccess = () => {
      clearTimeout(timer);
      ok();
    };
  });
  const v2 = await open(20, (db) => {
    for (const [name, spec] of Object.entries(V2)) {
      const store = db.createObjectStore(name, { keyPath: spec.keyPath, autoIncrement: spec.autoIncrement ?? false });
      for (const [index, keyPath] of spec.indexes) store.createIndex(index, keyPath);
    }
  });
  const counts: Record<string, number> = {};
  const tx = v2.transaction(Object.keys(V2), 'readwrite');
  for (const [name, rows] of Object.entries(dump)) {
    for (const row of rows) tx.objectStore(name).put(row);
    counts[name] = rows.length;
  }
  await new Promise<void>((ok, fail) => {
    tx.oncomplete = () => ok();
    tx.onerror = () => fail(tx.error);
  });
  v2.close();
  return counts;
};
