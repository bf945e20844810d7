import {messageOf, statusText} from '../../source/reader/status.js';
import {describe, expect, it} from 'vitest';
import {parseText} from '../../source/article/parse-text.js';
import {MEASURE_STEP, openReader, readerReducer} from '../../source/reader/reader-reducer.js';
import {findQuotations} from '../../source/text/quotes.js';
import {cellWidth, truncateToWidth} from '../../source/text/width.js';
import {MAX_HITS} from '../../source/text/search.js';

import {progressAt, wordsFrom} from '../../source/text/reading-time.js';
import {DEFAULT_MEASURE, geometry, MIN_MEASURE} from '../../source/reader/geometry.js';

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
    // Laid out again for the new size: a measure of 38 and 6 rows of text.
    expect(state.geometry).toEqual(geometry(40, 10));
    expect(state.pages.linesOf(state.page)).toHaveLength(6);
    const widths = state.pages.linesOf(state.page).map((line) => line.end - line.start);
    expect(Math.max(...widths)).toBeLessThanOrEqual(38);
    expect(Math.max(...widths)).toBeGreaterThan(30);
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

  it('makes room in the margin for speakers (S), the text giving way down to its narrowest', () => {
    // 80 columns: a margin of 14 and the rest of the line for the text.
    expect(geometry(80, 24, 72, true)).toEqual({measure: 65, height: 20, margin: 14});
    // A wide terminal has the room already: nothing moves.
    expect(geometry(120, 40, 72, true)).toEqual(geometry(120, 40, 72));
    // A narrow one keeps the narrowest measure, and as much margin as is left.
    expect(geometry(30, 24, 72, true)).toEqual({measure: 20, height: 20, margin: 9});
    expect(geometry(20, 24, 72, true).measure).toBe(18);
  });

  it('sets text for a terminal too small to read in as for the smallest that is not', () => {
    // Keys typed while the notice shows move through a layout of 18 cells, not of 1.
    for (const [columns, rows] of [
      [1, 1],
      [3, 2],
      [19, 40],
      [80, 5],
    ] as const) {
      const shape = geometry(columns, rows);
      expect(shape.measure).toBe(Math.min(72, Math.max(columns, 20) - 2));
      expect(shape.height).toBe(Math.max(rows, 6) - 4);
    }
  });
});

