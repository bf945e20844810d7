// Opening any file at once, and answering every key within 100 ms: spawn → first page for a
// 4 KB article, a 3.3 MB book and a 30 MB file; Enter → first page; whole-book keys right
// after the book opens; the longest event-loop block; peak memory of the 30 MB file.
import path from 'node:path';
import {mkdtempSync, readFileSync, writeFileSync, existsSync, copyFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {cliSession, median, root, terminalEnv} from './util.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const SEED = path.join(root, 'articles/russia-sends-foreign-minister-to-north-korea.txt');
const BOOK = path.join(root, 'test/fixtures/books/war-and-peace_pg2600.txt');

function bigFile() {
  const folder = mkdtempSync(path.join(tmpdir(), 'bs-bench-big-'));
  const file = path.join(folder, 'big.txt');
  const book = readFileSync(BOOK);
  writeFileSync(file, Buffer.concat(Array.from({length: 9}, () => book)));
  return file;
}

/** One line of 33 KB, no paragraph breaks at all (as some scraped articles are). */
function oneLineFile() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'bs-bench-line-')), 'one-line.txt');
  const sentence = 'Google verspricht viel für sein neues Smartphone, wir forschen nach.';
  writeFileSync(
    file,
    `${sentence} ${'Nexus-Geräte nehmen eine spezielle Stellung ein. '.repeat(650)}`,
  );
  return file;
}

function libraryOf(file) {
  const folder = mkdtempSync(path.join(tmpdir(), 'bs-bench-lib-'));
  copyFileSync(file, path.join(folder, path.basename(file)));
  return folder;
}

/** A CLI in an 80×24 (or given) pty, in a person's terminal environment. */
const session = (args, {columns = 80, env = {}} = {}) =>
  cliSession(args, {columns, env: {...terminalEnv(), ...env}});

const FIRST_PAGE = /page 1\//;

async function spawnToPage(file) {
  const s = session([file]);
  const ms = await s.until(FIRST_PAGE);
  s.child.kill('SIGKILL');
  return ms;
}

async function enterToPage(folder) {
  const s = session([folder]);
  await s.until(/1 of 1/);
  await new Promise((resolve) => setTimeout(resolve, 50));
  s.mark();
  s.child.write('\r');
  const ms = await s.until(FIRST_PAGE);
  s.child.kill('SIGKILL');
  return ms;
}

/** Keypress → frame on the book right after it opens; and the longest event-loop block. */
async function keyOnFreshBook(columns, keys, done, before) {
  const stats = path.join(mkdtempSync(path.join(tmpdir(), 'bs-bench-loop-')), 'loop.json');
  const s = session([BOOK], {columns, env: {BROADSHEET_LOOP_STATS: stats}});
  await s.until(FIRST_PAGE);
  if (before) {
    s.child.write(before.keys);
    await s.until(before.done);
  }
  s.mark();
  s.child.write(keys);
  const ms = await s.until(done);
  s.child.write('\u0003');
  await s.exited;
  const loop = existsSync(stats) ? JSON.parse(readFileSync(stats, 'utf8')) : {maxMs: NaN};
  return {ms, loopMs: loop.maxMs};
}

function peakRss(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
}

async function bigPagedToEnd(file) {
  const s = session([file]);
  await s.until(FIRST_PAGE, 30000);
  s.child.write('G');
  await s.until(/page (\d+)\/\1 /, 60000);
  const rss = peakRss(s.child.pid);
  s.child.kill('SIGKILL');
  return rss;
}

export async function benchOpen() {
  const big = bigFile();
  const oneLine = oneLineFile();
  const seedLibrary = libraryOf(SEED);
  const bookLibrary = libraryOf(BOOK);
  const ms = (value) => `${value.toFixed(1)} ms`;

  const spawnTimes = {seed: [], book: [], big: [], oneLine: []};
  const enterTimes = {seed: [], book: []};
  await spawnToPage(SEED); // warm-up
  for (let run = 0; run < RUNS; run++) {
    spawnTimes.seed.push(await spawnToPage(SEED));
    spawnTimes.book.push(await spawnToPage(BOOK));
    spawnTimes.big.push(await spawnToPage(big));
    spawnTimes.oneLine.push(await spawnToPage(oneLine));
    enterTimes.seed.push(await enterToPage(seedLibrary));
    enterTimes.book.push(await enterToPage(bookLibrary));
  }
  const [seed, book, huge] = [spawnTimes.seed, spawnTimes.book, spawnTimes.big].map(median);
  const [enterSeed, enterBook] = [enterTimes.seed, enterTimes.book].map(median);
  console.log(`\nOpening, median of ${RUNS} interleaved runs (80×24 pty)`);
  console.log(`  spawn → first page: seed ${ms(seed)}, book ${ms(book)}, 30 MB ${ms(huge)}`);
  console.log(`  book − seed   ${ms(book - seed)}   (goal ≤ +50 ms)`);
  console.log(`  30 MB − book  ${ms(huge - book)}   (goal ≤ +50 ms)`);
  console.log(
    `  one line of 33 KB − seed  ${ms(median(spawnTimes.oneLine) - seed)}   (was a test's bound: whole under 1 s)`,
  );
  console.log(
    `  Enter → first page: seed ${ms(enterSeed)}, book ${ms(enterBook)}; book − seed ${ms(enterBook - enterSeed)}   (goal ≤ +50 ms)`,
  );

  const keys = [
    {name: 'G', keys: 'G', done: /100%/},
    {name: '"', keys: '"', done: /quotations · /},
    {name: '[ after G', keys: '[', done: /quotation \d+\//, before: {keys: 'G', done: /100%/}},
    {name: '50%', keys: '50%', done: / 50% /},
    {name: '=', keys: '=', done: /measure \d+/},
  ];
  console.log(
    `\nKeypress → frame on the book right after it opens (median of 3), longest loop block`,
  );
  let longest = 0;
  for (const columns of [80, 24]) {
    for (const key of keys) {
      const runs = [];
      for (let run = 0; run < 3; run++)
        runs.push(await keyOnFreshBook(columns, key.keys, key.done, key.before));
      const loop = Math.max(...runs.map((run) => run.loopMs));
      longest = Math.max(longest, loop);
      console.log(
        `  ${String(columns).padStart(2)} columns  ${key.name.padEnd(10)} ${ms(median(runs.map((run) => run.ms)))}   longest block ${ms(loop)}`,
      );
    }
  }
  console.log(`  every key ≤ 100 ms; longest event-loop block seen ${ms(longest)} (goal ≤ 100 ms)`);

  const rss = await bigPagedToEnd(big);
  console.log(`\nPeak RSS, 30 MB file paged to the end: ${rss.toFixed(0)} MB   (goal ≤ 200 MB)`);
}
