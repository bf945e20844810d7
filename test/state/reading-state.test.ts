import {describe, expect, it} from 'vitest';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {createHash} from 'node:crypto';
import {articleKey, ReadingState} from '../../source/state/reading-state.js';
import {cacheDirectory, stateDirectory} from '../../source/system/folders.js';
import {noSavedPlaces, savedPlaces} from '../../source/state/saved-places.js';
import {parseText} from '../../source/article/parse-text.js';
import type {Article} from '../../source/article/article.js';

const folder = () => mkdtempSync(path.join(tmpdir(), 'broadsheet-state-test-'));

/** A new folder holding one saved place, `article` at `file` read to `anchor`; its progress read back. */
function savedPlace(article: Article, file: string, anchor: number) {
  const dir = folder();
  const state = new ReadingState(dir);
  savedPlaces(state).save(article, file, anchor, false);
  state.flush();
  return {dir, progress: savedPlaces(new ReadingState(dir))};
}
const position = (offset: number, file = '/a.txt') => ({
  offset,
  length: 1000,
  path: file,
  title: 'A',
  finished: false,
});

describe('stateDirectory', () => {
  it('follows XDG on Linux, and the platform elsewhere', () => {
    expect(stateDirectory({XDG_STATE_HOME: '/x/state'}, 'linux', '/home/u')).toBe(
      '/x/state/broadsheet',
    );
    expect(stateDirectory({}, 'linux', '/home/u')).toBe('/home/u/.local/state/broadsheet');
    expect(stateDirectory({XDG_STATE_HOME: 'relative'}, 'linux', '/home/u')).toBe(
      '/home/u/.local/state/broadsheet',
    );
    expect(stateDirectory({}, 'darwin', '/Users/u')).toBe(
      '/Users/u/Library/Application Support/broadsheet',
    );
    expect(stateDirectory({BROADSHEET_STATE_DIR: '/mine'}, 'linux', '/home/u')).toBe('/mine');
  });

  it('has a cache folder beside it, by the same rules', () => {
    expect(cacheDirectory({XDG_CACHE_HOME: '/x/cache'}, 'linux', '/home/u')).toBe(
      '/x/cache/broadsheet',
    );
    expect(cacheDirectory({XDG_CACHE_HOME: 'relative'}, 'linux', '/home/u')).toBe(
      '/home/u/.cache/broadsheet',
    );
    expect(cacheDirectory({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Caches/broadsheet');
    expect(cacheDirectory({LOCALAPPDATA: 'C:\\L'}, 'win32', 'C:\\U')).toBe(
      path.join('C:\\L', 'broadsheet', 'cache'),
    );
    // $BROADSHEET_STATE_DIR moves the state, not the cache.
    expect(cacheDirectory({BROADSHEET_STATE_DIR: '/mine'}, 'linux', '/home/u')).toBe(
      '/home/u/.cache/broadsheet',
    );
  });
});

describe('articleKey', () => {
  it('depends on the text only', () => {
    expect(articleKey('same text')).toBe(articleKey('same text'));
    expect(articleKey('same text')).not.toBe(articleKey('other text'));
  });

  it('is the hash of the whole text when hashed a slice at a time (saved places still match)', () => {
    const whole = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);
    // A pair of surrogates (an emoji) straddling each slice boundary, and one just before it.
    for (const before of [(1 << 20) - 1, (1 << 20) - 2, 1 << 20]) {
      const text = 'a'.repeat(before) + '😀 é ' + 'b'.repeat(1 << 20) + '😀';
      expect(articleKey(text)).toBe(whole(text));
    }
    // The first and last high surrogates, and a pair ending just before a boundary that another
    // starts on.
    const slice = 1 << 20;
    for (const text of [
      'a'.repeat(slice - 1) + '\u{10000}' + 'b',
      'a'.repeat(slice - 1) + '\u{10FFFF}' + 'b',
      'a'.repeat(slice - 2) + '😀😀' + 'b',
    ]) {
      expect(articleKey(text)).toBe(whole(text));
    }
  });
});

describe('ReadingState', () => {
  it('writes positions atomically and reads them back', () => {
    const dir = folder();
    const state = new ReadingState(dir);
    state.record('k1', position(120));
    state.flush();
    expect(readdirSync(dir)).toEqual(['positions.json']);
    expect(new ReadingState(dir).positionOf('k1')?.offset).toBe(120);
  });

  it('keeps two readers from erasing each other: positions merge per article', () => {
    const dir = folder();
    const first = new ReadingState(dir);
    const second = new ReadingState(dir);
    first.record('one', position(10, '/one.txt'));
    second.record('two', position(20, '/two.txt'));
    first.flush();
    second.flush();
    const after = new ReadingState(dir);
    expect(after.positionOf('one')?.offset).toBe(10);
    expect(after.positionOf('two')?.offset).toBe(20);
  });

  it('writes one reader at a time: it waits for another’s lock, and takes over an abandoned one', () => {
    const dir = folder();
    const lock = path.join(dir, 'positions.json.lock');
    // Another reader is writing: this one waits, and writes once it is done (here: never, so
    // after the wait, unlocked rather than not at all).
    writeFileSync(lock, '');
    const state = new ReadingState(dir);
    state.record('k1', position(120));
    const started = performance.now();
    state.flush();
    expect(performance.now() - started).toBeGreaterThanOrEqual(450);
    expect(new ReadingState(dir).positionOf('k1')?.offset).toBe(120);
    expect(existsSync(lock)).toBe(true); // another's lock is not this reader's to remove
    // A lock left two seconds ago by a reader that died is taken over, and released: gone
    // afterwards, where a lock waited out is left in place (above). (No bound on the time
    // taken: that depends on the machine's load.)
    const old = new Date(Date.now() - 3000);
    utimesSync(lock, old, old);
    state.record('k2', position(40));
    state.flush();
    expect(new ReadingState(dir).positionOf('k2')?.offset).toBe(40);
    expect(readdirSync(dir)).toEqual(['positions.json']);
  });

  it('sets a corrupt file aside with a warning and carries on', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'positions.json'), '{"version": 1, "articles": {"k": {"offs');
    const state = new ReadingState(dir);
    expect(state.warning).toMatch(/set aside as positions\.json\.corrupt-/);
    const aside = readdirSync(dir).find((name) => name.startsWith('positions.json.corrupt-'))!;
    expect(readFileSync(path.join(dir, aside), 'utf8')).toContain('"offs');
    state.record('k', position(5));
    state.flush();
    expect(new ReadingState(dir).positionOf('k')?.offset).toBe(5);
  });

  it('ignores entries that are not positions', () => {
    const dir = folder();
    writeFileSync(
      path.join(dir, 'positions.json'),
      JSON.stringify({
        version: 1,
        articles: {bad: {offset: 'x'}, good: {...position(3), updatedAt: 't'}},
      }),
    );
    const state = new ReadingState(dir);
    expect(state.positionOf('bad')).toBeUndefined();
    expect(state.positionOf('good')?.offset).toBe(3);
  });

  it('says progress is not saved when the folder cannot be written, without throwing', () => {
    if (process.getuid?.() === 0) {
      // Root writes anywhere: make the folder's place a file instead.
      const parent = folder();
      writeFileSync(path.join(parent, 'file'), '');
      const state = new ReadingState(path.join(parent, 'file', 'broadsheet'));
      state.record('k', position(1));
      expect(() => state.flush()).not.toThrow();
      expect(state.saveFailed).toBe(true);
      return;
    }
    const dir = folder();
    chmodSync(dir, 0o500);
    const state = new ReadingState(path.join(dir, 'sub'));
    state.record('k', position(1));
    expect(() => state.flush()).not.toThrow();
    expect(state.saveFailed).toBe(true);
  });

  it('finds an article by content after the file moved, and by path for the library', () => {
    const article = parseText('Title\n\n' + 'Some words here. '.repeat(200));
    const {progress: reopened} = savedPlace(article, '/old/place.txt', 1500);
    expect(reopened.resume(article, '/new/place.txt')).toEqual({
      anchor: 1500,
      message: 'resumed at 44% (g: from the top)',
    });
    expect(reopened.statusOf('/old/place.txt')).toEqual({kind: 'reading', percent: 44});
    expect(reopened.statusOf('/never/read.txt')).toEqual({kind: 'unread'});
  });

  it('opens at the top with --fresh, and marks a finished article', () => {
    const dir = folder();
    const article = parseText('Title\n\n' + 'Words. '.repeat(100));
    const progress = savedPlaces(new ReadingState(dir), {fresh: true});
    progress.save(article, '/a.txt', 300, true);
    expect(progress.resume(article, '/a.txt').anchor).toBe(0);
    expect(progress.statusOf('/a.txt')).toEqual({kind: 'finished'});
    expect(existsSync(path.join(dir, 'positions.json'))).toBe(false); // debounced, not yet written
  });
});

