import {afterEach, describe, expect, it} from 'vitest';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {articlesPath, keys, runCli, type Session} from './terminal.js';

const sessions: Session[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.kill('SIGKILL');
});

const LONG = path.join(articlesPath, 'a-study-in-scarlet.txt');
const pause = () => new Promise((resolve) => setTimeout(resolve, 30));

async function start(
  args: string[],
  env: Record<string, string> = {},
  size = {columns: 80, rows: 24},
) {
  const session = await runCli({args, env, ...size});
  sessions.push(session);
  return session;
}

/** Types keys one at a time, as a person does, waiting for each to change the screen. */
async function type(session: Session, ...sequence: string[]) {
  for (const key of sequence) {
    await pause();
    await session.press(key);
  }
}

const pageOf = (session: Session) => Number(/page (\d+)\//.exec(session.text())?.[1]);
const stateFolder = () => mkdtempSync(path.join(tmpdir(), 'broadsheet-resume-'));

describe('the keys of the reading view in a real terminal', () => {
  it('turns the page with each of its eleven keys, typed one at a time and all in one write', async () => {
    const forward = [keys.space, keys.pageDown, keys.right, 'l', 'f', '\u0006'];
    const back = ['b', keys.pageUp, keys.left, 'h', '\u0002'];
    const session = await start([LONG]);
    await session.waitFor(/page 1\/\d+/);
    for (const [index, key] of forward.entries()) {
      await pause();
      await session.press(key);
      await session.waitFor(`page ${index + 2}/`);
    }
    for (const [index, key] of back.entries()) {
      await pause();
      await session.press(key);
      await session.waitFor(`page ${forward.length - index}/`);
    }
    expect(pageOf(session)).toBe(2);
    // The same keys arriving together (a paste, ssh, key repeat): every one of them counts.
    await pause();
    await session.press(forward.join(''));
    await session.waitFor(`page ${2 + forward.length}/`);
    await pause();
    await session.press(back.join(''));
    await session.waitFor(`page ${2 + forward.length - back.length}/`);
    await pause();
    expect(pageOf(session)).toBe(3);
  });

  it('moves with j k d u g G, 12g and 50%', async () => {
    const session = await start([LONG]);
    await session.waitFor(/page 1\/\d+/);
    const firstLine = session.screen()[2];
    await type(session, 'j');
    expect(session.screen()[2]).not.toBe(firstLine);
    await type(session, 'k');
    expect(session.screen()[2]).toBe(firstLine);
    await type(session, 'd');
    expect(session.screen()[2]).not.toBe(firstLine);
    await type(session, 'u');
    expect(session.screen()[2]).toBe(firstLine);
    await type(session, 'G');
    await session.waitFor(/page (\d+)\/\1 /);
    await type(session, 'g');
    await session.waitFor('page 1/');
    await type(session, '1', '2', 'g');
    await session.waitFor('page 12/');
    await type(session, '5', '0', '%');
    await session.waitFor(/ · 50% · /);
  });

  it('goes to the next and previous article with J and K', async () => {
    const session = await start([articlesPath]);
    await session.press(keys.enter);
    await session.waitFor('A Study in Scarlet');
    await type(session, 'J');
    await session.waitFor((screen) => screen.split('\n')[0]!.includes('Council Votes'));
    await type(session, 'K');
    await session.waitFor((screen) => screen.split('\n')[0]!.includes('A Study in Scarlet'));
    await type(session, 'K');
    await session.waitFor('this is the first article');
  });

  it('shows the keys on ? from the same table, and closes on any key', async () => {
    const session = await start([LONG]);
    await session.waitFor('page 1/');
    await type(session, '?');
    await session.waitFor('search forward');
    expect(session.text()).toContain('Space PgDn → l f Ctrl-F');
    await type(session, 'x');
    await session.waitFor('page 1/');
  });

  it('finds a phrase across a line break of the file and highlights the hit', async () => {
    const session = await start([LONG]);
    await session.waitFor('page 1/');
    await type(session, '/');
    for (const char of 'the University') session.write(char);
    await session.waitFor('/the University█');
    await type(session, '\r');
    await session.waitFor(/hit 1\/\d+/);
    const [row, column] = session.find('University')!;
    expect(session.cell(row, column).fg).toBeDefined();
    await type(session, 'n');
    await session.waitFor(/hit 2\/\d+|hit 1\/1 · wrapped/);
  });

  it('says when nothing matches', async () => {
    const session = await start([LONG]);
    await session.waitFor('page 1/');
    await type(session, '/');
    for (const char of 'zzzqqq') session.write(char);
    await session.waitFor('/zzzqqq█');
    await type(session, '\r');
    await session.waitFor('no match for “zzzqqq”');
  });

  it('resumes where the reader left off after q, and shows it in the library', async () => {
    const XDG_STATE_HOME = stateFolder();
    const first = await start([articlesPath], {XDG_STATE_HOME});
    await first.press(keys.enter);
    await first.waitFor('page 1/');
    for (let page = 2; page <= 5; page++) await type(first, ' ');
    await first.waitFor('page 5/');
    await type(first, 'q');
    await first.waitFor(/% read/);
    expect(first.text()).toMatch(/A Study in Scarlet.*\d+% read/);
    first.write('q');
    await first.exited;

    const second = await start([articlesPath], {XDG_STATE_HOME});
    await second.press(keys.enter);
    await second.waitFor(/resumed at \d+%/);
    expect(pageOf(second)).toBe(5);
  });

  it('saves the place on SIGTERM too', async () => {
    const XDG_STATE_HOME = stateFolder();
    const first = await start([LONG], {XDG_STATE_HOME});
    await first.waitFor('page 1/');
    for (let page = 2; page <= 4; page++) await type(first, ' ');
    await first.waitFor('page 4/');
    first.kill('SIGTERM');
    await first.exited;
    const second = await start([LONG], {XDG_STATE_HOME});
    await second.waitFor(/resumed at/);
    expect(pageOf(second)).toBe(4);
  });

  it('sets a corrupt state file aside with a warning and reads on', async () => {
    const XDG_STATE_HOME = stateFolder();
    mkdirSync(path.join(XDG_STATE_HOME, 'broadsheet'));
    writeFileSync(path.join(XDG_STATE_HOME, 'broadsheet', 'positions.json'), '{not json');
    const session = await start([LONG], {XDG_STATE_HOME});
    await session.waitFor('set aside as positions.json.corrupt-');
    await type(session, ' ');
    await session.waitFor('page 2/');
    const names = readdirSync(path.join(XDG_STATE_HOME, 'broadsheet'));
    expect(names.some((name) => name.startsWith('positions.json.corrupt-'))).toBe(true);
  });

  it('reads on with "progress not saved" when the state folder cannot be written', async () => {
    const parent = stateFolder();
    writeFileSync(path.join(parent, 'broadsheet'), 'a file where the folder should be');
    const session = await start([LONG], {XDG_STATE_HOME: parent});
    await session.waitFor('progress not saved: the state folder cannot be used');
    await type(session, ' ');
    await session.waitFor(/page 2\/\d+ .* · progress not saved/);
    expect(existsSync(path.join(parent, 'broadsheet'))).toBe(true);
  });

  it('keeps the page number beside the notice in a narrow terminal', async () => {
    const parent = stateFolder();
    writeFileSync(path.join(parent, 'broadsheet'), 'a file where the folder should be');
    const session = await start([LONG], {XDG_STATE_HOME: parent}, {columns: 40, rows: 12});
    await session.waitFor(/progress not saved.*… · page 1\/\d+/);
  });

  it('reads on when there is no usable home folder for its state and cache', async () => {
    const session = await start([LONG], {
      HOME: '/dev/null',
      XDG_STATE_HOME: '',
      XDG_CACHE_HOME: '',
    });
    await session.waitFor(/page 1\/\d+/);
    await session.waitFor('progress not saved');
    await type(session, ' ');
    await session.waitFor('page 2/');
    await type(session, 'q');
    expect((await session.exited).exitCode).toBe(0);
  });

  it('keeps both places when two readers save at once', async () => {
    const XDG_STATE_HOME = stateFolder();
    const other = path.join(articlesPath, 'the-harbour-inquiry.txt');
    const [one, two] = await Promise.all([
      start([LONG], {XDG_STATE_HOME}),
      start([other], {XDG_STATE_HOME}),
    ]);
    await one.waitFor('page 1/');
    await two.waitFor('page 1/');
    // Both turn pages and quit together: each writes its place while the other does.
    for (const session of [one, two]) session.write('  ');
    await one.waitFor('page 3/');
    await two.waitFor('page 3/');
    one.write('q');
    two.write('q');
    await Promise.all([one.exited, two.exited]);
    const saved = JSON.parse(
      readFileSync(path.join(XDG_STATE_HOME, 'broadsheet', 'positions.json'), 'utf8'),
    ) as {articles: Record<string, {path: string; offset: number}>};
    const places = Object.values(saved.articles)
      .map((place) => place.path)
      .sort();
    expect(places).toEqual([LONG, other].sort());
    expect(Object.values(saved.articles).every((place) => place.offset > 0)).toBe(true);
  });

  it('never clears the whole screen while turning 20 pages', async () => {
    const session = await start([LONG]);
    await session.waitFor(/page 1\/\d+/);
    const before = session.output().length;
    for (let page = 2; page <= 21; page++) {
      await pause();
      await session.press(keys.space);
      await session.waitFor(`page ${page}/`);
    }
    const turns = session.output().slice(before);
    expect(turns.split('\u001B[2J').length - 1).toBe(0);
  });

  it('hides the cursor while reading', async () => {
    const session = await start([LONG]);
    await session.waitFor('page 1/');
    expect(session.cursorHidden()).toBe(true);
  });

  it('survives a 1×1 terminal and shows the library once it grows', async () => {
    // Its one cell shows the notice cut to nothing but its ellipsis; then the list, once it grows.
    const live = await start([articlesPath], {}, {columns: 1, rows: 1});
    expect(live.text().trim()).toBe('…');
    live.resize(80, 24);
    await live.waitFor('Council Votes');
  });

  it('shows a notice in a terminal smaller than 20×6', async () => {
    const session = await start([LONG], {}, {columns: 15, rows: 5});
    await session.waitFor('Make the');
    session.resize(80, 24);
    await session.waitFor('page 1/');
  });
});
