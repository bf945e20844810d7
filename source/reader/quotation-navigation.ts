import {
  nameSpeakerOf,
  speakersPending,
  speakersReady,
  speakerWork,
  type Quotation,
  type QuotationScanner,
} from '../text/quotes.js';
import {place, screenTop, type ReaderState} from './reader-state.js';

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
export function jumpToQuote(state: ReaderState, list: Quotation[], index: number): ReaderState {
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

/** Reads quotations on until the first outermost one starting at or after `offset` is known. */
export function scanPast(quotes: QuotationScanner, offset: number): void {
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
      // (Any naming waits for the text's people to be read, a stretch at a time.)
      return work > SPEAKER_REACH || (work > 0 && !speakersReady(article));
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
  if (!state.quotes.complete) return state.quotes.blocksTo(offset) > QUOTE_REACH_BLOCKS;
  const pending = speakersPending(state.article, offset);
  return pending > SPEAKER_REACH || (pending > 0 && !speakersReady(state.article));
}

/** Where `quotation` stands among the outermost ones (found by place: it may be from the
 * start of a long file, read before the whole of it). */
function indexOfQuote(quotes: QuotationScanner, quotation: Quotation | undefined): number {
  if (!quotation) return -1;
  quotes.scanThrough(quotation.start);
  return quotes.top.findIndex((known) => known.start === quotation.start);
}

export function stepQuote(state: ReaderState, direction: 1 | -1): ReaderState {
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

/**
 * Opens the list of quotations on the first at or after the screen's top. The list names
 * speakers for the rows it shows; page numbers come with the layout. It is read only as far
 * as the first screenful of rows from the page on screen.
 */
export function openQuotes(state: ReaderState, fresh: ReaderState): ReaderState {
  const top = screenTop(state);
  scanPast(state.quotes, top);
  const list = state.quotes.top;
  if (list.length === 0) return {...fresh, message: 'no quotations in this article'};
  const here = list.findIndex((quotation) => quotation.start >= top);
  const selected = here === -1 ? list.length - 1 : here;
  firstQuotations(state, panelRowsNeeded(selected, state.rows));
  return {...fresh, panel: {kind: 'quotes', selected}};
}

/** Moves the list's cursor by `by` rows, reading quotations on as far as it shows. */
export function movePanel(state: ReaderState, by: number): ReaderState {
  if (!state.panel) return state;
  const wanted = Math.max(0, state.panel.selected + by);
  const last = firstQuotations(state, panelRowsNeeded(wanted, state.rows)).length - 1;
  const selected = Math.min(last, wanted);
  return selected === state.panel.selected ? state : {...state, panel: {kind: 'quotes', selected}};
}

/** Goes to the quotation under the list's cursor. */
export function choosePanelRow(state: ReaderState): ReaderState {
  return state.panel
    ? jumpToQuote(state, firstQuotations(state, state.panel.selected + 1), state.panel.selected)
    : state;
}