describe('speakers in the margin (S)', () => {
  const article = parseText(
    `Talk\n\n“Where are you going?” said Mr. Ward.\n\n“To the village,” said Clara.\n\n“May I walk with you?”\n\n${'Words. '.repeat(400)}`,
  );
  it('turns on and off, says so, and sets the text beside a margin for them, in its place', () => {
    const start = readerReducer(openReader(article, 80, 24), {type: 'nextPage'});
    const shown = readerReducer(start, {type: 'toggleSpeakers'});
    expect(shown.speakersShown).toBe(true);
    expect(shown.message).toBe('speakers in the margin');
    expect(shown.geometry).toEqual({measure: 65, height: 20, margin: 14});
    expect(shown.anchor).toBe(start.anchor);
    const hidden = readerReducer(shown, {type: 'toggleSpeakers'});
    expect(hidden.speakersShown).toBe(false);
    expect(hidden.message).toBe('speakers hidden');
    expect(hidden.geometry).toEqual(start.geometry);
    // Kept through a resize, and by a reader opened with it.
    expect(readerReducer(shown, {type: 'resize', columns: 100, rows: 30}).geometry.margin).toBe(14);
    expect(openReader(article, 80, 24, {speakersShown: true}).geometry.margin).toBe(14);
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

  it('keeps the page number in a status line too narrow for a notice as well', () => {
    const message = 'progress not saved: the state folder cannot be used';
    const state = openReader(article, 40, 12, {message});
    const total = state.pages.complete ? String(state.pages.count) : '…';
    const minutes = progressAt(article, state.anchor, false).minutesLeft;
    const place = `page 1/${total} · 0% · ${minutes} min left`;
    expect(statusText(state)).toBe(`${message} · ${place}`);
    // 38 cells: the notice gives way after its first part; the page number stays whole.
    const narrow = statusText(state, '', 38);
    expect(narrow).toMatch(/^progress not saved: .*… · page 1\/\S+$/);
    expect(cellWidth(narrow)).toBeLessThanOrEqual(38);
    // Too narrow for the notice's first part beside the page: the notice first, cut.
    expect(statusText(state, '', 24)).toBe(truncateToWidth(`${message} · ${place}`, 24));
    // A quotation's number is such a first part: kept whole beside the page, or first.
    const quoted = openReader(parseText('Q\n\nShe said “yes” and “no”, and then “maybe”.'), 40, 12);
    const marked = readerReducer(quoted, {type: 'nextQuote'});
    expect(statusText(marked, '', 26)).toMatch(/^quotation 1\/3 · page 1\/1$/);
    expect(statusText(marked, '', 20)).toBe('quotation 1/3 · pag…');
    // Without a message, the place, cut at the end.
    const plain = openReader(article, 40, 12);
    expect(statusText(plain, '', 12)).toBe(truncateToWidth(place, 12));
    // Wide enough: everything, the extra last.
    expect(statusText(state, ' · 12', 200)).toMatch(/ min left · 12$/);
  });

  it('says 100% and 0 min left on the last page as the status line shows it, and not before', () => {
    let state = openReader(article, 80, 24);
    expect(statusText(state)).toMatch(/^page 1\/\d+ · 0% · \d+ min left$/);
    state = readerReducer(state, {type: 'lastPage'});
    const last = state.pages.count;
    expect(statusText(state)).toBe(`page ${last}/${last} · 100% · 0 min left`);
    state = readerReducer(state, {type: 'previousPage'});
    expect(statusText(state)).not.toContain('100%');
    expect(statusText(state)).not.toContain(' 0 min left');
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
    expect(messageOf(state)).toBe('quotation 1/40');
    for (let i = 0; i < 20; i++) state = readerReducer(state, {type: 'nextQuote'});
    expect(state.currentQuote?.start).toBe(quoted.text.indexOf('“quote number 20”'));
    expect(
      state.pages
        .linesOf(state.page)
        .some((line) => line.start <= state.anchor && state.anchor < line.end),
    ).toBe(true);
    state = readerReducer(state, {type: 'previousQuote'});
    expect(messageOf(state)).toBe('quotation 20/40');
  });

  it('starts from the page on screen when no quotation is marked', () => {
    let state = openReader(quoted, 60, 12);
    for (let i = 0; i < 5; i++) state = readerReducer(state, {type: 'nextPage'});
    const pageStart = state.pages.startOffset[state.page]!;
    const first = findQuotations(quoted).find((q) => q.start >= pageStart)!;
    const before = findQuotations(quoted).findLast((q) => q.start < pageStart)!;
    expect(first.start).toBeGreaterThan(quoted.text.indexOf('“quote number 0”'));
    // Forward: the first quotation at or after the top of the page, not any later one.
    expect(readerReducer(state, {type: 'nextQuote'}).currentQuote!.start).toBe(first.start);
    // Back: the last one before it.
    expect(readerReducer(state, {type: 'previousQuote'}).currentQuote!.start).toBe(before.start);
  });

  it('finds the first quotation from the top when the first page has none', () => {
    const late = parseText(
      `Late\n\n${Array.from({length: 30}, (_, i) => `Plain line ${i}.`).join('\n\n')}\n\nAt last “a quotation” here.`,
    );
    const state = openReader(late, 60, 12);
    expect(state.quotes.top).toEqual([]);
    const next = readerReducer(state, {type: 'nextQuote'});
    expect(next.currentQuote?.start).toBe(late.text.indexOf('“a quotation”'));
    expect(messageOf(next)).toBe('quotation 1/1');
  });

  it('says so at the ends', () => {
    let state = openReader(quoted, 60, 12);
    state = readerReducer(state, {type: 'previousQuote'});
    expect(state.message).toBe('no earlier quotations');
    const plain = openReader(parseText('Plain\n\nNo quotations here.'), 60, 12);
    expect(readerReducer(plain, {type: 'nextQuote'}).message).toBe('no quotations in this article');
  });

  it('opens the list at the first quotation of the page on screen, on any page', () => {
    const all = findQuotations(quoted);
    let state = openReader(quoted, 60, 12);
    state.pages.advance(Infinity);
    let checked = 0;
    for (let page = 0; page < state.pages.count; page++) {
      const pageStart = state.pages.startOffset[state.page]!;
      const expected = all.findIndex((q) => q.start >= pageStart);
      const opened = readerReducer(state, {type: 'openQuotes'});
      expect(opened.panel).toEqual({
        kind: 'quotes',
        selected: expected === -1 ? all.length - 1 : expected,
      });
      if (expected > 0) checked++;
      state = readerReducer(state, {type: 'nextPage'});
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('opens the list at the page on screen, moves, and jumps to the choice', () => {
    let state = openReader(quoted, 60, 12);
    state = readerReducer(state, {type: 'openQuotes'});
    expect(state.panel).toEqual({kind: 'quotes', selected: 0});
    state = readerReducer(state, {type: 'panelMove', by: 3});
    state = readerReducer(state, {type: 'panelMove', by: -100});
    expect(state.panel).toEqual({kind: 'quotes', selected: 0});
    state = readerReducer(state, {type: 'panelMove', by: 7});
    state = readerReducer(state, {type: 'panelChoose'});
    expect(state.panel).toBeUndefined();
    expect(state.currentQuote?.start).toBe(quoted.text.indexOf('“quote number 7”'));
  });
});

describe('every key of the reading view', () => {
  const book = parseText(
    `Book\n\n${Array.from({length: 120}, (_, i) => `Paragraph ${i} tells of the North\nKorean talks and other news, at some length.`).join('\n\n')}`,
  );
  const run = (actions: Parameters<typeof readerReducer>[1][], start = openReader(book, 60, 14)) =>
    actions.reduce(readerReducer, start);
  const firstShown = (state: ReturnType<typeof openReader>) => state.pages.lineOf(state.anchor);

  it('scrolls a line at a time with j and k, and by a count', () => {
    const start = openReader(book, 60, 14);
    const down = run([{type: 'lineDown'}], start);
    expect(down.aligned).toBe(false);
    expect(firstShown(down)).toBe(1);
    const back = run([{type: 'lineUp'}], down);
    expect(firstShown(back)).toBe(0);
    const five = run([{type: 'digit', digit: '5'}, {type: 'lineDown'}], start);
    expect(firstShown(five)).toBe(5);
    expect(five.count).toBe('');
    const twelve = run(
      [{type: 'digit', digit: '1'}, {type: 'digit', digit: '2'}, {type: 'lineDown'}],
      start,
    );
    expect(firstShown(twelve)).toBe(12);
    expect(firstShown(run([{type: 'digit', digit: '3'}, {type: 'lineUp'}], twelve))).toBe(9);
    // Not above the first line.
    expect(firstShown(run([{type: 'digit', digit: '9'}, {type: 'lineUp'}], five))).toBe(0);
  });

  it('scrolls half a page with d and u', () => {
    const start = openReader(book, 60, 14);
    const half = Math.floor(start.pages.height / 2);
    expect(half).toBe(5);
    const down = run([{type: 'halfDown'}], start);
    expect(firstShown(down)).toBe(half);
    expect(firstShown(run([{type: 'halfDown'}], down))).toBe(2 * half);
    const up = run([{type: 'halfUp'}], down);
    expect(firstShown(up)).toBe(0);
    expect(firstShown(run([{type: 'halfUp'}], start))).toBe(0);
  });

  it('snaps back to whole pages on the next page turn', () => {
    const state = run([{type: 'lineDown'}, {type: 'lineDown'}, {type: 'nextPage'}]);
    expect(state.aligned).toBe(true);
    expect(state.page).toBe(1);
  });

  it('goes to the first and last page, and to page N with N g', () => {
    const last = run([{type: 'lastPage'}]);
    expect(last.page).toBe(last.pages.count - 1);
    expect(run([{type: 'firstPage'}], last).page).toBe(0);
    const twelfth = run([
      {type: 'digit', digit: '1'},
      {type: 'digit', digit: '2'},
      {type: 'firstPage'},
    ]);
    expect(twelfth.page).toBe(11);
  });

  it('goes to N percent with N %', () => {
    const state = run([
      {type: 'digit', digit: '5'},
      {type: 'digit', digit: '0'},
      {type: 'percent'},
    ]);
    expect(state.anchor).toBeGreaterThan(book.text.length * 0.45);
    expect(state.anchor).toBeLessThan(book.text.length * 0.55);
  });

  it('searches forward from the page, counts hits, and wraps with n and N', () => {
    let state = run([{type: 'nextPage'}, {type: 'nextPage'}, {type: 'openSearch'}]);
    expect(state.prompt).toBe('');
    for (const text of ['north ', 'koreaX'])
      state = readerReducer(state, {type: 'promptType', text});
    state = readerReducer(state, {type: 'promptErase'});
    expect(state.prompt).toBe('north korea');
    const pageStart = state.pages.startOffset[state.page]!;
    state = readerReducer(state, {type: 'promptSubmit'});
    expect(state.prompt).toBeUndefined();
    expect(state.search!.hits).toHaveLength(120);
    expect(state.search!.hits[state.search!.current]!.start).toBeGreaterThanOrEqual(pageStart);
    expect(state.message).toMatch(/^hit \d+\/120$/);
    // A phrase across a line break matches.
    expect(book.text.slice(state.search!.hits[0]!.start, state.search!.hits[0]!.end)).toBe(
      'North Korea',
    );
    const last = readerReducer(
      {...state, search: {...state.search!, current: 119}},
      {type: 'nextHit'},
    );
    expect(last.message).toBe('hit 1/120 · wrapped to the top');
    expect(readerReducer(last, {type: 'previousHit'}).message).toBe(
      'hit 120/120 · wrapped to the end',
    );
  });

  it('says when nothing matches, and when there was no search', () => {
    expect(run([{type: 'nextHit'}]).message).toBe('no search yet: press / to search');
    const none = run([
      {type: 'openSearch'},
      {type: 'promptType', text: 'zebra'},
      {type: 'promptSubmit'},
    ]);
    expect(none.message).toBe('no match for “zebra”');
  });

  it('cancels the prompt with Esc', () => {
    expect(
      run([{type: 'openSearch'}, {type: 'promptType', text: 'x'}, {type: 'promptCancel'}]).prompt,
    ).toBeUndefined();
  });

  it('toggles the help and shows messages', () => {
    expect(run([{type: 'toggleHelp'}]).help).toBe(true);
    expect(run([{type: 'toggleHelp'}, {type: 'toggleHelp'}]).help).toBe(false);
    expect(run([{type: 'notify', message: 'hello'}]).message).toBe('hello');
  });

  it('opens at a saved place with a message', () => {
    const anchor = book.text.indexOf('Paragraph 60');
    const state = openReader(book, 60, 14, {anchor, message: 'resumed at 50%'});
    expect(
      state.pages.linesOf(state.page).some((line) => line.start <= anchor && anchor < line.end),
    ).toBe(true);
    expect(state.message).toBe('resumed at 50%');
  });
});

describe('the reading view, from key to key', () => {
  const spaced = parseText(
    `Spaced\n\n${Array.from({length: 12}, (_, i) => `“Quote ${i},” she said.\n\n${'A plain paragraph between quotations.\n\n'.repeat(20)}`).join('')}`,
  );
  const run = (
    actions: Parameters<typeof readerReducer>[1][],
    start = openReader(spaced, 60, 14),
  ) => actions.reduce(readerReducer, start);
  const quote = (i: number) => spaced.text.indexOf(`“Quote ${i},”`);

  it('clears a message with the next key', () => {
    const told = run([{type: 'narrower'}]);
    expect(told.message).toMatch(/^measure/);
    expect(run([{type: 'lineDown'}], told).message).toBeUndefined();
  });

  it('goes from quotation to quotation pages apart, reading on as it goes', () => {
    let state = run([{type: 'nextQuote'}]);
    for (let i = 1; i < 12; i++) {
      state = readerReducer(state, {type: 'nextQuote'});
      expect(state.currentQuote?.start).toBe(quote(i));
    }
    expect(readerReducer(state, {type: 'nextQuote'}).message).toBe('no more quotations');
  });

  it('goes on from the screen, not the marked quotation, once a page turn has left it', () => {
    const marked = run([{type: 'nextQuote'}]);
    expect(marked.currentQuote?.start).toBe(quote(0));
    const moved = run(
      Array.from({length: 6}, () => ({type: 'nextPage'}) as const),
      marked,
    );
    const top = moved.pages.startOffset[moved.page]!;
    const next = readerReducer(moved, {type: 'nextQuote'});
    expect(next.currentQuote!.start).toBeGreaterThanOrEqual(top);
    expect(next.currentQuote!.start).not.toBe(quote(1));
  });

  it('shows a search hit on its page, aligned', () => {
    const found = run([
      {type: 'openSearch'},
      {type: 'promptType', text: 'Quote 7'},
      {type: 'promptSubmit'},
    ]);
    expect(found.aligned).toBe(true);
    const start = found.pages.startOffset[found.page]!;
    expect(start).toBeLessThanOrEqual(quote(7));
    expect(found.pages.startOffset[found.page + 1] ?? Infinity).toBeGreaterThan(quote(7));
  });
});

describe('the reading view, key by key', () => {
  const book = parseText(
    `Book\n\n${Array.from({length: 120}, (_, i) => `Paragraph ${i} tells of the North\nKorean talks and other news, at some length.`).join('\n\n')}`,
  );
  const run = (actions: Parameters<typeof readerReducer>[1][], start = openReader(book, 60, 14)) =>
    actions.reduce(readerReducer, start);
  const digits = (text: string) =>
    [...text].map((digit) => ({type: 'digit', digit}) as Parameters<typeof readerReducer>[1]);

  it('narrows, widens and frees the measure, saying what it is', () => {
    // 60 columns: a measure of 58 (under the cap of 72).
    const narrower = run([{type: 'narrower'}]);
    expect(narrower.geometry.measure).toBe(54);
    expect(narrower.message).toBe('measure 54 (at most 54)');
    expect(run([{type: 'narrower'}], narrower).geometry.measure).toBe(50);
    // Never under 20.
    const narrowest = run(Array.from({length: 20}, () => ({type: 'narrower'}) as const));
    expect(narrowest.geometry.measure).toBe(MIN_MEASURE);
    expect(run([{type: 'wider'}], narrowest).geometry.measure).toBe(MIN_MEASURE + MEASURE_STEP);
    // = frees the measure to the terminal's width, and again back to the default cap.
    const wide = openReader(book, 120, 14);
    const free = run([{type: 'fullMeasure'}], wide);
    expect([free.cap, free.geometry.measure, free.message]).toEqual([
      Infinity,
      118,
      'measure 118 (full width)',
    ]);
    // + with no cap stays free; = again brings the cap back.
    expect(run([{type: 'wider'}], free).cap).toBe(Infinity);
    const capped = run([{type: 'fullMeasure'}], free);
    expect([capped.cap, capped.geometry.measure]).toEqual([DEFAULT_MEASURE, DEFAULT_MEASURE]);
    // - from a free measure starts from the width shown.
    expect(run([{type: 'narrower'}], free).geometry.measure).toBe(118 - MEASURE_STEP);
  });

  it('takes a count of at most nine digits, used up by the next command', () => {
    const typed = run(digits('1234567890'));
    expect(typed.count).toBe('123456789');
    const page3 = run([...digits('3'), {type: 'firstPage'}]);
    expect([page3.page, page3.count]).toEqual([2, '']);
    // Past the last page: the last page.
    const far = run([...digits('999'), {type: 'firstPage'}]);
    expect(far.page).toBe(far.pages.count - 1);
    // A command without a count of its own drops it.
    expect(run([...digits('5'), {type: 'nextPage'}]).count).toBe('');
    // A percent without a count does nothing.
    const start = openReader(book, 60, 14);
    expect(run([{type: 'percent'}], start)).toBe(start);
  });

  it('says where a search stands: hits, wrapping, no match, an empty query', () => {
    const search = (query: string, start = openReader(book, 60, 14)) =>
      run([{type: 'openSearch'}, {type: 'promptType', text: query}, {type: 'promptSubmit'}], start);
    const found = search('paragraph 7 tells');
    expect(found.message).toBe('hit 1/1');
    const none = search('zebra');
    expect([none.message, none.prompt]).toEqual(['no match for “zebra”', undefined]);
    expect(run([{type: 'nextHit'}], none).message).toBe('no match for “zebra”');
    const blank = search('   ');
    expect([blank.search, blank.message, blank.prompt]).toEqual([undefined, undefined, undefined]);
    // From the last page, the first hit onwards is behind: round to the top.
    const fromEnd = search('paragraph 3 tells', run([{type: 'lastPage'}]));
    expect(fromEnd.message).toBe('hit 1/1 · wrapped to the top');
    // Esc closes the prompt; typing, erasing and Enter do nothing without a prompt.
    const open = run([{type: 'openSearch'}, {type: 'promptType', text: 'x'}]);
    expect(run([{type: 'promptCancel'}], open).prompt).toBeUndefined();
    const plain = openReader(book, 60, 14);
    for (const action of [
      {type: 'promptType', text: 'x'},
      {type: 'promptErase'},
      {type: 'promptSubmit'},
    ] as const) {
      expect(readerReducer(plain, action)).toBe(plain);
    }
  });

  it('scrolls up half a page with u, and pages back from a scrolled place to its top first', () => {
    const down = run([{type: 'nextPage'}, {type: 'nextPage'}, {type: 'lineDown'}]);
    expect(down.aligned).toBe(false);
    const top = down.pages.lineOf(down.anchor);
    const half = run([{type: 'halfUp'}], down);
    expect(half.pages.lineOf(half.anchor)).toBe(top - Math.floor(down.pages.height / 2));
    // b from a place scrolled off a page's top goes to that page's top, aligned.
    const back = run([{type: 'previousPage'}], down);
    expect([back.aligned, back.page]).toEqual([true, 2]);
    expect(run([{type: 'previousPage'}], back).page).toBe(1);
  });

  it('pages back from a place scrolled exactly to a page’s top to the page before', () => {
    const second = run([{type: 'nextPage'}]);
    const lines = second.pages.firstLine[2]! - second.pages.firstLine[1]!;
    const digits = [...String(lines)].map((digit) => ({type: 'digit', digit}) as const);
    const exact = run([...digits, {type: 'lineDown'}], second);
    expect(exact.aligned).toBe(false);
    expect(exact.anchor).toBe(exact.pages.startOffset[2]);
    const back = run([{type: 'previousPage'}], exact);
    expect([back.aligned, back.page]).toEqual([true, 1]);
  });
});

describe('the quotation list, key by key', () => {
  const quoted = parseText(
    `Quoted\n\n${Array.from({length: 40}, (_, i) => `Line ${i} says “quote number ${i}” and goes on for a while.`).join('\n\n')}`,
  );

  it('keeps the choice within the list, and closes with Esc', () => {
    let state = readerReducer(openReader(quoted, 60, 12), {type: 'openQuotes'});
    state = readerReducer(state, {type: 'panelMove', by: 1000});
    expect(state.panel).toEqual({kind: 'quotes', selected: 39});
    const same = readerReducer(state, {type: 'panelMove', by: 1});
    expect(same).toBe(state);
    state = readerReducer(state, {type: 'panelChoose'});
    expect(state.currentQuote?.start).toBe(quoted.text.indexOf('“quote number 39”'));
    expect(state.panel).toBeUndefined();
    const closed = readerReducer(readerReducer(openReader(quoted, 60, 12), {type: 'openQuotes'}), {
      type: 'closePanel',
    });
    expect(closed.panel).toBeUndefined();
    // Without the list open, its keys do nothing.
    const plain = openReader(quoted, 60, 12);
    expect(readerReducer(plain, {type: 'panelMove', by: 1})).toBe(plain);
  });

  it('opens at the last quotation from a page after them all', () => {
    const tail = parseText(`T\n\nSays “one” and “two”.\n\n${'Plain words here. '.repeat(400)}`);
    const state = readerReducer(readerReducer(openReader(tail, 60, 12), {type: 'lastPage'}), {
      type: 'openQuotes',
    });
    expect(state.panel).toEqual({kind: 'quotes', selected: 1});
  });

  it('says when there is no next quotation', () => {
    let state = openReader(quoted, 60, 12);
    for (let i = 0; i < 40; i++) state = readerReducer(state, {type: 'nextQuote'});
    expect(messageOf(state)).toBe('quotation 40/40');
    state = readerReducer(state, {type: 'nextQuote'});
    expect(state.message).toBe('no more quotations');
  });
});

describe('the reading view, at the edges', () => {
  const book = parseText(
    `Book\n\n${Array.from({length: 120}, (_, i) => `Paragraph ${i} tells of the North\nKorean talks and other news, at some length.`).join('\n\n')}`,
  );
  const run = (actions: Parameters<typeof readerReducer>[1][], start = openReader(book, 60, 14)) =>
    actions.reduce(readerReducer, start);

  it('opens aligned to a page, wherever its place is', () => {
    expect(openReader(book, 60, 14).aligned).toBe(true);
    const middle = openReader(book, 60, 14, {anchor: 4000});
    // The whole page holding the place is shown, the place itself kept.
    expect(middle.aligned).toBe(true);
    expect(middle.anchor).toBe(4000);
    expect(middle.pages.startOffset[middle.page]).toBeLessThanOrEqual(4000);
    expect(middle.pages.startOffset[middle.page + 1]).toBeGreaterThan(4000);
  });

  it('goes to page N with N G as with N g', () => {
    const third = run([{type: 'digit', digit: '3'}, {type: 'lastPage'}]);
    expect(third.page).toBe(2);
  });

  it('lays out again when only the height changes', () => {
    const start = openReader(book, 60, 14);
    const taller = readerReducer(start, {type: 'resize', columns: 60, rows: 30});
    expect(taller.pages.height).toBe(26);
    expect(taller.pages.linesOf(taller.page)).toHaveLength(26);
    const wider = readerReducer(start, {type: 'resize', columns: 80, rows: 14});
    expect(wider.geometry.measure).toBe(72);
  });

  it('cancels a search with Esc, searching nothing', () => {
    const cancelled = run([
      {type: 'openSearch'},
      {type: 'promptType', text: 'north'},
      {type: 'promptCancel'},
    ]);
    expect([cancelled.prompt, cancelled.search, cancelled.message]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('wraps back only from the first hit, and counts hits past the limit with +', () => {
    let state = run([
      {type: 'openSearch'},
      {type: 'promptType', text: 'north korean'},
      {type: 'promptSubmit'},
    ]);
    state = readerReducer(state, {type: 'nextHit'});
    expect(state.message).toBe('hit 2/120');
    state = readerReducer(state, {type: 'previousHit'});
    expect(state.message).toBe('hit 1/120');
    state = readerReducer(state, {type: 'previousHit'});
    expect(state.message).toBe('hit 120/120 · wrapped to the end');
    const many = parseText(`Many\n\n${'ab '.repeat(MAX_HITS + 10)}`);
    const found = run(
      [{type: 'openSearch'}, {type: 'promptType', text: 'ab'}, {type: 'promptSubmit'}],
      openReader(many, 60, 14),
    );
    expect(found.message).toBe(`hit 1/${MAX_HITS}+`);
  });

  it('says an article has no quotations when the list is asked for', () => {
    expect(run([{type: 'openQuotes'}]).message).toBe('no quotations in this article');
  });
});

describe('quotations that open a page', () => {
  // Every paragraph starts with its quotation, so some start exactly at the top of a page.
  const quoted = parseText(
    `Quoted\n\n${Array.from({length: 60}, (_, i) => `“Quote number ${i},” says line ${i}, and goes on for a while after.`).join('\n\n')}`,
  );

  it('takes the quotation at the top of the page as the page’s first, for ], [ and the list', () => {
    const all = findQuotations(quoted);
    let state = openReader(quoted, 60, 12);
    state.pages.advance(Infinity);
    let checked = 0;
    for (let page = 1; page < state.pages.count; page++) {
      state = readerReducer(state, {type: 'nextPage'});
      const top = state.pages.startOffset[state.page]!;
      const at = all.findIndex((q) => q.start === top);
      if (at <= 0) continue;
      checked++;
      expect(readerReducer(state, {type: 'nextQuote'}).currentQuote!.start).toBe(top);
      expect(readerReducer(state, {type: 'previousQuote'}).currentQuote!.start).toBe(
        all[at - 1]!.start,
      );
      expect(readerReducer(state, {type: 'openQuotes'}).panel).toEqual({
        kind: 'quotes',
        selected: at,
      });
    }
    expect(checked).toBeGreaterThan(3);
  });
});
