import { useId, useMemo, useState, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { activePosts } from '@/lib/feed/select';
import { blankPost, checkFeedText, editText, getAt, jsonObject, type Path } from '@/lib/company/feed-studio';
import { t } from '@/lib/i18n';
import { localDate } from '@/lib/period';
import { useNow } from '@/components/use-now';
import { computeProgressFromDays } from '@/lib/progress';
import { Posts } from '../popup/Posts';
import { Progress } from '../popup/Progress';
import { Vision } from '../popup/Vision';
import { download } from '@/components/download';

type Edit = (path: Path, value: unknown) => void;

/**
 * Feed studio: a feed from the demo, a file or a URL; edited in a form or as JSON; checked as you type by
 * the extension's own parser with the messages employees would see; previewed with the popup's own
 * components; exported as feed.json. Nothing leaves the page but the URL fetch the editor asks for.
 */
export function FeedStudio() {
  const now = useNow();
  const [text, setText] = useState('');
  const [loadMessage, setLoadMessage] = useState<string | null>(null);
  const [url, setUrl] = useState('');
  const [copied, setCopied] = useState<string | null>(null);
  const check = useMemo(() => (text.trim() ? checkFeedText(text) : null), [text]);
  const obj = useMemo(() => jsonObject(text), [text]);
  const ids = { editor: useId(), url: useId(), status: useId() };

  const load = async (what: () => Promise<string>, source: string) => {
    try {
      setText(await what());
      setLoadMessage(t('companyLoaded', source));
    } catch (err) {
      setLoadMessage(t('companyLoadFailed', [source, err instanceof Error ? err.message : String(err)]));
    }
  };
  const fetchText = async (address: string) => {
    const res = await fetch(address, { credentials: 'omit' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.text();
  };
  const edit: Edit = (path, value) => {
    const next = editText(text, path, value);
    if (next !== null) setText(next);
  };

  return (
    <section aria-labelledby="studio">
      <h2 id="studio">{t('companyStudioHeading')}</h2>
      <p>{t('companyStudioIntro')}</p>
      <div className="sw-card studio-sources">
        <button
          type="button"
          data-testid="studio-demo"
          onClick={() =>
            void load(
              () => fetchText((browser.runtime.getURL as (p: string) => string)('/demo-feed.json')),
              t('companyDemo'),
            )
          }
        >
          {t('companyStartDemo')}
        </button>
        <label className="sw-file">
          {t('companyOpenFile')}{' '}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="studio-file"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void load(() => file.text(), file.name);
            }}
          />
        </label>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (url.trim()) void load(() => fetchText(url.trim()), url.trim());
          }}
        >
          <label htmlFor={ids.url}>{t('companyFeedUrl')}</label>{' '}
          <input
            id={ids.url}
            type="url"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            placeholder="https://"
          />{' '}
          <button type="submit">{t('companyLoadUrl')}</button>
        </form>
        {loadMessage && (
          <p role="status" data-testid="studio-load-status">
            {loadMessage}
          </p>
        )}
      </div>

      <div className="studio-grid">
        <div>
          <div id={ids.status} aria-live="polite" data-testid="studio-check">
            {check === null ? (
              <p className="sw-hint">{t('companyEmpty')}</p>
            ) : check.ok ? (
              <div className="sw-card">
                <p data-testid="studio-valid">{t('companyValid', [String(check.feed.posts.length)])}</p>
                {check.warnings.length > 0 && (
                  <>
                    <p>{t('companyWarnings')}</p>
                    <ul data-testid="studio-warnings">
                      {check.warnings.map((w) => (
                        <li key={w}>{w}</li>
                      ))}
                    </ul>
                  </>
                )}
              </div>
            ) : (
              <div className="sw-card studio-errors">
                <p>{t('companyInvalid')}</p>
                <p data-testid="studio-message">
                  <output>{check.message}</output>
                </p>
                <ul data-testid="studio-errors">
                  {check.errors.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              </div>
            )}
          </div>

          {obj && <FeedForm obj={obj} edit={edit} />}

          <h3>
            <label htmlFor={ids.editor}>{t('companyJson')}</label>
          </h3>
          <textarea
            id={ids.editor}
            className="studio-json"
            spellCheck={false}
            value={text}
            aria-describedby={ids.status}
            data-testid="studio-json"
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <p>
            <button
              type="button"
              data-testid="studio-export"
              disabled={!text.trim()}
              onClick={() => download('feed.json', text, 'application/json')}
            >
              {t('companyExport')}
            </button>{' '}
            <button
              type="button"
              data-testid="studio-copy"
              disabled={!text.trim()}
              onClick={() =>
                void navigator.clipboard.writeText(text).then(
                  () => setCopied(t('companyCopied')),
                  () => setCopied(t('companyCopyFailed')),
                )
              }
            >
              {t('companyCopy')}
            </button>{' '}
            {copied && <span role="status">{copied}</span>}
          </p>
        </div>
        <div>
          <h3>{t('companyPreview')}</h3>
          {check?.ok ? (
            // The popup's own components, as an employee would see this feed; inert: a picture, not a popup.
            <div className="studio-preview" inert data-testid="studio-preview">
              <Vision feed={check.feed} />
              <Posts posts={activePosts(check.feed, now)} shared={new Map()} program={check.feed.program} />
              <Progress p={computeProgressFromDays([], [], check.feed.program, now)} program={check.feed.program} />
            </div>
          ) : (
            <p className="sw-hint">{t('companyPreviewNone')}</p>
          )}
        </div>
      </div>
    </section>
  );
}

