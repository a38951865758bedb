// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { linkedinAdapter } from '../../lib/detect/linkedin';
import { xAdapter } from '../../lib/detect/x';

// The adapters' hooks against the fixture pages they are written for (tests/fixtures/), so a selector
// that stops matching the page it follows fails here before it fails in a browser.
const load = (file: string) => {
  const html = readFileSync(`tests/fixtures/${file}`, 'utf8');
  document.documentElement.innerHTML = html
    .replace(/^<!doctype html>/i, '')
    .replace(/<script[\s\S]*?<\/script>|<link[^>]*>/g, '');
};
const lastButton = (el: Element) => [...el.querySelectorAll('button')].pop();

describe('LinkedIn layouts', () => {
  beforeEach(() => {
    document.documentElement.innerHTML = '';
  });

  it('names the classic, the interop (shadow root) and the server-driven layout', () => {
    load('linkedin/feed.html');
    const classic = document.createElement('div');
    document.body.append(classic);
    const shadow = document.getElementById('interop-outlet')!.attachShadow({ mode: 'open' });
    const inShadow = document.createElement('div');
    shadow.append(inShadow);
    const sdui = document.createElement('dialog');
    sdui.innerHTML = '<div data-sdui-screen="com.linkedin.sdui.flagshipnav.sharing.ShareCompose"><p></p></div>';
    document.body.append(sdui);
    expect(linkedinAdapter.layoutOf(classic)).toBe('linkedin-classic');
    expect(linkedinAdapter.layoutOf(inShadow)).toBe('linkedin-interop');
    expect(linkedinAdapter.layoutOf(sdui.querySelector('p')!)).toBe('linkedin-sdui');
    expect(xAdapter.layoutOf(classic)).toBe('x');
  });

  it('server-driven page: the post editor is a composer box, comment and message boxes are not', () => {
    load('linkedin/sdui.html');
    const dialog = document.createElement('dialog');
    dialog.setAttribute('data-testid', 'dialog');
    dialog.innerHTML = `
      <div data-sdui-screen="com.linkedin.sdui.flagshipnav.sharing.ShareCompose">
        <button aria-label="Dismiss">×</button>
        <div componentkey="ShareBox_textEditor" contenteditable="true" class="tiptap ProseMirror"></div>
        <div><button aria-label="Media"></button><button aria-label="Schedule post"></button><button data-post>Post</button></div>
      </div>`;
    document.body.append(dialog);
    const boxes = [...document.querySelectorAll('[contenteditable="true"]')];
    expect(
      boxes.filter((b) => b.matches(linkedinAdapter.composerText)).map((b) => b.getAttribute('componentkey')),
    ).toEqual(['ShareBox_textEditor']);
    const screen = dialog.querySelector(linkedinAdapter.submitScreen)!;
    expect(lastButton(screen)?.hasAttribute('data-post')).toBe(true);
    expect(dialog.matches(linkedinAdapter.dialog)).toBe(true);
    expect(document.querySelector(linkedinAdapter.composerOpener)?.getAttribute('href')).toBe('/preload/sharebox/');
  });

  it("server-driven page: a post card's repost button and menu; the first item is the instant repost", () => {
    load('linkedin/sdui.html');
    const repost = document.querySelector('[data-fixture="card-1"] [data-fixture="repost"]')!;
    expect(repost.matches(linkedinAdapter.repostButton)).toBe(true);
    expect(repost.closest(linkedinAdapter.repostedItem)?.getAttribute('data-fixture')).toBe('card-1');
    // Like and Comment buttons open no menu.
    expect(document.querySelectorAll(`[data-fixture="card-1"] button`).length).toBeGreaterThan(1);
    expect(
      [...document.querySelectorAll('[data-fixture="card-1"] button')].filter((b) =>
        b.matches(linkedinAdapter.repostButton),
      ),
    ).toEqual([repost]);
    const menu = document.createElement('div');
    menu.setAttribute('role', 'menu');
    menu.innerHTML =
      '<div role="button" id="instant">Sofort teilen</div><div role="button" id="thoughts">Mit Kommentar teilen</div>';
    repost.parentElement!.append(menu);
    expect(
      [...menu.children].map((i) => [
        i.id,
        i.matches(linkedinAdapter.repostConfirm),
        i.matches(linkedinAdapter.repostMenuItem),
      ]),
    ).toEqual([
      ['instant', true, true],
      ['thoughts', false, true],
    ]);
  });

  it('server-driven schedule picker: its last button confirms the date', () => {
    document.body.innerHTML = `<dialog open><div data-sdui-screen="com.linkedin.sdui.flagshipnav.sharing.ShareSchedulePostPicker">
      <button id="back">←</button><input data-testid="date-picker-input"><button id="next">Next</button></div></dialog>`;
    expect(lastButton(document.querySelector(linkedinAdapter.scheduleScreen)!)?.id).toBe('next');
    expect(document.querySelector(linkedinAdapter.submitScreen)).toBeNull(); // ShareCompose is not ShareSchedulePostPicker
  });

  it('notices: classic toasts and the server-driven role=status/alert ones; a sent notice links the new post', () => {
    document.body.innerHTML = `
      <div class="artdeco-toast-item"><a href="/feed/update/urn:li:activity:1/">View post</a></div>
      <div role="status">Post successful. <a href="/feed/update/urn:li:share:2/">View post</a></div>
      <div role="alert">Something went wrong.</div>`;
    const notices = [...document.querySelectorAll(linkedinAdapter.notice)];
    expect(notices.map((n) => !!n.querySelector(linkedinAdapter.sentNoticeLink))).toEqual([true, true, false]);
    expect(notices.some((n) => n.querySelector(linkedinAdapter.undoButton))).toBe(false);
  });
});

describe('X hooks added for the 2026 paths', () => {
  it('the undo notice has a button, a sent notice a link; the schedule indicator marks a scheduled composer', () => {
    document.body.innerHTML = `
      <div data-testid="toast">Sending post… <button>Undo</button></div>
      <div data-testid="toast">Your post was sent. <a href="/u/status/1">View</a></div>
      <div data-testid="toast" class="sr-only">Post reposted</div>
      <div class="composer"><div data-testid="scheduledTweetIndicator"></div></div>`;
    const notices = [...document.querySelectorAll(xAdapter.notice)];
    expect(
      notices.map((n) => [!!n.querySelector(xAdapter.undoButton), !!n.querySelector(xAdapter.sentNoticeLink)]),
    ).toEqual([
      [true, false],
      [false, true],
      [false, false],
    ]);
    expect(document.querySelector('.composer')!.querySelector(xAdapter.scheduledMark)).not.toBeNull();
  });
});
