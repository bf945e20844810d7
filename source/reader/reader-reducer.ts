import type {Article} from '../article/article.js';
import {lineStore, type LineStore} from '../text/layout.js';
import {Pages} from '../text/paginate.js';
import {
  articleQuotationsWithSpeakers,
  quotationScanner,
  type Quotation,
  type QuotationScanner,
} from '../text/quotes.js';
import {DEFAULT_MEASURE, geometry, MIN_MEASURE, type Geometry} from './geometry.js';

export type ReaderState = {
  article: Article;
  columns: number;
  rows: number;
  /** The widest the text may be set, in cells; the terminal may make it narrower. */
  cap: number;
  geometry: Geometry;
  pages: Pages;
  page: number;
  /** The reader's place: an offset into the article; the page shown is the one holding it. */
  anchor: number;
  message?: string;
  /** The article's quotations, found up to the page on screen (all of them once ] [ or " ask). */
  quotes: QuotationScanner;
  /** The quotation last jumped to, marked on screen. */
  currentQuote?: Quotation;
  /** The list of quotations (the " key), with the row selected. */
  panel?: {selected: number};
};

export type ReaderAction =
  | {type: 'nextPage'}
  | {type: 'previousPage'}
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
  | {type: 'panelChoose'};

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

function setOut(
  article: Article,
  columns: number,
  rows: number,
  cap: number,
  anchor: number,
  message?: string,
): ReaderState {
  const shape = geometry(columns, rows, cap);
  const pages = pagesFor(article, shape.measure, shape.height);
  pages.ensureOffset(anchor);
  const page = pages.pageOf(anchor);
  const quotes = quotationScanner(article);
  return findQuotesOnPage({
    article,
    columns,
    rows,
    cap,
    geometry: shape,
    pages,
    anchor,
    page,
    message,
    quotes,
  });
}

/** Makes sure every quotation touching the page on screen is known, for highlighting. */
function findQuotesOnPage(state: ReaderState): ReaderState {
  state.quotes.scanThrough(state.pages.startOffset[state.page + 1] ?? state.article.text.length);
  return state;
}

const topLevel = new WeakMap<QuotationScanner, Quotation[]>();

/** The quotations that ] [ and the panel go through: the outermost ones, in order. */
export function topQuotations(state: ReaderState): Quotation[] {
  let list = topLevel.get(state.quotes);
  if (!list) {
    list = state.quotes.all().filter((quotation) => quotation.level === 1);
    topLevel.set(state.quotes, list);
  }
  return list;
}

/** Shows the page holding `quotation`, marked, with where it stands among the others. */
function jumpTo(state: ReaderState, list: Quotation[], index: number): ReaderState {
  articleQuotationsWithSpeakers(state.article);
  const quotation = list[index]!;
  state.pages.ensureOffset(quotation.start);
  const speaker = quotation.speaker ? ` · ${quotation.speaker}` : '';
  return findQuotesOnPage({
    ...state,
    anchor: quotation.start,
    page: state.pages.pageOf(quotation.start),
    currentQuote: quotation,
    panel: undefined,
    message: `quotation ${index + 1}/${list.length}${speaker}`,
  });
}

function stepQuote(state: ReaderState, direction: 1 | -1): ReaderState {
  const list = topQuotations(state);
  if (list.length === 0) return {...state, message: 'no quotations in this article'};
  const current = state.currentQuote ? list.indexOf(state.currentQuote) : -1;
  let index: number;
  if (current !== -1 && state.pages.pageOf(state.currentQuote!.start) === state.page) {
    index = current + direction;
  } else {
    // From the page on screen: the first quotation on or after it, or the last before it.
    const pageStart = state.pages.startOffset[state.page] ?? 0;
    index =
      direction === 1
        ? list.findIndex((quotation) => quotation.start >= pageStart)
        : list.findLastIndex((quotation) => quotation.start < pageStart);
  }
  if (index < 0 || index >= list.length) {
    return {...state, message: direction === 1 ? 'no more quotations' : 'no earlier quotations'};
  }
  return jumpTo(state, list, index);
}

/** Opens an article at `anchor` in a terminal of columns × rows. */
export function openReader(
  article: Article,
  columns: number,
  rows: number,
  {anchor = 0, cap = DEFAULT_MEASURE}: {anchor?: number; cap?: number} = {},
): ReaderState {
  return setOut(article, columns, rows, cap, anchor);
}

function goToPage(state: ReaderState, page: number): ReaderState {
  state.pages.ensurePage(page);
  const target = Math.max(0, Math.min(state.pages.count - 1, page));
  if (target === state.page) return state.message ? {...state, message: undefined} : state;
  return findQuotesOnPage({
    ...state,
    page: target,
    anchor: state.pages.startOffset[target]!,
    message: undefined,
    currentQuote: undefined,
  });
}

function withCap(state: ReaderState, cap: number): ReaderState {
  const next = setOut(state.article, state.columns, state.rows, cap, state.anchor);
  const measure = next.geometry.measure;
  const limit = cap === Infinity ? 'full width' : `at most ${cap}`;
  return {...next, message: `measure ${measure} (${limit})`};
}

/** The reading view's state machine: intents in, state out. */
export function readerReducer(state: ReaderState, action: ReaderAction): ReaderState {
  switch (action.type) {
    case 'nextPage':
      return goToPage(state, state.page + 1);
    case 'previousPage':
      return goToPage(state, state.page - 1);
    case 'resize':
      if (action.columns === state.columns && action.rows === state.rows) return state;
      // The anchor stays put, so resizing back shows the very same page.
      return setOut(
        state.article,
        action.columns,
        action.rows,
        state.cap,
        state.anchor,
        state.message,
      );
    case 'narrower':
      return withCap(
        state,
        Math.max(MIN_MEASURE, Math.min(state.cap, state.geometry.measure) - MEASURE_STEP),
      );
    case 'wider':
      return withCap(
        state,
        state.cap === Infinity ? Infinity : state.geometry.measure + MEASURE_STEP,
      );
    case 'fullMeasure':
      return withCap(state, state.cap === Infinity ? DEFAULT_MEASURE : Infinity);
    case 'layoutComplete':
      return {...state};
    case 'nextQuote':
      return stepQuote(state, 1);
    case 'previousQuote':
      return stepQuote(state, -1);
    case 'openQuotes': {
      const list = topQuotations(state);
      if (list.length === 0) return {...state, message: 'no quotations in this article'};
      // The panel lists page numbers and speakers, so the whole article is paged first.
      state.pages.advance(Infinity);
      articleQuotationsWithSpeakers(state.article);
      const pageStart = state.pages.startOffset[state.page] ?? 0;
      const here = list.findIndex((quotation) => quotation.start >= pageStart);
      return {
        ...state,
        panel: {selected: here === -1 ? list.length - 1 : here},
        message: undefined,
      };
    }
    case 'closeQuotes':
      return {...state, panel: undefined};
    case 'panelMove': {
      if (!state.panel) return state;
      const last = topQuotations(state).length - 1;
      const selected = Math.max(0, Math.min(last, state.panel.selected + action.by));
      return selected === state.panel.selected ? state : {...state, panel: {selected}};
    }
    case 'panelChoose':
      return state.panel ? jumpTo(state, topQuotations(state), state.panel.selected) : state;
  }
}
