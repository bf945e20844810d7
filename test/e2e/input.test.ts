// Every key exactly once, however it arrives: one at a time, all in one write, typed ahead
// before the first frame, held down, or pasted.
import {afterEach, describe, expect, it} from 'vitest';
import {copyFileSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {
  articlesPath,
  keys,
  pasted,
  projectRoot,
  runCli,
  SHELL_MARK,
  splitKeys,
  type Session,
} from './terminal.js';

const sessions: Session[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.kill('SIGKILL');
});

async function start(options: Parameters<typeof runCli>[0] = {}) {
  const session = await runCli(options);
  sessions.push(session);
  return session;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** War and Peace first, then two short articles: a 3.3 MB book that takes a while to open. */
function bookLibrary(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-book-'));
  copyFileSync(
    path.join(projectRoot, 'test/fixtures/books/war-and-peace_pg2600.txt'),
    path.join(folder, 'war-and-peace.txt'),
  );
  for (const name of ['zimnyaya-biblioteka.txt', 'yoru-no-toshokan.txt'])
    copyFileSync(path.join(articlesPath, name), path.join(folder, name));
  return folder;
}
const BOOK = bookLibrary();

type Script = {name: string; folder: string; script: string; until: RegExp | string};

/** The screen once the script's end is reached and the page count (if any) is finished. */
async function finalScreen(session: Session, until: RegExp | string): Promise<string> {
  await session.waitFor(until, 15000);
  // Every count shown (page 3/12, quotation 2/40: none still …), the status line there (a
  // screen read while a frame is being drawn may lack it), and still so a moment later.
  const counted = (screen: string) => /page \d+\/\d+/.test(screen) && !/\/…/.test(screen);
  await session.waitFor(counted, 15000);
  await sleep(150);
  await session.waitFor(counted, 15000);
  return session.text();
}

const scripts: Script[] = [
  {
    name: 'arrows then Enter in the list',
    folder: articlesPath,
    script: '\u001B[B\u001B[B\u001B[B\u001B[B\r',
    until: 'The inquiry sat for the third day',
  },
  {name: 'Enter then three Spaces and b', folder: BOOK, script: '\r   b', until: /page 3\/\d+/},
  {name: 'Enter then 12g', folder: BOOK, script: '\r12g', until: /page 12\/\d+/},
  {name: 'Enter then /Pierre⏎nn', folder: BOOK, script: '\r/Pierre\rnn', until: /hit 3\/\d+/},
  {name: 'Enter then 5jd]]', folder: BOOK, script: '\r5jd]]', until: /quotation 2\/(?:\d+|…)/},
  {
    name: 'Enter, Space, q, ↓, Enter: the next article',
    folder: BOOK,
    script: '\r q\u001B[B\r',
    // The title in the reader's header with its status line: the list shows the title too.
    until: /Зимняя библиотека[\s\S]*page 1\/\d+/,
  },
];

describe('keys in a real terminal', () => {
  for (const {name, folder, script, until} of scripts) {
    it(`ends on the same screen whether typed 80 ms apart or sent in one write: ${name}`, async () => {
      const atOnce = await start({args: [folder]});
      atOnce.write(script);
      const whole = await finalScreen(atOnce, until);

      const typed = await start({args: [folder]});
      for (const key of splitKeys(script)) {
        typed.write(key);
        await sleep(80);
      }
      const oneByOne = await finalScreen(typed, until);
      expect(whole).toBe(oneByOne);
    });
  }

  it('qq quits from the reader, whether typed or sent at once, and restores the screen', async () => {
    for (const gap of [0, 80]) {
      const session = await start({args: [BOOK]});
      session.write('\r');
      if (gap) await sleep(gap);
      session.write('q');
      if (gap) await sleep(gap);
      session.write('q');
      expect((await session.exited).exitCode).toBe(0);
      expect(session.bufferType()).toBe('normal');
      expect(session.bracketedPaste()).toBe(false);
      expect(session.text()).toContain(SHELL_MARK);
    }
  });

  it('opens the second article from keys typed before the first frame', async () => {
    const session = await start({args: [articlesPath], typeAhead: `${keys.down}\r`});
    // (The whole frame: its text may be on screen a moment before its status line.)
    await session.waitFor(
      (screen) => screen.includes('The town council voted') && screen.includes('page 1/'),
      10000,
    );
    expect(session.text()).not.toContain('A Study in Scarlet');
  });

  it('turns exactly sixty pages for Space held down (a key every 33 ms)', async () => {
    const session = await start({args: [BOOK]});
    session.write('\r');
    for (let i = 0; i < 60; i++) {
      session.write(' ');
      await sleep(33);
    }
    await finalScreen(session, /page 61\/\d+/);
    expect(session.text()).toMatch(/page 61\/\d+/);
  });

  it('turns nineteen pages for nineteen Spaces sent while the book opens', async () => {
    const session = await start({args: [BOOK]});
    session.write('\r' + ' '.repeat(19));
    await finalScreen(session, /page 20\/\d+/);
    expect(session.text()).toMatch(/page 20\/\d+/);
  });

  it('searches for pasted text in the prompt, and ignores a paste outside it', async () => {
    const session = await start({args: [BOOK]});
    expect(session.bracketedPaste()).toBe(true);
    session.write('\r');
    await session.waitFor(/page 1\//);
    session.write(pasted('G12g q'));
    await session.waitFor('paste ignored');
    expect(session.text()).toMatch(/page 1\//);
    session.write('/' + pasted('Natásha\n') + '\r');
    await session.waitFor(/hit 1\/\d+/);
    const screen = session.text();
    expect(screen).toContain('Natásha');
    expect(screen).not.toMatch(/page 1\//);
  });
});
