import { afterEach, describe, expect, it } from 'vitest';
import { usePopupStore } from '../../lib/ui/popup-store';

// Post ids come from the company feed: per-post state must not fall through to Object.prototype
// (a post "constructor" once got a function as its draft and the popup crashed).
const PROTO_IDS = Object.getOwnPropertyNames(Object.prototype);
const initial = usePopupStore.getState();
afterEach(() => usePopupStore.setState(initial, true));

describe('popup store', () => {
  it.each(PROTO_IDS)('has no draft or note for a post id "%s" until one is set', (id) => {
    const s = usePopupStore.getState();
    expect(s.draftOf(id)).toBeUndefined();
    expect(s.noteOf(id)).toBeUndefined();
  });

  it('keeps drafts and notes per post id, prototype names included', () => {
    const { setDraft, setNote } = usePopupStore.getState();
    setDraft('__proto__', 'my words');
    setNote('constructor', 'Copied');
    setDraft('p-1', 'other');
    const s = usePopupStore.getState();
    expect([s.draftOf('__proto__'), s.noteOf('constructor'), s.draftOf('p-1'), s.draftOf('toString')]).toEqual([
      'my words',
      'Copied',
      'other',
      undefined,
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
