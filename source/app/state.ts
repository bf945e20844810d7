import type {Article, ArticleLoad, LoadResult} from '../article/article.js';
import {isWebLink, selectedLink} from '../reader/links.js';
import type {ThemeName} from '../ui/theme.js';
import type {Key} from '../input/keys.js';
import {keymap, type Keymap} from '../input/keymap.js';
import type {Library, LibraryEntry} from '../library/library.js';
import {listHeight, moveList} from '../library/list.js';
import {
  changesOrder,
  emptyList,
  entriesOf,
  listKey,
  rescanned,
  selectedEntry,
  warmListFilter,
  withRows,
  type ListContext,
  type ListState,
} from '../library/list-reducer.js';
import type {SortKey, Standing} from '../library/view.js';
import {readerCommand, type ReaderCommand} from '../reader/reader-keys.js';
import {openReader, readerReducer, rebase, type ReaderState} from '../reader/reader-reducer.js';
import {visibleLines} from '../reader/reader-state.js';
import {quotationRowsKnown, quotationsFar} from '../reader/quotation-navigation.js';
import {hasNextChapter, readerContents} from '../reader/contents-navigation.js';

/** An article opened for reading, or the reason it could not be. */
export type Opened =
  | {
      kind: 'article';
      article: Article;
      anchor: number;
      message?: string;
      rest?: ArticleLoad;
      /** The marks set in it before (m). */
      marks?: Readonly<Record<string, number>>;
    }
  | {kind: 'refused'; message: string};

/** What the app asks of the world: reading an article (from disk, at the edge). */
export type AppEnv = {
  open(entry: LibraryEntry): Opened;
  /** How far an article has been read, and when (for the list's state column and sorts). */
  standing?(file: string): Standing;
  /** The library's folder read again (`r`). */
  rescan?(): Library;
  /** Where a link leads, read from `from` (the article's entry, if it has one). */
  resolveLink?(url: string, from: LibraryEntry | undefined, entries: LibraryEntry[]): LinkTarget;
};

const unread = (): Standing => ({status: {kind: 'unread'}});

/** One step of making the list's filter ready, so that letters typed are answered quickly. */
export function warmAppFilter(state: AppState, env: AppEnv, step: number): void {
  if (state.library.kind !== 'folder') return;
  warmListFilter(state.list, listContext(state, env), step);
}

/** What the list reads of the app: the library's entries, the terminal, reading states. */
function listContext(state: AppState, env: AppEnv): ListContext {
  return {
    entries: entriesOf(state.library),
    rows: state.rows,
    standing: env.standing ?? unread,
    keymap: state.keymap,
  };
}

/** An article being read; `loading` reads the rest of a long file while its start shows. */
export type Reading = {
  /** Its entry in the library; -1 for a page read from a link (it is in no library). */
  index: number;
  reader: ReaderState;
  loading?: ArticleLoad;
  /** A link being downloaded, to be read here. */
  following?: {url: string; bytes: number};
  /** What this was read from by following links, nearest last: q goes back to it. */
  from?: Reading[];
};

/** How a link resolves: an article of the library, a web page, or nothing to read here. */
export type LinkTarget =
  {kind: 'entry'; index: number} | {kind: 'web'; url: string} | {kind: 'none'; reason: string};

/** The themes T goes through, in order. */
const THEME_NAMES: readonly ThemeName[] = ['dark', 'light', 'mono'];

