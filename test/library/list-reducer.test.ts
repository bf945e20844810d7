// The library's part of the app's state machine: filter, sort, rescan, help, and where the
// cursor is after each.
import {describe, expect, it} from 'vitest';
import {appReducer, startApp, type AppEnv, type AppState} from '../../source/app/state.js';
import {
  emptyList,
  listKey,
  rescanned,
  selectedEntry,
  withRows,
  type ListState,
  type ListUpdate,
} from '../../source/library/list-reducer.js';
import {char, named, type Key} from '../../source/input/keys.js';
import type {Library, LibraryEntry} from '../../source/library/library.js';
import type {Standing} from '../../source/library/view.js';
import {parseText} from '../../source/article/parse-text.js';

const entry = (title: string, extra: Partial<LibraryEntry> = {}): LibraryEntry => ({
  path: `/lib/${title}.txt`,
  fileName: `${title}.txt`,
  title,
  ...extra,
});
const titles = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel'];
const library: Library = {
  kind: 'folder',
  folder: '/lib',
  entries: titles.map((title, index) => entry(title, {words: 1000 - index * 100})),
};

function world(overrides: Partial<AppEnv> = {}): AppEnv {
  return {
    open: (opened) => ({
      kind: 'article',
      article: parseText(`${opened.title}\n\nText.`),
      anchor: 0,
    }),
    ...overrides,
  };
}

function run(keys: Key[], state: AppState, env: AppEnv): AppState {
  return keys.reduce((current, key) => appReducer(current, {type: 'key', key}, env), state);
}
const type = (text: string) => [...text].map((letter) => char(letter));
const current = (state: AppState) => {
  const index = selectedEntry(state.list);
  return index === undefined
    ? undefined
    : (state.library as {entries: LibraryEntry[]}).entries[index]!.title;
};
const shown = (state: AppState) =>
  state.list.rows.map(
    (row) => (state.library as {entries: LibraryEntry[]}).entries[row.entry]!.title,
  );

