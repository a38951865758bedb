import { useId, useState } from 'react';
import { t } from '@/lib/i18n';
import type { ClaimResult } from '@/lib/messaging/protocol';
import { sendToBackground } from '@/lib/messaging/send';

type Problem = Extract<ClaimResult, { ok: false }>['problem'];
const PROBLEM_TEXT: Record<Problem, string> = {
  empty: 'claimEmpty',
  'not-a-link': 'claimNotALink',
  'not-a-post': 'claimNotAPost',
  'already-logged': 'claimAlready',
  'unknown-post': 'claimUnknownPost',
};

/**
 * Claim a share Sharewise missed: the link of the employee's post and the approved post it was for
 * (or none). The background checks the link (lib/permalink.ts) and refuses one already counted; the
 * share is logged with `surface: 'manual'` and counts for progress like any other.
 */
export function ClaimShare({ posts }: { posts: { id: string; title: string }[] }) {
  const id = useId();
  const [link, setLink] = useState('');
  const [postId, setPostId] = useState('');
  const [status, setStatus] = useState<{ tone: 'ok' | 'problem'; text: string } | null>(null);

  const submit = async () => {
    try {
      const answer = await sendToBackground('ui:claimShare', { link: link.slice(0, 4096), postId: postId || null });
      if ('rejected' in answer) setStatus({ tone: 'problem', text: t('claimError') });
      else if (answer.ok) {
        setStatus({ tone: 'ok', text: t('claimDone') });
        setLink('');
      } else setStatus({ tone: 'problem', text: t(PROBLEM_TEXT[answer.problem]) });
    } catch {
      setStatus({ tone: 'problem', text: t('claimError') });
    }
  };

  return (
    <form
      data-testid="claim-share"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={`${id}-link`}>{t('claimLinkLabel')}</label>
      <input
        id={`${id}-link`}
        // Text, not type="url": a pasted "x.com/…" without https:// is fine here (the background reads it).
        type="text"
        inputMode="url"
        spellCheck={false}
        autoComplete="off"
        data-testid="claim-link"
        value={link}
        maxLength={4096}
        aria-describedby={`${id}-hint ${id}-status`}
        aria-invalid={status?.tone === 'problem' ? true : undefined}
        onChange={(e) => setLink(e.target.value)}
      />
      <small id={`${id}-hint`}>{t('claimLinkHint')}</small>
      <label htmlFor={`${id}-post`}>{t('claimPostLabel')}</label>
      <select id={`${id}-post`} data-testid="claim-post" value={postId} onChange={(e) => setPostId(e.target.value)}>
        <option value="">{t('claimPostNone')}</option>
        {posts.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </select>
      <button type="submit" data-testid="claim-submit">
        {t('claimSubmit')}
      </button>
      <p
        id={`${id}-status`}
        role="status"
        data-testid="claim-status"
        className={status?.tone === 'problem' ? 'error-detail' : undefined}
      >
        {status?.text ?? ''}
      </p>
    </form>
  );
}

// The popup loads this lazily (React.lazy wants a default export).
export default ClaimShare;