/** The whole app: the library, the article being read if any, and the terminal it is in. */
export type AppState = {
  library: Library;
  list: ListState;
  /** The article being read; `loading` reads the rest of a long file while its start shows. */
  reading?: Reading;
  columns: number;
  rows: number;
  /** The widest measure: --width, else as last set with - + =, else the config file's. */
  cap?: number;
  /** The measure = goes back to. */
  defaultCap?: number;
  /** Speakers shown in the margin (S): kept from one article to the next. */
  speakersShown?: boolean;
  /** A file was named on the command line: leaving its reader quits. */
  single: boolean;
  quit: boolean;
  /** The keys, as the config file binds them. */
  keymap: Keymap;
  /** The mouse is read (--mouse, or the config file): the wheel scrolls, a click opens. */
  mouse?: boolean;
  /** A link to hand to the system's opener (O): a new object for each time it is asked. */
  outside?: {url: string};
  /** The theme chosen with T; `themeFixed` says why it cannot change (NO_COLOR, a flag). */
  theme?: ThemeName;
  themeFixed?: string;
};

export type AppEvent =
  | {type: 'key'; key: Key}
  | {type: 'resize'; columns: number; rows: number}
  /** The reader's page count was finished in the background. */
  | {type: 'layoutComplete'}
  | {type: 'contentsFound'}
  /** The whole of a long file has been read in the background. */
  | {type: 'loaded'; article: Article}
  /** A word for the reader's status line (keys are held while a file is read). */
  | {type: 'notice'; message: string}
  /** Entries of the list described in the background, by their index. */
  | {type: 'described'; entries: Array<[number, LibraryEntry]>}
  /** A page being saved (the a key) has come this far. */
  | {type: 'saveProgress'; bytes: number}
  /** The page was saved at `path`; `library` is the folder it is in, read again. */
  | {type: 'saved'; path: string; library: Library; existed: boolean}
  /** The page could not be saved, and why. */
  | {type: 'saveFailed'; message: string}
  /** A link being followed has downloaded this far. */
  | {type: 'followProgress'; bytes: number}
  /** The page a link leads to, read (or why not). */
  | {type: 'followed'; url: string; result: LoadResult}
  /** The page a link leads to could not be had, and why. */
  | {type: 'followFailed'; message: string};

/** The app as it starts: the list, or (for a named file) its reader already open. */
export function startApp(
  library: Library,
  env: AppEnv,
  {
    columns,
    rows,
    cap,
    openIndex,
    sort = 'title',
    speakersShown = false,
    keys = keymap,
    notice,
    defaultCap,
    mouse = false,
    theme,
    themeFixed,
  }: {
    columns: number;
    rows: number;
    cap?: number;
    openIndex?: number;
    sort?: SortKey;
    speakersShown?: boolean;
    keys?: Keymap;
    /** A word for the first status line (a config file with a mistake in it). */
    notice?: string;
    defaultCap?: number;
    mouse?: boolean;
    theme?: ThemeName;
    themeFixed?: string;
  },
): AppState {
  const state: AppState = {
    library,
    list: emptyList(sort),
    columns,
    rows,
    cap,
    defaultCap,
    speakersShown,
    single: openIndex !== undefined,
    quit: false,
    keymap: keys,
    mouse,
    theme,
    themeFixed,
  };
  const listed = {...state, list: withRows(state.list, listContext(state, env), undefined)};
  const started = openIndex === undefined ? listed : openEntry(listed, openIndex, env);
  if (notice === undefined) return started;
  const told = said(started, notice);
  return told.reading
    ? {...told, reading: {...told.reading, reader: {...told.reading.reader, message: notice}}}
    : told;
}

/** The list's rows worked out again, the cursor on entry `keep` if it is still shown. */
function relisted(state: AppState, env: AppEnv, keep: number | undefined): AppState {
  return {...state, list: withRows(state.list, listContext(state, env), keep)};
}

