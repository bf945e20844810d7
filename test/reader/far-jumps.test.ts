// A whole-book key on a long book answers at once, from the place's own lines, and settles on
// its page when the layout from the top gets there.
import {describe, expect, it, vi} from 'vitest';
import {readFileSync} from 'node:fs';
import {articleFromBytes, openArticleBytes} from '../../source/article/load.js';
import type {Article} from '../../source/article/article.js';
import {openReader, readerReducer, type ReaderState} from '../../source/reader/reader-reducer.js';
import {panelRowsNeeded, quotationCount} from '../../source/reader/quotation-navigation.js';
import {REACH_BLOCKS, visibleLines} from '../../source/reader/reader-state.js';
import {readerContents} from '../../source/reader/contents-navigation.js';
import {messageOf, statusText} from '../../source/reader/status.js';
import {layout} from '../../source/text/layout.js';
import {contentsIfQuick} from '../../source/text/contents.js';
import {
  articleQuotationsWithSpeakers,
  QuotationScanner,
  speakersPending,
} from '../../source/text/quotes.js';
import {
  appReducer,
  startApp,
  waitsFor,
  type AppEnv,
  type AppState,
} from '../../source/app/state.js';
import {char, named, type Key} from '../../source/input/keys.js';
import {AppStore, type AppEffects} from '../../source/app/store.js';

const bytes = readFileSync('test/fixtures/books/war-and-peace_pg2600.txt');
function book(): Article {
  const result = articleFromBytes(bytes, 'book');
  if (result.kind !== 'article') throw new Error(result.reason);
  return result.article;
}

/** The app over a library of the book, opened by `open` (by default: its start, the rest read on). */
function store(
  open: AppEnv['open'] = () => {
    const result = openArticleBytes(bytes, 'book');
    if (result.kind !== 'article') throw new Error('refused');
    return {kind: 'article', article: result.article, anchor: 0, rest: result.rest};
  },
  effects: AppEffects = {},
): AppStore {
  const env: AppEnv = {open};
  const library = {
    kind: 'folder' as const,
    folder: '/lib',
    entries: [{path: '/lib/book.txt', fileName: 'book.txt', title: 'Book'}],
  };
  return new AppStore(startApp(library, env, {columns: 80, rows: 24}), env, effects);
}

const finish = (state: ReaderState) => {
  state.pages.advance(Infinity);
  return readerReducer(state, {type: 'layoutComplete'});
};

