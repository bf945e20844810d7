// The reading view's state machine at its edges: what it scans of the screen it shows, a
// scrolled screen through a resize, the end of the article, the quotation keys from a
// screen whose top is a quotation.
import {describe, expect, it} from 'vitest';
import {parseText} from '../../source/article/parse-text.js';
import {openReader, readerReducer, type ReaderState} from '../../source/reader/reader-reducer.js';
import {visibleLines} from '../../source/reader/reader-state.js';

const paragraphs = (count: number, line: (i: number) => string) =>
  Array.from({length: count}, (_, i) => line(i)).join('\n\n');
const apply = (state: ReaderState, ...types: Array<'lineDown' | 'nextPage' | 'lastPage'>) =>
  types.reduce((current, type) => readerReducer(current, {type}), state);
const quoted = (state: ReaderState) =>
  state.quotes.top.map((q) => state.article.text.slice(q.start, q.end));

describe('the reading view at its edges', () => {
  it('finds the quotations of a scrolled screen down to its last line', () => {
    // Eight lines a page (the title is in the header): twelve plain paragraphs fill three.
    const article = parseText(
      `Title\n\n${paragraphs(12, (i) => `Plain ${i}.`)}\n\n${paragraphs(30, (i) => `“Said ${i}.”`)}`,
    );
    let state = apply(openReader(article, 40, 12), 'nextPage', 'nextPage');
    expect(state.pages.height).toBe(8);
    expect(quoted(state)).not.toContain('“Said 1.”');
    // Four lines down from the third page: “Said 1.” is on the screen's last lines.
    state = apply(state, 'lineDown', 'lineDown', 'lineDown', 'lineDown');
    expect(state.aligned).toBe(false);
    const lines = state.pages.linesFrom(state.pages.lineOf(state.anchor), state.pages.height);
    expect(article.text.slice(lines[0]!.start, lines.at(-1)!.end)).toContain('“Said 1.”');
    expect(quoted(state)).toContain('“Said 1.”');
  });

  it('finds the quotations of a scrolled screen beyond the pages cut so far', () => {
    // Laid out a few paragraphs at a time: near the layout's end, the page after the next is
    // not cut, and the screen's own last line says how far to read.
    const article = parseText(`Title\n\n${paragraphs(300, (i) => `“Said ${i}.”`)}`);
    let state = openReader(article, 40, 12);
    for (let i = 0; i < 4; i++) state = readerReducer(state, {type: 'nextPage'});
    for (let i = 0; i < 15; i++) state = apply(state, 'lineDown');
    expect(state.pages.startOffset[state.pages.pageOf(state.anchor) + 2]).toBeUndefined();
    const lines = state.pages.linesFrom(state.pages.lineOf(state.anchor), state.pages.height);
    const shown = article.text.slice(lines[0]!.start, lines.at(-1)!.end).match(/“Said \d+\.”/g)!;
    expect(quoted(state)).toEqual(expect.arrayContaining(shown));
  });

  it('finds the quotations of the last page when it goes there', () => {
    const article = parseText(`Title\n\n${paragraphs(60, (i) => `Plain ${i}.`)}\n\n“The end.”`);
    let state = openReader(article, 40, 12);
    expect(quoted(state)).toEqual([]);
    state = apply(state, 'lastPage');
    expect(state.page).toBe(state.pages.count - 1);
    expect(quoted(state)).toEqual(['“The end.”']);
  });

  it('keeps a scrolled screen scrolled, at the same line, through a resize', () => {
    const article = parseText(`Title\n\n${paragraphs(60, (i) => `Plain ${i}.`)}`);
    let state = apply(openReader(article, 40, 12), 'lineDown', 'lineDown', 'lineDown');
    const anchor = state.anchor;
    state = readerReducer(state, {type: 'resize', columns: 40, rows: 14});
    expect(state.aligned).toBe(false);
    expect(state.anchor).toBe(anchor);
  });

  it('scrolls no further down at the last page', () => {
    const article = parseText(`Title\n\n${paragraphs(60, (i) => `Plain ${i}.`)}`);
    const last = apply(openReader(article, 40, 12), 'lastPage');
    expect(readerReducer(last, {type: 'lineDown'})).toBe(last);
  });

  it('turns to the page holding a quotation, not a screen starting at it', () => {
    const article = parseText(`Title\n\n${paragraphs(13, (i) => `Plain ${i}.`)}\n\n“Here.”`);
    const state = readerReducer(openReader(article, 40, 12), {type: 'nextQuote'});
    expect(quoted(state)).toEqual(['“Here.”']);
    expect(state.aligned).toBe(true);
    expect(visibleLines(state)[0]!.start).toBe(state.pages.startOffset[state.page]);
    expect(state.pages.startOffset[state.page]).toBeLessThan(state.currentQuote!.start);
  });

  it('goes back from a screen whose top is a quotation to the one before it', () => {
    const article = parseText(
      `Title\n\n“One.”\n\n“Two.”\n\n${paragraphs(40, (i) => `Plain ${i}.`)}`,
    );
    // “One.” and a blank line (the title is in the header): two lines down, “Two.” is first.
    const state = apply(openReader(article, 40, 12), 'lineDown', 'lineDown');
    expect(state.anchor).toBe(article.text.indexOf('“Two.”'));
    const back = readerReducer(state, {type: 'previousQuote'});
    expect(article.text.slice(back.currentQuote!.start, back.currentQuote!.end)).toBe('“One.”');
  });
});
