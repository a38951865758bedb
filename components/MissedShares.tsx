import { lazy, Suspense, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { Notice } from '@/components/Notice';
import {
  DIAGNOSTICS_KEY,
  diagnosticsReport,
  readDiagnostics,
  sitesToMention,
  type Diagnostics,
} from '@/lib/diagnostics';
import { t } from '@/lib/i18n';
import { sendToBackground } from '@/lib/messaging/send';

// The claim form is fetched when the employee opens it: its own chunk keeps the popup's script in budget.
const ClaimShare = lazy(() => import('@/components/ClaimShare'));

const SITE_NAMES = { linkedin: 'LinkedIn', x: 'X' } as const;

/**
 * Self-diagnosis (issue 11): when the background noted that detection and the site disagreed
 * (lib/diagnostics.ts), say calmly that shares may be missing there, offer the content-free details
 * for a bug report (clipboard only, nothing is sent) and point to the claim below. Self-contained:
 * reads storage.local itself and follows its changes.
 */
export function MissedSharesNotice({ now }: { now: number }) {
  const [diag, setDiag] = useState<Diagnostics>({ notes: [] });
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    const read = () =>
      void browser.storage.local.get(DIAGNOSTICS_KEY).then(
        (s) => setDiag(readDiagnostics(s[DIAGNOSTICS_KEY])),
        () => {},
      );
    read();
    const onChanged = (changes: Record<string, unknown>) => {
      if (DIAGNOSTICS_KEY in changes) read();
    };
    browser.storage.local.onChanged.addListener(onChanged);
    return () => browser.storage.local.onChanged.removeListener(onChanged);
  }, []);

  const sites = sitesToMention(diag, now);
  if (sites.length === 0) return null;
  const details = diagnosticsReport(diag, browser.runtime.getManifest().version);
  const copyDetails = () =>
    navigator.clipboard.writeText(details).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  return (
    <Notice tone="info" testId="missed-shares">
      <p>{t('missedNotice', sites.map((s) => SITE_NAMES[s]).join(', '))}</p>
      <p>
        <button type="button" data-testid="missed-copy" onClick={() => void copyDetails()}>
          {t('missedCopy')}
        </button>{' '}
        <button
          type="button"
          data-testid="missed-dismiss"
          onClick={() => void sendToBackground('ui:dismissDiagnostics', {}).catch(() => {})}
        >
          {t('missedDismiss')}
        </button>
      </p>
      {copy === 'copied' && <p role="status">{t('missedCopied')}</p>}
      {copy === 'failed' && (
        <>
          <p role="status">{t('missedCopyFailed')}</p>
          <textarea readOnly value={details} rows={6} data-testid="missed-details" />
        </>
      )}
    </Notice>
  );
}

/** "Shared it but it isn't counted?" behind a disclosure; the form is fetched on first open. */
export function ClaimDisclosure({ posts }: { posts: { id: string; title: string }[] }) {
  const [open, setOpen] = useState(false);
  return (
    <details data-testid="claim-disclosure" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('claimOpen')}</summary>
      {open && (
        <Suspense>
          <ClaimShare posts={posts} />
        </Suspense>
      )}
    </details>
  );
}
