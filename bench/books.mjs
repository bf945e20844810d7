// Books: Moby-Dick as an EPUB (the IDPF sample, beside the checkout in ../shared/suites/epub,
// never in the repository) against the same text as a .txt, spawn → first page; and the
// contents panel (t) and the next chapter (}) on War and Peace, keypress → frame, once the
// book is read and right after it opens.
import path from 'node:path';
import {existsSync, mkdtempSync, writeFileSync} from 'node:fs';
import {execFileSync} from 'node:child_process';
import {tmpdir} from 'node:os';
import {cliSession, median, root, terminalEnv} from './util.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const MOBY = path.resolve(root, '../shared/suites/epub/moby-dick.epub');
const BOOK = path.join(root, 'test/fixtures/books/war-and-peace_pg2600.txt');
const FIRST_PAGE = /page 1\//;
const ms = (value) => `${value.toFixed(1)} ms`;

async function spawnToPage(file) {
  const s = cliSession([file], {env: terminalEnv()});
  const time = await s.until(FIRST_PAGE);
  s.child.kill('SIGKILL');
  return time;
}

/** Keypress → frame on War and Peace: once its page count is known, or as soon as it opens. */
async function keyOnBook(keys, done, {read}) {
  const s = cliSession([BOOK], {env: terminalEnv()});
  await s.until(read ? /page 1\/\d+/ : FIRST_PAGE, 60000);
  s.mark();
  s.child.write(keys);
  const time = await s.until(done);
  s.child.kill('SIGKILL');
  return time;
}

export async function benchBooks() {
  const contents = {read: [], fresh: []};
  const next = {read: [], fresh: []};
  for (let run = 0; run < RUNS; run++) {
    contents.read.push(await keyOnBook('t', /contents · /, {read: true}));
    contents.fresh.push(await keyOnBook('t', /contents · /, {read: false}));
    next.read.push(await keyOnBook('}', /page \d{2,}\//, {read: true}));
    next.fresh.push(await keyOnBook('}', /page \d{2,}\//, {read: false}));
  }
  console.log(`\nContents on War and Peace, keypress → frame, median of ${RUNS} runs (80×24 pty)`);
  console.log(
    `  t ${ms(median(contents.read))} once the book is read, ${ms(median(contents.fresh))} right after it opens (goal ≤ 100 ms)`,
  );
  console.log(
    `  } ${ms(median(next.read))} once the book is read, ${ms(median(next.fresh))} right after it opens (goal ≤ 100 ms)`,
  );

  if (!existsSync(MOBY)) {
    console.log('  (../shared/suites/epub is not here: Moby-Dick as an EPUB is not measured)');
    return;
  }
  // The same text as a .txt: the book as Broadsheet prints it.
  const text = path.join(mkdtempSync(path.join(tmpdir(), 'bs-bench-moby-')), 'moby-dick.txt');
  writeFileSync(
    text,
    execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), '--print', MOBY], {
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
  await spawnToPage(MOBY);
  const times = {epub: [], txt: []};
  for (let run = 0; run < RUNS; run++) {
    times.txt.push(await spawnToPage(text));
    times.epub.push(await spawnToPage(MOBY));
  }
  const [epub, txt] = [median(times.epub), median(times.txt)];
  console.log(`\nMoby-Dick, spawn → first page, median of ${RUNS} interleaved runs (80×24 pty)`);
  console.log(`  .txt ${ms(txt)}; .epub ${ms(epub)}: ${ms(epub - txt)} over (goal ≤ +100 ms)`);
}
