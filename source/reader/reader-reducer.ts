import type {Article} from '../article/article.js';
import {quotationScanner} from '../text/quotes.js';
import {DEFAULT_MEASURE, geometry, MIN_MEASURE} from './geometry.js';
import {
  detach,
  goToPage,
  local,
  pagesFor,
  place,
  REACH_BLOCKS,
  settle,
  topLine,
  type ReaderState,
} from './reader-state.js';
import {choosePanelRow, movePanel, openQuotes, stepQuote} from './quotation-navigation.js';
import {runSearch, stepHit} from './search-navigation.js';
import {chooseContents, moveContents, openContents, stepChapter} from './contents-navigation.js';
import {chooseMark, markLetter, moveMarks, openMarks} from './marks.js';
import {moveLinks, openLinks} from './links.js';

export type {ReaderState} from './reader-state.js';

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
  /** The article's contents found (a long one's, after its first page): its chapter shows. */
  | {type: 'contentsFound'}
  | {type: 'nextQuote'}
  | {type: 'previousQuote'}
  | {type: 'openQuotes'}
  | {type: 'closePanel'}
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
  | {type: 'toggleSpeakers'}
  | {type: 'openContents'}
  | {type: 'nextChapter'}
  | {type: 'previousChapter'}
  | {type: 'setMark'}
  | {type: 'goToMark'}
  | {type: 'markLetter'; letter: string | undefined}
  | {type: 'openMarks'}
  | {type: 'openLinks'}
  /** The mouse wheel: lines to scroll (negative: back). */
  | {type: 'scroll'; lines: number}
  /** A click on a row of the list over the page (its index in the whole list). */
  | {type: 'panelClick'; row: number}
  | {type: 'notify'; message: string | undefined};

/** What is not a key, and leaves the mark of where a reopened article was left. */
const LEAVE_RESUMED_MARK = new Set<ReaderAction['type']>([
  'layoutComplete',
  'contentsFound',
  'resize',
  'notify',
]);

/** Keys that jump: '' comes back to where the last of them started. */
const JUMPS = new Set<ReaderAction['type']>([
  'firstPage',
  'lastPage',
  'percent',
  'promptSubmit',
  'nextHit',
  'previousHit',
  'nextQuote',
  'previousQuote',
  'panelChoose',
  'nextChapter',
  'previousChapter',
  'panelClick',
]);

/** How much - and + change the measure, in cells. */
export const MEASURE_STEP = 4;

/** Lays the article out for a terminal and measure, keeping everything else. */
function setOut(state: ReaderState, columns: number, rows: number, cap: number): ReaderState {
  const shape = geometry(columns, rows, cap, state.speakersShown);
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
    speakersShown = false,
    marks,
    defaultCap,
    resumedAt,
  }: {
    resumedAt?: number;
    anchor?: number;
    cap?: number;
    defaultCap?: number;
    message?: string;
    speakersShown?: boolean;
    marks?: Readonly<Record<string, number>>;
  } = {},
): ReaderState {
  const shape = geometry(columns, rows, cap, speakersShown);
  const pages = pagesFor(article, shape.measure, shape.height);
  const start: ReaderState = {
    article,
    columns,
    rows,
    cap,
    defaultCap,
    speakersShown,
    geometry: shape,
    pages,
    page: 0,
    anchor,
    aligned: true,
    message,
    quotes: quotationScanner(article),
    count: '',
    help: false,
    marks,
    resumedAt,
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
    defaultCap: state.defaultCap,
    speakersShown: state.speakersShown,
    anchor: Math.min(state.anchor, article.text.length),
    message: state.message,
    marks: state.marks,
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
    markKey: state.markKey,
    jumpedFrom: state.jumpedFrom,
    resumedAt: state.resumedAt,
  };
  return state.aligned ? kept : place(kept, kept.anchor, false);
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

function withCap(state: ReaderState, cap: number): ReaderState {
  const next = setOut(state, state.columns, state.rows, cap);
  const limit = cap === Infinity ? 'full width' : `at most ${cap}`;
  return {...next, message: `measure ${next.geometry.measure} (${limit})`};
}

/** Takes the count typed before a command (12g, 50%), if any. */
function takeCount(state: ReaderState): number | undefined {
  return state.count === '' ? undefined : Number(state.count);
}

/** The reading view's state machine: intents in, state out. A jump remembers where it started. */
export function readerReducer(current: ReaderState, action: ReaderAction): ReaderState {
  let next = reduce(current, action);
  // The mark of the place an article was left at goes with the first key.
  if (next.resumedAt !== undefined && !LEAVE_RESUMED_MARK.has(action.type)) {
    next = {...next, resumedAt: undefined};
  }
  if (!JUMPS.has(action.type) || next.anchor === current.anchor) return next;
  return {...next, jumpedFrom: current.anchor};
}

function reduce(current: ReaderState, action: ReaderAction): ReaderState {
  // A detached screen whose page the background layout has reached settles first.
  const state = settle(current);
  if (action.type === 'layoutComplete' && state !== current) return state;
  const count = takeCount(state);
  // Every command but a digit uses up the count (digits, layoutComplete and contentsFound
  // use `state`).
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
      return withCap(
        fresh,
        state.cap === Infinity ? (state.defaultCap ?? DEFAULT_MEASURE) : Infinity,
      );
    case 'layoutComplete':
    case 'contentsFound':
      return {...state};
    case 'nextQuote':
      return stepQuote(fresh, 1);
    case 'previousQuote':
      return stepQuote(fresh, -1);
    case 'openQuotes':
      return openQuotes(state, fresh);
    case 'closePanel':
      return {...state, panel: undefined};
    case 'panelMove':
      if (state.panel?.kind === 'marks') return moveMarks(state, action.by);
      if (state.panel?.kind === 'links') return moveLinks(state, action.by);
      return state.panel?.kind === 'contents'
        ? moveContents(state, action.by)
        : movePanel(state, action.by);
    case 'panelChoose':
      if (state.panel?.kind === 'marks') return chooseMark(state);
      // A link is followed by the app (it may download a page): see followLink.
      if (state.panel?.kind === 'links') return state;
      return state.panel?.kind === 'contents' ? chooseContents(state) : choosePanelRow(state);
    case 'setMark':
      return {...fresh, markKey: 'set', message: 'mark: type a letter'};
    case 'goToMark':
      return {...fresh, markKey: 'go', message: "go to mark: type a letter (' for the last jump)"};
    case 'markLetter':
      return markLetter(fresh, action.letter);
    case 'openMarks':
      return openMarks(state, fresh);
    case 'openLinks':
      return openLinks(state, fresh);
    case 'scroll':
      return scroll(fresh, action.lines);
    case 'panelClick': {
      if (!state.panel) return state;
      // A click below the list's last row chooses nothing.
      const moved = reduce(state, {type: 'panelMove', by: action.row - state.panel.selected});
      if (moved.panel?.selected !== action.row) return state;
      return reduce(moved, {type: 'panelChoose'});
    }
    case 'openContents':
      return openContents(state, fresh);
    case 'nextChapter':
      return stepChapter(fresh, 1);
    case 'previousChapter':
      return stepChapter(fresh, -1);
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
    case 'toggleSpeakers': {
      const shown = !state.speakersShown;
      const next = setOut({...fresh, speakersShown: shown}, state.columns, state.rows, state.cap);
      return {...next, message: shown ? 'speakers in the margin' : 'speakers hidden'};
    }
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
