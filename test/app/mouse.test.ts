// The mouse in the app's state machine: off, reports are dropped; on, the wheel and clicks.
import {describe, expect, it} from 'vitest';
import {
  appReducer,
  startApp,
  WHEEL_LINES,
  type AppEnv,
  type AppState,
} from '../../source/app/state.js';
import {parseText} from '../../source/article/parse-text.js';
import {char, type Key, type MouseEvent} from '../../source/input/keys.js';
import type {Library} from '../../source/library/library.js';
import {visibleLines} from '../../source/reader/reader-state.js';

const names = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];
const library: Library = {
  kind: 'folder',
  folder: '/lib',
  entries: names.map((name) => ({path: `/lib/${name}.txt`, fileName: `${name}.txt`, title: name})),
};
const text = (title: string) =>
  [
    title,
    ...Array.from({length: 60}, (_, i) => `Paragraph ${i} of ${title}, a line of its own.`),
  ].join('\n\n');
const world: AppEnv = {
  open: (entry) => ({kind: 'article', article: parseText(text(entry.title)), anchor: 0}),
};
const mouse = (event: MouseEvent, row = 0, column = 10): Key => ({
  kind: 'mouse',
  event,
  row,
  column,
});
const press = (state: AppState, ...keys: Key[]) =>
  keys.reduce((current, key) => appReducer(current, {type: 'key', key}, world), state);
const start = (on: boolean) => startApp(library, world, {columns: 80, rows: 24, mouse: on});
const topLine = (state: AppState) => visibleLines(state.reading!.reader)[0]!.start;

describe('the mouse', () => {
  it('is dropped while it is off: no click opens, no wheel moves', () => {
    const off = start(false);
    expect(press(off, mouse('press', 2), mouse('wheelDown'))).toBe(off);
    const reading = press(off, char('l'));
    expect(press(reading, mouse('wheelDown'))).toBe(reading);
  });

  it('opens the library row clicked (the rows start on the third line), and no other', () => {
    const on = start(true);
    const opened = press(on, mouse('press', 2 + 3));
    expect(opened.reading?.reader.article.title).toBe('delta');
    expect(press(on, mouse('press', 1))).toBe(on); // the header's gap
    expect(press(on, mouse('press', 2 + 6))).toBe(on); // below the last row
    expect(press(on, mouse('release', 2 + 3))).toBe(on);
  });

  it('moves the list cursor three rows a turn of the wheel', () => {
    const on = start(true);
    const down = press(on, mouse('wheelDown'));
    expect(down.list.selected).toBe(WHEEL_LINES);
    expect(press(down, mouse('wheelDown'), mouse('wheelDown')).list.selected).toBe(5);
    expect(press(down, mouse('wheelUp'), mouse('wheelUp')).list.selected).toBe(0);
  });

  it('scrolls the page three lines a turn of the wheel', () => {
    const reading = press(start(true), char('l'));
    const down = press(reading, mouse('wheelDown'));
    const lines = reading.reading!.reader.pages.linesFrom(0, 10);
    expect(topLine(down)).toBe(lines[WHEEL_LINES]!.start);
    expect(topLine(press(down, mouse('wheelUp')))).toBe(lines[0]!.start);
  });

  it('goes to the row clicked in the contents, as Enter does', () => {
    const book = [
      'The Book',
      ...['I', 'II', 'III'].flatMap((name) => [
        `CHAPTER ${name}`,
        ...Array.from(
          {length: 30},
          (_, i) => `Paragraph ${i} of chapter ${name}, where the story goes on a while longer.`,
        ),
      ]),
    ].join('\n\n');
    const bookWorld: AppEnv = {
      open: () => ({kind: 'article', article: parseText(book), anchor: 0}),
    };
    const step = (state: AppState, ...keys: Key[]) =>
      keys.reduce((current, key) => appReducer(current, {type: 'key', key}, bookWorld), state);
    const reading = step(
      startApp(library, bookWorld, {columns: 80, rows: 24, mouse: true}),
      char('l'),
    );
    const contents = step(reading, char('t'));
    expect(contents.reading!.reader.panel?.kind).toBe('contents');
    const chosen = step(contents, mouse('press', 2 + 2));
    expect(chosen.reading!.reader.panel).toBeUndefined();
    const text = chosen.reading!.reader.article.text;
    expect(chosen.reading!.reader.anchor).toBe(text.indexOf('CHAPTER III'));
    // A click below the last entry chooses nothing.
    expect(step(contents, mouse('press', 2 + 10)).reading!.reader.panel?.kind).toBe('contents');
  });
});