function Field(props: {
  label: string;
  obj: object;
  path: Path;
  edit: Edit;
  kind?: 'text' | 'long' | 'number' | 'date' | 'url';
  optional?: boolean;
  testId?: string;
}) {
  const id = useId();
  const { obj, path, edit, kind = 'text', optional } = props;
  const raw = getAt(obj, path);
  const value = raw === undefined || raw === null ? '' : String(raw);
  const set = (v: string) =>
    edit(
      path,
      v === '' && optional ? undefined : kind === 'number' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : v,
    );
  return (
    <div className="studio-field">
      <label htmlFor={id}>{props.label}</label>
      {kind === 'long' ? (
        <textarea id={id} value={value} data-testid={props.testId} onChange={(e) => set(e.currentTarget.value)} />
      ) : (
        <input
          id={id}
          type={kind === 'number' ? 'number' : kind === 'date' ? 'date' : kind === 'url' ? 'url' : 'text'}
          value={value}
          data-testid={props.testId}
          onChange={(e) => set(e.currentTarget.value)}
        />
      )}
    </div>
  );
}

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="sw-card studio-group">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Every part of a feed as a form; each change rewrites the JSON, which stays the one source of truth. */
function FeedForm({ obj, edit }: { obj: Record<string, unknown>; edit: Edit }) {
  const now = useNow();
  const measures = list(getAt(obj, ['vision', 'measures']));
  const posts = list(obj.posts);
  const program = getAt(obj, ['program']);
  const today = localDate(now);
  return (
    <div data-testid="studio-form">
      <Group legend={t('companyCompany')}>
        <Field
          label={t('companyCompanyName')}
          obj={obj}
          path={['company', 'name']}
          edit={edit}
          testId="studio-company-name"
        />
        <Field label={t('companyWebsite')} obj={obj} path={['company', 'website']} edit={edit} kind="url" optional />
      </Group>
      <Group legend={t('companyVision')}>
        <Field
          label={t('companyHeadline')}
          obj={obj}
          path={['vision', 'headline']}
          edit={edit}
          testId="studio-headline"
        />
        <Field
          label={t('companyStatement')}
          obj={obj}
          path={['vision', 'statement']}
          edit={edit}
          kind="long"
          optional
        />
        {measures.map((_, i) => (
          <fieldset key={i} className="studio-item">
            <legend>{t('companyMeasure', String(i + 1))}</legend>
            <Field label={t('companyId')} obj={obj} path={['vision', 'measures', i, 'id']} edit={edit} />
            <Field label={t('companyLabel')} obj={obj} path={['vision', 'measures', i, 'label']} edit={edit} />
            <Field
              label={t('companyCurrent')}
              obj={obj}
              path={['vision', 'measures', i, 'current']}
              edit={edit}
              kind="number"
            />
            <Field
              label={t('companyTarget')}
              obj={obj}
              path={['vision', 'measures', i, 'target']}
              edit={edit}
              kind="number"
            />
            <Field label={t('companyUnit')} obj={obj} path={['vision', 'measures', i, 'unit']} edit={edit} optional />
            <Field
              label={t('companyMeasurePeriod')}
              obj={obj}
              path={['vision', 'measures', i, 'period']}
              edit={edit}
              optional
            />
            <Field
              label={t('companyUpdatedAt')}
              obj={obj}
              path={['vision', 'measures', i, 'updatedAt']}
              edit={edit}
              kind="date"
              optional
            />
            <button type="button" onClick={() => edit(['vision', 'measures', i], undefined)}>
              {t('companyRemove')}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          onClick={() =>
            edit(['vision', 'measures', measures.length], {
              id: `measure-${measures.length + 1}`,
              label: '',
              current: 0,
              target: 1,
            })
          }
        >
          {t('companyAddMeasure')}
        </button>
      </Group>
      <Group legend={t('companyProgram')}>
        {program === undefined ? (
          <button
            type="button"
            onClick={() =>
              edit(['program'], {
                name: '',
                period: 'month',
                threshold: 100,
                points: { linkedin: 10, x: 5, ownContent: 0 },
              })
            }
          >
            {t('companyAddProgram')}
          </button>
        ) : (
          <>
            <Field label={t('companyProgramName')} obj={obj} path={['program', 'name']} edit={edit} />
            <ChoiceField
              label={t('companyPeriod')}
              obj={obj}
              path={['program', 'period']}
              edit={edit}
              options={['week', 'month', 'quarter']}
              names={(v) => t(`companyKind_${v}`)}
            />
            <Field
              label={t('companyThreshold')}
              obj={obj}
              path={['program', 'threshold']}
              edit={edit}
              kind="number"
              testId="studio-threshold"
            />
            <Field
              label={t('companyPointsLinkedIn')}
              obj={obj}
              path={['program', 'points', 'linkedin']}
              edit={edit}
              kind="number"
            />
            <Field label={t('companyPointsX')} obj={obj} path={['program', 'points', 'x']} edit={edit} kind="number" />
            <Field
              label={t('companyPointsOwn')}
              obj={obj}
              path={['program', 'points', 'ownContent']}
              edit={edit}
              kind="number"
              optional
            />
            <Field label={t('companyRules')} obj={obj} path={['program', 'rules']} edit={edit} kind="long" optional />
            <button type="button" onClick={() => edit(['program'], undefined)}>
              {t('companyRemoveProgram')}
            </button>
          </>
        )}
      </Group>
      <Group legend={t('companyReporting')}>
        <Field
          label={t('companyEndpoint')}
          obj={obj}
          path={['reporting', 'endpoint']}
          edit={edit}
          kind="url"
          optional
        />
        <ChoiceField
          label={t('companySchedule')}
          obj={obj}
          path={['reporting', 'schedule']}
          edit={edit}
          options={['weekly', 'monthly']}
          names={(v) => t(v === 'weekly' ? 'companyWeekly' : 'companyMonthly')}
        />
      </Group>
      <Group legend={t('companyPosts')}>
        {posts.map((_, i) => (
          <fieldset key={i} className="studio-item" data-testid="studio-post">
            <legend>{String(getAt(obj, ['posts', i, 'title']) || t('companyPost', String(i + 1)))}</legend>
            <Field label={t('companyId')} obj={obj} path={['posts', i, 'id']} edit={edit} />
            <Field
              label={t('companyPostTitle')}
              obj={obj}
              path={['posts', i, 'title']}
              edit={edit}
              testId={`studio-post-${i}-title`}
            />
            <Field label={t('companyText')} obj={obj} path={['posts', i, 'text']} edit={edit} kind="long" />
            {list(getAt(obj, ['posts', i, 'variants'])).map((_, v) => (
              <div key={v} className="studio-variant">
                <Field
                  label={t('companyVariant', String(v + 1))}
                  obj={obj}
                  path={['posts', i, 'variants', v]}
                  edit={edit}
                  kind="long"
                />
                <button type="button" onClick={() => edit(['posts', i, 'variants', v], undefined)}>
                  {t('companyRemoveVariant', String(v + 1))}
                </button>
              </div>
            ))}
            <button
              type="button"
              onClick={() => edit(['posts', i, 'variants', list(getAt(obj, ['posts', i, 'variants'])).length], '')}
            >
              {t('companyAddVariant')}
            </button>
            <Field label={t('companyLink')} obj={obj} path={['posts', i, 'url']} edit={edit} kind="url" />
            <HashtagsField obj={obj} path={['posts', i, 'hashtags']} edit={edit} />
            <NetworksField obj={obj} path={['posts', i, 'networks']} edit={edit} />
            <Field label={t('companyPublished')} obj={obj} path={['posts', i, 'publishedAt']} edit={edit} kind="date" />
            <Field
              label={t('companyExpires')}
              obj={obj}
              path={['posts', i, 'expiresAt']}
              edit={edit}
              kind="date"
              optional
              testId={`studio-post-${i}-expires`}
            />
            <button type="button" onClick={() => edit(['posts', i], undefined)}>
              {t('companyRemovePost')}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          data-testid="studio-add-post"
          onClick={() => edit(['posts', posts.length], blankPost(today, posts.length + 1))}
        >
          {t('companyAddPost')}
        </button>
      </Group>
    </div>
  );
}

function ChoiceField(props: {
  label: string;
  obj: object;
  path: Path;
  edit: Edit;
  options: string[];
  names: (v: string) => string;
}) {
  const id = useId();
  const value = getAt(props.obj, props.path);
  return (
    <div className="studio-field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => props.edit(props.path, e.currentTarget.value || undefined)}
      >
        <option value="">—</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.names(o)}
          </option>
        ))}
      </select>
    </div>
  );
}

function NetworksField({ obj, path, edit }: { obj: object; path: Path; edit: Edit }) {
  const value = list(getAt(obj, path));
  const toggle = (n: 'linkedin' | 'x', on: boolean) =>
    edit(
      path,
      (['linkedin', 'x'] as const).filter((m) => (m === n ? on : value.includes(m))),
    );
  return (
    <fieldset className="studio-networks">
      <legend>{t('companyNetworks')}</legend>
      {(['linkedin', 'x'] as const).map((n) => (
        <label key={n}>
          <input type="checkbox" checked={value.includes(n)} onChange={(e) => toggle(n, e.currentTarget.checked)} />{' '}
          {n === 'linkedin' ? 'LinkedIn' : 'X'}
        </label>
      ))}
    </fieldset>
  );
}

/** Hashtags as one line, "robotics, logistics"; the list in the feed. */
function HashtagsField({ obj, path, edit }: { obj: object; path: Path; edit: Edit }) {
  const id = useId();
  const value = list(getAt(obj, path)).map(String).join(', ');
  return (
    <div className="studio-field">
      <label htmlFor={id}>{t('companyHashtags')}</label>
      <input
        id={id}
        type="text"
        value={value}
        onChange={(e) => {
          const tags = e.currentTarget.value.split(',').map((x) => x.trim().replace(/^#/, ''));
          // Keep a trailing empty tag while typing "a, " so the comma does not vanish under the cursor.
          edit(path, tags.length === 1 && tags[0] === '' ? undefined : tags);
        }}
      />
    </div>
  );
}
