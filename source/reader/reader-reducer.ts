import type {Article} from '../article/article.js';
import {lineStore, type DisplayLine, type LineStore} from '../text/layout.js';
import {Pages} from '../text/paginate.js';
import {
  nameSpeakerOf,
  quotationScanner,
  speakersPending,
  speakerWork,
  type Quotation,
  type QuotationScanner,
} from '../text/quotes.js';
import {findHits, hitAtOrAfter, MAX_HITS, type Hit} from '../text/search.js';
import {DEFAULT_MEASURE, geometry, MIN_MEASURE, type Geometry} from './geometry.js';
import {localLayout} from '../text/local-layout.js';

/**
 * Blocks a key may lay out to find the page of a far offset (a few tens of ms); beyond that
 * the screen is shown detached, from the offset's own lines, until the background layout
 * catches up and its page number is known.
 */
export const REACH_BLOCKS = 800;

/** How a detached screen settles once its page is known: on that page, the last, or as is. */
export type Detached = 'page' | 'last' | 'line';

/** A search that has run: its hits and which one is current. */
export type Search = {query: string; hits: Hit[]; current: number};

export type ReaderState = {
  article: Article;
  columns: number;
  rows: number;
  /** The widest the text may be set, in cells; the terminal may make it narrower. */
  cap: number;
  geometry: Geometry;
  pages: Pages;
  /** The page that holds the anchor (unless detached). */
  page: number;
  /**
   * Set while the screen shows the anchor's lines before the layout from the top has reached
   * them (a far jump in a long book): the page is not known yet.
   */
  detached?: Detached;
  /** The reader's place: an offset into the article; everything on screen derives from it. */
  anchor: number;
  /**
   * Whether the screen shows whole pages (true) or starts at the anchor's line, after a line
   * or half-page scroll (j k d u).
   */
  aligned: boolean;
  message?: string;
  /**
   * The quotation just jumped to, told in the status line as `quotation 3/57 · Speaker`
   * when no message is: its count is shown as it is known then, not when the key came.
   */
  quotationAt?: {index: number; speaker?: string};
  /** The article's quotations, found up to the page on screen (all of them once ] [ or " ask). */
  quotes: QuotationScanner;
  /** The quotation last jumped to, marked on screen. */
  currentQuote?: Quotation;
  /** The list of quotations (the " key), with the row selected. */
  panel?: {selected: number};
  /** The search prompt being typed (the / key). */
  prompt?: string;
  search?: Search;
  /** Digits typed before a command: 12g, 50%, 5j. */
  count: string;
  help: boolean;
};

export type ReaderAction =
  | {type: 'nextPage'}
  | {type: 'previousPage'}
  | {type: 'lineDown'}
  | {type: 'lineUp'}
  | {type: 'halfDown'}
  | {type: 'halfUp'}
  | {type: 'firstPage'}
  | {type: 'lastPage'}
  | {type: 'digit'; digit: string}
  | {type: 'percent'}
  | {type: 'resize'; columns: number; rows: number}
  | {type: 'narrower'}
  | {type: 'wider'}
  | {type: 'fullMeasure'}
  /** The page count was finished in the background: show it. */
  | {type: 'layoutComplete'}
  | {type: 'nextQuote'}
  | {type: 'previousQuote'}
  | {type: 'openQuotes'}
  | {type: 'closeQuotes'}
  | {type: 'panelMove'; by: number}
  | {type: 'panelChoose'}
  | {type: 'openSearch'}
  | {type: 'promptType'; text: string}
  | {type: 'promptErase'}
  | {type: 'promptCancel'}
  | {type: 'promptSubmit'}
  | {type: 'nextHit'}
  | {type: 'previousHit'}
  | {type: 'toggleHelp'}
  | {type: 'notify'; message: string | undefined};

/** How much - and + change the measure, in cells. */
export const MEASURE_STEP = 4;

const pagesByStore = new WeakMap<LineStore, Map<number, Pages>>();