describe('far jumps in a long book', () => {
  it('G shows the last screenful at once, then settles on the last page', () => {
    const article = book();
    const state = readerReducer(openReader(article, 80, 24), {type: 'lastPage'});
    expect(state.detached).toBe('last');
    expect(state.pages.complete).toBe(false);
    const lines = layout(article, state.geometry.measure);
    expect(visibleLines(state)).toEqual(lines.slice(-state.pages.height));
    expect(statusText(state)).toMatch(/^page …\/… · 100% · 0 min left/);
    const settled = finish(state);
    expect(settled.detached).toBeUndefined();
    expect(settled.page).toBe(settled.pages.count - 1);
    expect(statusText(settled)).toMatch(
      new RegExp(`^page ${settled.pages.count}/${settled.pages.count} · 100%`),
    );
  });

  it('50% shows the middle of the book from its own lines, and its page once known', () => {
    const article = book();
    let state = openReader(article, 80, 24);
    for (const digit of ['5', '0']) state = readerReducer(state, {type: 'digit', digit});
    state = readerReducer(state, {type: 'percent'});
    const middle = Math.floor(article.text.length / 2);
    expect(state.detached).toBe('page');
    expect(state.anchor).toBe(middle);
    const top = visibleLines(state)[0]!;
    expect(top.start).toBeLessThanOrEqual(middle);
    expect(statusText(state)).toMatch(/^page …\/… · 50% /);
    const settled = finish(state);
    expect(settled.aligned).toBe(true);
    expect(settled.pages.startOffset[settled.page]).toBeLessThanOrEqual(middle);
    expect(settled.pages.startOffset[settled.page + 1]).toBeGreaterThan(middle);
  });

  it('pages on from a far place by its own lines, as the layout from the top would', () => {
    const article = book();
    let state = readerReducer(openReader(article, 80, 24), {type: 'lastPage'});
    const lines = layout(article, state.geometry.measure);
    state = readerReducer(state, {type: 'previousPage'});
    const height = state.pages.height;
    expect(visibleLines(state)).toEqual(lines.slice(-2 * height, -height));
    state = readerReducer(state, {type: 'lineDown'});
    expect(visibleLines(state)[0]).toEqual(lines.at(-2 * height + 1));
    // Nothing past the last screenful.
    for (let i = 0; i < 5; i++) state = readerReducer(state, {type: 'nextPage'});
    expect(visibleLines(state)).toEqual(lines.slice(-height));
  });

  it('keeps a far place scrolled by lines on its line once its page is known', () => {
    const article = book();
    let state = openReader(article, 80, 24);
    for (const digit of ['5', '0']) state = readerReducer(state, {type: 'digit', digit});
    state = readerReducer(state, {type: 'percent'});
    state = readerReducer(state, {type: 'lineDown'});
    state = readerReducer(state, {type: 'lineDown'});
    expect(state.detached).toBe('line');
    const top = visibleLines(state)[0]!;
    const settled = finish(state);
    expect(settled.detached).toBeUndefined();
    expect(settled.aligned).toBe(false);
    expect(visibleLines(settled)[0]).toEqual(top);
    expect(settled.pages.startOffset[settled.page]).not.toBe(top.start);
  });

  it('scrolls no further at the end of a far place, nor back, and still settles on the last page', () => {
    const atEnd = readerReducer(openReader(book(), 80, 24), {type: 'lastPage'});
    expect(readerReducer(atEnd, {type: 'lineDown'})).toBe(atEnd);
    // 100% places the screen at the very end, below the last screenful: j keeps it there.
    let state = openReader(book(), 80, 24);
    for (const digit of ['1', '0', '0']) state = readerReducer(state, {type: 'digit', digit});
    state = readerReducer(state, {type: 'percent'});
    expect(state.detached).toBe('page');
    expect(readerReducer(state, {type: 'lineDown'})).toBe(state);
    const settled = finish(readerReducer(atEnd, {type: 'lineDown'}));
    expect(settled.aligned).toBe(true);
    expect(settled.page).toBe(settled.pages.count - 1);
  });

  it('scrolls by a count of lines further than the pages cut so far', () => {
    const article = book();
    let state = openReader(article, 80, 24);
    const cut = state.pages.lineCount;
    const count = String(cut + 100);
    for (const digit of count) state = readerReducer(state, {type: 'digit', digit});
    state = readerReducer(state, {type: 'lineDown'});
    const lines = layout(article, state.geometry.measure);
    expect(visibleLines(state)[0]).toEqual(lines[cut + 100]);
  });

  it('settles a far place the layout has reached before the next key, then applies the key', () => {
    let state = openReader(book(), 80, 24);
    for (const digit of ['5', '0']) state = readerReducer(state, {type: 'digit', digit});
    state = readerReducer(state, {type: 'percent'});
    state.pages.advance(Infinity); // no layoutComplete yet
    const settledPage = finish(state).page;
    const next = readerReducer(state, {type: 'nextPage'});
    expect(next.detached).toBeUndefined();
    expect(next.page).toBe(settledPage + 1);
  });

  it('leaves a far place detached while the layout has not reached it', () => {
    let state = openReader(book(), 80, 24);
    for (const digit of ['5', '0']) state = readerReducer(state, {type: 'digit', digit});
    state = readerReducer(state, {type: 'percent'});
    state.pages.advance(state.pages.height * 4);
    const still = readerReducer(state, {type: 'layoutComplete'});
    expect(still.detached).toBe('page');
    expect(visibleLines(still)).toEqual(visibleLines(state));
    const last = readerReducer(openReader(book(), 80, 24), {type: 'lastPage'});
    expect(readerReducer(last, {type: 'layoutComplete'}).detached).toBe('last');
  });

  it('finds the quotations on a far page once its page is known', () => {
    const article = book();
    const whole = new QuotationScanner(article);
    whole.scanThrough(Infinity);
    let state = openReader(article, 80, 24);
    // (49%: a page of dialogue; the page at 50% happens to hold none.)
    for (const digit of ['4', '9']) state = readerReducer(state, {type: 'digit', digit});
    state = readerReducer(state, {type: 'percent'});
    const settled = finish(state);
    // Every quotation that starts on the page shown is known, and none far beyond it.
    const lines = visibleLines(settled);
    const end = lines.at(-1)!.end;
    const shown = whole.top.filter((q) => q.start < end && q.end > lines[0]!.start);
    expect(shown.length).toBeGreaterThan(0);
    for (const quotation of shown) expect(settled.quotes.top).toContainEqual(quotation);
  });

  it('jumps near the top without detaching: the page is found at once', () => {
    let state = openReader(book(), 80, 24);
    for (const digit of ['1', '2']) state = readerReducer(state, {type: 'digit', digit});
    state = readerReducer(state, {type: 'firstPage'});
    expect(state.detached).toBeUndefined();
    expect(state.page).toBe(11);
    expect(REACH_BLOCKS).toBeGreaterThan(0);
  });

  it('keeps a far place through a change of measure', () => {
    const article = book();
    let state = readerReducer(openReader(article, 100, 30), {type: 'lastPage'});
    state = readerReducer(state, {type: 'narrower'});
    expect(state.detached).toBe('last');
    const lines = layout(article, state.geometry.measure);
    expect(visibleLines(state)).toEqual(lines.slice(-state.pages.height));
  });

  it('keeps a far page through a resize, and settles it on its page', () => {
    let state = openReader(book(), 80, 24);
    for (const digit of ['5', '0']) state = readerReducer(state, {type: 'digit', digit});
    state = readerReducer(state, {type: 'percent'});
    state = readerReducer(state, {type: 'resize', columns: 70, rows: 20});
    expect(state.detached).toBe('page');
    const settled = finish(state);
    expect(settled.aligned).toBe(true);
    expect(settled.pages.startOffset[settled.page]).toBeLessThanOrEqual(state.anchor);
  });
});

