import {afterEach, describe, expect, it, vi} from 'vitest';
import fc from 'fast-check';
import {
  appReducer,
  startApp,
  warmAppFilter,
  type AppEnv,
  type AppState,
} from '../../source/app/state.js';
import {AppStore, ESCAPE_WAIT_MS} from '../../source/app/store.js';
import {parseText} from '../../source/article/parse-text.js';
import {char, named, type Key} from '../../source/input/keys.js';
import type {Library} from '../../source/library/library.js';
import {moveList} from '../../source/library/list.js';

const ESC = '\u001B';
const speakers = ['Ada', 'Ben', 'Cleo'];
const texts: Record<string, string> = {
  '/lib/long.txt': [
    'A Long Story',
    ...Array.from(
      {length: 450},
      (_, i) =>
        `Paragraph ${i}: “Quote ${i},” said ${speakers[i % 3]}. Then the narration goes on for a while, as narration does, line after line.`,
    ),
  ].join('\n\n'),
  '/lib/short.txt': 'A Short Note\n\nJust one paragraph, “with a quotation” in it.',
  '/lib/third.txt': ['The Third', ...Array.from({length: 30}, (_, i) => `Line ${i} here.`)].join(
    '\n\n',
  ),
};
const library: Library = {
  kind: 'folder',
  folder: '/lib',
  entries: [
    {path: '/lib/long.txt', fileName: 'long.txt', title: 'A Long Story'},
    {path: '/lib/short.txt', fileName: 'short.txt', title: 'A Short Note'},
    {path: '/lib/broken.bin', fileName: 'broken.bin', title: 'Broken'},
    {path: '/lib/third.txt', fileName: 'third.txt', title: 'The Third'},
  ],
};

/** Reads articles afresh each time, as from disk: no layout is shared between runs. */
function env(): AppEnv {
  return {
    open(entry) {
      const text = texts[entry.path];
      if (text === undefined)
        return {kind: 'refused', message: `Cannot open ${entry.fileName}: not text`};
      return {kind: 'article', article: parseText(text), anchor: 0};
    },
  };
}

function start(rows = 16, columns = 60): {state: AppState; env: AppEnv} {
  const world = env();
  return {state: startApp(library, world, {columns, rows}), env: world};
}

/** Everything a person could see or act on next, without the layout caches. */
function visible(state: AppState) {
  const reader = state.reading?.reader;
  return {
    quit: state.quit,
    list: state.list,
    message: state.list.message,
    reading: reader && {
      index: state.reading!.index,
      anchor: reader.anchor,
      page: reader.page,
      aligned: reader.aligned,
      cap: reader.cap,
      measure: reader.geometry.measure,
      message: reader.message,
      count: reader.count,
      help: reader.help,
      prompt: reader.prompt,
      panel: reader.panel,
      search: reader.search && {query: reader.search.query, current: reader.search.current},
      quote: reader.currentQuote?.start,
    },
  };
}

function run(keys: Key[], state: AppState, world: AppEnv): AppState {
  return keys.reduce((current, key) => appReducer(current, {type: 'key', key}, world), state);
}

/**
 * Feeds `chunks` to the store as reads from a terminal. `pause`: time passes after each read
 * (the Esc wait runs out, the page count goes on in the background), as between typed keys.
 */
function feed(chunks: string[], pause: boolean): AppState {
  vi.useFakeTimers();
  try {
    const world = env();
    const app = new AppStore(startApp(library, world, {columns: 60, rows: 16}), world);
    for (const chunk of chunks) {
      app.feed(chunk);
      if (pause) vi.advanceTimersByTime(ESCAPE_WAIT_MS + 1);
    }
    vi.advanceTimersByTime(ESCAPE_WAIT_MS + 1);
    app.close();
    return app.getState();
  } finally {
    vi.useRealTimers();
  }
}

/** The cursor and the window of a list's state. */
const placeOf = ({selected, top}: {selected: number; top: number}) => ({selected, top});