/** Pages are a pure function of (article, width, height); keep each so a resize back is free. */
function pagesFor(article: Article, width: number, height: number): Pages {
  const store = lineStore(article, width);
  let byHeight = pagesByStore.get(store);
  if (!byHeight) pagesByStore.set(store, (byHeight = new Map()));
  let pages = byHeight.get(height);
  if (!pages) byHeight.set(height, (pages = new Pages(store, height)));
  return pages;
}

/** The index of the first line on screen. */
function topLine(state: ReaderState): number {
  return state.aligned
    ? (state.pages.firstLine[state.page] ?? 0)
    : state.pages.lineOf(state.anchor);
}

/** The lines on screen: the page, or `height` lines from the anchor's line when scrolled. */
export function visibleLines(state: ReaderState): DisplayLine[] {
  if (state.detached) return local(state).linesFrom(state.anchor, state.pages.height);
  if (state.aligned) return state.pages.linesOf(state.page);
  return state.pages.linesFrom(topLine(state), state.pages.height);
}

function local(state: ReaderState) {
  return localLayout(state.article, state.geometry.measure);
}

/** Where the screen's text ends, for finding the quotations it shows (no lines are built). */
function screenEnd(state: ReaderState): number {
  // (Only for a screen placed among the pages: a detached one is not scanned.)
  const {pages} = state;
  const next = state.aligned
    ? pages.startOffset[state.page + 1]
    : pages.startOffset[pages.pageOf(state.anchor) + 2];
  if (next !== undefined) return next;
  if (pages.complete) return state.article.text.length;
  // Pages after the screen are not cut yet: its own last line says where it ends.
  return visibleLines(state).at(-1)?.end ?? state.anchor;
}

/**
 * Shows the anchor's lines before their page is known; they settle as `settle` says. Its
 * quotations are found by the background layout (scanning a whole book now would be slow).
 */
function detach(state: ReaderState, anchor: number, settle: Detached): ReaderState {
  return {...state, anchor, aligned: false, detached: settle};
}

/** Sets the anchor, cuts the pages it needs, and finds the quotations on screen. */
function place(
  state: ReaderState,
  anchor: number,
  aligned: boolean,
  knownPage?: number,
): ReaderState {
  const {pages} = state;
  let page = knownPage;
  if (page === undefined) {
    if (!pages.reach(anchor, REACH_BLOCKS)) return detach(state, anchor, aligned ? 'page' : 'line');
    page = pages.pageOf(anchor);
  }
  const next: ReaderState = {...state, anchor, aligned, page, detached: undefined};
  next.quotes.scanThrough(screenEnd(next));
  return next;
}

/** A detached screen whose page has become known takes its place among the pages. */
function settle(state: ReaderState): ReaderState {
  const {detached, pages} = state;
  if (!detached) return state;
  if (detached === 'last') {
    return pages.complete ? goToPage({...state, detached: undefined}, pages.count - 1) : state;
  }
  if (!pages.covers(state.anchor)) return state;
  return place(state, state.anchor, detached === 'page');
}

/** Lays the article out for a terminal and measure, keeping everything else. */
function setOut(state: ReaderState, columns: number, rows: number, cap: number): ReaderState {
  const shape = geometry(columns, rows, cap);
  const pages = pagesFor(state.article, shape.measure, shape.height);
  const next = {...state, columns, rows, cap, geometry: shape, pages};
  if (state.detached === 'last') return lastScreen(next);
  return place(next, state.anchor, state.aligned || state.detached === 'page');
}

/** The last page; or, while the page count is not known, the last screenful of lines. */
function lastScreen(state: ReaderState): ReaderState {
  if (state.pages.reach(Infinity, REACH_BLOCKS)) {
    return goToPage({...state, detached: undefined}, state.pages.count - 1);
  }
  return detach(state, local(state).lastScreen(state.pages.height), 'last');
}