describe('keys while a long file is still being read', () => {
  it('says when it has laid out a slice of the book in the background, and of which article', async () => {
    const slices: Article[] = [];
    const app = store(() => ({kind: 'article', article: book(), anchor: 0}), {
      laidOut: (article) => slices.push(article),
    });
    app.feed('\r');
    const {article} = app.getState().reading!.reader;
    await vi.waitFor(() => expect(app.getState().reading!.reader.pages.complete).toBe(true), {
      timeout: 10_000,
    });
    expect(slices.length).toBeGreaterThan(5);
    expect(slices.every((laid) => laid === article)).toBe(true);
    app.close();
  });

  it('shows the first page before the book’s contents are found, then finds them by itself', async () => {
    // (Finding a long novel's chapters takes tens of ms: not before its first page.)
    const first = openReader(book(), 80, 24);
    expect(contentsIfQuick(first.article)).toBeUndefined();
    expect(statusText(first, '', 200)).toMatch(/left$/);
    const app = store();
    app.feed('\r');
    await vi.waitFor(() => expect(app.getState().reading?.loading).toBeUndefined(), {
      timeout: 5000,
    });
    let drawn = 0;
    app.subscribe(() => drawn++);
    await vi.waitFor(
      () => expect(contentsIfQuick(app.getState().reading!.reader.article)).toBeDefined(),
      {timeout: 5000},
    );
    await vi.waitFor(() => expect(drawn).toBeGreaterThan(0));
    // Its front matter is in no chapter; at the first, the status line names it.
    expect(statusText(app.getState().reading!.reader, '', 200)).toMatch(/left$/);
    app.feed('}');
    expect(statusText(app.getState().reading!.reader, '', 200)).toMatch(/· BOOK ONE: 1805$/);
    app.close();
  });

  it('draws keys that came with one held for the file together with it, not before', async () => {
    const app = store();
    app.feed('\r');
    let drawn = 0;
    app.subscribe(() => drawn++);
    app.feed('5');
    expect(drawn).toBe(1); // a count typed on its own shows at once
    app.feed('0%');
    expect(drawn).toBe(1); // 0 and % wait with the % for the file
    expect(app.getState().reading!.reader.count).toBe('50');
    await vi.waitFor(() => expect(app.getState().reading?.loading).toBeUndefined(), {
      timeout: 5000,
    });
    await vi.waitFor(() => expect(drawn).toBeGreaterThan(1));
    expect(statusText(app.getState().reading!.reader)).toMatch(/ 50% /);
    app.close();
  });

  it('still draws the notice that the file is being read, with the keys before it', async () => {
    vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
    const app = store();
    app.feed('\r');
    let drawn = 0;
    app.subscribe(() => drawn++);
    app.feed('2G');
    expect(drawn).toBe(0);
    vi.advanceTimersByTime(150);
    expect(drawn).toBe(1);
    expect(app.getState().reading!.reader.message).toBe('reading the rest of the file…');
    expect(app.getState().reading!.reader.count).toBe('2');
    vi.useRealTimers();
    app.close();
  });

  it('holds G and the keys after it until the file is read, then applies them in order', async () => {
    // Only the notice's timer is faked: the file is read on in real slices.
    vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
    const app = store();
    app.feed('\r');
    expect(app.getState().reading?.loading).toBeDefined();
    app.feed('  Gb');
    const held = app.getState().reading!.reader;
    expect(held.page).toBe(2); // the two Spaces went through
    expect(held.message).toBeUndefined(); // a short wait draws no notice
    vi.advanceTimersByTime(149);
    expect(app.getState().reading!.reader.message).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(app.getState().reading!.reader.message).toBe('reading the rest of the file…');
    vi.useRealTimers();
    await vi.waitFor(() => expect(app.getState().reading?.loading).toBeUndefined(), {
      timeout: 5000,
    });
    const reader = app.getState().reading!.reader;
    expect(reader.article.partial).toBeUndefined();
    // G, then b: one screenful up from the end.
    const lines = layout(reader.article, reader.geometry.measure);
    expect(visibleLines(reader)).toEqual(
      lines.slice(-2 * reader.pages.height, -reader.pages.height),
    );
    app.close();
  });

  it('lets a backlog of held keys through a slice at a time, and keys typed meanwhile after it', async () => {
    const backlog = `G${'='.repeat(40)}b`;
    // Where the keys lead on the book read whole, in the order typed.
    const whole = store(() => ({kind: 'article', article: book(), anchor: 0}));
    whole.feed('\r');
    whole.feed(`${backlog}j`);
    const expected = whole.getState().reading!.reader;
    whole.close();

    const app = store();
    app.feed('\r');
    // G waits for the file; forty changes of measure (an even number: back to the default)
    // and a page back pile up behind it.
    app.feed(backlog);
    // A clock that runs 5 ms a look, as if each key took that long: a slice holds a few.
    const real = performance.now.bind(performance);
    let offset = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => real() + (offset += 5));
    let afterLoad = 0;
    app.subscribe(() => {
      if (app.getState().reading?.loading) return;
      // Typed as the backlog starts through: applied after it, not before.
      if (afterLoad++ === 0) queueMicrotask(() => app.feed('j'));
    });
    await vi.waitFor(() => expect(app.getState().reading!.reader.anchor).toBe(expected.anchor), {
      timeout: 5000,
    });
    clock.mockRestore();
    expect(app.getState().reading!.reader.cap).toBe(expected.cap);
    // A frame (a change) for each slice: many, not one for all forty-two keys.
    expect(afterLoad).toBeGreaterThan(5);
    app.close();
  });

  it('never holds Ctrl-C', () => {
    const app = store();
    app.feed('\rG\u0003');
    expect(app.getState().quit).toBe(true);
    app.close();
  });
});

