import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';

export function App() {
  const db = getDb();
  const feedRow = useLiveQuery(() => db.feedCache.get('current'), [], null);
  const shareCount = useLiveQuery(() => db.shares.count(), []);

  if (feedRow === null || shareCount === undefined) return <p role="status">{t('popupLoading')}</p>;
  const feed = feedRow?.feed;
  return (
    <main>
      <h1 data-testid="vision-headline">{feed ? feed.vision.headline : t('popupNoFeed')}</h1>
      <p data-testid="share-count">{t('popupSharesLogged', String(shareCount))}</p>
    </main>
  );
}