describe('ReadingState, record by record', () => {
  const onDisk = (dir: string) =>
    JSON.parse(readFileSync(path.join(dir, 'positions.json'), 'utf8')) as {
      articles: Record<string, {offset: number; updatedAt: string}>;
    };

  it('writes nothing for a position it already has, and anything that moved', () => {
    const dir = folder();
    const state = new ReadingState(dir);
    state.record('k', position(10));
    state.flush();
    const file = path.join(dir, 'positions.json');
    unlinkSync(file);
    state.record('k', position(10));
    state.flush();
    expect(existsSync(file)).toBe(false);
    for (const moved of [
      position(11),
      {...position(11), path: '/b.txt'},
      {...position(11), path: '/b.txt', finished: true},
    ]) {
      state.record('k', moved);
      state.flush();
      expect(existsSync(file)).toBe(true);
      unlinkSync(file);
    }
  });

  it('gives the library the newest position saved for a path, the first of equals', () => {
    const dir = folder();
    const at = (offset: number, updatedAt: string) => ({...position(offset), updatedAt});
    writeFileSync(
      path.join(dir, 'positions.json'),
      JSON.stringify({
        version: 1,
        articles: {
          first: at(1, '2026-01-02T00:00:00.000Z'),
          older: at(2, '2026-01-01T00:00:00.000Z'),
          equal: at(3, '2026-01-02T00:00:00.000Z'),
        },
      }),
    );
    expect(new ReadingState(dir).positionAtPath('/a.txt')?.offset).toBe(1);
  });

  it('keeps another reader’s newer position for the same article, and writes over an older one', () => {
    const dir = folder();
    const state = new ReadingState(dir);
    const write = (updatedAt: string) =>
      writeFileSync(
        path.join(dir, 'positions.json'),
        JSON.stringify({version: 1, articles: {k: {...position(99), updatedAt}}}),
      );
    state.record('k', position(5));
    write('2999-01-01T00:00:00.000Z');
    state.flush();
    expect(onDisk(dir).articles.k!.offset).toBe(99);
    state.record('k', position(6));
    write('2000-01-01T00:00:00.000Z');
    state.flush();
    expect(onDisk(dir).articles.k!.offset).toBe(6);
  });

  it('keeps each setting beside the others (the sort, speakers in the margin)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bs-settings-'));
    expect(new ReadingState(dir).setting('speakersShown')).toBeUndefined();
    new ReadingState(dir).sort = 'length';
    new ReadingState(dir).setSetting('speakersShown', true);
    expect(new ReadingState(dir).sort).toBe('length');
    expect(new ReadingState(dir).setting('speakersShown')).toBe(true);
    new ReadingState(dir).sort = 'title';
    expect(new ReadingState(dir).setting('speakersShown')).toBe(true);
    writeFileSync(path.join(dir, 'settings.json'), '[1, 2]');
    expect(new ReadingState(dir).setting('speakersShown')).toBeUndefined();
  });

  it('remembers the list’s sort beside the positions, and forgets what it cannot read', () => {
    const dir = folder();
    expect(new ReadingState(dir).sort).toBeUndefined();
    new ReadingState(dir).sort = 'length';
    expect(new ReadingState(dir).sort).toBe('length');
    expect(readdirSync(dir)).toEqual(['settings.json']);
    writeFileSync(path.join(dir, 'settings.json'), '{"sort": 3}');
    expect(new ReadingState(dir).sort).toBeUndefined();
    writeFileSync(path.join(dir, 'settings.json'), '{"sort": "le');
    expect(new ReadingState(dir).sort).toBeUndefined();
    // A folder that cannot be written loses the sort, and nothing else.
    const parent = folder();
    writeFileSync(path.join(parent, 'file'), '');
    const blocked = new ReadingState(path.join(parent, 'file', 'broadsheet'));
    expect(() => (blocked.sort = 'title')).not.toThrow();
    expect(blocked.sort).toBeUndefined();
    expect(readdirSync(parent)).toEqual(['file']);
  });

  it('writes to a folder it makes, however deep', () => {
    const dir = path.join(folder(), 'new', 'state');
    const state = new ReadingState(dir);
    state.record('k', position(7));
    state.flush();
    expect(new ReadingState(dir).positionOf('k')?.offset).toBe(7);
    expect(state.saveFailed).toBe(false);
  });
});

