import {afterEach, describe, expect, it} from 'vitest';
import path from 'node:path';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {articlesPath, keys, runCli, SHELL_MARK, type Session} from './terminal.js';
import {readerAt, shownLines} from './layout.js';

const sessions: Session[] = [];
async function start(options: Parameters<typeof runCli>[0] = {}) {
  const session = await runCli(options);
  sessions.push(session);
  return session;
}
afterEach(() => {
  for (const session of sessions.splice(0)) session.kill('SIGKILL');
});

const FIRST_TITLE = 'A Study in Scarlet — Part I, chapters I–IV';
const FIRST_FILE = path.join(articlesPath, 'a-study-in-scarlet.txt');

/** The text rows of the reading view (between the header and the status), trimmed. */
function shownText(session: Session): string[] {
  const rows = session.screen();
  const status = rows.findIndex((row) => /page (\d+|…)\/(\d+|…)/.test(row));
  return rows
    .slice(2, status)
    .map((row) => row.trim())
    .filter((row, index, all) => row !== '' || all.slice(index).some((rest) => rest !== ''));
}

/** The text lines the reader shows at this size when opened at `anchor`, trimmed. */
const expectedScreen = (file: string, columns: number, rows: number, anchor = 0) =>
  shownLines(readerAt(file, columns, rows, anchor)).map((line) => line.text.trim());

async function expectRestored(session: Session) {
  const exit = await session.exited;
  expect(session.bufferType()).toBe('normal');
  expect(session.text()).toContain(SHELL_MARK);
  expect(session.cursorHidden()).toBe(false);
  return exit;
}

