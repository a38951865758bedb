import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTracker, decideSubmit, keyOf, repostCandidate, type SubmitFacts } from '../../lib/detect/engine';

const facts = (over: Partial<SubmitFacts> = {}): SubmitFacts => ({
  disabled: false,
  text: 'Hello world',
  reply: false,
  scheduled: false,
  quote: false,
  edit: false,
  intent: false,
  ...over,
});

describe('decideSubmit: what a post-button click or Ctrl+Enter publishes', () => {
  it('is a post from the composer by default, with trimmed text', () => {
    expect(decideSubmit('x', facts({ text: '  Hello world \n' }))).toEqual({
      network: 'x',
      kind: 'post',
      surface: 'composer',
      text: 'Hello world',
    });
  });

  it('is a quote when a quoted post is attached, and surface intent from a share page', () => {
    expect(decideSubmit('linkedin', facts({ quote: true, intent: true }))).toMatchObject({
      kind: 'quote',
      surface: 'intent',
    });
  });

  it.each([
    ['a disabled button', { disabled: true }],
    ['an empty composer', { text: '' }],
    ['a whitespace-only composer', { text: ' \n\t ' }],
    ['a reply', { reply: true }],
    ['a post scheduled for later', { scheduled: true }],
    ['a reply even when quoting', { reply: true, quote: true }],
  ])('publishes nothing for %s', (_, over) => {
    expect(decideSubmit('x', facts(over))).toBeNull();
  });

  it('never publishes a reply, a scheduled post or from a disabled button, whatever else holds', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.string(),
        (disabled, reply, scheduled, quote, edit, intent, text) => {
          const c = decideSubmit('x', { disabled, reply, scheduled, quote, edit, intent, text });
          if (disabled || reply || scheduled || edit || !text.trim()) expect(c).toBeNull();
          else
            expect(c).toMatchObject({
              kind: quote ? 'quote' : 'post',
              surface: intent ? 'intent' : 'composer',
              text: text.trim(),
            });
        },
      ),
    );
  });

  it('builds an instant repost without any text', () => {
    expect(repostCandidate('linkedin')).toEqual({ network: 'linkedin', kind: 'repost', surface: 'composer', text: '' });
  });
});

describe('createTracker: each submission is reported at most once', () => {
  const ids = () => {
    let n = 0;
    return () => `submission-${++n}`;
  };
  const post = (text: string) => decideSubmit('x', facts({ text }))!;

  it('reports a confirmed submission once, naming the confirming signal', () => {
    const t = createTracker(ids());
    t.gesture(post('a'), keyOf(post('a')));
    expect(t.settle('notice')).toEqual({
      network: 'x',
      kind: 'post',
      surface: 'composer',
      text: 'a',
      submissionId: 'submission-1',
      confirmedBy: 'notice',
    });
    // A second signal for the same submission (composer closed after the notice) reports nothing.
    expect(t.settle('composer-closed')).toBeNull();
  });

  it('keeps one submission id across a double click or a retry of the same post', () => {
    const t = createTracker(ids());
    t.gesture(post('a'), keyOf(post('a')));
    t.gesture(post('a'), keyOf(post('a')));
    expect(t.settle('notice')?.submissionId).toBe('submission-1');
  });

  it('reports nothing for a rejected or timed-out submission', () => {
    const t = createTracker(ids());
    t.gesture(post('a'), keyOf(post('a')));
    expect(t.settle(null)).toBeNull();
    expect(t.settle('notice')).toBeNull();
  });

  it('a different post replaces the one waiting', () => {
    const t = createTracker(ids());
    t.gesture(post('a'), keyOf(post('a')));
    t.gesture(post('b'), keyOf(post('b')));
    expect(t.settle('notice')).toMatchObject({ text: 'b', submissionId: 'submission-2' });
  });

  it('tells reposts of different posts apart by the reposted item, and the same item as one', () => {
    const [first, second] = [{}, {}];
    const t = createTracker(ids());
    t.gesture(repostCandidate('x'), keyOf(repostCandidate('x'), first));
    t.gesture(repostCandidate('x'), keyOf(repostCandidate('x'), first));
    expect(t.settle('reposted')?.submissionId).toBe('submission-1');
    t.gesture(repostCandidate('x'), keyOf(repostCandidate('x'), first));
    t.gesture(repostCandidate('x'), keyOf(repostCandidate('x'), second));
    expect(t.settle('reposted')?.submissionId).toBe('submission-3');
  });

  it('never reports more shares than submissions were confirmed, whatever the order of events', () => {
    const event = fc.oneof(
      fc.record({ type: fc.constant('gesture' as const), text: fc.constantFrom('a', 'b') }),
      fc.record({
        type: fc.constant('settle' as const),
        by: fc.constantFrom('notice' as const, 'composer-closed' as const, null),
      }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        const t = createTracker(ids());
        const reported: string[] = [];
        let confirmations = 0;
        let waiting = false;
        for (const e of events) {
          if (e.type === 'gesture') {
            t.gesture(post(e.text), keyOf(post(e.text)));
            waiting = true;
          } else {
            const s = t.settle(e.by);
            if (s) reported.push(s.submissionId);
            if (waiting && e.by) confirmations++;
            waiting = false;
          }
        }
        expect(reported.length).toBe(confirmations);
        expect(new Set(reported).size).toBe(reported.length);
      }),
    );
  });
});

describe("createTracker: rejections and the new post's link", () => {
  const ids = () => {
    let n = 0;
    return () => `submission-${++n}`;
  };
  const post = (text: string) => decideSubmit('x', facts({ text }))!;

  it('drops a post the site refused when no other send of it is in flight; a retry is a new submission', () => {
    const t = createTracker(ids());
    t.gesture(post('a'), keyOf(post('a')));
    expect(t.reject()).toBe(true);
    expect(t.settle('notice')).toBeNull();
    t.gesture(post('a'), keyOf(post('a')));
    expect(t.settle('notice')?.submissionId).toBe('submission-2');
  });

  it('keeps waiting for the first send of a double click whose second send was refused as a duplicate', () => {
    const t = createTracker(ids());
    t.gesture(post('a'), keyOf(post('a')));
    t.gesture(post('a'), keyOf(post('a')));
    expect(t.reject()).toBe(false);
    expect(t.settle('notice')).toMatchObject({ text: 'a', submissionId: 'submission-1' });
    expect(t.settle('notice')).toBeNull();
  });

  it('drops a double-clicked post once both of its sends were refused, not before', () => {
    const t = createTracker(ids());
    t.gesture(post('a'), keyOf(post('a')));
    t.gesture(post('a'), keyOf(post('a')));
    expect(t.reject()).toBe(false);
    expect(t.reject()).toBe(true);
    expect(t.settle('notice')).toBeNull();
  });

  it('carries the permalink the sent notice linked, and none when there was no link', () => {
    const t = createTracker(ids());
    t.gesture(post('a'), keyOf(post('a')));
    expect(t.settle('notice', 'https://x.com/someone/status/1860000000000000001')).toMatchObject({
      permalink: 'https://x.com/someone/status/1860000000000000001',
    });
    t.gesture(post('b'), keyOf(post('b')));
    expect(t.settle('undo-elapsed')).not.toHaveProperty('permalink');
  });

  it('an edit of a post already out is no new share', () => {
    expect(decideSubmit('x', facts({ edit: true }))).toBeNull();
  });
});
