// Saved places and the library cache at their edges: what a positions file may hold, what is
// set aside and how it is named, when a place is written on its own.
import {afterEach, describe, expect, it, vi} from 'vitest';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  lstatSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {ReadingState} from '../../source/state/reading-state.js';
import {LibraryCache} from '../../source/state/library-cache.js';

afterEach(() => {
  vi.useRealTimers();
});

const folder = () => mkdtempSync(path.join(tmpdir(), 'broadsheet-state-test-'));
const good = {offset: 3, length: 10, path: '/a.txt', title: 'A', updatedAt: 't'};

describe('the positions file, entry by entry', () => {
  it('keeps only entries that are positions, in a file that is one', () => {
    const dir = folder();
    const file = path.join(dir, 'positions.json');
    const entries = {
      good,
      nothing: null,
      text: 'x',
      noOffset: {...good, offset: undefined},
      noLength: {...good, length: 'long'},
      noPath: {...good, path: 5},
      noTime: {...good, updatedAt: 5},
    };
    writeFileSync(file, JSON.stringify({version: 1, articles: entries}));
    const state = new ReadingState(dir);
    expect(state.warning).toBeUndefined();
    expect(Object.keys(entries).filter((key) => state.positionOf(key))).toEqual(['good']);
    expect(state.positionOf('good')).toEqual({...good, finished: false});
  });

  it('sets aside, under a name that says when, a file that is not a positions file', () => {
    for (const content of [
      '{"version": 2, "articles": {}}',
      '{"articles": {}}',
      '{"version": 1, "articles": null}',
      '{"version": 1, "articles": "x"}',
      '{"version": 1}',
      'null',
      '[1]',
    ]) {
      const dir = folder();
      writeFileSync(path.join(dir, 'positions.json'), content);
      const state = new ReadingState(dir);
      expect(state.warning).toMatch(/^unreadable positions set aside as positions\.json\.corrupt-/);
      const aside = readdirSync(dir);
      expect(aside).toHaveLength(1);
      expect(aside[0]).toMatch(/^positions\.json\.corrupt-\d{8}T\d{6}$/);
    }
  });

  it('says progress is not saved when the positions file cannot be read at all', () => {
    const dir = folder();
    mkdirSync(path.join(dir, 'positions.json'));
    const state = new ReadingState(dir);
    expect(state.warning).toBe('progress not saved: the state folder cannot be used');
    expect(state.saveFailed).toBe(true);
  });

  it('keeps an unreadable file where it is when it cannot be set aside, and saves nothing', () => {
    vi.useFakeTimers({toFake: ['Date']});
    vi.setSystemTime(new Date('2026-03-04T05:06:07.890Z'));
    const dir = folder();
    const file = path.join(dir, 'positions.json');
    writeFileSync(file, 'garbage');
    // Something already holds the name it would be set aside under.
    mkdirSync(path.join(dir, 'positions.json.corrupt-20260304T050607', 'taken'), {recursive: true});
    const state = new ReadingState(dir);
    expect(state.warning).toBe('progress not saved: the positions file is unreadable');
    expect(state.saveFailed).toBe(true);
    state.record('k', {offset: 4, length: 10, path: '/a.txt', title: 'A', finished: false});
    state.flush();
    expect(readFileSync(file, 'utf8')).toBe('garbage');
  });

  it('says progress is not saved when its own place cannot be written, and leaves no trace', () => {
    const dir = folder();
    const state = new ReadingState(dir);
    // A folder where the temporary copy would go: the write fails, and so does removing it.
    const temporary = path.join(dir, `positions.json.${process.pid}.tmp`);
    mkdirSync(temporary);
    state.record('k', {offset: 4, length: 10, path: '/a.txt', title: 'A', finished: false});
    expect(() => state.flush()).not.toThrow();
    expect(state.saveFailed).toBe(true);
    expect(readdirSync(dir)).toEqual([path.basename(temporary)]);
  });

  it('never writes over a positions file that could not be read back before the write', () => {
    const dir = folder();
    const state = new ReadingState(dir);
    // A link to itself: reading it fails (not as a missing file), renaming over it would not.
    const file = path.join(dir, 'positions.json');
    symlinkSync(file, file);
    state.record('k', {offset: 4, length: 10, path: '/a.txt', title: 'A', finished: false});
    state.flush();
    expect(state.saveFailed).toBe(true);
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
  });

  it('keeps its own place over another reader’s written at the same moment', () => {
    const dir = folder();
    const state = new ReadingState(dir);
    state.record('k', {offset: 4, length: 10, path: '/a.txt', title: 'A', finished: false});
    const {updatedAt} = state.positionOf('k')!;
    writeFileSync(
      path.join(dir, 'positions.json'),
      JSON.stringify({version: 1, articles: {k: {...good, offset: 99, updatedAt}}}),
    );
    state.flush();
    expect(new ReadingState(dir).positionOf('k')?.offset).toBe(4);
  });

  it('leaves no temporary file when the list’s sort cannot replace its file', () => {
    const dir = folder();
    mkdirSync(path.join(dir, 'settings.json'));
    const state = new ReadingState(dir);
    expect(() => (state.sort = 'title')).not.toThrow();
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('sets aside a file that went bad while it was open, and writes its own', () => {
    const dir = folder();
    const state = new ReadingState(dir);
    const file = path.join(dir, 'positions.json');
    writeFileSync(file, 'garbage');
    state.record('k', {offset: 4, length: 10, path: '/a.txt', title: 'A', finished: false});
    state.flush();
    expect(new ReadingState(dir).positionOf('k')?.offset).toBe(4);
    expect(readdirSync(dir).filter((name) => name.includes('corrupt'))).toHaveLength(1);
  });

  it('writes a place on its own a moment after it was recorded', async () => {
    const dir = folder();
    const state = new ReadingState(dir, 10);
    state.record('k', {offset: 4, length: 10, path: '/a.txt', title: 'A', finished: false});
    expect(existsSync(path.join(dir, 'positions.json'))).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(new ReadingState(dir).positionOf('k')?.offset).toBe(4);
  });

  it('gives the library the newest position for a path whatever the order', () => {
    const dir = folder();
    const at = (offset: number, updatedAt: string) => ({...good, offset, updatedAt});
    writeFileSync(
      path.join(dir, 'positions.json'),
      JSON.stringify({
        version: 1,
        articles: {old: at(1, '2026-01-01'), newer: at(2, '2026-01-02')},
      }),
    );
    expect(new ReadingState(dir).positionAtPath('/a.txt')?.offset).toBe(2);
  });
});

describe('the library cache, row by row', () => {
  it('writes back no row without a path', () => {
    const dir = folder();
    const file = path.join(dir, 'library-cache.json');
    writeFileSync(file, '{"version":3,"files":[[5,1,2,"T"],["/ok",1,2,"O"]]}');
    const cache = new LibraryCache(dir);
    cache.set('/new', {size: 1, mtime: 1, title: 'N'});
    cache.flush();
    const rows = (JSON.parse(readFileSync(file, 'utf8')) as {files: unknown[][]}).files;
    expect(rows.map((row) => row[0])).toEqual(['/ok', '/new']);
  });
});

describe('marks kept with the place', () => {
  it('are written with the position, read back by the article (a moved file keeps them)', async () => {
    const {savedPlaces} = await import('../../source/state/saved-places.js');
    const {parseText} = await import('../../source/article/parse-text.js');
    const dir = folder();
    const article = parseText(`Marked\n\n${'A sentence of the marked article. '.repeat(40)}`);
    const state = new ReadingState(dir, 0);
    savedPlaces(state).save(article, '/old/marked.txt', 50, false, {a: 10, Z: 400});
    state.flush();
    const again = savedPlaces(new ReadingState(dir));
    expect(again.resume(article, '/new/place/marked.txt')).toMatchObject({
      anchor: 50,
      marks: {a: 10, Z: 400},
    });
    // --fresh opens at the top, with the marks still there.
    const fresh = savedPlaces(new ReadingState(dir), {fresh: true});
    expect(fresh.resume(article, '/new/place/marked.txt')).toMatchObject({
      anchor: 0,
      marks: {a: 10, Z: 400},
    });
  });

  it('keeps of a file only marks that are a letter and an offset', () => {
    const dir = folder();
    const marks = {a: 3, bb: 4, '1': 5, c: -1, d: 2.5, e: 'x', F: 7};
    writeFileSync(
      path.join(dir, 'positions.json'),
      JSON.stringify({
        version: 1,
        articles: {good: {...good, marks}, other: {...good, marks: 'x'}},
      }),
    );
    const state = new ReadingState(dir);
    expect(state.positionOf('good')?.marks).toEqual({a: 3, F: 7});
    expect(state.positionOf('other')).not.toHaveProperty('marks');
  });
});

describe('the measure remembered', () => {
  it('by the terminal width it was set in, else the last set as a number of columns', async () => {
    const {savedPlaces} = await import('../../source/state/saved-places.js');
    const dir = folder();
    const places = savedPlaces(new ReadingState(dir));
    expect(places.measure(80)).toBeUndefined();
    places.setMeasure(80, 64);
    places.setMeasure(200, Infinity);
    const again = savedPlaces(new ReadingState(dir));
    expect(again.measure(80)).toBe(64);
    expect(again.measure(200)).toBe(Infinity);
    // Full width is a choice for one width; elsewhere the last measure in columns applies.
    expect(again.measure(120)).toBe(64);
    writeFileSync(
      path.join(dir, 'settings.json'),
      '{"measures": {"80": "wide"}, "lastMeasure": -3}',
    );
    expect(savedPlaces(new ReadingState(dir)).measure(80)).toBeUndefined();
  });
});
