// Typesetting on a 3.3 MB book against a 4 KB article, in one process (bundled by
// `npm run bench`; run as a child so that its peak memory is its own).
import {readFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import {articleFromBytes} from '../source/article/load.js';
import type {Article} from '../source/article/article.js';
import {lineText} from '../source/text/layout.js';
import {openReader, readerReducer, type ReaderState} from '../source/reader/reader-reducer.js';
import {statusText} from '../source/reader/status.js';
import {findQuotations} from '../source/text/quotes.js';

const [bookPath, articlePath] = process.argv.slice(2) as [string, string];

/**
 * The article of a file's bytes, which it may rearrange as the reader does the bytes it read
 * (a Project Gutenberg text's book is moved over its header in place, not copied): each
 * caller gives bytes of its own, copied before its clock starts.
 */
function parse(bytes: Uint8Array): Article {
  const result = articleFromBytes(bytes, 'bench', {ownBytes: true});
  if (result.kind !== 'article') throw new Error(result.reason);
  return result.article;
}

/** What a frame needs from the engine: the page's lines as text and the status line. */
function frame(state: ReaderState): number {
  let cells = statusText(state).length;
  for (const line of state.pages.linesOf(state.page))
    cells += lineText(state.article.text, line).length;
  return cells;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/** A reader with the whole text laid out, turning pages back and forth between the ends. */
function turner(article: Article) {
  let state = openReader(article, 80, 24);
  state.pages.advance(Infinity);
  state = readerReducer(state, {type: 'layoutComplete'});
  // Turn between full pages only: a short article's last page, half empty, would flatter it.
  let last = state.pages.count - 1;
  while (last > 1 && state.pages.linesOf(last).length < state.pages.height) last--;
  let forward = true;
  /** Mean time of one turn (with its frame's text) over a batch of `turns`. */
  return (turns: number): number => {
    const started = performance.now();
    for (let turn = 0; turn < turns; turn++) {
      if (state.page === last) forward = false;
      if (state.page === 0) forward = true;
      state = readerReducer(state, {type: forward ? 'nextPage' : 'previousPage'});
      frame(state);
    }
    return (performance.now() - started) / turns;
  };
}

/** Median per-turn times of the two texts, measured in alternating batches. */
function pageTurns(book: Article, small: Article): {book: number; small: number} {
  const turnBook = turner(book);
  const turnSmall = turner(small);
  for (let i = 0; i < 50; i++) {
    turnBook(100);
    turnSmall(100);
  }
  const bookTimes: number[] = [];
  const smallTimes: number[] = [];
  for (let batch = 0; batch < 60; batch++) {
    bookTimes.push(turnBook(1000));
    smallTimes.push(turnSmall(1000));
  }
  return {book: median(bookTimes), small: median(smallTimes)};
}

const bookBytes = readFileSync(bookPath);
const articleBytes = readFileSync(articlePath);

const own = () => Uint8Array.from(bookBytes);

let bytes = own();
let started = performance.now();
const book = parse(bytes);
let state = openReader(book, 80, 24);
frame(state);
const firstPage = performance.now() - started;

bytes = own();
started = performance.now();
const fresh = parse(bytes);
const counted = openReader(fresh, 80, 24);
counted.pages.advance(Infinity);
const fullCount = performance.now() - started;
const pageCount = counted.pages.count;

// Resize with the reader half-way through the book: the new width is laid out up to there.
state = openReader(fresh, 80, 24, {anchor: Math.floor(fresh.text.length / 2)});
started = performance.now();
state = readerReducer(state, {type: 'resize', columns: 60, rows: 20});
frame(state);
const resize = performance.now() - started;

// Quotation detection over the whole book (median of 5 runs on a parsed article).
// The same without naming speakers, interleaved: what naming them costs, as a same-run ratio.
const quoteTimes: number[] = [];
const scanTimes: number[] = [];
let quoteCount = 0;
for (let run = 0; run < 5; run++) {
  let started = performance.now();
  findQuotations(book, {speakers: false});
  scanTimes.push(performance.now() - started);
  started = performance.now();
  quoteCount = findQuotations(book).length;
  quoteTimes.push(performance.now() - started);
}
const quotes = median(quoteTimes);
const quotesScanOnly = median(scanTimes);

const turns = pageTurns(book, parse(Uint8Array.from(articleBytes)));
const turnBook = turns.book;
const turnSmall = turns.small;

console.log(
  JSON.stringify({
    firstPage,
    fullCount,
    pageCount,
    resize,
    quotes,
    quotesScanOnly,
    quoteCount,
    turnBook,
    turnSmall,
    bookBytes: bookBytes.length,
    articleBytes: articleBytes.length,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