describe('the app state machine', () => {
  it('opens the selected article with Enter and goes back to it with q', () => {
    const {state, env: world} = start();
    const reading = run([named('down'), named('enter')], state, world);
    expect(reading.reading?.index).toBe(1);
    expect(reading.reading?.reader.article.title).toBe('A Short Note');
    const back = run([char('q')], reading, world);
    expect(back.reading).toBeUndefined();
    expect(back.list.selected).toBe(1);
    expect(back.quit).toBe(false);
    expect(run([char('q')], back, world).quit).toBe(true);
  });

  it('takes digits in the reader as a count, never as a choice of article', () => {
    const {state, env: world} = start();
    const keys = [named('enter'), char('1'), char('2'), char('g')];
    const after = run(keys, state, world);
    expect(after.reading?.index).toBe(0);
    expect(after.reading?.reader.page).toBe(11);
    // In the list, digits do nothing at all.
    expect(visible(run([char('3')], state, world))).toEqual(visible(state));
  });

  it('says why an article cannot be opened and stays in the list', () => {
    const {state, env: world} = start();
    const after = run([char('j'), char('j'), named('enter')], state, world);
    expect(after.reading).toBeUndefined();
    expect(after.list.message).toBe('Cannot open broken.bin: not text');
    expect(after.list.selected).toBe(2);
  });

  it('moves through the library with g, G, j, k and the page keys, without wrapping', () => {
    const {state, env: world} = start(7); // two rows of list
    expect(placeOf(run([char('k')], state, world).list)).toEqual({selected: 0, top: 0});
    const last = run([char('G')], state, world);
    expect(placeOf(last.list)).toEqual({selected: 3, top: 2});
    expect(placeOf(run([char('j')], last, world).list)).toEqual({selected: 3, top: 2});
    expect(placeOf(run([char('g')], last, world).list)).toEqual({selected: 0, top: 0});
    expect(placeOf(run([named('pageDown')], state, world).list)).toEqual({selected: 2, top: 1});
    expect(placeOf(run([named('pageUp')], last, world).list)).toEqual({selected: 1, top: 1});
  });

  it('J and K open the neighbouring article, and say when one cannot be read', () => {
    const {state, env: world} = start();
    const first = run([named('enter')], state, world);
    const second = run([char('J')], first, world);
    expect(second.reading?.index).toBe(1);
    const blocked = run([char('J')], second, world);
    expect(blocked.reading?.index).toBe(1);
    expect(blocked.reading?.reader.message).toBe('Cannot open broken.bin: not text');
    expect(run([char('K'), char('K')], second, world).reading?.reader.message).toBe(
      'this is the first article',
    );
    // Back in the list, the cursor is on the article that was open.
    expect(run([char('q')], second, world).list.selected).toBe(1);
  });

  it('types a paste into the search prompt whole, and never reads it as commands', () => {
    const {state, env: world} = start();
    const reading = run([named('enter')], state, world);
    const pasted = run([{kind: 'paste', text: 'qGJ 12g'}], reading, world);
    expect(pasted.reading?.index).toBe(0);
    expect(pasted.reading?.reader.page).toBe(0);
    expect(pasted.reading?.reader.message).toMatch(/paste ignored/);
    const searched = run(
      [char('/'), {kind: 'paste', text: 'Quote 4,\n'}, named('enter')],
      reading,
      world,
    );
    expect(searched.reading?.reader.search?.query).toBe('Quote 4, ');
    expect(searched.reading?.reader.message).toMatch(/^hit 1\/1/);
    // In the list a paste does nothing.
    expect(visible(run([{kind: 'paste', text: 'jjq'}], state, world))).toEqual(visible(state));
  });

  it('quits on Ctrl-C from anywhere, and takes no key after', () => {
    const {state, env: world} = start();
    for (const keys of [
      [],
      [named('enter')],
      [named('enter'), char('/')],
      [named('enter'), char('"')],
    ]) {
      const quit = run([...keys, char('c', true)], state, world);
      expect(quit.quit).toBe(true);
      expect(run([char('j'), named('enter')], quit, world)).toBe(quit);
    }
  });

  it('keeps the list window on the cursor when the terminal is resized', () => {
    const {state, env: world} = start(16);
    const last = run([char('G')], state, world);
    const small = appReducer(last, {type: 'resize', columns: 60, rows: 6}, world);
    expect(placeOf(small.list)).toEqual({selected: 3, top: 3});
  });

  // Tokens as a terminal sends them; Esc is not followed by `[` or `O` (no terminal can tell
  // those apart from a sequence sent at once either).
  const tokens = [
    ' ',
    'b',
    'j',
    'k',
    'd',
    'u',
    'g',
    'G',
    '1',
    '2',
    '5',
    '%',
    '/',
    'n',
    'N',
    ']',
    '[',
    '"',
    'J',
    'K',
    '-',
    '+',
    '=',
    '?',
    'q',
    'x',
    'P',
    'a',
    '\r',
    '\u007F',
    ESC,
    `${ESC}[A`,
    `${ESC}[B`,
    `${ESC}[C`,
    `${ESC}[D`,
    `${ESC}[5~`,
    `${ESC}[6~`,
    `${ESC}[H`,
    `${ESC}[F`,
    `${ESC}[200~Quote 1${ESC}[201~`,
    `${ESC}[200~12g${ESC}[201~`,
  ];
  const script = fc
    .array(fc.constantFrom(...tokens), {maxLength: 60, size: 'max'})
    .filter((list) => list.every((t, i) => t !== ESC || !/^[[O]/.test(list[i + 1] ?? '')));

  it('holds every key while a page is saved, Esc included, in order however the keys are cut', () => {
    // Found by the property below: Esc used to jump the keys held before it.
    const list = [
      `${ESC}[C`,
      'q',
      `${ESC}[6~`,
      'a',
      `${ESC}[200~Quote 1${ESC}[201~`,
      '\r',
      ' ',
      'g',
      ' ',
      ESC,
      ' ',
      `${ESC}[D`,
    ];
    const whole = list.join('');
    const typed = visible(feed(list, true));
    for (let cut = 0; cut <= whole.length; cut++) {
      expect(
        visible(feed([whole.slice(0, cut), whole.slice(cut)], false)),
        `cut at ${cut}`,
      ).toEqual(typed);
    }
  });

  it('ends in the same state whether keys come one at a time, in chunks, or all at once', () => {
    fc.assert(
      fc.property(script, fc.array(fc.nat(), {maxLength: 10, size: 'max'}), (list, cuts) => {
        const whole = list.join('');
        const typed = visible(feed(list, true));
        expect(visible(feed([whole], false))).toEqual(typed);
        const points = [...new Set(cuts.map((cut) => cut % (whole.length + 1)))].sort(
          (a, b) => a - b,
        );
        const chunks = [...points, whole.length].map((point, i, all) =>
          whole.slice(i === 0 ? 0 : all[i - 1], point),
        );
        expect(visible(feed(chunks, false))).toEqual(typed);
      }),
      {numRuns: 300},
    );
  });
});

describe('the app store', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function store(places: Array<[string, number]> = []) {
    const world = env();
    return new AppStore(startApp(library, world, {columns: 60, rows: 16}), world, {
      place: (entry, _article, anchor) => places.push([entry.fileName, anchor]),
    });
  }

  it('applies every key of a chunk in order, before any frame', () => {
    const app = store();
    app.feed('\r   b');
    expect(app.getState().reading?.reader.page).toBe(2);
    app.feed('q\u001B[B\r');
    expect(app.getState().reading?.index).toBe(1);
    app.close();
  });

  it('takes an Esc at the end of a read as the Esc key once nothing follows', () => {
    vi.useFakeTimers();
    const app = store();
    app.feed('\r ');
    app.feed(ESC);
    expect(app.getState().reading).toBeDefined();
    vi.advanceTimersByTime(ESCAPE_WAIT_MS + 1);
    expect(app.getState().reading).toBeUndefined();
    // The rest of a sequence that comes in time joins it.
    app.feed(ESC);
    app.feed('[B');
    expect(app.getState().list.selected).toBe(1);
    app.close();
  });

  it('records the place when an article opens and each time it moves', () => {
    const places: Array<[string, number]> = [];
    const app = store(places);
    app.feed('\r  ');
    expect(places.map(([file]) => file)).toEqual(['long.txt', 'long.txt', 'long.txt']);
    expect(places[0]![1]).toBe(0);
    expect(places[2]![1]).toBe(app.getState().reading!.reader.anchor);
    expect(places[2]![1]).toBeGreaterThan(places[1]![1]);
    app.close();
  });

  it('tells its listeners once per chunk, and not at all when nothing changed', () => {
    const app = store();
    let calls = 0;
    app.subscribe(() => calls++);
    app.feed('jjj');
    expect(calls).toBe(1);
    app.feed('x');
    expect(calls).toBe(1);
    app.close();
  });

  it('finishes the page count in the background', async () => {
    const app = store();
    app.feed('\r');
    expect(app.getState().reading?.reader.pages.complete).toBe(false);
    await vi.waitFor(() => expect(app.getState().reading?.reader.pages.complete).toBe(true));
    app.close();
  });
});

