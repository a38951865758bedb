import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupMyData } from '../../lib/background/my-data';
import { rotateInstallId, setupReporting } from '../../lib/background/reporting';
import { getDb } from '../../lib/db';
import { DEFAULT_SETTINGS, loadSettings, updateSettings, type Settings } from '../../lib/settings';
import { deliver, envelope, useBackground } from './helpers/messaging';

const OPTIONS = { id: fakeBrowser.runtime.id, url: `${fakeBrowser.runtime.getURL('/')}options.html` };
const OLD_ID = 'install-old-0001';

function named(): Settings {
  const s = structuredClone(DEFAULT_SETTINGS);
  return {
    ...s,
    installId: OLD_ID,
    reporting: {
      ...s.reporting,
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      fields: { ...s.reporting.fields, identity: 'named' },
    },
  };
}

async function waitForNewId(): Promise<string> {
  return vi.waitFor(async () => {
    const id = (await loadSettings()).installId;
    if (!id || id === OLD_ID) throw new Error('the install id was not replaced');
    return id;
  });
}

useBackground();

describe('the pseudonymous install id', () => {
  it('is replaced, with the keys of queued reports, so later reports cannot be tied to earlier ones', async () => {
    const db = getDb();
    await updateSettings(() => named());
    const start = new Date(2026, 10, 16).getTime();
    await db.outbox.add({
      key: `${OLD_ID}:week:2026-11-16`,
      endpoint: 'https://r.example/',
      createdAt: 0,
      attempts: 1,
      nextAttemptAt: 0,
      period: { kind: 'week', start, end: new Date(2026, 10, 23).getTime() },
      report: {
        schemaVersion: 1,
        identity: { kind: 'named', installId: OLD_ID, name: 'Ada Lovelace', email: 'ada@example.com' },
        period: { kind: 'week', start: '2026-11-16', end: '2026-11-23' },
        generatedAt: new Date(0).toISOString(),
      },
    });
    const fresh = await rotateInstallId(db);
    expect(fresh).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    expect(fresh).not.toBe(OLD_ID);
    expect((await loadSettings()).installId).toBe(fresh);
    const [row] = await db.outbox.toArray();
    expect(row!.key).toBe(`${fresh}:week:2026-11-16`);
    expect(row!.report.identity.installId).toBe(fresh);
    expect(JSON.stringify(await db.outbox.toArray())).not.toContain(OLD_ID);
  });

  it('is replaced when the employee switches from named to pseudonymous reports', async () => {
    setupReporting({ now: () => Date.now(), readManaged: async () => ({}) });
    // Storage awaits the background's change listener, so any replacement would be done by now.
    await updateSettings(() => named());
    expect((await loadSettings()).installId).toBe(OLD_ID); // naming oneself keeps it
    const s = named();
    await updateSettings(() => ({
      ...s,
      reporting: { ...s.reporting, fields: { ...s.reporting.fields, identity: 'anonymous' } },
    }));
    await waitForNewId();
  });

  it('is replaced by "Delete everything"', async () => {
    setupMyData();
    await updateSettings(() => ({ ...structuredClone(DEFAULT_SETTINGS), installId: OLD_ID }));
    expect(await deliver(envelope('ui:deleteAllData', { confirm: 'delete-everything' }), OPTIONS)).toEqual({
      ok: true,
    });
    expect((await loadSettings()).installId).not.toBe(OLD_ID);
    expect((await loadSettings()).installId).toMatch(/^[A-Za-z0-9-]{8,64}$/);
  });
});
