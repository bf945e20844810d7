import {promptText, type Key} from '../input/keys.js';
import {intentFor, type Keymap} from '../input/keymap.js';
import type {Library, LibraryEntry} from './library.js';
import {listHeight, moveList, type ListPlace} from './list.js';
import {listRows, prepareFilter, SORTS, type ListRow, type SortKey, type Standing} from './view.js';

/** The list: its cursor and window over the rows shown, the filter, the sort, its help. */
export type ListState = ListPlace & {
  rows: ListRow[];
  filter: string;
  /** The filter prompt is open: letters and digits type into it. */
  filtering: boolean;
  sort: SortKey;
  help: boolean;
  /** A line for the status bar: why an article could not be opened, what a rescan found. */
  message?: string;
  /** The prompt for a web page's address (the a key), as typed so far. */
  address?: string;
  /** A page being downloaded and saved: its address, and the bytes so far. */
  saving?: {url: string; bytes: number};
};

/** What the list reads of the world around it: the entries, the terminal, reading states. */
export type ListContext = {
  entries: LibraryEntry[];
  /** The terminal's height, in rows. */
  rows: number;
  standing: (file: string) => Standing;
  /** The keys, as the config file binds them. */
  keymap?: Keymap;
};

/**
 * What the list asks of the app once a key is applied (as Bubble Tea's Update returns a
 * command): open an entry, read the folder again, or quit.
 */
export type ListCommand =
  | {kind: 'open'; entry: number}
  | {kind: 'rescan'}
  | {kind: 'quit'}
  /** Download the page at `url` and save it into the library. */
  | {kind: 'save'; url: string};

export type ListUpdate = {list: ListState; command?: ListCommand};

/** Work the list does in the background (reading files' heads, counting words), at the edge. */
export type LibraryWork = {
  /** An entry listed by name, described: title, byline, size, words if short, or refusal. */
  describe(entry: LibraryEntry): LibraryEntry;
  /** The words of an article too long for its head to tell, or undefined when not counted. */
  countWords(entry: LibraryEntry): number | undefined;
};

export function entriesOf(library: Library): LibraryEntry[] {
  return library.kind === 'folder' ? library.entries : [];
}

/** A list with no rows yet, in the order `sort`. */
export function emptyList(sort: SortKey): ListState {
  return {selected: 0, top: 0, rows: [], filter: '', filtering: false, sort, help: false};
}

/** The entry under the list's cursor, by its index in the library. */
export function selectedEntry(list: ListState): number | undefined {
  return list.rows[list.selected]?.entry;
}

/**
 * The list's rows worked out again (the filter, the sort or the reading states changed), with
 * the cursor on entry `keep` if it is still shown, else where it was.
 */
export function withRows(
  list: ListState,
  context: ListContext,
  keep: number | undefined,
): ListState {
  const rows = listRows(context.entries, {
    filter: list.filter,
    sort: list.sort,
    standing: context.standing,
  });
  const at = keep === undefined ? -1 : rows.findIndex((row) => row.entry === keep);
  const place = moveList(
    list,
    at === -1 ? list.selected : at,
    rows.length,
    listHeight(context.rows),
  );
  return {...list, rows, selected: place.selected, top: place.top};
}

/** Moves the list's cursor to row `row`, scrolling its window as little as it takes. */
export function moveTo(list: ListState, row: number, terminalRows: number): ListState {
  const place = moveList(list, row, list.rows.length, listHeight(terminalRows));
  if (place === list) return list;
  return {...list, selected: place.selected, top: place.top};
}

/** The list's cursor a row or a screenful up or down. */
function moveBy(
  list: ListState,
  intent: 'listUp' | 'listDown' | 'listPageUp' | 'listPageDown',
  terminalRows: number,
): ListState {
  const height = listHeight(terminalRows);
  const by = {listUp: -1, listDown: 1, listPageUp: -height, listPageDown: height}[intent];
  return moveTo(list, list.selected + by, terminalRows);
}

/** Whether an entry described anew may move in the list, or in or out of its filter. */
export function changesOrder(before: LibraryEntry, after: LibraryEntry, list: ListState): boolean {
  const named = before.title !== after.title || before.folder !== after.folder;
  if (named || (list.filter !== '' && before.byline !== after.byline)) return true;
  return list.sort === 'length' && (before.words !== after.words || before.size !== after.size);
}

/** The list in a library read again (`r`): the cursor stays on the article it was on. */
export function rescanned(
  list: ListState,
  before: LibraryEntry[],
  context: ListContext,
): ListState {
  const current = selectedEntry(list);
  const path = current === undefined ? undefined : before[current]?.path;
  const found = context.entries.findIndex((entry) => entry.path === path);
  const count = context.entries.length;
  return withRows(
    {...list, message: `${count} ${count === 1 ? 'article' : 'articles'} found`},
    context,
    found === -1 ? undefined : found,
  );
}

/** One step of making the list's filter ready (see prepareFilter), so that letters typed are answered quickly. */
export function warmListFilter(list: ListState, context: ListContext, step: number): void {
  prepareFilter(context.entries, list.sort, context.standing, step);
}