/** Opens entry `index` where its reader left off, or says in the list why it cannot. */
function openEntry(state: AppState, index: number, env: AppEnv): AppState {
  const entry = entriesOf(state.library)[index];
  if (!entry) return state;
  // (The list is not shown while reading; back puts its cursor on the article read.)
  if (entry.refused) return said(state, `Cannot open ${entry.fileName}: ${entry.refused}`);
  const opened = env.open(entry);
  if (opened.kind === 'refused') return said(state, opened.message);
  const reader = openReader(opened.article, state.columns, state.rows, {
    cap: state.cap,
    defaultCap: state.defaultCap,
    speakersShown: state.speakersShown,
    anchor: opened.anchor,
    message: opened.message,
    marks: opened.marks,
    resumedAt: opened.anchor > 0 ? opened.anchor : undefined,
  });
  return {
    ...state,
    list: {...state.list, message: undefined},
    reading: {index, reader, loading: opened.rest},
  };
}

/** The list with `message` in its status line. */
function said(state: AppState, message: string): AppState {
  return {...state, list: {...state.list, message}};
}

/** Keys that need the whole article, not just the start of a long file shown meanwhile. */
const WHOLE = new Set<ReaderCommand['type']>([
  'lastPage',
  'percent',
  'promptSubmit',
  'nextHit',
  'previousHit',
]);
/** How close to the end of a long file's start the screen may come before the rest is read. */
const PREVIEW_MARGIN = 16 * 1024;

/** Swaps the whole article in for its start, keeping the reader's place. */
function loaded(state: AppState, article: Article): AppState {
  const {reading} = state;
  if (!reading?.loading) return state;
  return {
    ...state,
    reading: {...reading, loading: undefined, reader: rebase(reading.reader, article)},
  };
}

/** Whether `command` needs more of a long file than the start `reader` shows. */
function commandNeedsWhole(reader: ReaderState, command: ReaderCommand): boolean {
  // The contents answer from the start of the book (the panel fills in once it is read),
  // unless the start has none, or no chapter after the screen.
  if (command.type === 'openContents') return readerContents(reader).length === 0;
  if (command.type === 'nextChapter') return !hasNextChapter(reader);
  const inContents =
    reader.panel?.kind === 'contents' &&
    (command.type === 'panelMove' || command.type === 'panelChoose');
  if (command.type === 'previousChapter' || inContents) return false;
  if (
    command.type === 'openQuotes' ||
    command.type === 'panelMove' ||
    command.type === 'panelChoose' ||
    command.type === 'nextQuote' ||
    command.type === 'previousQuote'
  ) {
    return !quotationRowsKnown(reader, command);
  }
  if (WHOLE.has(command.type)) return true;
  const end = visibleLines(reader).at(-1)?.end ?? reader.anchor;
  return end + PREVIEW_MARGIN >= reader.article.text.length;
}

/**
 * What `key` has to wait for, if anything: the whole of a long file that is still being read
 * (G, %, quotations, search, or paging near the end of its start), or the article's
 * quotations read far beyond what is known (`[` from a book's end), or a page being saved
 * (the a key). The store holds such
 * keys, and those after them, and does the work in the background: the event loop never
 * waits on it.
 */
export function waitsFor(state: AppState, key: Key): 'file' | 'quotations' | 'page' | undefined {
  // Keys typed while a page is saved wait for it (the store stops it on Esc; Ctrl-C is never
  // held).
  if (state.list.saving && !state.reading && !state.quit) return 'page';
  // And so do keys typed while a link's page downloads (Esc stops it first).
  if (state.reading?.following && !state.quit) return 'page';
  const reader = state.reading?.reader;
  if (!reader || state.quit) return undefined;
  const command = readerCommand(reader, key, state.keymap);
  if (command === undefined) return undefined;
  if (state.reading?.loading) return commandNeedsWhole(reader, command) ? 'file' : undefined;
  return quotationsFar(reader, command) ? 'quotations' : undefined;
}

/** Reads the rest of a long file now when `command` needs it (no store is holding keys). */
function wholeFor(state: AppState, command: ReaderCommand): AppState {
  const {reading} = state;
  if (!reading?.loading || !commandNeedsWhole(reading.reader, command)) return state;
  return loaded(state, reading.loading.finish());
}

