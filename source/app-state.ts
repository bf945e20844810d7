import type {Article, ArticleLoad} from './article/article.js';
import type {Key} from './input/keys.js';
import {intentFor} from './keymap.js';
import type {Library, LibraryEntry} from './library/library.js';
import {moveList, listHeight, type ListPlace} from './library/list.js';
import {
  listRows,
  prepareFilter,
  SORTS,
  type ListRow,
  type SortKey,
  type Standing,
} from './library/view.js';
import {promptText, readerCommand} from './reader/reader-keys.js';
import {
  openReader,
  quotationRowsKnown,
  quotationsFar,
  readerReducer,
  rebase,
  visibleLines,
  type ReaderState,
} from './reader/reader-reducer.js';
import type {ReaderCommand} from './reader/reader-keys.js';

/** An article opened for reading, or the reason it could not be. */
export type Opened =
  | {kind: 'article'; article: Article; anchor: number; message?: string; rest?: ArticleLoad}
  | {kind: 'refused'; message: string};

/** What the app asks of the world: reading an article (from disk, at the edge). */
export type AppEnv = {
  open(entry: LibraryEntry): Opened;
  /** How far an article has been read, and when (for the list's state column and sorts). */
  standing?(file: string): Standing;
  /** The library's folder read again (`r`). */
  rescan?(): Library;
};

/** Work the list does in the background (reading files' heads, counting words), at the edge. */
export type LibraryWork = {
  /** An entry listed by name, described: title, byline, size, words if short, or refusal. */
  describe(entry: LibraryEntry): LibraryEntry;
  /** The words of an article too long for its head to tell, or undefined when not counted. */
  countWords(entry: LibraryEntry): number | undefined;
};

/** The list: its cursor and window over the rows shown, the filter, the sort, its help. */
export type ListState = ListPlace & {
  rows: ListRow[];
  filter: string;
  /** The filter prompt is open: letters and digits type into it. */
  filtering: boolean;
  sort: SortKey;
  help: boolean;
};

const unread = (): Standing => ({status: {kind: 'unread'}});

/** One step of making the list's filter ready (see prepareFilter), so that letters typed are answered quickly. */
export function warmListFilter(state: AppState, env: AppEnv, step: number): void {
  if (state.library.kind !== 'folder') return;
  prepareFilter(state.library.entries, state.list.sort, env.standing ?? unread, step);
}

/** The whole app: the library, the article being read if any, and the terminal it is in. */
export type AppState = {
  library: Library;
  list: ListState;
  /** Why the last article asked for could not be opened. */
  message?: string;
  /** The article being read; `loading` reads the rest of a long file while its start shows. */
  reading?: {index: number; reader: ReaderState; loading?: ArticleLoad};
  columns: number;
  rows: number;
  /** The widest measure (--width). */
  cap?: number;
  /** A file was named on the command line: leaving its reader quits. */
  single: boolean;
  quit: boolean;
};

export type AppEvent =
  | {type: 'key'; key: Key}
  | {type: 'resize'; columns: number; rows: number}
  /** The reader's page count was finished in the background. */
  | {type: 'layoutComplete'}
  /** The whole of a long file has been read in the background. */
  | {type: 'loaded'; article: Article}
  /** A word for the reader's status line (keys are held while a file is read). */
  | {type: 'notice'; message: string}
  /** Entries of the list described in the background, by their index. */
  | {type: 'described'; entries: Array<[number, LibraryEntry]>};

export function entriesOf(library: Library): LibraryEntry[] {
  return library.kind === 'folder' ? library.entries : [];
}

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
  }: {columns: number; rows: number; cap?: number; openIndex?: number; sort?: SortKey},
): AppState {
  const state: AppState = {
    library,
    list: {selected: 0, top: 0, rows: [], filter: '', filtering: false, sort, help: false},
    columns,
    rows,
    cap,
    single: openIndex !== undefined,
    quit: false,
  };
  const listed = withRows(state, env, undefined);
  return openIndex === undefined ? listed : openEntry(listed, openIndex, env);
}

/** The entry under the list's cursor, by its index in the library. */
export function selectedEntry(state: AppState): number | undefined {
  return state.list.rows[state.list.selected]?.entry;
}

/**
 * The list's rows worked out again (the filter, the sort or the reading states changed), with
 * the cursor on entry `keep` if it is still shown, else where it was.
 */
function withRows(state: AppState, env: AppEnv, keep: number | undefined): AppState {
  const rows = listRows(entriesOf(state.library), {
    filter: state.list.filter,
    sort: state.list.sort,
    standing: env.standing ?? unread,
  });
  const at = keep === undefined ? -1 : rows.findIndex((row) => row.entry === keep);
  const list = {...state.list, rows};
  const place = moveList(
    list,
    at === -1 ? state.list.selected : at,
    rows.length,
    listHeight(state.rows),
  );
  return {...state, list: {...list, selected: place.selected, top: place.top}};
}

/** Whether an entry described anew may move in the list, or in or out of its filter. */
function changesOrder(before: LibraryEntry, after: LibraryEntry, list: ListState): boolean {
  const named = before.title !== after.title || before.folder !== after.folder;
  if (named || (list.filter !== '' && before.byline !== after.byline)) return true;
  return list.sort === 'length' && (before.words !== after.words || before.size !== after.size);
}

/** The list's cursor a row or a screenful up or down. */
function moveBy(
  state: AppState,
  intent: 'listUp' | 'listDown' | 'listPageUp' | 'listPageDown',
): AppState {
  const height = listHeight(state.rows);
  const by = {listUp: -1, listDown: 1, listPageUp: -height, listPageDown: height}[intent];
  return moveTo(state, state.list.selected + by);
}

