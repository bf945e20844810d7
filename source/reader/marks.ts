import {blocksThrough} from '../article/article.js';
import {movePanelWithin, place, type ReaderState} from './reader-state.js';

/** Marks by letter: each an offset into the article (less's and vim's m and '). */
export type Marks = Readonly<Record<string, number>>;

/** A mark's letter: a to z, A to Z. */
export function isMarkLetter(text: string | undefined): text is string {
  return text !== undefined && /^[a-zA-Z]$/.test(text);
}

/** The marks in the order of the article, each with its offset. */
export function marksInOrder(state: ReaderState): Array<{letter: string; offset: number}> {
  return Object.entries(state.marks ?? {})
    .map(([letter, offset]) => ({letter, offset}))
    .sort((a, b) => a.offset - b.offset || a.letter.localeCompare(b.letter));
}

/** A line of the article's text from `offset` (its block's, spaces run together). */
export function textAt(state: ReaderState, offset: number, length = 200): string {
  const {article} = state;
  const block = article.blocks[blocksThrough(article.blocks, offset) - 1];
  const start = block && offset < block.start ? block.start : offset;
  const end = Math.min(
    block && block.end > start ? block.end : article.text.length,
    start + length,
  );
  return article.text.slice(start, end).replace(/\s+/g, ' ').trim();
}

/** Goes to `offset` as a jump: '' comes back to where it started. */
export function jumpTo(state: ReaderState, offset: number): ReaderState {
  const target = Math.max(0, Math.min(offset, state.article.text.length));
  const next = place({...state, currentQuote: undefined}, target, false);
  return {...next, jumpedFrom: state.anchor};
}

/** The letter typed after m or ': the mark set there, gone to, or (any other key) nothing. */
export function markLetter(state: ReaderState, letter: string | undefined): ReaderState {
  const asked = state.markKey;
  const done = {...state, markKey: undefined, message: undefined};
  if (asked === 'set') {
    if (!isMarkLetter(letter)) return {...done, message: 'a mark is a letter: a to z'};
    return {
      ...done,
      marks: {...state.marks, [letter]: state.anchor},
      message: `mark ${letter} set`,
    };
  }
  if (letter === "'") {
    if (state.jumpedFrom === undefined) return {...done, message: 'no jump to go back from'};
    return jumpTo(done, state.jumpedFrom);
  }
  if (!isMarkLetter(letter)) return {...done, message: 'a mark is a letter: a to z'};
  const offset = state.marks?.[letter];
  if (offset === undefined) return {...done, message: `no mark ${letter} (m${letter} sets it)`};
  return {...jumpTo(done, offset), message: `mark ${letter}`};
}

/** Opens the list of marks (M), on the last mark before the screen's top. */
export function openMarks(state: ReaderState, fresh: ReaderState): ReaderState {
  const marks = marksInOrder(state);
  if (marks.length === 0) return {...fresh, message: 'no marks yet: m then a letter sets one'};
  const before = marks.findLastIndex((mark) => mark.offset <= state.anchor);
  return {...fresh, panel: {kind: 'marks', selected: Math.max(0, before)}};
}

/** Enter in the list of marks: there, as a jump. */
export function chooseMark(state: ReaderState): ReaderState {
  const mark = marksInOrder(state)[state.panel?.selected ?? 0];
  if (!mark) return {...state, panel: undefined};
  return {...jumpTo({...state, panel: undefined}, mark.offset), message: `mark ${mark.letter}`};
}

/** Moves the list's selection by `by` rows, within the list. */
export function moveMarks(state: ReaderState, by: number): ReaderState {
  return movePanelWithin(state, by, marksInOrder(state).length);
}
