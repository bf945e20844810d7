// The library in a real terminal: a window of consecutive rows, the filter and the cursor
// through open and back, refused files, and a terminal too small for it.
import {afterEach, describe, expect, it} from 'vitest';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readdirSync, symlinkSync, writeFileSync, truncateSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {articlesPath, cliPath, keys, runCli, splitKeys, type Session} from './terminal.js';

const sessions: Session[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.kill();
});
async function start(args: string[], size = {columns: 80, rows: 24}) {
  const session = await runCli({args, ...size});
  sessions.push(session);
  return session;
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A folder of `count` articles titled `Article 01` … in order. */
function articles(count: number): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'bs-list-'));
  for (let index = 1; index <= count; index++) {
    const number = String(index).padStart(2, '0');
    writeFileSync(
      path.join(folder, `a${number}.txt`),
      `Article ${number}\n\nBy Writer ${number}\n\nThe body of article ${number}, a few words long.\n`,
    );
  }
  return folder;
}
const FORTY = articles(40);

/** The titles of the rows on screen, in order. */
const rowTitles = (session: Session) =>
  session
    .screen()
    .map((line) => /Article (\d\d)/.exec(line)?.[1])
    .filter((number): number is string => number !== undefined)
    .map(Number);

/** Sends `script` in one write, and typed a key at a time, and returns both final screens. */
async function bothWays(
  args: string[],
  script: string,
  until: string,
  size?: {columns: number; rows: number},
) {
  const atOnce = await start(args, size);
  atOnce.write(script);
  await atOnce.waitFor(until);
  await sleep(150);
  const typed = await start(args, size);
  for (const key of splitKeys(script)) {
    typed.write(key);
    await sleep(60);
  }
  await typed.waitFor(until);
  await sleep(150);
  return [atOnce, typed] as const;
}