describe('an edited article', () => {
  it('keeps its place when the same file changed a little, not when it became another text', () => {
    const original = parseText('Title\n\n' + 'A sentence of the story. '.repeat(100));
    const {progress} = savedPlace(original, '/story.txt', 1000);
    const edited = parseText('Title\n\n' + 'A sentence of the story! '.repeat(100));
    expect(progress.resume(edited, '/story.txt')).toEqual({
      anchor: 1000,
      message: 'resumed at 39%, the file changed (g: from the top)',
    });
    const rewritten = parseText('Title\n\nSomething else entirely.');
    expect(progress.resume(rewritten, '/story.txt').anchor).toBe(0);
  });

  it('says nothing of a change when the text at the same path is the one saved', () => {
    const article = parseText('Title\n\n' + 'Some words here. '.repeat(200));
    expect(savedPlace(article, '/same.txt', 1500).progress.resume(article, '/same.txt')).toEqual({
      anchor: 1500,
      message: 'resumed at 44% (g: from the top)',
    });
  });

  it('keeps its place through a change of up to a tenth of its length, and not past it', () => {
    const original = parseText('Title\n\n' + 'x'.repeat(1001));
    const {dir, progress} = savedPlace(original, '/story.txt', 500);
    const longer = (extra: number) => parseText('Title\n\n' + 'y'.repeat(1001 + extra));
    // Saved at 1,008 characters (title and blank line included): 1,120 is a tenth longer.
    expect(progress.resume(longer(112), '/story.txt').anchor).toBe(500);
    expect(progress.resume(longer(113), '/story.txt').anchor).toBe(0);
    expect(progress.resume(longer(0), '/elsewhere.txt').anchor).toBe(0);
    const pipe = savedPlaces(new ReadingState(dir), {byPath: false});
    expect(pipe.resume(longer(0), '/story.txt').anchor).toBe(0);
  });

  it('finds the start of a long file by its path, saying nothing of a change, and saves none of it', () => {
    const whole = parseText('Title\n\n' + 'Words here. '.repeat(1000));
    const {dir, progress} = savedPlace(whole, '/long.txt', 2400);
    const start = parseText('Title\n\n' + 'Words here. '.repeat(100));
    start.partial = {length: whole.text.length};
    expect(progress.resume(start, '/long.txt')).toEqual({
      anchor: 2400,
      message: 'resumed at 19% (g: from the top)',
    });
    const again = new ReadingState(dir);
    savedPlaces(again).save(start, '/long.txt', 10, false);
    again.flush();
    expect(new ReadingState(dir).positionOf(articleKey(start.text))).toBeUndefined();
    expect(new ReadingState(dir).positionAtPath('/long.txt')?.offset).toBe(2400);
  });

  it('opens at the top, without a word, a place at the very start or at the end', () => {
    const article = parseText('Title\n\n' + 'Words. '.repeat(100));
    for (const offset of [0, article.text.length]) {
      expect(savedPlace(article, '/a.txt', offset).progress.resume(article, '/a.txt')).toEqual({
        anchor: 0,
        message: undefined,
      });
    }
  });

  it('tells the list when each article was read, remembers its sort, and says when it cannot save', () => {
    const dir = folder();
    const state = new ReadingState(dir);
    const progress = savedPlaces(state);
    const article = parseText('Title\n\n' + 'Words. '.repeat(100));
    expect(progress.standing('/a.txt')).toEqual({status: {kind: 'unread'}, readAt: undefined});
    progress.save(article, '/a.txt', 70, false);
    const {readAt, status} = progress.standing('/a.txt');
    expect(status).toEqual({kind: 'reading', percent: 9});
    expect(Math.abs(readAt! - Date.now())).toBeLessThan(5000);
    progress.setSort('recent');
    expect(savedPlaces(new ReadingState(dir)).sort()).toBe('recent');
    expect(progress.notice()).toBeUndefined();
    state.saveFailed = true;
    expect(progress.notice()).toBe('progress not saved');
  });

  it('keeps nothing without a state folder', () => {
    const article = parseText('Title\n\nWords.');
    noSavedPlaces.save(article, '/a.txt', 3, true);
    noSavedPlaces.setSort('length');
    expect(noSavedPlaces.resume(article, '/a.txt')).toEqual({anchor: 0});
    expect(noSavedPlaces.statusOf('/a.txt')).toEqual({kind: 'unread'});
    expect(noSavedPlaces.standing('/a.txt')).toEqual({status: {kind: 'unread'}});
    expect([noSavedPlaces.sort(), noSavedPlaces.notice()]).toEqual([undefined, undefined]);
  });
});