describe('the quotation list of a long book', () => {
  it('opens from the page on screen having read only a screenful of rows, the count … until known', () => {
    const article = book();
    const state = openReader(article, 80, 24);
    const opened = readerReducer(state, {type: 'openQuotes'});
    expect(opened.panel?.selected).toBe(0);
    expect(opened.quotes.complete).toBe(false);
    expect(quotationCount(opened)).toBe('…');
    // The rows read are exactly the start of the whole list.
    const whole = new QuotationScanner(article);
    whole.scanThrough(Infinity);
    const known = opened.quotes.top.length;
    expect(known).toBeGreaterThanOrEqual(24);
    expect(known).toBeLessThan(whole.top.length / 10);
    expect(opened.quotes.top).toEqual(whole.top.slice(0, known));
    // Moving a screenful down reads a screenful more; the last row is the whole list's last.
    const down = readerReducer(opened, {type: 'panelMove', by: 24});
    expect(down.panel?.selected).toBe(24);
    const end = readerReducer(down, {type: 'panelMove', by: 1e9});
    expect(end.panel?.selected).toBe(whole.top.length - 1);
    expect(quotationCount(end)).toBe(String(whole.top.length));
    const chosen = readerReducer(end, {type: 'panelChoose'});
    expect(messageOf(chosen)).toMatch(
      new RegExp(`^quotation ${whole.top.length}/${whole.top.length}`),
    );
  });

  it('opens while the rest of the file is read, without waiting for it, and stays open when it is read', async () => {
    const app = store();
    app.feed('\r"j');
    const reading = app.getState().reading!;
    expect(reading.loading).toBeDefined();
    expect(reading.reader.article.partial).toBeDefined();
    expect(reading.reader.panel?.selected).toBe(1);
    await vi.waitFor(() => expect(app.getState().reading?.loading).toBeUndefined(), {
      timeout: 5000,
    });
    const after = app.getState().reading!.reader;
    expect(after.article.partial).toBeUndefined();
    expect(after.panel?.selected).toBe(1);
    app.close();
  });
});

