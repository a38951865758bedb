import { browser } from 'wxt/browser';
import type { FeedPost, Program } from '@/lib/feed/schema';
import { t } from '@/lib/i18n';
import { sendToBackground as sendMessage } from '@/lib/messaging/send';
import {
  composedText,
  isSuggestedText,
  linkedInLength,
  linkedInShareUrl,
  COMPOSER_LIMITS,
  xLength,
  xShareUrl,
  type ShareContent,
} from '@/lib/share-url';
import type { Network } from '@/lib/shares';
import { usePopupStore, type NetworkFilter } from '@/lib/ui/popup-store';
import { domain, NETWORK_NAMES } from './format';

const FILTERS: NetworkFilter[] = ['all', 'linkedin', 'x'];

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Shared on every network it is meant for: nothing more to earn from it this way. */
const done = (post: FeedPost, shared: Map<string, Set<Network>>) =>
  post.networks.every((n) => shared.get(post.id)?.has(n));

/**
 * Approved, unexpired posts (lib/feed/select activePosts: newest first), with a network filter: the
 * ones still to share first, those already shared on all their networks collapsed below them.
 */
export function Posts({
  posts,
  shared,
  program,
}: {
  posts: FeedPost[];
  shared: Map<string, Set<Network>>;
  program: Program | undefined;
}) {
  const filter = usePopupStore((s) => s.filter);
  const setFilter = usePopupStore((s) => s.setFilter);
  const visible = filter === 'all' ? posts : posts.filter((p) => p.networks.includes(filter));
  const toShare = visible.filter((p) => !done(p, shared));
  const already = visible.filter((p) => done(p, shared));
  const card = (p: FeedPost) => (
    <li key={p.id}>
      <PostCard post={p} shared={shared.get(p.id)} program={program} />
    </li>
  );

  return (
    <section className="posts" aria-labelledby="posts-heading">
      <div className="posts-head">
        <h2 id="posts-heading">{t('popupPostsHeading')}</h2>
        <fieldset className="filter">
          <legend className="sr-only">{t('popupFilterLegend')}</legend>
          {FILTERS.map((f) => (
            <label key={f} className={filter === f ? 'on' : ''}>
              <input type="radio" name="network" value={f} checked={filter === f} onChange={() => setFilter(f)} />
              {f === 'all' ? t('popupFilterAll') : NETWORK_NAMES[f]}
            </label>
          ))}
        </fieldset>
      </div>
      {posts.length === 0 ? (
        <p data-testid="no-posts">{t('popupNoPosts')}</p>
      ) : visible.length === 0 ? (
        <p data-testid="no-posts">{t('popupNoPostsForNetwork')}</p>
      ) : (
        <>
          {toShare.length > 0 && <ul className="post-list">{toShare.map(card)}</ul>}
          {already.length > 0 && (
            <details className="already" data-testid="already-shared">
              <summary>{t('popupAlreadyShared', String(already.length))}</summary>
              <ul className="post-list">{already.map(card)}</ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}

function PostCard({
  post,
  shared,
  program,
}: {
  post: FeedPost;
  shared: Set<Network> | undefined;
  program: Program | undefined;
}) {
  const draft = usePopupStore((s) => s.drafts.get(post.id)) ?? post.text;
  const aboutToShare = usePopupStore((s) => s.aboutToShare === post.id);
  const note = usePopupStore((s) => s.notes.get(post.id));
  const { setDraft, setAboutToShare, setNote } = usePopupStore.getState();
  const suggestions = [post.text, ...post.variants];
  const content: ShareContent = { postId: post.id, text: draft, url: post.url, hashtags: post.hashtags };
  const hintId = `hint-${post.id}`;
  const showHint = aboutToShare && isSuggestedText(draft, suggestions);
  const choice = suggestions.indexOf(draft);

  const share = async (network: Network) => {
    let url = xShareUrl(content);
    if (network === 'linkedin') {
      const li = linkedInShareUrl(content);
      url = li.url;
      // The official page takes only the link: the text goes to the clipboard to paste.
      if (!li.prefilled)
        setNote(post.id, t((await copy(composedText(content))) ? 'popupPasteText' : 'popupTooLongNoCopy'));
    }
    // The intent lets the background attribute the coming share to this post; if it fails the
    // campaign link in the text still attributes it, so sharing goes on.
    await sendMessage('ui:recordIntent', { postId: post.id, network }).catch(() => undefined);
    await browser.tabs.create({ url });
  };

  return (
    <article className="post" aria-labelledby={`title-${post.id}`} data-testid={`post-${post.id}`}>
      <h3 id={`title-${post.id}`}>{post.title}</h3>
      <p className="post-text" data-testid="post-text">
        {draft}
      </p>
      <div className="actions" onFocus={() => setAboutToShare(post.id)} onPointerEnter={() => setAboutToShare(post.id)}>
        {post.networks.map((n) => (
          <span key={n} className="share">
            <button
              type="button"
              className="primary"
              data-testid={`share-${n}`}
              aria-describedby={showHint ? hintId : undefined}
              onClick={() => void share(n)}
            >
              {t(n === 'x' ? 'popupShareX' : 'popupShareLinkedIn')}
              {program && program.points[n] > 0 && (
                <>
                  <span className="pts" aria-hidden="true">
                    {' '}
                    +{program.points[n]}
                  </span>
                  <span className="sr-only">{` ${t('popupSharePoints', String(program.points[n]))}`}</span>
                </>
              )}
            </button>
            {shared?.has(n) && (
              <span className="ok" data-testid={`shared-${n}`}>
                {t('popupShared', NETWORK_NAMES[n])}
              </span>
            )}
          </span>
        ))}
        <button
          type="button"
          className="icon"
          data-testid="copy"
          aria-label={t('popupCopy')}
          title={t('popupCopy')}
          onClick={async () =>
            setNote(post.id, t((await copy(composedText(content))) ? 'popupCopied' : 'popupCopyFailed'))
          }
        >
          <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
              fill="currentColor"
              d="M16 1H4a2 2 0 0 0-2 2v14h2V3h12zm3 4H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2zm0 16H8V7h11z"
            />
          </svg>
        </button>
      </div>
      {showHint && (
        <p className="hint muted" id={hintId} data-testid="hint">
          {t('popupHintPersonal')}
        </p>
      )}
      {/* <output> is a polite live region: "Copied" and paste hints are announced without stealing focus. */}
      <output className="note">{note}</output>
      <details className="edit">
        <summary>{t('popupEdit')}</summary>
        <p className="meta muted">
          <span>{domain(post.url)}</span>
          {post.hashtags.length > 0 && <span>{post.hashtags.map((h) => `#${h}`).join(' ')}</span>}
          <span>{t('popupFor', post.networks.map((n) => NETWORK_NAMES[n]).join(', '))}</span>
        </p>
        {post.variants.length > 0 && (
          <label className="field">
            {t('popupWording')}
            <select
              value={choice}
              onChange={(e) => setDraft(post.id, suggestions[Number(e.target.value)] ?? post.text)}
            >
              {choice < 0 && <option value={-1}>{t('popupWordingOwn')}</option>}
              {suggestions.map((_, i) => (
                <option key={i} value={i}>
                  {i === 0 ? t('popupWordingSuggested') : t('popupWordingVariant', String(i))}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          {t('popupYourText')}
          <textarea
            rows={4}
            maxLength={COMPOSER_LIMITS.linkedin}
            value={draft}
            onChange={(e) => setDraft(post.id, e.target.value)}
          />
        </label>
        <p className="count muted" data-testid="char-count">
          {post.networks.includes('x') && <Count label="X" n={xLength(content)} max={COMPOSER_LIMITS.x} />}
          {post.networks.includes('linkedin') && (
            <Count label="LinkedIn" n={linkedInLength(content)} max={COMPOSER_LIMITS.linkedin} />
          )}
        </p>
      </details>
    </article>
  );
}

function Count({ label, n, max }: { label: string; n: number; max: number }) {
  return (
    <span className={n > max ? 'over' : ''}>
      {t('popupCount', [label, String(n), String(max)])}
      {n > max && ` — ${t('popupCountOver', String(n - max))}`}
    </span>
  );
}
