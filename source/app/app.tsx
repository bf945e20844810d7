import React, {useEffect, useSyncExternalStore} from 'react';
import {useApp} from 'ink';
import type {LoadResult} from '../article/article.js';
import {AppStore, type AppEffects} from './store.js';
import {startApp, type AppEnv, type LinkTarget} from './state.js';
import {type LibraryWork} from '../library/list-reducer.js';
import type {Library} from '../library/library.js';
import {LibraryView} from '../library/LibraryView.js';
import {ReaderView} from '../reader/ReaderView.js';
import {useTerminalSize} from '../ui/use-terminal-size.js';
import {KeymapContext} from '../ui/keymap-context.js';
import type {Keymap} from '../input/keymap.js';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {isWebLink} from '../reader/links.js';
import {safeLine} from '../article/sanitize.js';
import type {LibraryEntry} from '../library/library.js';
import {THEMES, type Theme, type ThemeName} from '../ui/theme.js';
import {noSavedPlaces, type SavedPlaces} from '../state/saved-places.js';
import {SORTS} from '../library/view.js';

type Props = {
  /** The app's state and the one input path into it. */
  store: AppStore;
  theme?: Theme;
  places?: SavedPlaces;
};

/** The root: draws the store's state as the library or the reader, at the terminal's size. */
export function App({store, theme, places = noSavedPlaces}: Props) {
  const {exit} = useApp();
  const {columns, rows} = useTerminalSize();
  // A resize is applied in the same render that sees it, so no frame is drawn at the old size.
  store.resize(columns, rows, {quietly: true});
  const state = useSyncExternalStore(store.subscribe, store.getState);
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);

  return (
    <KeymapContext.Provider value={state.keymap}>
      {state.reading ? (
        <ReaderView
          state={state.reading.reader}
          theme={state.theme ? THEMES[state.theme] : theme}
          notice={places.notice()}
        />
      ) : (
        <LibraryView
          library={state.library}
          list={state.list}
          columns={state.columns}
          rows={state.rows}
          statusOf={places.statusOf}
        />
      )}
    </KeymapContext.Provider>
  );
}

/** How the app reads articles and remembers places: from disk and the state file at the edge. */
export function appEnv(
  loadArticle: (path: string) => LoadResult,
  places: SavedPlaces,
  rescan?: () => Library,
): AppEnv {
  return {
    standing: places.standing,
    rescan,
    resolveLink,
    open(entry) {
      const result = loadArticle(entry.path);
      if (result.kind === 'refused')
        return {kind: 'refused', message: `Cannot open ${entry.fileName}: ${result.reason}`};
      let {article, rest} = result;
      let {anchor, message, marks} = places.resume(article, entry.path);
      // A place deep in a long file: read the whole of it before showing it. (A web page's
      // start cannot tell its place by length: any place saved for it, the whole first.)
      const placed = article.partial?.rough && places.statusOf(entry.path).kind !== 'unread';
      if (rest && (anchor > article.text.length / 2 || placed)) {
        article = rest.finish();
        rest = undefined;
        ({anchor, message, marks} = places.resume(article, entry.path));
      }
      // What the article says of itself (a page shown whole) comes before where it opens.
      if (article.notice) message = message ? `${article.notice} · ${message}` : article.notice;
      return {kind: 'article', article, anchor, message, rest, marks};
    },
  };
}

/** A store for a library, wired to load articles and save reading places. */
export function createStore(
  library: Library,
  {
    loadArticle,
    places = noSavedPlaces,
    columns,
    rows,
    cap,
    keymap,
    notice,
    defaultCap,
    mouse,
    theme,
    themeFixed,
    openIndex,
    rescan,
    work,
    libraryIdle,
    laidOut,
    save,
    follow,
    openOutside,
  }: {
    loadArticle: (path: string) => LoadResult;
    places?: SavedPlaces;
    columns: number;
    rows: number;
    cap?: number;
    /** The keys as the config file binds them. */
    keymap?: Keymap;
    /** A word for the first status line. */
    notice?: string;
    /** The measure = goes back to. */
    defaultCap?: number;
    /** The mouse is read. */
    mouse?: boolean;
    /** The theme shown, and why T cannot change it (NO_COLOR, a flag), if it cannot. */
    theme?: ThemeName;
    themeFixed?: string;
    openIndex?: number;
    rescan?: () => Library;
    work?: LibraryWork;
    libraryIdle?: () => void;
    laidOut?: AppEffects['laidOut'];
    save?: AppEffects['save'];
    follow?: AppEffects['follow'];
    openOutside?: AppEffects['openOutside'];
  },
): AppStore {
  const env = appEnv(loadArticle, places, rescan);
  const remembered = places.sort();
  const sort = SORTS.find((candidate) => candidate === remembered) ?? 'title';
  const speakersShown = places.speakersShown();
  return new AppStore(
    startApp(library, env, {
      columns,
      rows,
      cap,
      openIndex,
      sort,
      speakersShown,
      keys: keymap,
      notice,
      defaultCap,
      mouse,
      theme,
      themeFixed,
    }),
    env,
    {
      place: (entry, article, anchor, finished, marks) =>
        places.save(article, entry.path, anchor, finished, marks),
      sorted: (chosen) => places.setSort(chosen),
      speakersShown: (shown) => places.setSpeakersShown(shown),
      measured: (columns, cap) => places.setMeasure(columns, cap),
      themeChosen: (chosen) => places.setTheme(chosen),
      libraryIdle,
      laidOut,
      save,
      follow,
      openOutside,
    },
    work,
  );
}

/**
 * Where a link leads: a web page (http, https); an article of the library (a path relative to
 * the article it is in, or a file: URL); else nothing Broadsheet reads, said in a line.
 */
export function resolveLink(
  url: string,
  from: LibraryEntry | undefined,
  entries: LibraryEntry[],
): LinkTarget {
  if (isWebLink(url)) return {kind: 'web', url};
  let file: string | undefined;
  try {
    if (/^file:/iu.test(url)) file = fileURLToPath(url);
    else if (!/^[a-z][a-z\d+.-]*:/iu.test(url) && from && from.path !== '-') {
      file = path.resolve(path.dirname(path.resolve(from.path)), decodeURI(url.split('#')[0]!));
    }
  } catch {
    file = undefined;
  }
  if (file === undefined) {
    return {kind: 'none', reason: `cannot read ${safeLine(url)} here (O opens it outside)`};
  }
  const index = entries.findIndex((entry) => path.resolve(entry.path) === file);
  if (index === -1) return {kind: 'none', reason: `not in the library: ${safeLine(url)}`};
  return {kind: 'entry', index};
}