/** Opens an article at `anchor` in a terminal of columns × rows. */
export function openReader(
  article: Article,
  columns: number,
  rows: number,
  {
    anchor = 0,
    cap = DEFAULT_MEASURE,
    message,
  }: {anchor?: number; cap?: number; message?: string} = {},
): ReaderState {
  const shape = geometry(columns, rows, cap);
  const pages = pagesFor(article, shape.measure, shape.height);
  const start: ReaderState = {
    article,
    columns,
    rows,
    cap,
    geometry: shape,
    pages,
    page: 0,
    anchor,
    aligned: true,
    message,
    quotes: quotationScanner(article),
    count: '',
    help: false,
  };
  return place(start, Math.max(0, Math.min(anchor, article.text.length)), true);
}

/**
 * The reader over `article`, the whole of the long file whose start `state` was showing:
 * the same place, the same way of showing it (the start's offsets are the whole's).
 */
export function rebase(state: ReaderState, article: Article): ReaderState {
  const opened = openReader(article, state.columns, state.rows, {
    cap: state.cap,
    anchor: Math.min(state.anchor, article.text.length),
    message: state.message,
  });
  const kept = {
    ...opened,
    count: state.count,
    help: state.help,
    prompt: state.prompt,
    // The panel's rows, and the quotation marked, are the whole article's too.
    panel: state.panel,
    currentQuote: state.currentQuote,
    quotationAt: state.quotationAt,
  };
  return state.aligned ? kept : place(kept, kept.anchor, false);
}

function goToPage(state: ReaderState, page: number): ReaderState {
  state.pages.ensurePage(page);
  const target = Math.max(0, Math.min(state.pages.count - 1, page));
  if (target === state.page && state.aligned && !state.detached) return state;
  // The page is known: its start is the anchor, and no search for it is needed.
  return place({...state, currentQuote: undefined}, state.pages.startOffset[target]!, true, target);
}

/** Scrolls the screen by `lines` (negative: back), leaving page alignment behind. */
function scroll(state: ReaderState, lines: number): ReaderState {
  const {pages} = state;
  if (state.detached) {
    // Lines around a far place, laid out on their own; never past the last screenful.
    const lines_ = local(state);
    const here = lines_.offsetBy(state.anchor, 0);
    const target = Math.min(lines_.offsetBy(state.anchor, lines), lines_.lastScreen(pages.height));
    if (target === here || (lines > 0 && target < here)) return state;
    return place({...state, currentQuote: undefined}, target, false);
  }
  const top = topLine(state);
  // Lay out far enough to know how far down the screen can go.
  pages.linesFrom(top, Math.max(0, lines) + pages.height);
  const lastTop = Math.max(0, pages.lineCount - pages.height);
  const target = Math.max(0, Math.min(top + lines, Math.max(top, lastTop)));
  if (target === top) return state;
  const start = pages.linesFrom(target, 1)[0]?.start ?? state.anchor;
  return place({...state, currentQuote: undefined}, start, false);
}

/**
 * The first `count` of the quotations that ] [ and the panel go through, the outermost ones
 * in order (fewer at the article's end), read no further than
 * that: the panel shows a screenful of rows, and a book need not be read to the end first.
 */
export function firstQuotations(state: ReaderState, count: number): Quotation[] {
  state.quotes.scanForTop(count);
  return state.quotes.top;
}

/**
 * Whether the quotation list's rows that `command` shows are known exactly from the start
 * of a long file (the rest still being read): scanned without reaching the start's end,
 * where a quotation carried into the next paragraph cannot be told yet.
 */
export function quotationRowsKnown(
  state: ReaderState,
  command:
    | {type: 'openQuotes'}
    | {type: 'panelMove'; by: number}
    | {type: 'panelChoose'}
    | {type: 'nextQuote'}
    | {type: 'previousQuote'},
): boolean {
  const {quotes} = state;
  let selected: number;
  if (command.type === 'nextQuote' || command.type === 'previousQuote') {
    // The quotation after the current one, or the first from the screen's top.
    scanPast(quotes, screenTop(state));
    const current = indexOfQuote(quotes, state.currentQuote);
    quotes.scanForTop(Math.max(current + 2, quotes.top.length + 1));
    return !state.article.partial || !quotes.complete;
  }
  if (command.type === 'openQuotes') {
    scanPast(quotes, screenTop(state));
    selected = Math.max(0, quotes.top.length - 1);
  } else {
    selected = Math.max(
      0,
      (state.panel?.selected ?? 0) + (command.type === 'panelMove' ? command.by : 0),
    );
  }
  firstQuotations(state, panelRowsNeeded(selected, state.rows));
  return !state.article.partial || !quotes.complete;
}