describe('quotation keys far from what is known', () => {
  it('tell the count known when the status is drawn, not when the key came', () => {
    const state = readerReducer(openReader(book(), 80, 24), {type: 'nextQuote'});
    expect(messageOf(state)).toBe('quotation 1/…');
    state.quotes.scanThrough(Infinity);
    expect(messageOf(state)).toBe(`quotation 1/${state.quotes.top.length}`);
  });

  it('] near the top answers at once; [ from the end waits for the quotations, then lands on the last before the page', async () => {
    const article = book();
    const whole = new QuotationScanner(article);
    whole.scanThrough(Infinity);
    const app = store(() => ({kind: 'article', article, anchor: 0}));
    app.feed('\r]');
    expect(messageOf(app.getState().reading!.reader)).toMatch(/^quotation 1\/…/);
    app.feed('G[');
    const waiting = app.getState().reading!.reader;
    expect(messageOf(waiting) ?? '').not.toMatch(/^quotation/);
    expect(waiting.quotes.complete).toBe(false);
    await vi.waitFor(
      () => expect(messageOf(app.getState().reading!.reader)).toMatch(/^quotation/),
      {
        timeout: 5000,
      },
    );
    const {reader} = app.getState().reading!;
    // The last quotation that starts before the last page (the book ends in dialogue).
    const before = whole.top.filter((quotation) => quotation.start < waiting.anchor);
    const last = whole.top.length;
    expect(before.length).toBeGreaterThan(last - 10);
    expect(messageOf(reader)).toMatch(new RegExp(`^quotation ${before.length}/${last}`));
    expect(reader.currentQuote?.start).toBe(before.at(-1)!.start);
    // Its speaker is named as naming them all in order names it, without naming them all.
    const named = articleQuotationsWithSpeakers(book()).find(
      (quotation) => quotation.level === 1 && quotation.start === before.at(-1)!.start,
    )!;
    expect(named.start).toBe(reader.currentQuote!.start);
    expect(reader.quotationAt?.speaker).toBe(named.speaker);
    expect(speakersPending(reader.article, Infinity)).toBeGreaterThan(last - 100);
    app.close();
  });
});

