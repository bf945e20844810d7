// The app state machine at its edges: a folder that is gone, a place and a message to open
// at, keys applied without the store, the list's help and filter, rescans, descriptions that
// come late or for nothing.
import {describe, expect, it} from 'vitest';
import {appReducer, startApp, type AppEnv, type AppState} from '../../source/app/state.js';
import {openArticleBytes} from '../../source/article/load.js';
import {parseText} from '../../source/article/parse-text.js';
import {char, named, type Key} from '../../source/input/keys.js';
import type {Library, LibraryEntry} from '../../source/library/library.js';

const entry = (name: string, title = name): LibraryEntry => ({
  path: `/lib/${name}.txt`,
  fileName: `${name}.txt`,
  title,
});
const folder = (...names: string[]): Library => ({
  kind: 'folder',
  folder: '/lib',
  entries: names.map((name) => entry(name)),
});
const text = (title: string) =>
  [title, ...Array.from({length: 40}, (_, i) => `Paragraph ${i} of ${title}.`)].join('\n\n');
const env = (extra: Partial<AppEnv> = {}): AppEnv => ({
  open: (opened) => ({kind: 'article', article: parseText(text(opened.title)), anchor: 0}),
  ...extra,
});
const press = (state: AppState, world: AppEnv, ...keys: Key[]) =>
  keys.reduce((current, key) => appReducer(current, {type: 'key', key}, world), state);
const titleAtCursor = (state: AppState) =>
  state.library.kind === 'folder'
    ? state.library.entries[state.list.rows[state.list.selected]!.entry]!.title
    : undefined;

describe('the app state machine at its edges', () => {
  it('lists nothing for a folder that is gone, and takes keys without failing', () => {
    const world = env();
    const missing = startApp({kind: 'missing', folder: '/nowhere', reason: 'gone'}, world, {
      columns: 80,
      rows: 24,
    });
    expect(missing.list.rows).toEqual([]);
    const after = press(missing, world, char('j'), named('enter'), char('G'));
    expect(after.reading).toBeUndefined();
    expect(after.list.rows).toEqual([]);
    // A description of entries that are not there changes nothing.
    expect(
      appReducer(missing, {type: 'described', entries: [[0, entry('a')]]}, world).library,
    ).toBe(missing.library);
  });

  it('opens an article at the place and with the message it is opened with, at the measure asked', () => {
    const article = parseText(text('Placed'));
    const anchor = article.blocks[20]!.start;
    const world: AppEnv = {
      open: () => ({kind: 'article', article, anchor, message: 'welcome back'}),
    };
    const state = startApp(folder('a'), world, {columns: 100, rows: 24, cap: 50, openIndex: 0});
    const reader = state.reading!.reader;
    expect(reader.anchor).toBe(anchor);
    expect(reader.message).toBe('welcome back');
    expect(reader.cap).toBe(50);
    expect(reader.geometry.measure).toBe(50);
  });

  it('reads the rest of a long file at once when a key that needs it comes without a store', () => {
    const long = ['Long', ...Array.from({length: 40_000}, (_, i) => `Paragraph ${i} here.`)].join(
      '\n\n',
    );
    const bytes = Buffer.from(long);
    const world: AppEnv = {
      open() {
        const result = openArticleBytes(bytes, 'long');
        if (result.kind !== 'article') throw new Error(result.reason);
        return {kind: 'article', article: result.article, anchor: 0, rest: result.rest};
      },
    };
    const state = startApp(folder('long'), world, {columns: 80, rows: 24, openIndex: 0});
    expect(state.reading!.loading).toBeDefined();
    const end = press(state, world, char('G'));
    expect(end.reading!.loading).toBeUndefined();
    const reader = end.reading!.reader;
    expect(reader.article.text.length).toBe(long.length);
    expect(reader.page).toBe(reader.pages.count - 1);
  });

  it('quits on Ctrl-C with the list’s help open', () => {
    const world = env();
    const state = press(startApp(folder('a'), world, {columns: 80, rows: 24}), world, char('?'));
    expect(state.list.help).toBe(true);
    expect(press(state, world, char('c', true)).quit).toBe(true);
  });

  it('moves the cursor up and down while filtering, and takes no key without text as typed', () => {
    const world = env();
    let state = startApp(folder('apple', 'apricot', 'avocado', 'banana'), world, {
      columns: 80,
      rows: 24,
    });
    state = press(state, world, char('/'), char('a'));
    expect(titleAtCursor(state)).toBe('apple');
    state = press(state, world, named('down'), named('down'));
    expect(titleAtCursor(state)).toBe('avocado');
    state = press(state, world, named('up'));
    expect(titleAtCursor(state)).toBe('apricot');
    // A control character typed alone types nothing, and leaves the cursor where it is.
    const same = press(state, world, char('\u0085'));
    expect(same).toBe(state);
  });

  it('keeps the cursor on its article when a rescan puts it second', () => {
    let names = ['a', 'b', 'c'];
    const world = env({rescan: () => folder(...names)});
    let state = startApp(folder(...names), world, {columns: 80, rows: 24});
    state = press(state, world, char('G'));
    expect(titleAtCursor(state)).toBe('c');
    names = ['b', 'c', 'd'];
    state = press(state, world, char('r'));
    expect(titleAtCursor(state)).toBe('c');
  });

  it('has no next article for one that is no longer in the list it was opened from', () => {
    const world = env();
    let state = startApp(folder('banana', 'abacus', 'cabana', 'cherry'), world, {
      columns: 80,
      rows: 24,
    });
    state = press(state, world, char('/'), char('b'), char('a'), named('enter'));
    expect(state.reading?.index).toBe(0);
    expect(state.list.rows).toHaveLength(3); // abacus and cabana are listed too
    // Described anew while it is read: its title no longer matches the filter.
    state = appReducer(state, {type: 'described', entries: [[0, entry('banana', 'Other')]]}, world);
    state = press(state, world, char('J'));
    expect(state.reading?.index).toBe(0);
    expect(state.reading!.reader.message).toBe('this is the last article');
  });

  it('ignores a description for an entry a rescan has since taken away', () => {
    const world = env();
    const state = startApp(folder('a', 'b'), world, {columns: 80, rows: 24});
    const late = appReducer(state, {type: 'described', entries: [[5, entry('z')]]}, world);
    expect(late.library).toEqual(state.library);
  });
});
