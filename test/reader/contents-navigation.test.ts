import {describe, expect, it} from 'vitest';
import {parseText} from '../../source/article/parse-text.js';
import {openReader, readerReducer, type ReaderState} from '../../source/reader/reader-reducer.js';
import {readerCommand} from '../../source/reader/reader-keys.js';
import {statusText} from '../../source/reader/status.js';
import {contentsRecords, formatContentsLine} from '../../source/reader/contents-list.js';
import {decodeAll} from '../../source/input/key-decoder.js';

/** A book of five chapters, each three pages or so at 60×20. */
const chapterText = (number: number) =>
  Array.from(
    {length: 12},
    (_, index) =>
      `Paragraph ${index + 1} of chapter ${number}: the harbour lamps were lit one by one while the night ferry waited at the quay for its last passengers.`,
  ).join('\n\n');
const book = parseText(
  `The Harbour Book\n\n${[1, 2, 3, 4, 5]
    .map(
      (number) => `CHAPTER ${['I', 'II', 'III', 'IV', 'V'][number - 1]}\n\n${chapterText(number)}`,
    )
    .join('\n\n')}`,
);
const offsetOf = (title: string) => book.text.indexOf(`${title}\n`);

function pageOf(state: ReaderState, offset: number): number {
  return state.pages.pageOf(offset);
}

describe('the contents panel and chapter keys', () => {
  it('opens on the chapter being read, moves within the list, and goes to the choice', () => {
    let state = openReader(book, 60, 20, {anchor: offsetOf('CHAPTER III') + 200});
    state = readerReducer(state, {type: 'openContents'});
    expect(state.panel).toEqual({kind: 'contents', selected: 2});
    state = readerReducer(state, {type: 'panelMove', by: -100});
    expect(state.panel).toEqual({kind: 'contents', selected: 0});
    state = readerReducer(state, {type: 'panelMove', by: 100});
    expect(state.panel).toEqual({kind: 'contents', selected: 4});
    state = readerReducer(state, {type: 'panelMove', by: -1});
    state = readerReducer(state, {type: 'panelChoose'});
    expect(state.panel).toBeUndefined();
    expect(state.page).toBe(pageOf(state, offsetOf('CHAPTER IV')));
    state = readerReducer(state, {type: 'openContents'});
    state = readerReducer(state, {type: 'closePanel'});
    expect(state.panel).toBeUndefined();
    expect(state.page).toBe(pageOf(state, offsetOf('CHAPTER IV')));
  });

  it('goes to the next chapter with }, and with { to the start of this one, then the one before', () => {
    let state = openReader(book, 60, 20);
    state = readerReducer(state, {type: 'nextChapter'});
    // CHAPTER I is on the first page: } goes on to CHAPTER II.
    expect(state.page).toBe(pageOf(state, offsetOf('CHAPTER II')));
    state = readerReducer(state, {type: 'nextPage'});
    state = readerReducer(state, {type: 'previousChapter'});
    expect(state.page).toBe(pageOf(state, offsetOf('CHAPTER II')));
    state = readerReducer(state, {type: 'previousChapter'});
    expect(state.page).toBe(0);
    state = readerReducer(state, {type: 'previousChapter'});
    expect(state.message).toBe('no earlier chapters');
    for (let step = 0; step < 4; step++) state = readerReducer(state, {type: 'nextChapter'});
    expect(state.page).toBe(pageOf(state, offsetOf('CHAPTER V')));
    state = readerReducer(state, {type: 'nextChapter'});
    expect(state.message).toBe('no more chapters');
  });

  it('says so when an article has no chapters or headings', () => {
    const plain = openReader(parseText('News\n\nOne paragraph.\n\nAnother one.'), 60, 20);
    expect(readerReducer(plain, {type: 'openContents'}).message).toBe(
      'no chapters or headings in this article',
    );
    expect(readerReducer(plain, {type: 'nextChapter'}).message).toBe(
      'no chapters or headings in this article',
    );
  });

  it('reads t, } and { in the reader, and the panel keys (t, q and Esc close it)', () => {
    const key = (text: string) => decodeAll(text)[0]!;
    const reader = openReader(book, 60, 20);
    expect(readerCommand(reader, key('t'))).toEqual({type: 'openContents'});
    expect(readerCommand(reader, key('}'))).toEqual({type: 'nextChapter'});
    expect(readerCommand(reader, key('{'))).toEqual({type: 'previousChapter'});
    const open = readerReducer(reader, {type: 'openContents'});
    for (const close of ['t', 'q', '\u001B']) {
      expect(readerCommand(open, key(close))).toEqual({type: 'closePanel'});
    }
    expect(readerCommand(open, key('j'))).toEqual({type: 'panelMove', by: 1});
    expect(readerCommand(open, key('\r'))).toEqual({type: 'panelChoose'});
  });

  it('names the chapter being read in the status line when there is room', () => {
    let state = openReader(book, 60, 20);
    state = readerReducer(state, {type: 'nextChapter'});
    expect(statusText(state, '', 80)).toMatch(
      /page \d+\/[\d…]+ · \d+% · \d+ min left · CHAPTER II$/,
    );
    // Too narrow: the page and progress stay whole, the chapter goes.
    const narrow = statusText(state, '', 36);
    expect(narrow).not.toContain('CHAPTER');
    expect(narrow).toMatch(/^page \d+\/[\d…]+/);
  });

  it('lists the contents with pages and offsets for the toc command', () => {
    const records = contentsRecords(book);
    expect(records.map((record) => record.title)).toEqual([
      'CHAPTER I',
      'CHAPTER II',
      'CHAPTER III',
      'CHAPTER IV',
      'CHAPTER V',
    ]);
    const reader = openReader(book, 80, 24);
    reader.pages.advance(Infinity);
    for (const record of records) {
      expect(record.offset).toBe(offsetOf(record.title));
      expect(record.page).toBe(reader.pages.pageOf(record.offset) + 1);
    }
    expect(formatContentsLine(records[1]!)).toBe(
      `p.${records[1]!.page}\t${records[1]!.offset}\tCHAPTER II`,
    );
  });
});