describe('the list', () => {
  it('filters as you type (letters and digits type, not act), Enter opens, Esc clears and keeps the cursor', () => {
    const env = world();
    const start = startApp(library, env, {columns: 80, rows: 20});
    const typing = run([char('/'), ...type('gq'), named('backspace')], start, env);
    expect(typing.list.filtering).toBe(true);
    expect(typing.list.filter).toBe('g');
    // g is not "first article" here, and q does not quit: they were typed.
    expect(typing.quit).toBe(false);
    expect(shown(typing)).toEqual(['Golf']);
    const opened = run([named('enter')], typing, env);
    expect(opened.reading?.reader.article.title).toBe('Golf');
    // Back: still filtered, on Golf; Esc clears the filter and stays on Golf.
    const back = run([char('q')], opened, env);
    expect(back.reading).toBeUndefined();
    expect([shown(back), current(back)]).toEqual([['Golf'], 'Golf']);
    const cleared = run([named('escape')], back, env);
    expect(cleared.list.filter).toBe('');
    expect(shown(cleared)).toHaveLength(titles.length);
    expect(current(cleared)).toBe('Golf');
  });

  it('cycles the sort with s, keeping the cursor on its article', () => {
    const readAt: Record<string, number> = {'/lib/Echo.txt': 2, '/lib/Bravo.txt': 1};
    const standing = (file: string): Standing => ({status: {kind: 'unread'}, readAt: readAt[file]});
    const env = world({standing});
    const start = run([char('j'), char('j')], startApp(library, env, {columns: 80, rows: 20}), env);
    expect([start.list.sort, current(start)]).toEqual(['title', 'Charlie']);
    const length = run([char('s')], start, env);
    expect(length.list.sort).toBe('length');
    expect(shown(length)[0]).toBe('Hotel');
    expect(current(length)).toBe('Charlie');
    const progress = run([char('s')], length, env);
    expect(progress.list.sort).toBe('progress');
    const recent = run([char('s')], progress, env);
    expect(recent.list.sort).toBe('recent');
    expect(shown(recent).slice(0, 2)).toEqual(['Echo', 'Bravo']);
  });

  it('rescans with r: new files appear, removed ones go, the cursor stays on its article', () => {
    let entries = library.kind === 'folder' ? [...library.entries] : [];
    const env = world({rescan: () => ({kind: 'folder', folder: '/lib', entries})});
    const start = run([char('G')], startApp(library, env, {columns: 80, rows: 20}), env);
    expect(current(start)).toBe('Hotel');
    entries = [entry('Aardvark'), ...entries.filter((item) => item.title !== 'Alpha')];
    const rescanned = run([char('r')], start, env);
    expect(shown(rescanned)[0]).toBe('Aardvark');
    expect(shown(rescanned)).not.toContain('Alpha');
    expect(current(rescanned)).toBe('Hotel');
    expect(rescanned.list.message).toBe('8 articles found');
  });

  it('keeps the cursor on its article when a rescan moves its row', () => {
    let entries = library.kind === 'folder' ? [...library.entries] : [];
    const env = world({rescan: () => ({kind: 'folder', folder: '/lib', entries})});
    const start = run([char('j'), char('j')], startApp(library, env, {columns: 80, rows: 20}), env);
    expect(current(start)).toBe('Charlie');
    entries = [entry('Aardvark'), entry('Abacus'), ...entries];
    const rescanned = run([char('r')], start, env);
    expect(current(rescanned)).toBe('Charlie');
    expect(rescanned.list.selected).toBe(4);
    // A rescan of the same files keeps the row; one of none leaves no cursor on anything.
    expect(run([char('r')], rescanned, env).list.selected).toBe(4);
    entries = [];
    expect(current(run([char('r')], rescanned, env))).toBeUndefined();
  });

  it('keeps the cursor on its row when a rescan took its article away', () => {
    let entries = library.kind === 'folder' ? [...library.entries] : [];
    const env = world({rescan: () => ({kind: 'folder', folder: '/lib', entries})});
    const start = run(type('jjjjj'), startApp(library, env, {columns: 80, rows: 20}), env);
    expect(current(start)).toBe('Foxtrot');
    entries = entries.filter((item) => item.title !== 'Foxtrot');
    const rescanned = run([char('r')], start, env);
    expect([rescanned.list.selected, current(rescanned)]).toEqual([5, 'Golf']);
  });

  it('moves an article when its description changes what it is sorted or filtered by', () => {
    const env = world();
    const describe = (state: AppState, index: number, change: Partial<LibraryEntry>) =>
      appReducer(
        state,
        {type: 'described', entries: [[index, {...entry(titles[index]!), ...change}]]},
        env,
      );
    const byTitle = startApp(library, env, {columns: 80, rows: 20});
    expect(shown(describe(byTitle, 0, {title: 'Zebra'})).at(-1)).toBe('Zebra');
    const inFolder = describe(byTitle, 0, {folder: 'zz'});
    expect(shown(inFolder)).not.toEqual(shown(byTitle));
    // By length: more words move it down the list, fewer up.
    const byLength = run([char('s')], byTitle, env);
    expect(byLength.list.sort).toBe('length');
    const order = shown(byLength);
    const longer = describe(byLength, 7, {words: 5000});
    expect(shown(longer)).not.toEqual(order);
    // Words not counted yet: the size stands in for them.
    const small = describe(byLength, 7, {size: 1800});
    expect(shown(small)[0]).toBe('Hotel');
    expect(shown(describe(small, 7, {size: 99_999_999})).at(-1)).toBe('Hotel');
    // A byline counts only while a filter could match it.
    const filtered = run([char('/'), ...type('smith'), named('enter')], byTitle, env);
    expect(shown(filtered)).toEqual([]);
    expect(shown(describe(filtered, 3, {byline: 'Anna Smith'}))).toEqual(['Delta']);
  });

  it('puts the cursor back on the article just read, wherever reading it moved it', () => {
    const readAt: Record<string, number> = {};
    const env = world({
      standing: (file) => ({status: {kind: 'unread'}, readAt: readAt[file]}),
      open(opened) {
        readAt[opened.path] = Date.now(); // what saving its place does
        return {kind: 'article', article: parseText(`${opened.title}\n\nText.`), anchor: 0};
      },
    });
    const start = startApp(library, env, {columns: 80, rows: 20, sort: 'recent'});
    const reading = run([char('G'), named('enter')], start, env);
    expect(reading.reading?.reader.article.title).toBe('Hotel');
    const back = run([char('q')], reading, env);
    expect(shown(back)[0]).toBe('Hotel');
    expect([back.list.selected, current(back)]).toEqual([0, 'Hotel']);
  });

  it('shows its keys with ?, and any key closes them', () => {
    const env = world();
    const help = run([char('?')], startApp(library, env, {columns: 80, rows: 20}), env);
    expect(help.list.help).toBe(true);
    const closed = run([char('j')], help, env);
    expect([closed.list.help, closed.list.selected]).toEqual([false, 0]);
  });

  it('says why a refused file cannot be opened, and stays', () => {
    const refused: Library = {
      kind: 'folder',
      folder: '/lib',
      entries: [entry('Image', {refused: 'not text (binary data)'})],
    };
    const env = world();
    const state = run([named('enter')], startApp(refused, env, {columns: 80, rows: 20}), env);
    expect(state.reading).toBeUndefined();
    expect(state.list.message).toBe('Cannot open Image.txt: not text (binary data)');
  });

  it('keeps the cursor on its article as the background describes entries', () => {
    const pending: Library = {
      kind: 'folder',
      folder: '/lib',
      entries: ['c.txt', 'a.txt', 'b.txt'].map((name) => ({
        path: `/lib/${name}`,
        fileName: name,
        title: name,
        pending: true,
      })),
    };
    const env = world();
    const start = run([char('j')], startApp(pending, env, {columns: 80, rows: 20}), env);
    expect(current(start)).toBe('b.txt');
    const described = appReducer(
      start,
      {
        type: 'described',
        entries: [
          [1, {path: '/lib/a.txt', fileName: 'a.txt', title: 'Zulu'}],
          [2, {path: '/lib/b.txt', fileName: 'b.txt', title: 'Able'}],
        ],
      },
      env,
    );
    expect(shown(described)).toEqual(['Able', 'c.txt', 'Zulu']);
    expect(current(described)).toBe('Able');
  });

  it('goes to the next article in the order shown (J follows the filter and sort)', () => {
    const env = world();
    const state = run(
      [char('/'), ...type('o'), named('enter')],
      startApp(library, env, {columns: 80, rows: 20}),
      env,
    );
    const first = state.reading!.reader.article.title;
    const rows = shown(state);
    expect(rows[0]).toBe(first);
    const next = run([char('J')], state, env);
    expect(next.reading?.reader.article.title).toBe(rows[1]);
  });
});

