import { describe, expect, it } from 'vitest';
import { popupChunks, POPUP_SHARED_CHUNK, sharedWithPopup, type ModuleGraph } from '@/scripts/popup-chunks';

/** A module graph as Rollup describes it: id → static imports; entries marked. */
function graph(edges: Record<string, string[]>, entries: string[]): ModuleGraph {
  return {
    getModuleIds: () => Object.keys(edges),
    getModuleInfo: (id) => (id in edges ? { isEntry: entries.includes(id), importedIds: edges[id]! } : null),
  };
}

// popup.html → main → {app, popup.css}; app → {react, i18n, bonus}; options.html → opt → {react, i18n, db, theme.css}
const pages = graph(
  {
    'popup.html': ['main'],
    main: ['app', 'popup.css'],
    app: ['react', 'i18n', 'bonus'],
    bonus: ['i18n'],
    react: ['scheduler'],
    scheduler: [],
    i18n: [],
    'popup.css': ['theme.css'],
    'theme.css': [],
    'options.html': ['opt'],
    opt: ['react', 'i18n', 'db', 'theme.css'],
    db: [],
  },
  ['popup.html', 'options.html'],
);

describe('the popup shares one chunk with the other pages', () => {
  it('gathers what the popup loads at start and another page loads too, transitively', () => {
    expect([...sharedWithPopup(pages, 'popup.html')].sort()).toEqual(['i18n', 'react', 'scheduler']);
  });

  it("leaves the popup's own modules, other pages' modules and every style sheet where they are", () => {
    const shared = sharedWithPopup(pages, 'popup.html');
    for (const id of ['main', 'app', 'bonus', 'db', 'opt', 'theme.css', 'popup.css'])
      expect(shared.has(id), id).toBe(false);
  });

  it('is empty when no other page exists', () => {
    const alone = graph({ 'popup.html': ['main'], main: ['react'], react: [] }, ['popup.html']);
    expect(sharedWithPopup(alone, 'popup.html').size).toBe(0);
  });

  it('applies only to the pages build, not to single-file scripts', () => {
    const plugin = popupChunks('popup.html');
    const hook = plugin.outputOptions as (
      o: object,
    ) => { manualChunks?: (id: string, g: ModuleGraph) => unknown } | null;
    expect(hook({ inlineDynamicImports: true })).toBeNull();
    const { manualChunks } = hook({ format: 'es' })!;
    expect(manualChunks!('react', pages)).toBe(POPUP_SHARED_CHUNK);
    expect(manualChunks!('bonus', pages)).toBeUndefined();
    expect(manualChunks!('db', pages)).toBeUndefined();
  });
});
