import {describe, expect, it} from 'vitest';
import {parseText} from '../../source/article/parse-text.js';
import {openReader, readerReducer} from '../../source/reader/reader-reducer.js';

import {progressAt, wordsFrom} from '../../source/reader/progress.js';
import {geometry} from '../../source/reader/geometry.js';

const body = Array.from({length: 80}, (_, i) => `Sentence number ${i} of a long article.`).join(
  '\n\n',
);
const article = parseText(`Long Article\n\n${body}`);

describe('readerReducer', () => {
  it('turns pages forward and back and stops at either end', () => {
    let state = openReader(article, 80, 24);
    expect(state.page).toBe(0);
    state = readerReducer(state, {type: 'previousPage'});
    expect(state.page).toBe(0);
    state = readerReducer(state, {type: 'nextPage'});
    expect(state.page).toBe(1);
    expect(state.anchor).toBe(state.pages.startOffset[1]);
    for (let i = 0; i < 200; i++) state = readerReducer(state, {type: 'nextPage'});
    expect(state.pages.complete).toBe(true);
    const last = state.pages.count - 1;
    expect(last).toBeGreaterThan(5);
    expect(state.page).toBe(last);
    state = readerReducer(state, {type: 'previousPage'});
    expect(state.page).toBe(last - 1);
  });

  it('keeps the first line of the page on screen through a resize and back', () => {
    let state = openReader(article, 100, 30);
    for (let i = 0; i < 5; i++) state = readerReducer(state, {type: 'nextPage'});
    const anchor = state.anchor;
    const shows = (s: typeof state) =>
      s.pages.linesOf(s.page).some((line) => line.start <= anchor && anchor < line.end);
    expect(shows(state)).toBe(true);
    state = readerReducer(state, {type: 'resize', columns: 40, rows: 10});
    expect(shows(state)).toBe(true);
    state = readerReducer(state, {type: 'resize', columns: 100, rows: 30});
    expect(shows(state)).toBe(true);
    expect(state.anchor).toBe(anchor);
  });

  it('returns the same state for a resize to the same size', () => {
    const state = openReader(article, 80, 24);
    expect(readerReducer(state, {type: 'resize', columns: 80, rows: 24})).toBe(state);
  });
});

describe('geometry', () => {
  it('caps the measure at 72 and centres it', () => {
    expect(geometry(120, 40)).toEqual({measure: 72, height: 36, margin: 24});
    expect(geometry(50, 20).measure).toBe(48);
  });
});

describe('progress', () => {
  it('counts the words left from an offset', () => {
    expect(wordsFrom(article, 0)).toBe(article.words);
    expect(wordsFrom(article, article.text.length)).toBe(0);
  });

  it('is 100% with nothing left on the last page', () => {
    expect(progressAt(article, 10, true)).toEqual({percent: 100, minutesLeft: 0});
    expect(progressAt(article, 0, false).percent).toBe(0);
  });
});

describe('quotation navigation', () => {
  const quoted = parseText(
    `Quoted\n\n${Array.from({length: 40}, (_, i) => `Line ${i} says “quote number ${i}” and goes on for a while.`).join('\n\n')}`,
  );

  it('jumps to the next and previous quotation and marks it', () => {
    let state = openReader(quoted, 60, 12);
    state = readerReducer(state, {type: 'nextQuote'});
    expect(state.currentQuote?.start).toBe(quoted.text.indexOf('“quote number 0”'));
    expect(state.message).toBe('quotation 1/40');
    for (let i = 0; i < 20; i++) state = readerReducer(state, {type: 'nextQuote'});
    expect(state.currentQuote?.start).toBe(quoted.text.indexOf('“quote number 20”'));
    expect(
      state.pages
        .linesOf(state.page)
        .some((line) => line.start <= state.anchor && state.anchor < line.end),
    ).toBe(true);
    state = readerReducer(state, {type: 'previousQuote'});
    expect(state.message).toBe('quotation 20/40');
  });

  it('starts from the page on screen when no quotation is marked', () => {
    let state = openReader(quoted, 60, 12);
    for (let i = 0; i < 5; i++) state = readerReducer(state, {type: 'nextPage'});
    const pageStart = state.pages.startOffset[state.page]!;
    state = readerReducer(state, {type: 'nextQuote'});
    expect(state.currentQuote!.start).toBeGreaterThanOrEqual(pageStart);
  });

  it('says so at the ends', () => {
    let state = openReader(quoted, 60, 12);
    state = readerReducer(state, {type: 'previousQuote'});
    expect(state.message).toBe('no earlier quotations');
    const plain = openReader(parseText('Plain\n\nNo quotations here.'), 60, 12);
    expect(readerReducer(plain, {type: 'nextQuote'}).message).toBe('no quotations in this article');
  });

  it('opens the list at the page on screen, moves, and jumps to the choice', () => {
    let state = openReader(quoted, 60, 12);
    state = readerReducer(state, {type: 'openQuotes'});
    expect(state.panel).toEqual({selected: 0});
    state = readerReducer(state, {type: 'panelMove', by: 3});
    state = readerReducer(state, {type: 'panelMove', by: -100});
    expect(state.panel).toEqual({selected: 0});
    state = readerReducer(state, {type: 'panelMove', by: 7});
    state = readerReducer(state, {type: 'panelChoose'});
    expect(state.panel).toBeUndefined();
    expect(state.currentQuote?.start).toBe(quoted.text.indexOf('“quote number 7”'));
  });
});
