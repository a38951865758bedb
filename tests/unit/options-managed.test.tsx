import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FeedSection } from '../../entrypoints/options/FeedSection';
import { ManagedSection } from '../../entrypoints/options/ManagedSection';
import { PrivacySection } from '../../entrypoints/options/PrivacySection';
import { parseManaged } from '../../lib/managed';

describe('options: values set by the organization', () => {
  it('are shown read-only and labelled, and ignored values are explained', () => {
    // The key stands in for the text, so the test reads which message is used where.
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, sub?: string | string[]) =>
      sub ? `${key}(${[sub].flat().join(',')})` : key) as never);
    const managed = parseManaged({
      reportEndpoint: 'https://acme.example/reports',
      companyName: 'Acme',
      feedUrl: 'http://insecure.example/feed.json',
      reporting: { enabled: true },
    });
    const html = renderToStaticMarkup(<PrivacySection managed={managed} />);
    const box = renderToStaticMarkup(<ManagedSection managed={managed} />);
    expect(box).toContain('data-testid="managed"');
    expect(box).toContain(
      '<output>https://acme.example/reports</output> <span class="sw-managed">(optionsManagedBadge)</span>',
    );
    expect(box).toContain('<output>Acme</output>');
    expect(box).toContain('optionsManagedIgnored(feedUrl ignored: must be an https:// URL)');
    // Read-only: no form control carries an organization value.
    expect(box.slice(0, box.indexOf('</div>'))).not.toMatch(/<input|<select|<textarea/);
    // And the policy's reporting key did not switch reporting on.
    const reportingSwitch = /<input[^>]*data-testid="reporting-enabled"[^>]*>/.exec(html)?.[0];
    expect(reportingSwitch).toBeDefined();
    expect(reportingSwitch).not.toContain('checked');
  });
});

describe('options: the company feed address', () => {
  it('is read-only and labelled when the organization sets it', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => key) as never);
    const html = renderToStaticMarkup(<FeedSection managed={{ feedUrl: 'https://feeds.acme.example/f.json' }} />);
    expect(html).toContain('data-testid="feed-url-managed"');
    expect(html).toContain('https://feeds.acme.example/f.json');
    expect(html).toContain('(optionsManagedBadge)');
    expect(html).not.toMatch(/<input|<form/);
  });

  it('is the employee’s own field otherwise', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => key) as never);
    const html = renderToStaticMarkup(<FeedSection managed={{}} />);
    expect(html).toMatch(/<input[^>]*type="url"[^>]*data-testid="feed-url"/);
    expect(html).not.toContain('feed-url-managed');
  });
});

describe('options: what may be reported', () => {
  it('keeps every field choice disabled while reporting is off', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => key) as never);
    const html = renderToStaticMarkup(<PrivacySection managed={parseManaged({})} />);
    // One disabled fieldset holds every field switch, the time detail, the bonus and the identity choice.
    const fieldset = /<fieldset[^>]*data-testid="report-fields"[^>]*>/.exec(html)?.[0];
    expect(fieldset).toContain('disabled');
    const inside = html.slice(html.indexOf(fieldset!));
    for (const id of [
      'field-totalShares',
      'field-byNetwork',
      'field-approvedPosts',
      'field-ownCount',
      'time-detail-day',
      'bonus-points',
      'field-shareLinks',
      'identity-named',
    ]) {
      expect(inside, id).toContain(`data-testid="${id}"`);
    }
    expect(html).toContain('optionsFieldsOffHint');
    // The reporting switch itself stays outside it, usable.
    expect(html.indexOf('data-testid="reporting-enabled"')).toBeLessThan(html.indexOf(fieldset!));
  });
});