/** How many quotations there are, or `…` while the article is still being read for them. */
export function quotationCount(state: ReaderState): string {
  const {quotes} = state;
  // A short article's are all found at once; a book's are counted as the layout goes.
  if (!quotes.complete && quotes.blocksTo(Infinity) <= QUOTE_REACH_BLOCKS) {
    quotes.scanThrough(Infinity);
  }
  return state.quotes.complete && !state.article.partial ? String(state.quotes.top.length) : '…';
}

/** The quotation rows the panel needs known: through the screenful holding `selected`. */
export function panelRowsNeeded(selected: number, height: number): number {
  return (Math.floor(selected / height) + 1) * height;
}

/** Shows the page holding `quotation`, marked, with where it stands among the others. */
function jumpToQuote(state: ReaderState, list: Quotation[], index: number): ReaderState {
  const quotation = list[index]!;
  nameSpeakerOf(state.article, index);
  return place(
    {
      ...state,
      currentQuote: quotation,
      panel: undefined,
      message: undefined,
      quotationAt: {index, speaker: quotation.speaker},
    },
    quotation.start,
    true,
  );
}

/** Where the quotation keys start from: the top of the screen. */
function screenTop(state: ReaderState): number {
  return state.aligned ? (state.pages.startOffset[state.page] ?? 0) : state.anchor;
}

/** Reads quotations on until the first outermost one starting at or after `offset` is known. */
function scanPast(quotes: QuotationScanner, offset: number): void {
  while (!quotes.complete && (quotes.top.at(-1)?.start ?? -1) < offset) {
    quotes.scanForTop(quotes.top.length + 1);
  }
}

/** Blocks a quotation key may read through at once; further, it waits for a background read. */
export const QUOTE_REACH_BLOCKS = 1500;
/** Quotations whose speakers a key may name at once; more, and it waits as for blocks. */
const SPEAKER_REACH = 1000;

/**
 * Whether a quotation key would have to read further through the article for its
 * quotations than a keypress may take (a book's end, say): the app reads on in the
 * background and applies the key then.
 */
export function quotationsFar(state: ReaderState, command: {type: string}): boolean {
  const {quotes, article} = state;
  switch (command.type) {
    case 'nextQuote':
    case 'previousQuote': {
      // The quotations either side of the screen's top: the one the key lands on is one.
      const top = screenTop(state);
      if (!quotes.complete) return quotes.blocksTo(top) > QUOTE_REACH_BLOCKS;
      const before = quotes.top.findLastIndex((quotation) => quotation.start < top);
      const work = Math.max(speakerWork(article, before), speakerWork(article, before + 1));
      return work > SPEAKER_REACH;
    }
    case 'openQuotes':
      return far(state, screenTop(state));
    case 'panelChoose':
    case 'panelMove':
      return far(state, quotes.top.at(-1)?.end ?? 0);
    default:
      return false;
  }
}

/** Whether the quotations up to `offset`, and their speakers named in order, are far off. */
function far(state: ReaderState, offset: number): boolean {
  return state.quotes.complete
    ? speakersPending(state.article, offset) > SPEAKER_REACH
    : state.quotes.blocksTo(offset) > QUOTE_REACH_BLOCKS;
}

/** Where `quotation` stands among the outermost ones (found by place: it may be from the
 * start of a long file, read before the whole of it). */
function indexOfQuote(quotes: QuotationScanner, quotation: Quotation | undefined): number {
  if (!quotation) return -1;
  quotes.scanThrough(quotation.start);
  return quotes.top.findIndex((known) => known.start === quotation.start);
}

