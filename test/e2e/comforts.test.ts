// The comforts: a config file (keys, width, mistakes in it), marks, in a real terminal.
import {afterEach, describe, expect, it} from 'vitest';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {articlesPath, runCli, type Session} from './terminal.js';

const sessions: Session[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.kill('SIGKILL');
});

const LONG = path.join(articlesPath, 'a-study-in-scarlet.txt');
const pause = () => new Promise((resolve) => setTimeout(resolve, 30));
const pageOf = (session: Session) => Number(/page (\d+)\//.exec(session.text())?.[1]);

function configWith(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'bs-config-e2e-')), 'config.yaml');
  writeFileSync(file, text);
  return file;
}

async function start(args: string[], env: Record<string, string> = {}, columns = 100) {
  const session = await runCli({args, env, columns, rows: 24});
  sessions.push(session);
  return session;
}

/** The widest line of text on screen (the header and status line left out). */
function widestText(session: Session): number {
  const lines = session.screen().slice(2, -2);
  return Math.max(...lines.map((line) => line.trim().length));
}

describe('the config file in a real terminal', () => {
  it('binds a key and sets the width; the help shows the keys as bound', async () => {
    const config = configWith('width: 40\nkeys:\n  next-page: [x, space]\n  previous-page: X\n');
    const session = await start([LONG], {BROADSHEET_CONFIG: config});
    await session.waitFor(/page 1\/\d+/);
    expect(widestText(session)).toBeLessThanOrEqual(40);
    expect(widestText(session)).toBeGreaterThan(30);
    await pause();
    await session.press('x');
    await session.waitFor(/page 2\//);
    await pause();
    await session.press('x');
    await session.waitFor(/page 3\//);
    await pause();
    await session.press('X');
    await session.waitFor(/page 2\//);
    // b is no longer bound: nothing happens.
    session.write('bf');
    await pause();
    await pause();
    expect(pageOf(session)).toBe(2);
    await session.press('?');
    await session.waitFor('next page');
    expect(session.text()).toMatch(/x Space +next page/);
    expect(session.text()).toMatch(/X +previous page/);
  });

  it('reads on with a broken config, saying its first mistake in the status line', async () => {
    const config = configWith('width: 5\ntheme: sepia\nkeys:\n  next-page: x\n');
    const session = await start([LONG], {BROADSHEET_CONFIG: config}, 250);
    await session.waitFor(/ config\.yaml:1: width takes a whole number/);
    expect(session.text()).toContain('(got 5) (and 1 more: broadsheet config)');
    // What was right in the file applies: x turns the page.
    await session.press('x');
    await session.waitFor(/page 2\//);
    expect(session.text()).not.toContain('config.yaml');
  });

  it('reads on when the config is not YAML at all, or is a folder', async () => {
    const session = await start([LONG], {BROADSHEET_CONFIG: configWith('theme: "dark\n')});
    await session.waitFor(/config\.yaml:\d+: not YAML the reader understands/);
    await session.press(' ');
    await session.waitFor(/page 2\//);
    const folder = mkdtempSync(path.join(tmpdir(), 'bs-config-folder-'));
    const second = await start([LONG], {BROADSHEET_CONFIG: folder});
    await second.waitFor(/cannot be read \(a folder\)/);
  });
});

describe('marks in a real terminal', () => {
  it("ma, G, 'a comes back, typed one at a time and in one write; '' goes back and forth", async () => {
    const session = await start([LONG]);
    await session.waitFor(/page 1\/\d+/);
    for (const key of [' ', ' ', 'm', 'a']) {
      await pause();
      session.write(key);
    }
    await session.waitFor('mark a set');
    expect(pageOf(session)).toBe(3);
    await session.press('G');
    await session.waitFor((screen) => !/page 3\//.test(screen));
    const last = pageOf(session);
    expect(last).toBeGreaterThan(3);
    for (const key of ["'", 'a']) {
      await pause();
      session.write(key);
    }
    await session.waitFor('mark a');
    expect(pageOf(session)).toBe(3);
    // The same keys in one write.
    session.write("gmbG'b");
    await session.waitFor('mark b');
    expect(pageOf(session)).toBe(1);
    session.write("''");
    await session.waitFor(`page ${last}/`);
    // The list opens on the last mark before the page shown.
    session.write('M');
    await session.waitFor(/marks · 2\/2/);
    expect(session.text()).toMatch(/p\.1 +b +CHAPTER I/);
    expect(session.text()).toMatch(/p\.3 +a +/);
    session.write('k\r');
    await session.waitFor('mark b');
    expect(pageOf(session)).toBe(1);
  });

  it('keeps the marks with the article: they are there the next time it is opened', async () => {
    const state = mkdtempSync(path.join(tmpdir(), 'bs-marks-state-'));
    const env = {XDG_STATE_HOME: state};
    const first = await start([LONG], env);
    await first.waitFor(/page 1\/\d+/);
    first.write('    mq');
    await first.waitFor('mark q set');
    first.write('g');
    await first.waitFor(/page 1\//);
    first.write('q');
    await first.exited;
    const second = await start([LONG], env);
    await second.waitFor(/page 1\/\d+/);
    second.write("'q");
    await second.waitFor('mark q');
    expect(pageOf(second)).toBe(5);
  });
});

describe('several paths in a real terminal', () => {
  it('lists the files and folders named, in the order given, and opens each', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'bs-several-'));
    writeFileSync(path.join(folder, 'zebra.txt'), 'Zebra Notes\n\nStripes, mostly.\n');
    writeFileSync(path.join(folder, 'aardvark.txt'), 'Aardvark Notes\n\nAnts, mostly.\n');
    const session = await start([
      path.join(articlesPath, 'the-harbour-inquiry.txt'),
      folder,
      path.join(articlesPath, 'council-votes-on-the-old-mill.txt'),
    ]);
    await session.waitFor('Aardvark Notes');
    const rows = session.screen();
    const at = (title: string) => rows.findIndex((row) => row.includes(title));
    expect(at('The Harbour Inquiry')).toBeGreaterThan(-1);
    expect(at('The Harbour Inquiry')).toBeLessThan(at('Aardvark Notes'));
    expect(at('Aardvark Notes')).toBeLessThan(at('Zebra Notes'));
    expect(at('Zebra Notes')).toBeLessThan(at('Council'));
    expect(session.text()).toContain('4 articles');
    // Opened from the list, and back to it (not out, as for one file named).
    session.write('jj\r');
    await session.waitFor(/Zebra Notes[\s\S]*Stripes, mostly/);
    session.write('q');
    await session.waitFor('Aardvark Notes');
  });

  it('says which path is missing, in one line', async () => {
    const session = await start([articlesPath, '/no/such/place']);
    const exit = await session.exited;
    expect(exit.exitCode).toBe(1);
    expect(session.text()).toContain('broadsheet: no such file or folder: /no/such/place');
  });
});

describe('the measure remembered', () => {
  it('opens at the measure last set with - + =, in a terminal as wide, and --width wins', async () => {
    const state = mkdtempSync(path.join(tmpdir(), 'bs-measure-state-'));
    const env = {XDG_STATE_HOME: state};
    const first = await start([LONG], env);
    await first.waitFor(/page 1\/\d+/);
    expect(widestText(first)).toBeGreaterThan(64);
    first.write('---');
    await first.waitFor('measure 60');
    first.write('q');
    await first.exited;
    const second = await start([LONG], env);
    await second.waitFor(/page 1\/\d+/);
    expect(widestText(second)).toBeLessThanOrEqual(60);
    expect(widestText(second)).toBeGreaterThan(50);
    // = goes to the full width, and back to the default (72) rather than the remembered 60.
    second.write('=');
    await second.waitFor('full width');
    second.write('=');
    await second.waitFor('measure 72');
    second.write('q');
    await second.exited;
    const flagged = await start([LONG, '--width', '40'], env);
    await flagged.waitFor(/page 1\/\d+/);
    expect(widestText(flagged)).toBeLessThanOrEqual(40);
  });
});

describe('the place a reopened article was left at', () => {
  it('is marked in the margin until the next key', async () => {
    const state = mkdtempSync(path.join(tmpdir(), 'bs-resumed-state-'));
    const env = {XDG_STATE_HOME: state};
    const first = await start([LONG], env);
    await first.waitFor(/page 1\/\d+/);
    first.write('   jjj');
    await first.waitFor(/page 4\//);
    await pause();
    // The first line of text on screen (the place may be the blank line above it).
    const top = first
      .screen()
      .slice(2)
      .find((row) => row.trim() !== '')!
      .trim();
    first.write('q');
    await first.exited;
    // Another size: the page shown starts elsewhere, and the mark says where the reader was.
    const second = await runCli({args: [LONG], env, columns: 90, rows: 30});
    sessions.push(second);
    await second.waitFor('resumed at');
    const marked = second.screen().find((row) => row.includes('▸'));
    expect(marked).toBeDefined();
    expect(
      top.startsWith(
        marked!
          .slice(marked!.indexOf('▸') + 1)
          .trim()
          .slice(0, 20),
      ),
    ).toBe(true);
    second.write('j');
    await second.waitFor((screen) => !screen.includes('▸'));
  });
});

describe('the mouse in a real terminal', () => {
  const firstText = (session: Session) =>
    session
      .screen()
      .slice(2)
      .find((row) => row.trim() !== '')!
      .trim();

  it('is asked for with --mouse, and given back on the way out', async () => {
    const session = await start([LONG, '--mouse']);
    await session.waitFor(/page 1\/\d+/);
    expect(session.output()).toContain('\u001B[?1000h\u001B[?1006h');
    session.write('q');
    await session.exited;
    expect(session.output()).toContain('\u001B[?1006l\u001B[?1000l');
  });

  it('scrolls three lines a turn of the wheel, a report split in two writes read as one', async () => {
    const session = await start([LONG, '--mouse']);
    await session.waitFor(/page 1\/\d+/);
    const rows = session.screen().slice(2);
    const before = firstText(session);
    // Longer apart than an Esc waits for the rest of a key's sequence.
    session.write('\u001B[<65;20;');
    await new Promise((resolve) => setTimeout(resolve, 150));
    session.write('10M');
    await session.waitFor(
      (screen) => !screen.split('\n').slice(2).join('\n').startsWith(rows.join('\n')),
    );
    await pause();
    // Three display lines on, counting the blank lines between paragraphs.
    expect(session.screen()[2]).toBe(rows[3]);
    expect(firstText(session)).not.toBe(before);
    session.write('\u001B[<64;20;10M');
    await session.waitFor((screen) => screen.split('\n')[2] === rows[0]);
    // Nothing of the reports was taken for keys: still on page 1, no prompt, no message.
    expect(session.text()).toMatch(/page 1\//);
  });

  it('opens the library row clicked', async () => {
    const session = await start([articlesPath, '--mouse']);
    await session.waitFor('The Harbour Inquiry');
    const [row, column] = session.find('The Harbour Inquiry')!;
    session.write(`\u001B[<0;${column + 1};${row + 1}M\u001B[<0;${column + 1};${row + 1}m`);
    await session.waitFor(/page 1\/\d+/);
    expect(session.screen()[0]).toContain('The Harbour Inquiry');
  });

  it('is not read at all when it is off: its reports are no keys', async () => {
    const session = await start([LONG]);
    await session.waitFor(/page 1\/\d+/);
    expect(session.output()).not.toContain('\u001B[?1000h');
    const shown = session.text();
    session.write('\u001B[<65;20;10M\u001B[<0;5;5M');
    session.write('\u001B[<65;20;');
    await pause();
    await pause();
    session.write('10M');
    await pause();
    await pause();
    expect(session.text()).toBe(shown);
    session.write(' ');
    await session.waitFor(/page 2\//);
  });

  it('is on when the config file says so', async () => {
    const config = configWith('mouse: true\n');
    const session = await start([LONG], {BROADSHEET_CONFIG: config});
    await session.waitFor(/page 1\/\d+/);
    expect(session.output()).toContain('\u001B[?1000h');
    const off = await start([LONG, '--no-mouse'], {BROADSHEET_CONFIG: config});
    await off.waitFor(/page 1\/\d+/);
    expect(off.output()).not.toContain('\u001B[?1000h');
  });
});

describe('the theme chosen with T', () => {
  it('is remembered for the next run, unless a flag or NO_COLOR sets it', async () => {
    const state = mkdtempSync(path.join(tmpdir(), 'bs-theme-state-'));
    const env = {XDG_STATE_HOME: state};
    const first = await start([LONG], env);
    await first.waitFor(/page 1\/\d+/);
    first.write('T');
    await first.waitFor('theme light');
    first.write('q');
    await first.exited;
    const second = await start([LONG], env);
    await second.waitFor(/page 1\/\d+/);
    second.write('T');
    // From light, the next is mono: light was remembered.
    await second.waitFor('theme mono');
    second.write('q');
    await second.exited;
    const fixed = await start([LONG], {...env, NO_COLOR: '1'});
    await fixed.waitFor(/page 1\/\d+/);
    fixed.write('T');
    await fixed.waitFor('the theme is set by NO_COLOR');
  });
});