/** Moves the list's cursor to row `row`, scrolling its window as little as it takes. */
function moveTo(state: AppState, row: number): AppState {
  const place = moveList(state.list, row, state.list.rows.length, listHeight(state.rows));
  if (place === state.list) return state;
  return {...state, list: {...state.list, selected: place.selected, top: place.top}};
}

/** Opens entry `index` where its reader left off, or says in the list why it cannot. */
function openEntry(state: AppState, index: number, env: AppEnv): AppState {
  const entry = entriesOf(state.library)[index];
  if (!entry) return state;
  // (The list is not shown while reading; back puts its cursor on the article read.)
  if (entry.refused) {
    return {...state, message: `Cannot open ${entry.fileName}: ${entry.refused}`};
  }
  const opened = env.open(entry);
  if (opened.kind === 'refused') return {...state, message: opened.message};
  const reader = openReader(opened.article, state.columns, state.rows, {
    cap: state.cap,
    anchor: opened.anchor,
    message: opened.message,
  });
  return {...state, message: undefined, reading: {index, reader, loading: opened.rest}};
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
  return {...state, reading: {index: reading.index, reader: rebase(reading.reader, article)}};
}

/** Whether `command` needs more of a long file than the start `reader` shows. */
function commandNeedsWhole(reader: ReaderState, command: ReaderCommand): boolean {
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
 * quotations read far beyond what is known (`[` from a book's end). The store holds such
 * keys, and those after them, and does the work in the background: the event loop never
 * waits on it.
 */
export function waitsFor(state: AppState, key: Key): 'file' | 'quotations' | undefined {
  const reader = state.reading?.reader;
  if (!reader || state.quit) return undefined;
  const command = readerCommand(reader, key);
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

function libraryKey(state: AppState, key: Key, env: AppEnv): AppState {
  const {list} = state;
  const current = selectedEntry(state);
  if (list.help) {
    // Any key closes the help; Ctrl-C still quits.
    if (intentFor('library', key) === 'quit') return {...state, quit: true};
    return {...state, list: {...list, help: false}};
  }
  // Typing puts the cursor on the best match; clearing keeps it on the article it was on.
  const setFilter = (filter: string, filtering: boolean): AppState => {
    const next = {...state, message: undefined, list: {...list, filter, filtering}};
    if (filter === '') return withRows(next, env, current);
    return moveTo(withRows(next, env, undefined), 0);
  };
  if (list.filtering) {
    if (key.kind === 'paste') return setFilter(list.filter + promptText(key.text), true);
    const intent = intentFor('filter', key);
    switch (intent) {
      case 'filterOpen':
        return current === undefined
          ? setFilter(list.filter, false)
          : openEntry({...state, list: {...list, filtering: false}}, current, env);
      case 'filterCancel':
        return setFilter('', false);
      case 'filterErase':
        return setFilter([...list.filter].slice(0, -1).join(''), true);
      case 'listUp':
      case 'listDown':
      case 'listPageUp':
      case 'listPageDown':
        return moveBy(state, intent);
      case 'quit':
        return {...state, quit: true};
      default:
        if (key.kind === 'char' && !key.ctrl && promptText(key.text) !== '') {
          return setFilter(list.filter + promptText(key.text), true);
        }
        return state;
    }
  }
  const intent = intentFor('library', key);
  switch (intent) {
    case 'listUp':
    case 'listDown':
    case 'listPageUp':
    case 'listPageDown':
      return moveBy(state, intent);
    case 'listFirst':
      return moveTo(state, 0);
    case 'listLast':
      return moveTo(state, list.rows.length - 1);
    case 'open':
      return current === undefined ? state : openEntry(state, current, env);
    case 'openFilter':
      return {...state, message: undefined, list: {...list, filtering: true}};
    case 'clearFilter':
      return list.filter === '' ? state : setFilter('', false);
    case 'cycleSort': {
      const sort = SORTS[(SORTS.indexOf(list.sort) + 1) % SORTS.length]!;
      return withRows({...state, list: {...list, sort}}, env, current);
    }
    case 'rescan': {
      if (!env.rescan) return state;
      const path = current === undefined ? undefined : entriesOf(state.library)[current]?.path;
      const library = env.rescan();
      const found = entriesOf(library).findIndex((entry) => entry.path === path);
      const count = entriesOf(library).length;
      return withRows(
        {...state, library, message: `${count} ${count === 1 ? 'article' : 'articles'} found`},
        env,
        found === -1 ? undefined : found,
      );
    }
    case 'toggleHelp':
      return {...state, list: {...list, help: true}};
    case 'libraryQuit':
    case 'quit':
      return {...state, quit: true};
    default:
      return state;
  }
}

function readerKey(state: AppState, key: Key, env: AppEnv): AppState {
  const {reading} = state;
  if (!reading) return state;
  const command = readerCommand(reading.reader, key);
  if (!command) return state;
  state = wholeFor(state, command);
  switch (command.type) {
    case 'quit':
      return {...state, quit: true};
    case 'back':
      // Back in the list, the cursor is on the article just read; its state may have changed.
      return state.single
        ? {...state, quit: true}
        : withRows({...state, reading: undefined}, env, reading.index);
    case 'nextArticle':
    case 'previousArticle': {
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
      return withReader(state, {type: 'notify', message: opened.message});
    }
    default:
      return withReader(state, command);
  }
}

function withReader(state: AppState, action: Parameters<typeof readerReducer>[1]): AppState {
  const {reading} = state;
  if (!reading) return state;
  const reader = readerReducer(reading.reader, action);
  return reader === reading.reader ? state : {...state, reading: {...reading, reader}};
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
        ? withRows({...state, library}, env, selectedEntry(state))
        : {...state, library};
    }
  }
}