describe('the list, edge by edge', () => {
  const env = world();
  const fresh = () => startApp(library, env, {columns: 80, rows: 20});

  it('types a paste into the filter whole, erases a letter at a time, and Esc cancels', () => {
    const pasted = run([char('/'), {kind: 'paste', text: 'ec\nho'}], fresh(), env);
    expect(pasted.list.filter).toBe('ec ho');
    expect(pasted.list.filtering).toBe(true);
    const erased = run([named('backspace'), named('backspace'), named('backspace')], pasted, env);
    expect(erased.list.filter).toBe('ec');
    expect(shown(erased)).toEqual(['Echo']);
    const cancelled = run([named('escape')], erased, env);
    expect([cancelled.list.filter, cancelled.list.filtering]).toEqual(['', false]);
    expect(shown(cancelled)).toHaveLength(titles.length);
  });

  it('closes the filter on Enter when nothing matches, keeping what was typed', () => {
    const none = run([char('/'), ...type('zzz'), named('enter')], fresh(), env);
    expect(none.reading).toBeUndefined();
    expect([none.list.filter, none.list.filtering, none.list.rows]).toEqual(['zzz', false, []]);
    // Enter on an empty list does nothing; Esc then clears the filter.
    expect(run([named('enter')], none, env)).toBe(none);
    expect(shown(run([named('escape')], none, env))).toHaveLength(titles.length);
  });

  it('leaves the state alone for Esc without a filter, a rescan without a folder, and the same size', () => {
    const start = fresh();
    expect(run([named('escape')], start, env)).toBe(start);
    expect(run([char('r')], start, env)).toBe(start);
    expect(appReducer(start, {type: 'resize', columns: 80, rows: 20}, env)).toBe(start);
    expect(appReducer(start, {type: 'resize', columns: 80, rows: 21}, env).rows).toBe(21);
  });

  it('goes to the last row with G, and quits with Ctrl-C while filtering or in its help', () => {
    const last = run([char('G')], fresh(), env);
    expect([last.list.selected, current(last)]).toEqual([titles.length - 1, 'Hotel']);
    expect(run([char('/'), char('c', true)], fresh(), env).quit).toBe(true);
    expect(run([char('?'), char('c', true)], fresh(), env).quit).toBe(true);
    expect(run([char('?'), char('q')], fresh(), env).quit).toBe(false);
  });

  it('says how many articles a rescan found, one or many, and keeps the cursor if its article went', () => {
    let entries = [entry('Solo')];
    const rescanning = world({rescan: () => ({kind: 'folder', folder: '/lib', entries})});
    const start = run(
      [char('G')],
      startApp(library, rescanning, {columns: 80, rows: 20}),
      rescanning,
    );
    const one = run([char('r')], start, rescanning);
    expect(one.list.message).toBe('1 article found');
    expect(current(one)).toBe('Solo');
    entries = [entry('Aa'), entry('Bb'), entry('Cc')];
    const three = run([char('r')], one, rescanning);
    expect(three.list.message).toBe('3 articles found');
    expect(three.list.selected).toBe(0);
  });

  it('sorts by recent and progress with no reading state at all: all unread, by title', () => {
    const recent = startApp(library, env, {columns: 80, rows: 20, sort: 'recent'});
    expect(shown(recent)).toEqual(titles);
    const progress = run([char('s'), char('s'), char('s')], recent, env);
    expect(progress.list.sort).toBe('progress');
    expect(shown(progress)).toEqual(titles);
  });

  it('re-sorts as entries are described only when the order can change', () => {
    const start = fresh();
    const alpha = (start.library as {entries: LibraryEntry[]}).entries[0]!;
    const confirm = appReducer(start, {type: 'described', entries: [[0, {...alpha}]]}, env);
    expect(confirm.list).toBe(start.list);
    // A new title moves it.
    const renamed = appReducer(
      start,
      {type: 'described', entries: [[0, {...alpha, title: 'Zulu'}]]},
      env,
    );
    expect(shown(renamed).at(-1)).toBe('Zulu');
    // A new word count moves it only when sorted by length.
    const longer = {...alpha, words: 5};
    expect(appReducer(start, {type: 'described', entries: [[0, longer]]}, env).list).toBe(
      start.list,
    );
    const byLength = run([char('s')], start, env);
    expect(shown(byLength)[0]).toBe('Hotel');
    const moved = appReducer(byLength, {type: 'described', entries: [[0, longer]]}, env);
    expect(shown(moved)[0]).toBe('Alpha');
    // A byline matters only to a filter.
    const byline = {...alpha, byline: 'By Xavier'};
    expect(appReducer(start, {type: 'described', entries: [[0, byline]]}, env).list).toBe(
      start.list,
    );
    const filtered = run([char('/'), ...type('xav')], start, env);
    expect(shown(filtered)).toEqual([]);
    expect(shown(appReducer(filtered, {type: 'described', entries: [[0, byline]]}, env))).toEqual([
      'Alpha',
    ]);
    // An entry described for another path, or nothing described, changes nothing.
    const stray = {...alpha, path: '/elsewhere.txt', title: 'Stray'};
    expect(shown(appReducer(start, {type: 'described', entries: [[0, stray]]}, env))).toEqual(
      shown(start),
    );
    expect(appReducer(start, {type: 'described', entries: []}, env)).toBe(start);
  });

  it('says when there is no next or previous article, and reads on', () => {
    const first = run([named('enter')], fresh(), env);
    const before = run([char('K')], first, env);
    expect(before.reading?.reader.article.title).toBe('Alpha');
    expect(before.reading?.reader.message).toBe('this is the first article');
    const last = run([char('G'), named('enter'), char('J')], fresh(), env);
    expect(last.reading?.reader.article.title).toBe('Hotel');
    expect(last.reading?.reader.message).toBe('this is the last article');
    const next = run([named('enter'), char('J')], fresh(), env);
    expect(next.reading?.reader.article.title).toBe('Bravo');
    const back = run([char('K')], next, env);
    expect(back.reading?.reader.article.title).toBe('Alpha');
  });

  it('opened on one file: J and K say so, and q quits', () => {
    const single = startApp(library, env, {columns: 80, rows: 20, openIndex: 2});
    expect(single.single).toBe(true);
    expect(single.reading?.reader.article.title).toBe('Charlie');
    expect(run([char('J')], single, env).reading?.reader.message).toBe('this is the last article');
    expect(run([char('q')], single, env).quit).toBe(true);
    const listed = fresh();
    expect(listed.single).toBe(false);
    expect(run([named('enter'), char('q')], listed, env).quit).toBe(false);
  });

  it('puts the cursor on the best match as a filter is typed, not on the article it was on', () => {
    const typed = run([char('j'), char('j'), char('/'), char('e')], fresh(), env);
    expect(current(fresh())).toBe('Alpha');
    expect(typed.list.selected).toBe(0);
    expect(shown(typed)).toContain('Charlie');
    expect(current(typed)).not.toBe('Charlie');
  });

  it('moves through the matches with the arrow keys while the filter is typed, ignoring other keys', () => {
    const typing = run([char('/'), char('o')], fresh(), env);
    const down = run([named('down')], typing, env);
    expect([down.list.selected, down.list.filtering, down.list.filter]).toEqual([1, true, 'o']);
    expect(run([named('up')], down, env).list.selected).toBe(0);
    expect(run([named('pageDown')], typing, env).list.selected).toBe(shown(typing).length - 1);
    expect(run([named('pageUp')], down, env).list.selected).toBe(0);
    expect(run([named('tab')], typing, env)).toBe(typing);
    expect(run([named('left')], typing, env)).toBe(typing);
  });

  it('closes the filter with Enter when nothing matches, keeping what was typed', () => {
    const none = run([char('/'), ...type('zzz'), named('enter')], fresh(), env);
    expect([none.list.filtering, none.list.filter, none.reading]).toEqual([
      false,
      'zzz',
      undefined,
    ]);
  });

  it('opens a match with Enter, closing the filter; back in the list Esc clears it', () => {
    const opened = run([char('/'), ...type('alp'), named('enter')], fresh(), env);
    expect(opened.reading?.index).toBe(0);
    const back = run([char('q')], opened, env);
    expect([back.list.filtering, back.list.filter, shown(back)]).toEqual([false, 'alp', ['Alpha']]);
    const cleared = run([named('escape')], back, env);
    expect([cleared.list.filtering, cleared.list.filter]).toEqual([false, '']);
    expect(shown(cleared)).toHaveLength(titles.length);
  });

  it('takes a resize of the width alone, and of the height alone', () => {
    const wider = appReducer(fresh(), {type: 'resize', columns: 81, rows: 20}, env);
    expect([wider.columns, wider.rows]).toEqual([81, 20]);
  });

  it('still takes the rest of a long file after quitting (its place is saved from it)', () => {
    const opened = run([named('enter')], fresh(), env);
    const quit = run([char('c', true)], opened, env);
    expect(quit.quit).toBe(true);
    const whole = parseText('Alpha\n\nText.');
    const rest = {step: () => whole, finish: () => whole};
    const loading = {...quit, reading: {...quit.reading!, loading: rest}};
    const loaded = appReducer(loading, {type: 'loaded', article: whole}, env);
    expect(loaded.reading?.reader.article).toBe(whole);
    expect(appReducer(quit, {type: 'key', key: char('j')}, env)).toBe(quit);
  });
});