describe('the library in a real terminal', () => {
  it('scrolls 40 articles in a 12-row terminal as a window of consecutive rows', async () => {
    const [atOnce, typed] = await bothWays([FORTY], keys.down.repeat(12), '13 of 40', {
      columns: 80,
      rows: 12,
    });
    for (const session of [atOnce, typed]) {
      const rows = rowTitles(session);
      expect(rows).toHaveLength(7); // 12 rows less the header, the status and their gaps
      expect(rows).toEqual(Array.from({length: 7}, (_, index) => rows[0]! + index));
      expect(rows.at(-1)).toBe(13);
      expect(session.text()).toMatch(/❯ Article 13/);
    }
    expect(atOnce.text()).toBe(typed.text());
    typed.write('G');
    await typed.waitFor('40 of 40');
    expect(rowTitles(typed)).toEqual([34, 35, 36, 37, 38, 39, 40]);
    typed.write('g');
    await typed.waitFor('1 of 40');
    expect(rowTitles(typed)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('open, back, filter, open, back: the cursor is where it was, and Esc keeps it', async () => {
    const script = `\rq/le 27\rq`;
    const [atOnce, typed] = await bothWays([FORTY], script, 'filter “le 27”');
    for (const session of [atOnce, typed]) {
      expect(session.text()).toMatch(/❯ Article 27/);
      expect(session.text()).toContain('1 of 1');
      session.write(keys.escape);
      await session.waitFor('27 of 40');
      expect(session.text()).toMatch(/❯ Article 27/);
    }
  });

  it('shows refused files dimmed with the reason, and says why when one is opened', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'bs-refused-'));
    writeFileSync(path.join(folder, 'a-fine.txt'), 'A Fine Article\n\nSome text.\n');
    writeFileSync(
      path.join(folder, 'b-image.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 0, 0]),
    );
    // Unreadable even for root: the reader's own memory file fails every read with EIO.
    symlinkSync('/proc/self/mem', path.join(folder, 'd-unreadable.txt'));
    writeFileSync(path.join(folder, 'c-huge.txt'), '');
    truncateSync(path.join(folder, 'c-huge.txt'), 65 * 1024 * 1024);
    const session = await start([folder]);
    await session.waitFor('b-image.txt');
    expect(session.text()).toMatch(/b-image\.txt\s+not text \(binary data\)/);
    expect(session.text()).toMatch(/c-huge\.txt\s+too large \(over 64 MB\)/);
    expect(session.text()).toMatch(/d-unreadable\.txt\s+cannot be read/);
    session.write(keys.down);
    await session.waitFor('2 of 4');
    session.write(keys.enter);
    await session.waitFor('Cannot open b-image.txt: not text (binary data)');
    expect(session.text()).toContain('A Fine Article');
  });

  it('opens a Markdown article: block quotes behind a bar, links as notes at the end', async () => {
    const session = await start([path.join(articlesPath, 'reading-in-the-terminal.md')]);
    await session.waitFor('│ “The best interface for reading');
    expect(session.text()).toContain('The Broadsheet team · Broadsheet notes');
    expect(session.text()).toContain('• A page that stays where you left it');
    session.write('G');
    await session.waitFor('[1] https://spec.commonmark.org/');
    expect(session.text()).toContain('[2] https://no-color.org/');
  });

  it('prints with --print even to a terminal: text, no full screen, no cursor or erase sequence', async () => {
    const session = await start(['--print', path.join(articlesPath, 'the-harbour-inquiry.txt')]);
    const exit = await session.exited;
    expect(exit.exitCode).toBe(0);
    expect(session.bufferType()).toBe('normal');
    expect(session.output()).toContain('The Harbour Inquiry: What the Night Watchman Heard');
    // Colour is allowed on a terminal: quotations coloured (SGR), and no other sequence.
    expect(session.output()).toMatch(/\u001B\[33m/);
    expect(session.output()).not.toMatch(/\u001B(?!\[[0-9;]*m)/);
  });

  it('prints with --print and NO_COLOR: no escape sequence at all', async () => {
    const file = path.join(articlesPath, 'the-harbour-inquiry.txt');
    const session = await runCli({args: ['--print', file], env: {NO_COLOR: '1'}});
    sessions.push(session);
    expect((await session.exited).exitCode).toBe(0);
    expect(session.output()).toContain('The Harbour Inquiry');
    expect(session.output()).not.toContain('\u001B');
  });

  it('reads an article piped in, with keys from the terminal: Space pages, q quits, terminal restored', async () => {
    const story = path.join(articlesPath, 'the-harbour-inquiry.txt');
    const session = await runCli({shell: `cat "${story}" | eval "$BROADSHEET"; echo "exit $?"`});
    sessions.push(session);
    await session.waitFor('page 1/3');
    expect(session.text()).toContain('The Harbour Inquiry: What the Night Watchman Heard');
    expect(session.bufferType()).toBe('alternate');
    session.write(' ');
    await session.waitFor('page 2/3');
    session.write('q');
    await session.waitFor('exit 0');
    expect(session.bufferType()).toBe('normal');
    expect(session.cursorHidden()).toBe(false);
  });

  it('prints an article piped in when there is no terminal to read keys from', async () => {
    const story = path.join(articlesPath, 'the-harbour-inquiry.txt');
    const session = await runCli({
      shell: `cat "${story}" | eval "$BROADSHEET" | head -n 1; echo "done"`,
    });
    sessions.push(session);
    await session.waitFor('done');
    expect(session.text()).toContain('The Harbour Inquiry: What the Night Watchman Heard');
    expect(session.output()).not.toMatch(/\u001B\[\?1049h/); // no full screen
  });

  it('asks for a larger terminal at 12×4, and shows the list once it grows', async () => {
    const session = await start([FORTY], {columns: 12, rows: 4});
    await session.waitFor('Make the t…');
    expect(session.screen().every((line) => line.length <= 12)).toBe(true);
    session.resize(80, 24);
    await session.waitFor('1 of 40');
  });
});

describe('the library and the places kept, from the environment', () => {
  it('opens $BROADSHEET_DIR, keeps places in $BROADSHEET_STATE_DIR, and lists an article read to its end as finished', async () => {
    const folder = articles(2);
    const paragraphs = Array.from({length: 80}, (_, i) => `Paragraph ${i} of a long read.`);
    writeFileSync(path.join(folder, 'long.txt'), ['Long Read', ...paragraphs].join('\n\n'));
    const state = mkdtempSync(path.join(tmpdir(), 'bs-state-dir-'));
    const env = {BROADSHEET_DIR: folder, BROADSHEET_STATE_DIR: state};
    const session = await runCli({args: [], env});
    sessions.push(session);
    await session.waitFor('Long Read');
    expect(session.text()).not.toContain('Council Votes');
    await session.press('G');
    await session.waitFor('3 of 3');
    await session.press(keys.enter);
    await session.waitFor(/page 1\/\d+ · 0%/);
    await session.press('G');
    await session.waitFor('100%');
    await session.press('q');
    await session.waitFor('Article 02');
    const row = session.screen().find((line) => line.includes('Long Read'))!;
    expect(row).toContain('finished');
    expect(session.screen().find((line) => line.includes('Article 02'))).toContain('unread');
    await session.press('q');
    await session.exited;
    expect(readdirSync(state)).toContain('positions.json');

    // The same state seen by `list --json`, and nothing written under XDG_STATE_HOME.
    const xdg = mkdtempSync(path.join(tmpdir(), 'bs-xdg-'));
    const listed = execFileSync(process.execPath, [cliPath, 'list', '--json'], {
      env: {...process.env, ...env, XDG_STATE_HOME: xdg},
      encoding: 'utf8',
    });
    const records = JSON.parse(listed) as Array<{title: string; state: string; percent: number}>;
    expect(records.map((record) => [record.title, record.state, record.percent])).toEqual([
      ['Article 01', 'unread', 0],
      ['Article 02', 'unread', 0],
      ['Long Read', 'finished', 100],
    ]);
    expect(readdirSync(xdg)).toEqual([]);
  });
});
