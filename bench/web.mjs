// Web pages: spawn → first page for saved pages of Readability's test suite against the seed
// article (the nytimes-1 page, and the slowest of them), the peak memory of the largest, and a
// library of 1,000 saved pages against one of 10. The suite is beside the checkout
// (../shared/suites/web), never in the repository: without it, only the library runs.
import path from 'node:path';
import {existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {cliSession, median, ratio, root, terminalEnv} from './util.mjs';
import {firstFrame} from './library.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SEED = path.join(root, 'articles/russia-sends-foreign-minister-to-north-korea.txt');
const SUITE = path.resolve(root, '../shared/suites/web');
const FIRST_PAGE = /page 1\//;
const ms = (value) => `${value.toFixed(1)} ms`;

async function spawnToPage(file) {
  const s = cliSession([file], {env: terminalEnv()});
  const time = await s.until(FIRST_PAGE);
  const status = readFileSync(`/proc/${s.child.pid}/status`, 'utf8');
  const rss = Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
  s.child.kill('SIGKILL');
  return {time, rss};
}

/** A folder of `count` pages saved as `add` saves them: front matter, then Markdown. */
function savedPages(count) {
  const folder = mkdtempSync(path.join(tmpdir(), `bs-bench-pages-${count}-`));
  const body = readFileSync(path.join(root, 'articles/reading-in-the-terminal.md'), 'utf8')
    .split('---')
    .slice(2)
    .join('---');
  for (let index = 0; index < count; index++) {
    const title = `A saved page number ${index} about the harbour`;
    writeFileSync(
      path.join(folder, `a-saved-page-number-${index}.md`),
      `---\ntitle: ${title}\nauthor: Writer ${index % 50}\nsite: Site ${index % 7}\nurl: https://news.example/${index}\nsaved: 2026-12-05T10:00:00.000Z\n---\n${body}`,
    );
  }
  return folder;
}

export async function benchWeb() {
  const small = savedPages(10);
  const large = savedPages(1000);
  await firstFrame(small, terminalEnv());
  const library = {small: [], large: []};
  for (let run = 0; run < RUNS; run++) {
    library.small.push(await firstFrame(small, terminalEnv()));
    library.large.push(await firstFrame(large, terminalEnv()));
  }
  console.log(`\nSaved pages in the library, median of ${RUNS} interleaved runs (100×30 pty)`);
  console.log(
    `  spawn → first frame: 10 pages ${ms(median(library.small))}, 1,000 ${ms(median(library.large))}: ${ratio(median(library.large), median(library.small))} (goal ≤ 1.5×)`,
  );

  if (!existsSync(SUITE)) {
    console.log('  (../shared/suites/web is not here: the pages are not measured)');
    return;
  }
  const pages = readdirSync(SUITE)
    .map((name) => path.join(SUITE, name, 'source.html'))
    .filter((file) => existsSync(file));
  // One pass over every page finds the slowest and the largest; then each is timed again.
  await spawnToPage(SEED);
  const once = [];
  for (const file of pages) once.push({file, ...(await spawnToPage(file))});
  const slowest = once.reduce((a, b) => (b.time > a.time ? b : a));
  const largest = pages.reduce((a, b) => (statSync(b).size > statSync(a).size ? b : a));
  const nytimes = path.join(SUITE, 'nytimes-1', 'source.html');
  const times = {seed: [], nytimes: [], slowest: []};
  let rss = 0;
  for (let run = 0; run < RUNS; run++) {
    times.seed.push((await spawnToPage(SEED)).time);
    times.nytimes.push((await spawnToPage(nytimes)).time);
    times.slowest.push((await spawnToPage(slowest.file)).time);
    rss = Math.max(rss, (await spawnToPage(largest)).rss);
  }
  const [seed, ny, slow] = [times.seed, times.nytimes, times.slowest].map(median);
  const name = (file) => path.basename(path.dirname(file));
  console.log(`\nWeb pages, spawn → first page, median of ${RUNS} interleaved runs (80×24 pty)`);
  console.log(
    `  seed article ${ms(seed)}; nytimes-1 ${ms(ny)}: ${ms(ny - seed)} over (goal ≤ +150 ms)`,
  );
  console.log(
    `  slowest page (${name(slowest.file)}) ${ms(slow)}: ${ms(slow - seed)} over (goal ≤ +400 ms)`,
  );
  console.log(
    `  peak RSS, largest page (${name(largest)}, ${(statSync(largest).size / 1024).toFixed(0)} KB): ${rss.toFixed(0)} MB (goal ≤ 250 MB)`,
  );
}