describe('the list window', () => {
  it('scrolls only as far as it takes to keep the cursor in view', () => {
    const place = {selected: 0, top: 0};
    expect(moveList(place, 5, 40, 12)).toEqual({selected: 5, top: 0});
    expect(moveList(place, 12, 40, 12)).toEqual({selected: 12, top: 1});
    expect(moveList({selected: 12, top: 1}, 11, 40, 12)).toEqual({selected: 11, top: 1});
    expect(moveList({selected: 12, top: 1}, 0, 40, 12)).toEqual({selected: 0, top: 0});
    expect(moveList(place, 99, 40, 12)).toEqual({selected: 39, top: 28});
    expect(moveList(place, -3, 40, 12)).toBe(place);
    // A taller window shows more of the end rather than leaving rows empty.
    expect(moveList({selected: 39, top: 28}, 39, 40, 20)).toEqual({selected: 39, top: 20});
  });
});

describe('warming the list’s filter up', () => {
  it('runs over a folder’s entries, every step, and leaves a missing folder alone', () => {
    const env: AppEnv = {open: () => ({kind: 'refused', message: 'x'})};
    const folder = startApp(
      {
        kind: 'folder',
        folder: '/lib',
        entries: [{path: '/lib/a.txt', fileName: 'a.txt', title: 'Alpha'}],
      },
      env,
      {columns: 80, rows: 24},
    );
    for (const step of [0, 1, 2, 3, 4])
      expect(() => warmAppFilter(folder, env, step)).not.toThrow();
    const missing = startApp({kind: 'missing', folder: '/nowhere', reason: 'gone'}, env, {
      columns: 80,
      rows: 24,
    });
    expect(() => warmAppFilter(missing, env, 1)).not.toThrow();
    expect(warmAppFilter(missing, env, 0)).toBeUndefined();
  });
});