/** A new filter: typing puts the cursor on the best match; clearing keeps it where it was. */
function setFilter(
  list: ListState,
  filter: string,
  filtering: boolean,
  context: ListContext,
): ListState {
  const next = {...list, message: undefined, filter, filtering};
  if (filter === '') return withRows(next, context, selectedEntry(list));
  return moveTo(withRows(next, context, undefined), 0, context.rows);
}

/** Keys while the filter prompt is open: letters type, arrows move among the matches. */
function filteringKey(list: ListState, key: Key, context: ListContext): ListUpdate {
  if (key.kind === 'paste') {
    return {list: setFilter(list, list.filter + promptText(key.text), true, context)};
  }
  const intent = intentFor('filter', key, context.keymap);
  switch (intent) {
    case 'openMatch': {
      const current = selectedEntry(list);
      return current === undefined
        ? {list: setFilter(list, list.filter, false, context)}
        : {list: {...list, filtering: false}, command: {kind: 'open', entry: current}};
    }
    case 'filterCancel':
      return {list: setFilter(list, '', false, context)};
    case 'filterErase':
      return {list: setFilter(list, [...list.filter].slice(0, -1).join(''), true, context)};
    case 'listUp':
    case 'listDown':
    case 'listPageUp':
    case 'listPageDown':
      return {list: moveBy(list, intent, context.rows)};
    case 'quit':
      return {list, command: {kind: 'quit'}};
    default:
      if (key.kind === 'char' && !key.ctrl && promptText(key.text) !== '') {
        return {list: setFilter(list, list.filter + promptText(key.text), true, context)};
      }
      return {list};
  }
}

/** Keys while browsing: move, open, filter, sort, look again, help, quit. */
function browsingKey(list: ListState, key: Key, context: ListContext): ListUpdate {
  const intent = intentFor('library', key, context.keymap);
  switch (intent) {
    case 'listUp':
    case 'listDown':
    case 'listPageUp':
    case 'listPageDown':
      return {list: moveBy(list, intent, context.rows)};
    case 'listFirst':
      return {list: moveTo(list, 0, context.rows)};
    case 'listLast':
      return {list: moveTo(list, list.rows.length - 1, context.rows)};
    case 'open': {
      const current = selectedEntry(list);
      return current === undefined ? {list} : {list, command: {kind: 'open', entry: current}};
    }
    case 'startFilter':
      return {list: {...list, message: undefined, filtering: true}};
    case 'clearFilter':
      return {list: list.filter === '' ? list : setFilter(list, '', false, context)};
    case 'cycleSort': {
      const sort = SORTS[(SORTS.indexOf(list.sort) + 1) % SORTS.length]!;
      return {list: withRows({...list, sort}, context, selectedEntry(list))};
    }
    case 'rescan':
      return {list, command: {kind: 'rescan'}};
    case 'addPage':
      return {list: {...list, message: undefined, address: ''}};
    case 'toggleHelp':
      return {list: {...list, help: true}};
    case 'libraryQuit':
    case 'quit':
      return {list, command: {kind: 'quit'}};
    default:
      return {list};
  }
}

/** Keys in the prompt for a page's address: typed or pasted, Enter saves, Esc cancels. */
function addressKey(list: ListState, address: string, key: Key, keys?: Keymap): ListUpdate {
  if (key.kind === 'paste')
    return {list: {...list, address: address + promptText(key.text).trim()}};
  switch (intentFor('address', key, keys)) {
    case 'addressSubmit': {
      const url = address.trim();
      if (url === '') return {list: {...list, address: undefined}};
      return {
        list: {...list, address: undefined, saving: {url, bytes: 0}, message: undefined},
        command: {kind: 'save', url},
      };
    }
    case 'addressCancel':
      return {list: {...list, address: undefined}};
    case 'addressErase':
      return {list: {...list, address: [...address].slice(0, -1).join('')}};
    case 'quit':
      return {list, command: {kind: 'quit'}};
    default:
      if (key.kind === 'char' && !key.ctrl && promptText(key.text) !== '') {
        return {list: {...list, address: address + promptText(key.text)}};
      }
      return {list};
  }
}

/**
 * Keys while a page downloads: the store holds them until it is done (and stops it on Esc);
 * only Ctrl-C, which is never held, comes here.
 */
function savingKey(list: ListState, key: Key, keys?: Keymap): ListUpdate {
  return intentFor('address', key, keys) === 'quit' ? {list, command: {kind: 'quit'}} : {list};
}

/** The list's own keys: its help, a page being saved, the prompts, or browsing. */
export function listKey(list: ListState, key: Key, context: ListContext): ListUpdate {
  if (list.saving) return savingKey(list, key, context.keymap);
  if (list.address !== undefined) return addressKey(list, list.address, key, context.keymap);
  if (list.help) {
    // Any key closes the help; Ctrl-C still quits.
    if (intentFor('library', key, context.keymap) === 'quit')
      return {list, command: {kind: 'quit'}};
    return {list: {...list, help: false}};
  }
  return list.filtering ? filteringKey(list, key, context) : browsingKey(list, key, context);
}