describe('the list reducer on its own: the list in, the list and a command out', () => {
  const context = {
    entries: library.entries,
    rows: 20,
    standing: () => ({status: {kind: 'unread' as const}}),
  };
  const list = withRows(emptyList('title'), context, undefined);
  const press = (state: ListState, ...keys: Key[]) =>
    keys.reduce<ListUpdate>((update, key) => listKey(update.list, key, context), {list: state});

  it('asks the app to open the entry under the cursor, and leaves the list as it was', () => {
    const update = press(list, char('j'), char('j'), named('enter'));
    expect(update.command).toEqual({kind: 'open', entry: 2});
    expect(update.list.selected).toBe(2);
  });

  it('opens the best match from the filter, with the prompt closed', () => {
    const update = press(list, char('/'), ...type('golf'), named('enter'));
    expect(update.command).toEqual({kind: 'open', entry: titles.indexOf('Golf')});
    expect(update.list.filtering).toBe(false);
    expect(update.list.filter).toBe('golf');
  });

  it('asks for a rescan on r and to quit on q and Ctrl-C, in the list and in its help', () => {
    expect(press(list, char('r')).command).toEqual({kind: 'rescan'});
    expect(press(list, char('q')).command).toEqual({kind: 'quit'});
    expect(press(list, char('c', true)).command).toEqual({kind: 'quit'});
    expect(press(list, char('?'), char('c', true)).command).toEqual({kind: 'quit'});
    const closed = press(list, char('?'), char('q'));
    expect(closed.command).toBeUndefined();
    expect(closed.list.help).toBe(false);
  });

  it('gives no command for keys the list keeps to itself', () => {
    for (const key of [char('j'), char('s'), char('/'), named('escape'), char('x')]) {
      expect(listKey(list, key, context).command).toBeUndefined();
    }
  });

  it('keeps the cursor on its article through a rescan, and says how many were found', () => {
    const onDelta = press(list, ...type('jjj')).list;
    const entries = [entry('Aardvark'), ...library.entries];
    const after = rescanned(onDelta, library.entries, {...context, entries});
    expect(entries[after.rows[after.selected]!.entry]!.title).toBe('Delta');
    expect(after.message).toBe('9 articles found');
    expect(rescanned(list, library.entries, {...context, entries: [entry('Only')]}).message).toBe(
      '1 article found',
    );
  });
});
