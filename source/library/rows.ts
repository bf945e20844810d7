import type {LibraryEntry} from './library.js';
import type {ReadStatus} from '../state/saved-places.js';
import {cellWidth, graphemesIn, truncateToWidth} from '../text/width.js';
import {minutesFor} from '../text/reading-time.js';
import {estimatedWords} from './view.js';

/** A piece of a row and how it is set. */
export type Cell = {text: string; style?: 'dim' | 'match'};

/** The reading state as the list says it. */
export function describeStatus(status: ReadStatus): string {
  if (status.kind === 'finished') return 'finished';
  if (status.kind === 'reading') return `${status.percent}% read`;
  return 'unread';
}

/**
 * An article's length as the list says it: `1,234 w · 6 min`; estimated from its size
 * (`~`) until its words are counted, `…` before even that is known.
 */
export function describeLength(entry: LibraryEntry): string {
  const words = entry.words ?? (entry.size === undefined ? undefined : estimatedWords(entry));
  if (words === undefined) return '…';
  const minutes = minutesFor(words, entry.script);
  const about = entry.words === undefined ? '~' : '';
  // Chinese and Japanese are counted in characters.
  return `${about}${thousands(words)} ${entry.script ? 'ch' : 'w'} · ${minutes} min`;
}

/** 12345 as `12,345` (Intl's formatter costs milliseconds to start, on the first frame). */
function thousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

type Columns = {title: number; byline: number; length: number; state: number};

/**
 * How wide each column is for a window of rows in `width` cells: the title takes what is
 * left; a byline, the length and the state go (in that order) when the title would get too
 * little room. Columns are two cells apart.
 */
export function columnWidths(
  rows: Array<{byline: string; length: string; state: string}>,
  width: number,
): Columns {
  const widest = (pick: (row: (typeof rows)[number]) => string, cap: number) =>
    Math.min(cap, Math.max(0, ...rows.map((row) => cellWidth(pick(row)))));
  let state = widest((row) => row.state, 30);
  let length = widest((row) => row.length, 20);
  let byline = widest((row) => row.byline, 24);
  const titleRoom = () =>
    width -
    [byline, length, state].filter((cells) => cells > 0).reduce((sum, cells) => sum + cells + 2, 0);
  if (titleRoom() < 40) byline = 0;
  if (titleRoom() < 16) length = 0;
  if (titleRoom() < 8) state = 0;
  return {title: Math.max(1, titleRoom()), byline, length, state};
}

/** The title cut to `width` cells, its matched letters marked, as cells. */
function titleCells(title: string, width: number, matched?: readonly number[]): Cell[] {
  const cut = truncateToWidth(title, width);
  if (!matched || matched.length === 0) return [{text: cut}];
  const marks = new Set(matched);
  const cells: Cell[] = [];
  let offset = 0;
  for (const {segment} of graphemesIn(cut)) {
    const style = marks.has(offset) && offset < title.length ? ('match' as const) : undefined;
    const last = cells.at(-1);
    if (last && last.style === style) last.text += segment;
    else cells.push({text: segment, style});
    offset += segment.length;
  }
  return cells;
}

/** Pads `text` with spaces to `width` cells (it is already no wider). */
function pad(text: string, width: number, right = false): string {
  const room = Math.max(0, width - cellWidth(text));
  return right ? ' '.repeat(room) + text : text + ' '.repeat(room);
}

/**
 * One row of the list as cells: folder and title (matched letters marked), byline, length
 * and reading state, lined up in `columns`. A refused file says why instead of its length.
 * The row is never wider than the columns: it cannot wrap.
 */
export function rowCells(
  entry: LibraryEntry,
  texts: {byline: string; length: string; state: string},
  columns: Columns,
  matched?: readonly number[],
): Cell[] {
  const prefix = entry.folder ? `${entry.folder}/ ` : '';
  const prefixShown = truncateToWidth(prefix, Math.max(0, Math.floor(columns.title / 2)));
  const room = columns.title - cellWidth(prefixShown);
  const title = titleCells(entry.title, room, matched);
  const used = cellWidth(prefixShown) + title.reduce((sum, cell) => sum + cellWidth(cell.text), 0);
  const cells: Cell[] = [];
  if (prefixShown) cells.push({text: prefixShown, style: 'dim'});
  cells.push(...title, {text: ' '.repeat(Math.max(0, columns.title - used))});
  if (columns.byline > 0) {
    cells.push({
      text: '  ' + pad(truncateToWidth(texts.byline, columns.byline), columns.byline),
      style: 'dim',
    });
  }
  if (columns.length > 0) {
    cells.push({
      text: '  ' + pad(truncateToWidth(texts.length, columns.length), columns.length, true),
    });
  }
  if (columns.state > 0) {
    cells.push({text: '  ' + pad(truncateToWidth(texts.state, columns.state), columns.state)});
  }
  // Neighbours of one style as one piece: fewer pieces, less for the terminal to draw.
  const merged: Cell[] = [];
  for (const cell of cells) {
    const last = merged.at(-1);
    if (last && last.style === cell.style) last.text += cell.text;
    else merged.push({...cell});
  }
  return merged;
}
