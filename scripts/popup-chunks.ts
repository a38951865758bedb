import type { Plugin } from 'vite';

/**
 * Build-time chunking for the popup (used by wxt.config.ts). Vite splits modules that several pages share
 * into many small chunks; the popup used to load seven files, and each file of an extension page is one
 * more request through the browser process: about 15–20 ms of a ~90 ms open on a 2-core machine
 * (docs/benchmarks.md). With this the popup loads two scripts: its own code, and one chunk holding every
 * module it shares with other pages (React, zustand, i18n, shared components), which those pages import too.
 * Only the start of the popup counts: modules it imports on demand (`import()`) stay where Vite puts them.
 */

export const POPUP_SHARED_CHUNK = 'popup-core';

/** The part of Rollup's module graph this needs. */
export interface ModuleGraph {
  getModuleIds: () => Iterable<string>;
  getModuleInfo: (id: string) => { isEntry: boolean; importedIds: readonly string[] } | null;
}

/** Every module `entry` loads at start: its static imports, transitively. */
function staticReach(graph: ModuleGraph, entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
    for (const dep of graph.getModuleInfo(id)?.importedIds ?? []) {
      if (!seen.has(dep)) {
        seen.add(dep);
        todo.push(dep);
      }
    }
  }
  return seen;
}

/**
 * The scripts the popup loads at start that another entry loads too. Style sheets are left out: a chunk's
 * CSS is loaded by every page importing the chunk, and the popup's rules must not reach other pages
 * (popup.css imports the theme itself, so the popup gets one style sheet).
 */
export function sharedWithPopup(graph: ModuleGraph, popupEntry: string): Set<string> {
  const popup = staticReach(graph, popupEntry);
  const elsewhere = new Set<string>();
  for (const id of graph.getModuleIds()) {
    if (id !== popupEntry && graph.getModuleInfo(id)?.isEntry) for (const m of staticReach(graph, id)) elsewhere.add(m);
  }
  return new Set([...popup].filter((m) => elsewhere.has(m) && !/\.css($|\?)/.test(m)));
}

/**
 * A Vite plugin giving the HTML pages' build a `manualChunks` that gathers `sharedWithPopup` into one chunk.
 * The background and content scripts are built as single files (`inlineDynamicImports`) and are left alone.
 */
export function popupChunks(popupEntry: string): Plugin {
  return {
    name: 'sharewise-popup-chunks',
    outputOptions(options) {
      if (options.inlineDynamicImports) return null;
      let shared: Set<string> | undefined;
      return {
        ...options,
        manualChunks: (id, graph) => {
          shared ??= sharedWithPopup(graph, popupEntry);
          return shared.has(id) ? POPUP_SHARED_CHUNK : undefined;
        },
      };
    },
  };
}