/** A key in the library: the list applies it, and the router does what it asks. */
function libraryKey(state: AppState, key: Key, env: AppEnv): AppState {
  const {list, command} = listKey(state.list, key, listContext(state, env));
  const next = list === state.list ? state : {...state, list};
  switch (command?.kind) {
    case undefined:
      return next;
    case 'open':
      return openEntry(next, command.entry, env);
    case 'rescan': {
      if (!env.rescan) return next;
      const library = env.rescan();
      const before = entriesOf(state.library);
      const context = listContext({...next, library}, env);
      return {...next, library, list: rescanned(next.list, before, context)};
    }
    case 'quit':
      return {...next, quit: true};
    // The store downloads and saves the page, and says how it went.
    case 'save':
      return next;
  }
}

/** The list once a page is saved: its folder read again, the cursor on the page. */
function pageSaved(
  state: AppState,
  env: AppEnv,
  {path, library, existed}: {path: string; library: Library; existed: boolean},
): AppState {
  const entries = entriesOf(library);
  const index = entries.findIndex((entry) => entry.path === path);
  const name = entries[index]?.fileName ?? path;
  const list = withRows(
    {
      ...state.list,
      saving: undefined,
      filter: '',
      filtering: false,
      message: existed ? `saved before, as ${name}` : `saved as ${name}`,
    },
    listContext({...state, library}, env),
    index === -1 ? undefined : index,
  );
  return {...state, library, list};
}

function readerKey(state: AppState, key: Key, env: AppEnv): AppState {
  const {reading} = state;
  if (!reading) return state;
  const command = readerCommand(reading.reader, key, state.keymap);
  if (!command) return state;
  state = wholeFor(state, command);
  switch (command.type) {
    case 'quit':
      return {...state, quit: true};
    case 'followLink':
      return followLink(state, env);
    case 'cycleTheme': {
      if (state.themeFixed) {
        return withReader(state, {
          type: 'notify',
          message: `the theme is set by ${state.themeFixed}`,
        });
      }
      const theme =
        THEME_NAMES[(THEME_NAMES.indexOf(state.theme ?? 'dark') + 1) % THEME_NAMES.length]!;
      return withReader({...state, theme}, {type: 'notify', message: `theme ${theme}`});
    }
    case 'openOutside': {
      const link = selectedLink(reading.reader);
      if (!link) return state;
      // The list closes, and the status line says where the link went.
      const asked = {
        ...state,
        outside: {url: link.url},
        reading: {...reading, reader: {...reading.reader, panel: undefined}},
      };
      return withReader(asked, {type: 'notify', message: `opening ${link.url} outside`});
    }
    case 'back': {
      // Back from a link followed: the article (and page) it was followed from.
      const from = reading.from?.at(-1);
      if (from) {
        // Laid out again if the terminal changed size meanwhile.
        const back = {...state, reading: {...from, from: reading.from!.slice(0, -1)}};
        return withReader(back, {type: 'resize', columns: state.columns, rows: state.rows});
      }
      // Back in the list, the cursor is on the article just read; its state may have changed.
      return state.single
        ? {...state, quit: true}
        : relisted({...state, reading: undefined}, env, reading.index);
    }
    case 'nextArticle':
    case 'previousArticle': {
      if (reading.from?.length) {
        return withReader(state, {type: 'notify', message: 'q goes back to where the link was'});
      }
      // The next article as the list shows them (its filter and sort).
      const row = state.list.rows.findIndex((candidate) => candidate.entry === reading.index);
      const nextRow = row === -1 ? -1 : row + (command.type === 'nextArticle' ? 1 : -1);
      const next = state.list.rows[nextRow]?.entry ?? -1;
      if (state.single || next < 0) {
        const which = command.type === 'nextArticle' ? 'last' : 'first';
        return withReader(state, {type: 'notify', message: `this is the ${which} article`});
      }
      const opened = openEntry(state, next, env);
      if (opened.reading?.index === next) return opened;
      // It cannot be read: say so where the reader is looking, and stay.
      return withReader(state, {type: 'notify', message: opened.list.message});
    }
    default:
      return withReader(state, command);
  }
}