describe('the reading flow in a real terminal', () => {
  it('lists the bundled articles by title on the alternate screen', async () => {
    const session = await start();
    await session.waitFor('Council Votes to Keep the Old Mill Open');
    expect(session.bufferType()).toBe('alternate');
    const screen = session.text();
    expect(screen).toContain(FIRST_TITLE);
    expect(screen).toContain('The Harbour Inquiry');
    expect(screen).toContain('Зимняя библиотека');
    expect(screen).toContain('夜の図書館で聞いた話');
    expect(screen).toContain('Russia Sends Foreign Minister to North Korea');
    expect(session.screen().length).toBe(24);
    // The frame starts at the top, wherever the shell had left the cursor.
    expect(session.screen()[0]).toMatch(/^Broadsheet · 7 articles/);
    expect(screen).toContain('Reading in the Terminal');
  });

  it('opens the first article with Enter and turns pages with every page key', async () => {
    const session = await start();
    await session.press(keys.enter);
    await session.waitFor(/page 1\/\d+/);
    expect(session.text()).toContain('IN the year 1878 I took my degree');
    const total = Number(/page 1\/(\d+)/.exec(session.text())![1]);
    expect(total).toBeGreaterThanOrEqual(50);

    await session.press(keys.space);
    await session.waitFor(`page 2/${total}`);
    await session.press(keys.pageDown);
    await session.waitFor(`page 3/${total}`);
    await session.press(keys.right);
    await session.waitFor(`page 4/${total}`);
    await session.press('b');
    await session.waitFor(`page 3/${total}`);
    await session.press(keys.pageUp);
    await session.waitFor(`page 2/${total}`);
    await session.press(keys.left);
    await session.waitFor(`page 1/${total}`);
    expect(session.text()).toContain('IN the year 1878');
  });

  it('keeps every line inside the terminal and the last row free', async () => {
    const session = await start({columns: 50, rows: 16});
    await session.press(keys.enter);
    await session.waitFor(/page 1\/\d+/);
    const screen = session.screen();
    expect(screen[15]).toBe('');
    expect(screen.some((line) => line.includes('page 1/'))).toBe(true);
  });

  it('goes back to the list with q and returns to the shell with q, screen restored', async () => {
    const session = await start();
    await session.press(keys.enter);
    await session.press(keys.space);
    await session.waitFor('page 2/');
    await session.press('q');
    await session.waitFor('Council Votes');
    session.write('q');
    const exit = await expectRestored(session);
    expect(exit.exitCode).toBe(0);
  });

  it('restores the terminal on Ctrl-C in the reading view', async () => {
    const session = await start();
    await session.press(keys.enter);
    await session.waitFor('page 1/');
    session.write(keys.ctrlC);
    const exit = await expectRestored(session);
    expect(exit.exitCode).toBe(0);
  });

  it('restores the terminal on Ctrl-C in the library', async () => {
    const session = await start();
    session.write(keys.ctrlC);
    await expectRestored(session);
  });

  for (const signal of ['SIGTERM', 'SIGHUP']) {
    it(`restores the terminal on ${signal}`, async () => {
      const session = await start();
      await session.press(keys.enter);
      await session.waitFor('page 1/');
      session.kill(signal);
      await expectRestored(session);
    });
  }

  it('restores the terminal before printing an uncaught error', async () => {
    const session = await start({env: {BROADSHEET_TEST_CRASH_AFTER_MS: '600'}});
    await session.press(keys.enter);
    await session.waitFor('page 1/');
    const exit = await expectRestored(session);
    expect(exit.exitCode).toBe(70);
    // The message is on the main screen, after the shell's line, not lost on the other one.
    expect(session.text()).toMatch(/shell\$ before broadsheet\s+broadsheet: crash requested/);
  });

  it('lays the page out again when the terminal is resized', async () => {
    const session = await start({columns: 100, rows: 30});
    await session.press(keys.enter);
    await session.waitFor(/page 1\/\d+/);
    const wide = Number(/page 1\/(\d+)/.exec(session.text())![1]);
    session.resize(40, 20);
    await session.waitFor((screen) => {
      const match = /page 1\/(\d+)/.exec(screen);
      return match !== null && Number(match[1]) > wide;
    });
    // The page is the one the layout makes at 40 columns (not the old one, cut or re-wrapped
    // to fit: the emulator could show nothing wider than 40 whatever the app did).
    expect(shownText(session)).toEqual(expectedScreen(FIRST_FILE, 40, 20));
  });

  it('keeps the first word of page 20 on screen through a resize to 60×20 and back', async () => {
    const session = await start({columns: 100, rows: 30});
    await session.press(keys.enter);
    await session.waitFor(/page 1\/\d+/);
    for (let page = 2; page <= 20; page++) {
      await session.press(keys.space);
      await session.waitFor(`page ${page}/`);
    }
    // Row 0 is the header, row 1 a gap; the text starts on row 2.
    const firstLine = session.screen()[2]!.trim();
    const firstWords = firstLine.split(/\s+/).slice(0, 4).join(' ');
    expect(firstWords.length).toBeGreaterThan(0);

    session.resize(60, 20);
    await session.waitFor((screen) => /page \d+\/\d+/.test(screen) && !screen.includes('page 20/'));
    expect(session.text().replace(/\s+/g, ' ')).toContain(firstWords);
    // Every line is the 60-column layout's (a measure of 58), not the old one of 72.
    expect(shownText(session)).toEqual(
      expectedScreen(FIRST_FILE, 60, 20, readerAt(FIRST_FILE, 100, 30).pages.startOffset[19]),
    );

    session.resize(100, 30);
    await session.waitFor('page 20/');
    expect(session.screen()[2]!.trim()).toBe(firstLine);
  });

  it('narrows and widens the measure with - + and =', async () => {
    const session = await start({columns: 100, rows: 30});
    await session.press(keys.enter);
    await session.waitFor(/page 1\/\d+/);
    const widest = () =>
      Math.max(
        ...session
          .screen()
          .slice(2, -3)
          .map((line) => line.trim().length),
      );
    expect(widest()).toBeLessThanOrEqual(72);
    await session.press('-');
    await session.waitFor('measure 68');
    expect(widest()).toBeLessThanOrEqual(68);
    await session.press('=');
    await session.waitFor('measure 98 (full width)');
    expect(widest()).toBeGreaterThan(80);
    await session.press('=');
    await session.waitFor('measure 72');
    await session.press('+');
    await session.waitFor('measure 76');
  });

  it('says where it looked when the folder has no articles', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'broadsheet-empty-'));
    const session = await start({args: [empty]});
    await session.waitFor('No articles in');
    expect(session.text().replace(/\s+/g, '')).toContain(empty.replace(/\s+/g, ''));
    session.write('q');
    await expectRestored(session);
  });

  it('opens a file named on the command line straight in the reading view', async () => {
    const session = await start({args: [path.join(articlesPath, 'the-harbour-inquiry.txt')]});
    await session.waitFor('page 1/');
    expect(session.text()).toContain('The inquiry sat for the third day');
  });

  it('shows escape sequences in an article as symbols instead of obeying them', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-hostile-'));
    const file = path.join(folder, 'hostile.txt');
    writeFileSync(file, 'Hostile\n\nbefore \u001B[2J\u001B]0;pwned\u0007 \u009B31m after\n');
    const session = await start({args: [file]});
    await session.waitFor('after');
    expect(session.text()).toContain('before ␛[2J␛]0;pwned␇ \uFFFD31m after');
  });
});