function stepQuote(state: ReaderState, direction: 1 | -1): ReaderState {
  const {quotes} = state;
  const currentIndex = indexOfQuote(quotes, state.currentQuote);
  let index: number;
  if (
    currentIndex !== -1 &&
    !state.detached &&
    state.pages.pageOf(state.currentQuote!.start) === state.page
  ) {
    index = currentIndex + direction;
    if (direction === 1) quotes.scanForTop(index + 1);
  } else {
    // From the screen: the first quotation on or after its top, or the last before it.
    const top = screenTop(state);
    scanPast(quotes, top);
    index =
      direction === 1
        ? quotes.top.findIndex((quotation) => quotation.start >= top)
        : quotes.top.findLastIndex((quotation) => quotation.start < top);
  }
  const list = quotes.top;
  if (list.length === 0) return {...state, message: 'no quotations in this article'};
  if (index < 0 || index >= list.length) {
    return {...state, message: direction === 1 ? 'no more quotations' : 'no earlier quotations'};
  }
  return jumpToQuote(state, list, index);
}

function describeHit(search: Search, note?: string): string {
  const more = search.hits.length >= MAX_HITS ? '+' : '';
  return `hit ${search.current + 1}/${search.hits.length}${more}${note ? ` · ${note}` : ''}`;
}

function showHit(state: ReaderState, search: Search, note?: string): ReaderState {
  const hit = search.hits[search.current]!;
  return place({...state, search, message: describeHit(search, note)}, hit.start, true);
}

function stepHit(state: ReaderState, direction: 1 | -1): ReaderState {
  const {search} = state;
  if (!search) return {...state, message: 'no search yet: press / to search'};
  if (search.hits.length === 0) return {...state, message: `no match for “${search.query}”`};
  let current = search.current + direction;
  let note: string | undefined;
  if (current >= search.hits.length) {
    current = 0;
    note = 'wrapped to the top';
  } else if (current < 0) {
    current = search.hits.length - 1;
    note = 'wrapped to the end';
  }
  return showHit(state, {...search, current}, note);
}

function runSearch(state: ReaderState, query: string): ReaderState {
  const cleared = {...state, prompt: undefined};
  if (query.trim() === '') return cleared;
  const hits = findHits(state.article.text, query);
  if (hits.length === 0) {
    return {...cleared, search: {query, hits, current: 0}, message: `no match for “${query}”`};
  }
  // Forward from the top of the screen; past the last hit, round to the first.
  const from = state.aligned ? (state.pages.startOffset[state.page] ?? 0) : state.anchor;
  const index = hitAtOrAfter(hits, from);
  const search = {query, hits, current: index ?? 0};
  return showHit(cleared, search, index === undefined ? 'wrapped to the top' : undefined);
}

function withCap(state: ReaderState, cap: number): ReaderState {
  const next = setOut(state, state.columns, state.rows, cap);
  const limit = cap === Infinity ? 'full width' : `at most ${cap}`;
  return {...next, message: `measure ${next.geometry.measure} (${limit})`};
}

/** Takes the count typed before a command (12g, 50%), if any. */
function takeCount(state: ReaderState): number | undefined {
  return state.count === '' ? undefined : Number(state.count);
}