/** Lines (or rows) one turn of the mouse wheel moves. */
export const WHEEL_LINES = 3;
/** Where the rows of the list (the library's, or a list over the page) start on screen. */
const FIRST_ROW = 2;

/**
 * The mouse, when it is on: the wheel scrolls the page (or moves a list's cursor) three lines;
 * a click on a row of the library opens it, on a row of a list over the page goes there.
 */
function mouseKey(state: AppState, key: Key & {kind: 'mouse'}, env: AppEnv): AppState {
  const wheel =
    key.event === 'wheelUp' ? -WHEEL_LINES : key.event === 'wheelDown' ? WHEEL_LINES : 0;
  const reader = state.reading?.reader;
  if (reader) {
    if (reader.help || reader.prompt !== undefined || reader.markKey) return state;
    if (reader.panel) {
      if (wheel !== 0) return withReader(state, {type: 'panelMove', by: wheel});
      if (key.event !== 'press') return state;
      const height = Math.max(1, reader.geometry.height);
      const first = Math.floor(reader.panel.selected / height) * height;
      const row = key.row - FIRST_ROW;
      if (row < 0 || row >= height) return state;
      return withReader(state, {type: 'panelClick', row: first + row});
    }
    return wheel === 0 ? state : withReader(state, {type: 'scroll', lines: wheel});
  }
  const {list} = state;
  if (list.help || list.address !== undefined || list.saving || list.rows.length === 0)
    return state;
  if (wheel !== 0) {
    const place = moveList(list, list.selected + wheel, list.rows.length, listHeight(state.rows));
    return place === list ? state : {...state, list: {...list, ...place}};
  }
  if (key.event !== 'press') return state;
  const row = key.row - FIRST_ROW;
  const index = list.top + row;
  if (row < 0 || row >= listHeight(state.rows) || index >= list.rows.length) return state;
  const selected = {...state, list: {...list, selected: index}};
  return openEntry(selected, list.rows[index]!.entry, env);
}

function withReader(state: AppState, action: Parameters<typeof readerReducer>[1]): AppState {
  const {reading} = state;
  if (!reading) return state;
  const reader = readerReducer(reading.reader, action);
  if (reader === reading.reader) return state;
  // The measure set (- + =) is kept for the next article.
  return {
    ...state,
    cap: reader.cap,
    speakersShown: reader.speakersShown,
    reading: {...reading, reader},
  };
}

/**
 * The app's one state machine: every key, resize and background result goes through here,
 * in order, each meeting the state the one before it left.
 */
