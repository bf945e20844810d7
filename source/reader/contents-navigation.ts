import type {ContentsEntry} from '../article/article.js';
import {contentsIfQuick, contentsOf, entryAt} from '../text/contents.js';
import {movePanelWithin, place, screenTop, visibleLines, type ReaderState} from './reader-state.js';

/** The article's contents, as the panel and `}` `{` go through them. */
export function readerContents(state: ReaderState): ContentsEntry[] {
  return contentsOf(state.article);
}

/**
 * The chapter being read, or -1 before the first: the first whose heading is on screen, else
 * the one the screen's top is in.
 */
export function currentEntry(
  state: ReaderState,
  contents: ContentsEntry[] = readerContents(state),
): number {
  const top = screenTop(state);
  const here = entryAt(contents, top);
  const next = contents[here + 1];
  if (next && next.offset < screenEnd(state) && (here < 0 || contents[here]!.offset < top)) {
    return here + 1;
  }
  return here;
}

/** Where the text on screen ends. */
function screenEnd(state: ReaderState): number {
  // (A page's text ends where the next page's begins, but for the spaces between: no chapter
  // starts among them. No lines are built for it, at every frame's status line.)
  const next = state.aligned ? state.pages.startOffset[state.page + 1] : undefined;
  return next ?? visibleLines(state).at(-1)?.end ?? screenTop(state);
}

/** Opens the contents panel on the chapter being read. */
export function openContents(state: ReaderState, fresh: ReaderState): ReaderState {
  const contents = readerContents(state);
  if (contents.length === 0) return {...fresh, message: 'no chapters or headings in this article'};
  return {...fresh, panel: {kind: 'contents', selected: Math.max(0, currentEntry(state))}};
}

/** Moves the panel's cursor by `by` rows, within the list. */
export function moveContents(state: ReaderState, by: number): ReaderState {
  if (state.panel?.kind !== 'contents') return state;
  return movePanelWithin(state, by, readerContents(state).length);
}

/** Goes to the entry under the panel's cursor: the page its heading is on. */
export function chooseContents(state: ReaderState): ReaderState {
  if (state.panel?.kind !== 'contents') return state;
  const entry = readerContents(state)[state.panel.selected];
  return entry ? goToEntry({...state, panel: undefined}, entry) : {...state, panel: undefined};
}

function goToEntry(state: ReaderState, entry: ContentsEntry): ReaderState {
  return place({...state, currentQuote: undefined, message: undefined}, entry.offset, true);
}

/**
 * The entry `}` (1) or `{` (-1) goes to: `}` the next chapter's, `{` the start of the chapter
 * being read, or from its start (or before the first) the previous one's. Out of range
 * (-1, or the contents' length) when there is none. Nothing is laid out or moved.
 */
function chapterTarget(state: ReaderState, contents: ContentsEntry[], direction: 1 | -1): number {
  const top = screenTop(state);
  const here = currentEntry(state);
  if (direction === -1) return here >= 0 && contents[here]!.offset < top ? here : here - 1;
  // (The page holding the next heading may be the one on screen: go on to the one after.)
  let target = here + 1;
  while (target < contents.length && onScreen(state, contents[target]!.offset)) target++;
  return target;
}

/** `}` and `{`: to the page of the chapter chapterTarget names, or a message why not. */
export function stepChapter(state: ReaderState, direction: 1 | -1): ReaderState {
  const contents = readerContents(state);
  if (contents.length === 0) return {...state, message: 'no chapters or headings in this article'};
  const target = chapterTarget(state, contents, direction);
  if (target < 0) return {...state, message: 'no earlier chapters'};
  if (target >= contents.length) return {...state, message: 'no more chapters'};
  return goToEntry(state, contents[target]!);
}

/** Whether `}` has a chapter to go to in the article as it is (the start of a long one). */
export function hasNextChapter(state: ReaderState): boolean {
  const contents = readerContents(state);
  return chapterTarget(state, contents, 1) < contents.length;
}

/** Whether an offset is on the page on screen (so going there would not move). */
function onScreen(state: ReaderState, offset: number): boolean {
  if (state.detached || !state.aligned) return false;
  const {pages} = state;
  return pages.covers(offset) && pages.pageOf(offset) === state.page;
}

/**
 * The title of the chapter being read, for the status line; undefined before the first, and
 * while a long text's chapters are being found (the reader finds them once its first page is
 * up: see app/store.ts).
 */
export function chapterTitle(state: ReaderState): string | undefined {
  const contents = contentsIfQuick(state.article);
  if (!contents || contents.length === 0) return undefined;
  return contents[currentEntry(state, contents)]?.title;
}
