// SIGTERM, SIGHUP and SIGINT while reading, with the search prompt open, and in the middle of a
// burst of page turns (the place is being saved): the process ends, the terminal is given back,
// and the place is saved in a state file that is valid JSON.
import {afterEach, describe, expect, it} from 'vitest';
import {mkdtempSync, readdirSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {articlesPath, keys, runCli, type Session} from './terminal.js';
import {readerAt} from './layout.js';

const sessions: Session[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.kill('SIGKILL');
});

const LONG = path.join(articlesPath, 'a-study-in-scarlet.txt');
const pause = () => new Promise((resolve) => setTimeout(resolve, 30));
/** Where each page of the long article starts at 80×24. */
const pageStarts = readerAt(LONG, 80, 24).pages.startOffset;

type Saved = {version: number; articles: Record<string, {offset: number; path: string}>};

async function signalled(signal: string, before: (session: Session) => Promise<void>) {
  const state = mkdtempSync(path.join(tmpdir(), 'bs-signal-'));
  const session = await runCli({args: [LONG], env: {BROADSHEET_STATE_DIR: state}});
  sessions.push(session);
  await session.waitFor('page 1/');
  await before(session);
  session.kill(signal);
  const exit = await session.exited;
  expect(session.bufferType(), signal).toBe('normal');
  expect(session.cursorHidden(), signal).toBe(false);
  // The state folder holds the state file and nothing half-written beside it.
  expect(readdirSync(state).filter((name) => !name.endsWith('.json'))).toEqual([]);
  const saved = JSON.parse(readFileSync(path.join(state, 'positions.json'), 'utf8')) as Saved;
  const [place] = Object.values(saved.articles);
  expect(place?.path).toBe(LONG);
  return {exit, offset: place!.offset, session};
}

async function turnTo(session: Session, page: number) {
  for (let next = 2; next <= page; next++) {
    await pause();
    await session.press(keys.space);
    await session.waitFor(`page ${next}/`);
  }
}

describe('signals', () => {
  for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT']) {
    it(`${signal} while reading: ends, gives the terminal back, and keeps the page`, async () => {
      const {exit, offset} = await signalled(signal, (session) => turnTo(session, 4));
      expect(offset).toBe(pageStarts[3]);
      expect(exit.exitCode !== 0 || exit.signal !== undefined).toBe(true);
    });

    it(`${signal} with the search prompt open: the same`, async () => {
      const {offset} = await signalled(signal, async (session) => {
        await turnTo(session, 3);
        await pause();
        await session.press('/');
        await session.press('watson');
        await session.waitFor('/watson█');
      });
      expect(offset).toBe(pageStarts[2]);
    });

    it(`${signal} amid a burst of page turns: a valid state file at a page the keys reached`, async () => {
      const {offset} = await signalled(signal, async (session) => {
        session.write(' '.repeat(12));
        await new Promise((resolve) => setTimeout(resolve, 5));
      });
      expect(pageStarts.slice(0, 13)).toContain(offset);
    });
  }
});
