import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupDiagnostics } from '../../lib/background/diagnostics';
import {
  addNote,
  DIAGNOSTICS_KEY,
  diagnosticsReport,
  MAX_NOTES,
  NOTE_TTL_MS,
  NOTICE_WINDOW_MS,
  readDiagnostics,
  sitesToMention,
} from '../../lib/diagnostics';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { deliver, envelope, useBackground } from './helpers/messaging';

const note = { network: 'x' as const, layout: 'x', hooks: ['post', 'notice'], reason: 'page-without-request' as const };
const DAY = 24 * 60 * 60 * 1000;

describe('diagnostic notes (pure)', () => {
  it('merges a repeated note, keeps at most MAX_NOTES and drops expired ones', () => {
    let d = addNote({ notes: [] }, note, 1000);
    d = addNote(d, note, 2000);
    expect(d.notes).toEqual([{ ...note, first: 1000, last: 2000, count: 2 }]);
    for (let i = 0; i < MAX_NOTES + 5; i++) d = addNote(d, { ...note, hooks: [`hook-${i}`] }, 3000 + i);
    expect(d.notes).toHaveLength(MAX_NOTES);
    expect(d.notes.at(-1)?.hooks).toEqual([`hook-${MAX_NOTES + 4}`]);
    expect(addNote(d, { ...note, network: 'linkedin' }, 3000 + NOTE_TTL_MS + 100).notes).toHaveLength(1);
  });

  it('mentions a site with a recent note made after the last dismissal', () => {
    const now = 100 * DAY;
    const d = addNote(
      addNote({ notes: [] }, note, now - DAY),
      { ...note, network: 'linkedin' },
      now - NOTICE_WINDOW_MS - 1,
    );
    expect(sitesToMention(d, now)).toEqual(['x']);
    expect(sitesToMention({ ...d, dismissedAt: now - 1000 }, now)).toEqual([]);
  });

  it('reads only well-formed notes, and copies details without any content', () => {
    const d = readDiagnostics({
      notes: [
        { ...note, first: 1, last: 2, count: 1 },
        { ...note, layout: 'https://x.com/a', first: 1, last: 2, count: 1 },
        null,
      ],
      dismissedAt: 'x',
    });
    expect(d).toEqual({ notes: [{ ...note, first: 1, last: 2, count: 1 }] });
    expect(JSON.parse(diagnosticsReport(d, '1.2.3'))).toEqual({
      sharewise: '1.2.3',
      notes: [{ ...note, first: '1970-01-01T00:00:00.001Z', last: '1970-01-01T00:00:00.002Z', count: 1 }],
    });
    expect(readDiagnostics(undefined)).toEqual({ notes: [] });
  });
});

useBackground();

describe('cs:detectDiagnostic and ui:dismissDiagnostics', () => {
  const fromX = { id: fakeBrowser.runtime.id, url: 'https://x.com/home', tab: { id: 3, url: 'https://x.com/home' } };
  const stored = async () => readDiagnostics((await fakeBrowser.storage.local.get(DIAGNOSTICS_KEY))[DIAGNOSTICS_KEY]);
  const msg = { network: 'x', layout: 'x', hooks: ['composer', 'submit'], reason: 'unclassified-submit' };

  it('keeps a note from the content script of that site', async () => {
    setupDiagnostics();
    expect(await deliver(envelope('cs:detectDiagnostic', msg), fromX)).toEqual({ ok: true });
    expect((await stored()).notes).toEqual([{ ...msg, first: expect.any(Number), last: expect.any(Number), count: 1 }]);
  });

  it.each([
    ['text in a hook', { ...msg, hooks: ['Hello world'] }, fromX],
    ['a link as the layout', { ...msg, layout: 'https://x.com/a' }, fromX],
    ['an extra field', { ...msg, text: 'secret' }, fromX],
    ['another site', msg, { ...fromX, url: 'https://evil.example/', tab: { id: 3, url: 'https://evil.example/' } }],
  ])('refuses %s and keeps nothing', async (_, data, sender) => {
    setupDiagnostics();
    expect(await deliver(envelope('cs:detectDiagnostic', data), sender)).toEqual({ rejected: expect.any(String) });
    expect((await stored()).notes).toEqual([]);
  });

  it('keeps no note while tracking of that site is off', async () => {
    setupDiagnostics();
    await fakeBrowser.storage.local.set({
      settings: {
        ...DEFAULT_SETTINGS,
        tracking: { ...DEFAULT_SETTINGS.tracking, networks: { linkedin: true, x: false } },
      },
    });
    expect(await deliver(envelope('cs:detectDiagnostic', msg), fromX)).toEqual({ ok: true });
    expect((await stored()).notes).toEqual([]);
  });

  it('dismisses from the popup only', async () => {
    setupDiagnostics();
    await deliver(envelope('cs:detectDiagnostic', msg), fromX);
    expect(await deliver(envelope('ui:dismissDiagnostics', {}), fromX)).toEqual({ rejected: expect.any(String) });
    expect((await stored()).dismissedAt).toBeUndefined();
    expect(
      await deliver(envelope('ui:dismissDiagnostics', {}), {
        id: fakeBrowser.runtime.id,
        url: fakeBrowser.runtime.getURL('/popup.html'),
      }),
    ).toEqual({ ok: true });
    expect((await stored()).dismissedAt).toEqual(expect.any(Number));
    expect((await stored()).notes).toHaveLength(1);
  });
});