describe('what a key waits for while the rest of a long file is read', () => {
  /** The book's start open in the reader, the rest not yet read. */
  function reading(file: Uint8Array = bytes): AppState {
    const env: AppEnv = {
      open() {
        const result = openArticleBytes(file, 'book');
        if (result.kind !== 'article') throw new Error('refused');
        return {kind: 'article', article: result.article, anchor: 0, rest: result.rest};
      },
    };
    const library = {
      kind: 'folder' as const,
      folder: '/lib',
      entries: [{path: '/lib/book.txt', fileName: 'book.txt', title: 'Book'}],
    };
    const state = appReducer(
      startApp(library, env, {columns: 80, rows: 24}),
      {type: 'key', key: named('enter')},
      env,
    );
    expect(state.reading?.loading).toBeDefined();
    return state;
  }
  const press = (state: AppState, key: Key) =>
    appReducer(state, {type: 'key', key}, {open: () => ({kind: 'refused', message: ''})});

  it('waits for the file on whole-article keys, never on keys the start can answer', () => {
    const state = reading();
    expect(waitsFor(state, char('G'))).toBe('file');
    expect(waitsFor(state, char('j'))).toBeUndefined();
    expect(waitsFor(state, char(' '))).toBeUndefined();
    expect(waitsFor(state, char('g'))).toBeUndefined();
    expect(waitsFor(state, char('"'))).toBeUndefined();
    expect(waitsFor(state, char(']'))).toBeUndefined();
    expect(waitsFor(state, char('['))).toBeUndefined();
    expect(waitsFor(state, char('z'))).toBeUndefined(); // no command at all
  });

  it('answers t, } and { from the start of a book, and fills the contents in when it is read', () => {
    const state = reading();
    expect(waitsFor(state, char('t'))).toBeUndefined();
    expect(waitsFor(state, char('}'))).toBeUndefined();
    expect(waitsFor(state, char('{'))).toBeUndefined();
    const opened = press(state, char('t'));
    const panel = opened.reading!.reader;
    expect(panel.panel?.kind).toBe('contents');
    const start = readerContents(panel).length;
    expect(start).toBeGreaterThan(5);
    const loaded = appReducer(
      opened,
      {type: 'loaded', article: book()},
      {
        open: () => ({kind: 'refused', message: ''}),
      },
    );
    const whole = loaded.reading!.reader;
    expect(whole.panel).toEqual(panel.panel);
    expect(readerContents(whole).length).toBeGreaterThan(300);
    expect(readerContents(whole).slice(0, start - 1)).toEqual(
      readerContents(panel).slice(0, start - 1),
    );
  });

  it('waits for the file on } when the start has no chapter after the screen', () => {
    const text = Buffer.from(
      `A Long Book\n\nCHAPTER I\n\n${'The harbour lamps were lit one by one along the quay.\n\n'.repeat(12_000)}CHAPTER II\n\nThe end came at last for the ferry and its passengers.\n`,
    );
    expect(waitsFor(reading(text), char('}'))).toBe('file');
    expect(waitsFor(reading(text), char('t'))).toBeUndefined();
  });

  it('keeps a scrolled place scrolled, on the same line, when the whole file comes in', () => {
    const scrolled = press(press(press(reading(), char(' ')), char('j')), char('j'));
    const before = scrolled.reading!.reader;
    expect(before.aligned).toBe(false);
    const loaded = appReducer(
      scrolled,
      {type: 'loaded', article: book()},
      {open: () => ({kind: 'refused', message: ''})},
    );
    const after = loaded.reading!.reader;
    expect(after.article.partial).toBeUndefined();
    expect(after.aligned).toBe(false);
    expect(visibleLines(after)[0]).toEqual(visibleLines(before)[0]);
  });

  it('waits for the file on quotation keys once the start has no more quotations to give', () => {
    // Quotations in the first paragraphs only; then plain text, far past the start's end.
    const quoted = Array.from({length: 50}, (_, i) => `“Quote ${i},” she said.`);
    const plain = Array.from({length: 30_000}, (_, i) => `Plain paragraph ${i} of the file.`);
    const file = Buffer.from(['Title', ...quoted, ...plain].join('\n\n'));
    let state = reading(file);
    expect(waitsFor(state, char(']'))).toBeUndefined();
    expect(waitsFor(state, char('"'))).toBeUndefined();
    // Forty pages on: past every quotation of the start, far from its end.
    for (let page = 0; page < 40; page++) state = press(state, char(' '));
    const {reader} = state.reading!;
    expect(visibleLines(reader).at(-1)!.end + 16 * 1024).toBeLessThan(reader.article.text.length);
    expect(waitsFor(state, char(' '))).toBeUndefined();
    for (const key of [']', '[', '"']) expect(waitsFor(state, char(key))).toBe('file');
  });

  it('waits for the file on paging only once the screen comes near the end of the start', () => {
    let state = reading();
    const {length} = state.reading!.reader.article.text;
    let pages = 0;
    while (waitsFor(state, char(' ')) === undefined) {
      const end = visibleLines(state.reading!.reader).at(-1)!.end;
      expect(end + 16 * 1024).toBeLessThan(length);
      state = press(state, char(' '));
      pages++;
      expect(pages).toBeLessThan(1000);
    }
    expect(visibleLines(state.reading!.reader).at(-1)!.end + 16 * 1024).toBeGreaterThanOrEqual(
      length,
    );
    expect(pages).toBeGreaterThan(20);
  });

  it('waits for the file on the quotation list only past the quotations of the start', () => {
    let state = press(reading(), char('"'));
    expect(state.reading!.reader.panel).toBeDefined();
    let moves = 0;
    while (waitsFor(state, named('pageDown')) === undefined) {
      state = press(state, named('pageDown'));
      moves++;
      expect(moves).toBeLessThan(1000);
    }
    // Every quotation of the start is known and the page asked for goes past them.
    const {quotes} = state.reading!.reader;
    expect(quotes.complete).toBe(true);
    expect(moves).toBeGreaterThan(3);
    const {panel, rows, geometry} = state.reading!.reader;
    const asked = panelRowsNeeded(panel!.selected + geometry.height, rows);
    expect(asked).toBeGreaterThan(quotes.top.length);
    expect(panelRowsNeeded(panel!.selected, rows)).toBeLessThanOrEqual(quotes.top.length);
  });

  it('takes the whole article in only while the start is shown', () => {
    const state = reading();
    const whole = book();
    const after = appReducer(
      state,
      {type: 'loaded', article: whole},
      {open: () => ({kind: 'refused', message: ''})},
    );
    expect(after.reading!.loading).toBeUndefined();
    expect(after.reading!.reader.article).toBe(whole);
    // Once taken (or with nothing open), another is ignored.
    const again = appReducer(
      after,
      {type: 'loaded', article: book()},
      {open: () => ({kind: 'refused', message: ''})},
    );
    expect(again).toBe(after);
    const list = appReducer(
      startApp(
        {kind: 'folder', folder: '/lib', entries: []},
        {open: () => ({kind: 'refused', message: ''})},
        {columns: 80, rows: 24},
      ),
      {type: 'loaded', article: whole},
      {open: () => ({kind: 'refused', message: ''})},
    );
    expect(list.reading).toBeUndefined();
  });
});