/** The reading view's state machine: intents in, state out. */
export function readerReducer(current: ReaderState, action: ReaderAction): ReaderState {
  // A detached screen whose page the background layout has reached settles first.
  const state = settle(current);
  if (action.type === 'layoutComplete' && state !== current) return state;
  const count = takeCount(state);
  // Every command but a digit uses up the count (digits and layoutComplete use `state`).
  const fresh: ReaderState =
    state.count === '' && state.message === undefined && state.quotationAt === undefined
      ? state
      : {...state, count: '', message: undefined, quotationAt: undefined};
  switch (action.type) {
    case 'digit':
      return state.count.length >= 9
        ? state
        : {...state, count: state.count + action.digit, message: undefined};
    case 'nextPage':
      if (state.detached) return scroll(fresh, state.pages.height);
      return goToPage(fresh, state.page + 1);
    case 'previousPage':
      if (state.detached) return scroll(fresh, -state.pages.height);
      return goToPage(fresh, state.aligned || topIsPageStart(state) ? state.page - 1 : state.page);
    case 'lineDown':
      return scroll(fresh, count ?? 1);
    case 'lineUp':
      return scroll(fresh, -(count ?? 1));
    case 'halfDown':
      return scroll(fresh, Math.max(1, Math.floor(state.pages.height / 2)));
    case 'halfUp':
      return scroll(fresh, -Math.max(1, Math.floor(state.pages.height / 2)));
    case 'firstPage':
      return goToPage(fresh, count === undefined ? 0 : count - 1);
    case 'lastPage':
      if (count !== undefined) return goToPage(fresh, count - 1);
      return lastScreen({...fresh, currentQuote: undefined});
    case 'percent': {
      if (count === undefined) return fresh;
      const offset = Math.floor((Math.min(100, count) / 100) * state.article.text.length);
      return place({...fresh, currentQuote: undefined}, offset, true);
    }
    case 'resize':
      if (action.columns === state.columns && action.rows === state.rows) return state;
      // The anchor stays put, so resizing back shows the very same text.
      return setOut(state, action.columns, action.rows, state.cap);
    case 'narrower':
      return withCap(
        fresh,
        Math.max(MIN_MEASURE, Math.min(state.cap, state.geometry.measure) - MEASURE_STEP),
      );
    case 'wider':
      return withCap(
        fresh,
        state.cap === Infinity ? Infinity : state.geometry.measure + MEASURE_STEP,
      );
    case 'fullMeasure':
      return withCap(fresh, state.cap === Infinity ? DEFAULT_MEASURE : Infinity);
    case 'layoutComplete':
      return {...state};
    case 'nextQuote':
      return stepQuote(fresh, 1);
    case 'previousQuote':
      return stepQuote(fresh, -1);
    case 'openQuotes': {
      // The list names speakers for the rows it shows; page numbers come with the layout.
      // It is read only as far as the first screenful of rows from the page on screen.
      const top = screenTop(state);
      scanPast(state.quotes, top);
      const list = state.quotes.top;
      if (list.length === 0) return {...fresh, message: 'no quotations in this article'};
      const here = list.findIndex((quotation) => quotation.start >= top);
      const selected = here === -1 ? list.length - 1 : here;
      firstQuotations(state, panelRowsNeeded(selected, state.rows));
      return {...fresh, panel: {selected}};
    }
    case 'closeQuotes':
      return {...state, panel: undefined};
    case 'panelMove': {
      if (!state.panel) return state;
      const wanted = Math.max(0, state.panel.selected + action.by);
      const last = firstQuotations(state, panelRowsNeeded(wanted, state.rows)).length - 1;
      const selected = Math.min(last, wanted);
      return selected === state.panel.selected ? state : {...state, panel: {selected}};
    }
    case 'panelChoose':
      return state.panel
        ? jumpToQuote(state, firstQuotations(state, state.panel.selected + 1), state.panel.selected)
        : state;
    case 'openSearch':
      return {...fresh, prompt: ''};
    case 'promptType':
      return state.prompt === undefined ? state : {...state, prompt: state.prompt + action.text};
    case 'promptErase':
      return state.prompt === undefined
        ? state
        : {...state, prompt: [...state.prompt].slice(0, -1).join('')};
    case 'promptCancel':
      return {...state, prompt: undefined};
    case 'promptSubmit':
      return state.prompt === undefined ? state : runSearch(state, state.prompt);
    case 'nextHit':
      return stepHit(fresh, 1);
    case 'previousHit':
      return stepHit(fresh, -1);
    case 'toggleHelp':
      return {...fresh, help: !state.help};
    case 'notify':
      return {...state, message: action.message};
  }
}

/** Whether the reader is on the last page (so the article counts as finished). */
export function isAtEnd(state: ReaderState): boolean {
  return (
    !state.detached &&
    !state.article.partial &&
    state.pages.complete &&
    state.page === state.pages.count - 1
  );
}

/** Whether a scrolled screen happens to start where a page does. */
function topIsPageStart(state: ReaderState): boolean {
  return state.pages.startOffset[state.page] === state.anchor;
}