describe('the chapter being read', () => {
  it('is the first whose heading is on screen, else the one the top of the screen is in', () => {
    // The first page holds the title and CHAPTER I: the chapter being read is CHAPTER I.
    let state = openReader(book, 60, 20);
    expect(statusText(state, '', 100)).toMatch(/· CHAPTER I$/);
    state = readerReducer(state, {type: 'nextPage'});
    // Inside CHAPTER I, with no heading on screen.
    expect(statusText(state, '', 100)).toMatch(/· CHAPTER I$/);
    // The page holding CHAPTER II's heading below its top: that chapter is being read.
    const second = offsetOf('CHAPTER II');
    const page = openReader(book, 60, 20, {anchor: second});
    expect(page.pages.startOffset[page.page]).toBeLessThan(second);
    expect(statusText(page, '', 100)).toMatch(/· CHAPTER II$/);
  });

  it('is the same on every page as the lines on screen say, a heading just past it not counted', () => {
    const headings = ['I', 'II', 'III', 'IV', 'V'].map((n) => ({
      title: `CHAPTER ${n}`,
      offset: offsetOf(`CHAPTER ${n}`),
    }));
    let checked = 0;
    // (Screens of several heights: on some, a page ends right before a heading.)
    for (let rows = 12; rows <= 30; rows++) {
      let state = openReader(book, 60, rows);
      state.pages.advance(Infinity);
      state = readerReducer(state, {type: 'layoutComplete'});
      for (let page = 0; page < state.pages.count; page++) {
        const here = {...state, page};
        const lines = here.pages.linesOf(page);
        const [top, end] = [lines[0]!.start, lines.at(-1)!.end];
        const shown = headings.find((heading) => heading.offset >= top && heading.offset < end);
        const within = headings.filter((heading) => heading.offset <= top).at(-1);
        const expected = shown ?? within;
        expect(statusText(here, '', 100), `page ${page}`).toMatch(
          expected ? new RegExp(`· ${expected.title}$`) : /left$/,
        );
        // (A page whose next page opens with a heading: its own chapter still.)
        if (headings.some((heading) => heading.offset === here.pages.startOffset[page + 1])) {
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('is cut short to fit, at the end of the status line', () => {
    const long = parseText(
      `A Long Book\n\nCHAPTER I. IN WHICH THE KEEPER OF THE HARBOUR LIGHT WRITES A VERY LONG LETTER\n\n${chapterText(1)}`,
    );
    const state = openReader(long, 60, 20);
    const line = statusText(state, '', 60);
    expect(line).toMatch(/· CHAPTER I\. IN WHICH.*…$/);
    expect(line.length).toBe(60);
  });

  it('goes back with { to the start of the first chapter from inside it', () => {
    let state = openReader(book, 60, 20);
    state = readerReducer(state, {type: 'nextPage'});
    state = readerReducer(state, {type: 'previousChapter'});
    expect(state.anchor).toBeLessThanOrEqual(offsetOf('CHAPTER I'));
    expect(state.page).toBe(state.pages.pageOf(offsetOf('CHAPTER I')));
  });

  it('goes on with } from a scrolled screen to the next heading, even one on screen', () => {
    // Scrolled (not on a page): the next heading on screen is still where } goes.
    let state = openReader(book, 60, 20);
    state = readerReducer(state, {type: 'lineDown'});
    expect(state.aligned).toBe(false);
    state = readerReducer(state, {type: 'nextChapter'});
    expect(state.page).toBe(state.pages.pageOf(offsetOf('CHAPTER II')));
  });

  it('leaves the quotations list alone: its moves and choice are its own', () => {
    const talk = parseText(
      `Talk\n\nCHAPTER I\n\n${'“Yes,” she said. “No,” he said.\n\n'.repeat(40)}`,
    );
    let state = openReader(talk, 60, 20);
    state = readerReducer(state, {type: 'openQuotes'});
    expect(state.panel?.kind).toBe('quotes');
    state = readerReducer(state, {type: 'panelMove', by: 3});
    expect(state.panel).toEqual({kind: 'quotes', selected: 3});
    state = readerReducer(state, {type: 'panelChoose'});
    expect(state.quotationAt?.index).toBe(3);
  });
});
