// `npm run fuzz`, not npm test: it fails today (issue 13's note): over the bundled articles a
// storm blocks the event loop for 300–390 ms at worst, over the 250 ms bound.
// A storm of keys: seeded random sequences of every bound key, digits, Esc, stray and unknown
// escape sequences and pasted chunks, in random chunks, with random resizes between 1×1 and
// 250×80, over a long book, Japanese text, hostile payloads and the library. Print the seed on
// failure; replay with STORM_SEED=<seed>.
import {afterEach, describe, expect, it} from 'vitest';
import {copyFileSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {articlesPath, projectRoot, runCli, type Session} from '../e2e/terminal.js';
import {foreignSequences} from '../e2e/escape-filter.js';

const sessions: Session[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.kill('SIGKILL');
});

/** mulberry32: a small seeded generator, so that a failing storm can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Every key the reader and the list bind (q and Ctrl-C aside: they end the storm), and noise.
const KEYS = [
  ' ',
  'b',
  'f',
  'l',
  'h',
  'j',
  'k',
  'd',
  'u',
  'g',
  'G',
  'n',
  'N',
  '/',
  '?',
  '"',
  '[',
  ']',
  '-',
  '+',
  '=',
  'J',
  'K',
  's',
  'r',
  '%',
  '\r',
  '\u007F',
  '\u0006',
  '\u0002',
  '\u001B',
  '0',
  '1',
  '2',
  '5',
  '9',
  'x',
  'Q',
  'é',
  '夜',
  '\u001B[A',
  '\u001B[B',
  '\u001B[C',
  '\u001B[D',
  '\u001B[5~',
  '\u001B[6~',
  '\u001B[H',
  '\u001B[F',
  '\u001BOA',
  '\u001BOP',
  '\u001B[99~',
  '\u001B[1;5A',
  '\u001B[200~12g\u001B[201~',
  '12g',
  '50%',
  '/the\r',
  '/\u001B',
  '\u001B[',
  '\u001B]0;x\u0007',
];
const STORM_KEYS = 2600;

type Storm = {keys: number; resizes: number; maxBlockMs: number};

async function storm(args: string[], seed: number): Promise<Storm> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const stats = path.join(mkdtempSync(path.join(tmpdir(), 'bs-storm-')), 'loop.json');
  const session = await runCli({args, env: {BROADSHEET_LOOP_STATS: stats}});
  sessions.push(session);
  let keys = 0;
  let resizes = 0;
  let exited = false;
  void session.exited.then(() => (exited = true));
  let last = '';
  while (keys < STORM_KEYS) {
    if (exited) {
      throw new Error(
        `seed ${seed}: exited during the storm after ${keys} keys (last chunk ${JSON.stringify(last)}):\n${session.output().slice(-600)}`,
      );
    }
    if (next() < 0.04) {
      // Mostly ordinary sizes, sometimes degenerate ones.
      const tiny = next() < 0.3;
      const columns = tiny ? 1 + Math.floor(next() * 6) : 1 + Math.floor(next() * 250);
      const rows = tiny ? 1 + Math.floor(next() * 4) : 1 + Math.floor(next() * 80);
      session.resize(columns, rows);
      resizes++;
    }
    const chunk = 1 + Math.floor(next() * (next() < 0.2 ? 30 : 3));
    let text = '';
    for (let index = 0; index < chunk; index++) text += pick(KEYS);
    keys += chunk;
    last = text;
    session.write(text);
    await new Promise((resolve) => setTimeout(resolve, next() < 0.1 ? 20 : 1));
  }
  // After the storm: a readable size, and the app still answers.
  session.resize(80, 24);
  session.write('\u001B');
  await new Promise((resolve) => setTimeout(resolve, 300));
  session.write('?');
  await session.waitFor((screen) => screen.trim().length > 0, 5000);
  session.write('\u0003');
  const exit = await session.exited;
  expect(exit.exitCode).toBe(0);
  expect(session.bufferType()).toBe('normal');
  expect(session.cursorHidden()).toBe(false);
  expect(session.output()).not.toMatch(/TypeError|RangeError|Cannot read properties/);
  // Ink clears the display when a frame fills a tiny terminal: its own erase, allowed here.
  expect(foreignSequences(session.output().replaceAll('\u001B[2J\u001B[3J\u001B[H', ''))).toEqual(
    [],
  );
  const {maxMs} = JSON.parse(readFileSync(stats, 'utf8')) as {maxMs: number};
  return {keys, resizes, maxBlockMs: maxMs};
}

describe('a storm of keys and resizes', () => {
  const seed = Number(process.env['STORM_SEED'] ?? Date.now() % 100_000);
  // The reader is reached from a library (Esc there goes back to the list rather than out, as
  // it does for a file named on the command line): a long book, Japanese text, payloads.
  const folder = mkdtempSync(path.join(tmpdir(), 'bs-storm-folder-'));
  writeFileSync(
    path.join(folder, 'payloads.txt'),
    `Payloads\n\n${'\u001B]0;owned\u0007 \u009B31m \u202Eevil \u001B[2J words. '.repeat(400)}`,
  );
  copyFileSync(
    path.join(projectRoot, 'test/fixtures/books/war-and-peace_pg2600.txt'),
    path.join(folder, 'war-and-peace.txt'),
  );
  copyFileSync(path.join(articlesPath, 'yoru-no-toshokan.txt'), path.join(folder, 'yoru.txt'));
  const subjects: Array<[string, string[]]> = [
    ['War and Peace, Japanese text and hostile payloads', [folder]],
    ['the bundled articles', [articlesPath]],
  ];
  const totals = {keys: 0, resizes: 0, maxBlockMs: 0};
  for (const [name, args] of subjects) {
    it(`survives ${STORM_KEYS} keys over ${name} (seed ${seed})`, async () => {
      const result = await storm(args, seed);
      totals.keys += result.keys;
      totals.resizes += result.resizes;
      totals.maxBlockMs = Math.max(totals.maxBlockMs, result.maxBlockMs);
      console.log(
        `storm over ${name}, seed ${seed}: ${result.keys} keys, ${result.resizes} resizes, longest block ${result.maxBlockMs.toFixed(0)} ms`,
      );
      expect(result.maxBlockMs, `seed ${seed}`).toBeLessThanOrEqual(250);
    }, 120_000);
  }
  it('adds up to at least 5,000 keys', () => {
    expect(totals.keys).toBeGreaterThanOrEqual(5000);
  });
});