export function appReducer(state: AppState, event: AppEvent, env: AppEnv): AppState {
  // After quitting only the rest of a long file still comes in (so its place is saved).
  if (state.quit && event.type !== 'loaded') return state;
  switch (event.type) {
    case 'key':
      if (event.key.kind === 'mouse') {
        // Reports that come while the mouse is off (another program left it on) are dropped.
        return state.mouse ? mouseKey(state, event.key, env) : state;
      }
      return state.reading ? readerKey(state, event.key, env) : libraryKey(state, event.key, env);
    case 'resize': {
      if (event.columns === state.columns && event.rows === state.rows) return state;
      const resized = {...state, columns: event.columns, rows: event.rows};
      const place = moveList(
        state.list,
        state.list.selected,
        state.list.rows.length,
        listHeight(event.rows),
      );
      const next = {...resized, list: {...state.list, selected: place.selected, top: place.top}};
      return withReader(next, {type: 'resize', columns: event.columns, rows: event.rows});
    }
    case 'layoutComplete':
      return withReader(state, {type: 'layoutComplete'});
    case 'contentsFound':
      return withReader(state, {type: 'contentsFound'});
    case 'loaded':
      return loaded(state, event.article);
    case 'notice':
      return withReader(state, {type: 'notify', message: event.message});
    case 'described': {
      if (state.library.kind !== 'folder' || event.entries.length === 0) return state;
      const entries = [...state.library.entries];
      let reorders = false;
      for (const [index, entry] of event.entries) {
        const before = entries[index];
        if (before?.path !== entry.path) continue;
        entries[index] = entry;
        reorders ||= changesOrder(before, entry, state.list);
      }
      const library = {...state.library, entries};
      // Most descriptions only confirm what the cache said: the rows stay as they are.
      return reorders
        ? relisted({...state, library}, env, selectedEntry(state.list))
        : {...state, library};
    }
    case 'saveProgress':
      return state.list.saving
        ? {...state, list: {...state.list, saving: {...state.list.saving, bytes: event.bytes}}}
        : state;
    case 'saved':
      return state.list.saving ? pageSaved(state, env, event) : state;
    case 'saveFailed':
      return state.list.saving
        ? {...state, list: {...state.list, saving: undefined, message: event.message}}
        : state;
    case 'followProgress': {
      const following = state.reading?.following;
      if (!following) return state;
      const shown = {
        ...state,
        reading: {...state.reading!, following: {...following, bytes: event.bytes}},
      };
      return withReader(shown, {type: 'notify', message: downloading(following.url, event.bytes)});
    }
    case 'followed':
      return state.reading?.following ? followed(state, event.url, event.result) : state;
    case 'followFailed': {
      if (!state.reading?.following) return state;
      const stopped = {...state, reading: {...state.reading, following: undefined}};
      return withReader(stopped, {type: 'notify', message: event.message});
    }
  }
}

/** What the status line says while a link downloads. */
function downloading(url: string, bytes: number): string {
  return `downloading ${url} · ${Math.round(bytes / 1024)} KB · Esc stops`;
}

/** Reads the link under the list's cursor here: an article of the library, or a web page. */
function followLink(state: AppState, env: AppEnv): AppState {
  const reading = state.reading!;
  const link = selectedLink(reading.reader);
  if (!link) return state;
  const entries = entriesOf(state.library);
  const target: LinkTarget = env.resolveLink
    ? env.resolveLink(link.url, entries[reading.index], entries)
    : isWebLink(link.url)
      ? {kind: 'web', url: link.url}
      : {kind: 'none', reason: `cannot read ${link.url} here (O opens it outside)`};
  const left = {...reading, reader: {...reading.reader, panel: undefined}};
  if (target.kind === 'none') return withReader(state, {type: 'notify', message: target.reason});
  if (target.kind === 'web') {
    const waiting = {...state, reading: {...left, following: {url: target.url, bytes: 0}}};
    return withReader(waiting, {type: 'notify', message: downloading(target.url, 0)});
  }
  const opened = openEntry(state, target.index, env);
  if (opened.reading?.index !== target.index) {
    return withReader(state, {type: 'notify', message: opened.list.message});
  }
  return {...opened, reading: {...opened.reading, from: [...(reading.from ?? []), left]}};
}

/** The page a link led to, read here; q goes back to where it was followed from. */
function followed(state: AppState, url: string, result: LoadResult): AppState {
  const reading = state.reading!;
  if (result.kind === 'refused') {
    const stopped = {...state, reading: {...reading, following: undefined}};
    return withReader(stopped, {type: 'notify', message: `cannot read ${url}: ${result.reason}`});
  }
  const reader = openReader(result.article, state.columns, state.rows, {
    cap: state.cap,
    defaultCap: state.defaultCap,
    speakersShown: state.speakersShown,
    message: result.article.notice,
  });
  const left = {...reading, following: undefined, reader: {...reading.reader, message: undefined}};
  return {
    ...state,
    reading: {index: -1, reader, loading: result.rest, from: [...(reading.from ?? []), left]},
  };
}
