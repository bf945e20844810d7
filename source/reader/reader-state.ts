import type {Article} from '../article/article.js';
import {lineStore, type DisplayLine, type LineStore} from '../text/layout.js';
import {Pages} from '../text/paginate.js';
import type {Quotation, QuotationScanner} from '../text/quotes.js';
import type {Hit} from '../text/search.js';
import type {Geometry} from './geometry.js';
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
  /** The measure = goes back to (--width, the config file's, else 72). */
  defaultCap?: number;
  /** Speakers shown in the margin (the S key). */
  speakersShown?: boolean;
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
  /** A list over the page: the quotations ("), the contents (t) or the marks (M), its row selected. */
  panel?: {kind: 'quotes' | 'contents' | 'marks' | 'links'; selected: number};
  /**
   * Where a reopened article was left: its line is marked in the margin until the next key, so
   * the eye finds the place on the page shown.
   */
  resumedAt?: number;
  /** Marks set with m, by letter: offsets into the article. */
  marks?: Readonly<Record<string, number>>;
  /** m or ' was typed: the next key is a mark's letter. */
  markKey?: 'set' | 'go';
  /** Where the last jump (G, %, a search, a quotation, a chapter, a mark) started: ''. */
  jumpedFrom?: number;
  /** The search prompt being typed (the / key). */
  prompt?: string;
  search?: Search;
  /** Digits typed before a command: 12g, 50%, 5j. */
  count: string;
  help: boolean;
};

const pagesByStore = new WeakMap<LineStore, Map<number, Pages>>();

/** Pages are a pure function of (article, width, height); keep each so a resize back is free. */
export function pagesFor(article: Article, width: number, height: number): Pages {
  const store = lineStore(article, width);
  let byHeight = pagesByStore.get(store);
  if (!byHeight) pagesByStore.set(store, (byHeight = new Map()));
  let pages = byHeight.get(height);
  if (!pages) byHeight.set(height, (pages = new Pages(store, height)));
  return pages;
}

/** The index of the first line on screen. */
export function topLine(state: ReaderState): number {
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

export function local(state: ReaderState) {
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
export function detach(state: ReaderState, anchor: number, settle: Detached): ReaderState {
  return {...state, anchor, aligned: false, detached: settle};
}

/** Sets the anchor, cuts the pages it needs, and finds the quotations on screen. */
export function place(
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
export function settle(state: ReaderState): ReaderState {
  const {detached, pages} = state;
  if (!detached) return state;
  if (detached === 'last') {
    return pages.complete ? goToPage({...state, detached: undefined}, pages.count - 1) : state;
  }
  if (!pages.covers(state.anchor)) return state;
  return place(state, state.anchor, detached === 'page');
}

export function goToPage(state: ReaderState, page: number): ReaderState {
  state.pages.ensurePage(page);
  const target = Math.max(0, Math.min(state.pages.count - 1, page));
  if (target === state.page && state.aligned && !state.detached) return state;
  // The page is known: its start is the anchor, and no search for it is needed.
  return place({...state, currentQuote: undefined}, state.pages.startOffset[target]!, true, target);
}

/** Where the quotation keys start from: the top of the screen. */
export function screenTop(state: ReaderState): number {
  return state.aligned ? (state.pages.startOffset[state.page] ?? 0) : state.anchor;
}

/** Moves the cursor of the list over the page by `by` rows, within its `count` rows. */
export function movePanelWithin(state: ReaderState, by: number, count: number): ReaderState {
  if (!state.panel) return state;
  const selected = Math.max(0, Math.min(count - 1, state.panel.selected + by));
  return selected === state.panel.selected ? state : {...state, panel: {...state.panel, selected}};
}
