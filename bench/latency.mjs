// Keypress to frame: the time from writing a page-turn key to the pseudo-terminal until the
// new page's status line arrives, over 200 turns, on a 3.3 MB book and on the 4 KB seed article.
import {spawn} from '@lydell/node-pty';
import path from 'node:path';
import {median, percentile, root, terminalEnv} from './util.mjs';

const TURNS = Number(process.env.BENCH_TURNS ?? 200);

function session(file) {
  const child = spawn(process.execPath, [path.join(root, 'dist/cli.js'), file], {
    cols: 80,
    rows: 24,
    cwd: root,
    env: terminalEnv(),
  });
  let seen = '';
  let waiter;
  child.onData((data) => {
    seen += data;
    if (waiter && waiter.test(seen)) {
      const done = waiter;
      waiter = undefined;
      done.resolve();
    }
  });
  const waitFor = (pattern, timeout = 10000) =>
    new Promise((resolve, reject) => {
      const test = (text) => pattern.test(text);
      if (test(seen)) return resolve();
      const timer = setTimeout(() => reject(new Error(`no ${pattern} in ${file}`)), timeout);
      waiter = {
        test,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
    });
  return {
    child,
    waitFor,
    reset: () => (seen = ''),
    bytes: () => Buffer.byteLength(seen),
  };
}

/** A reader in a pty, turning pages: forward through a book, or back and forth in a short one. */
async function reader(file, {bounce}) {
  const s = session(file);
  await s.waitFor(/page 1\/\d+ /); // the page count is known: the background layout is done
  const times = [];
  const bytes = [];
  let page = 1;
  let forward = true;
  const turn = async () => {
    if (bounce) {
      if (page >= bounce) forward = false;
      if (page <= 1) forward = true;
    }
    page += forward ? 1 : -1;
    s.reset();
    const started = process.hrtime.bigint();
    s.child.write(forward ? ' ' : 'b');
    await s.waitFor(new RegExp(`page ${page}/\\d+ `));
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    bytes.push(s.bytes());
  };
  const result = () => ({p50: median(times), p95: percentile(times, 95), bytes: median(bytes)});
  return {turn, result, close: () => s.child.kill('SIGKILL')};
}

export async function benchLatency() {
  const bookReader = await reader(
    path.join(root, 'test/fixtures/books/war-and-peace_pg2600.txt'),
    {},
  );
  const seedReader = await reader(
    path.join(root, 'articles/russia-sends-foreign-minister-to-north-korea.txt'),
    {bounce: 3},
  );
  await new Promise((resolve) => setTimeout(resolve, 200));
  // Turns alternate between the two readers, so both meet the same machine at the same time.
  for (let turn = 0; turn < TURNS; turn++) {
    await bookReader.turn();
    await new Promise((resolve) => setTimeout(resolve, 12));
    await seedReader.turn();
    // Even a hurried reader waits a moment between pages.
    await new Promise((resolve) => setTimeout(resolve, 12));
  }
  bookReader.close();
  seedReader.close();
  const book = bookReader.result();
  const seed = seedReader.result();
  const ms = (value) => `${value.toFixed(1)} ms`;
  console.log(`\nPage turn, keypress to frame in an 80×24 pty, ${TURNS} turns each`);
  console.log(
    `  War and Peace   p50 ${ms(book.p50)}  p95 ${ms(book.p95)}  ${book.bytes} bytes a turn`,
  );
  console.log(
    `  seed article    p50 ${ms(seed.p50)}  p95 ${ms(seed.p95)}  ${seed.bytes} bytes a turn`,
  );
  console.log(
    `  p95 budget ≤ 16 ms; ratio book / article p95 ${(book.p95 / seed.p95).toFixed(2)}× (p50 ${(book.p50 / seed.p50).toFixed(2)}×), budget ≤ 1.2`,
  );
  return {book, seed};
}
