// Runs dist/bench/typesetting.js (a child of its own, for its peak memory) and reports it.
import {execFileSync} from 'node:child_process';
import path from 'node:path';
import {median, root} from './util.mjs';

const BOOK = path.join(root, 'test/fixtures/books/war-and-peace_pg2600.txt');
const ARTICLE = path.join(root, 'articles/russia-sends-foreign-minister-to-north-korea.txt');

/** Runs in fresh processes (a cold start is what a reader meets), taking each figure's median. */
const RUNS = Number(process.env.BENCH_TYPESET_RUNS ?? 5);

export function benchTypesetting() {
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    const output = execFileSync(
      process.execPath,
      [path.join(root, 'dist/bench/typesetting.js'), BOOK, ARTICLE],
      {encoding: 'utf8'},
    );
    runs.push(JSON.parse(output));
  }
  const r = Object.fromEntries(
    Object.keys(runs[0]).map((key) => [key, median(runs.map((x) => x[key]))]),
  );
  console.log(`\nTypesetting, median of ${RUNS} fresh processes each`);
  const ms = (value) => `${value.toFixed(1)} ms`;
  const us = (value) => `${(value * 1000).toFixed(1)} µs`;
  console.log(
    `\nTypesetting: War and Peace (${(r.bookBytes / 1e6).toFixed(1)} MB, ${r.pageCount} pages) at 80×24`,
  );
  console.log(`  first page after the file is read  ${ms(r.firstPage)}   (budget ≤ 150 ms)`);
  console.log(`  full page count                    ${ms(r.fullCount)}   (budget ≤ 1000 ms)`);
  console.log(`  re-layout, resize to 60×20 at 50% ${ms(r.resize)}`);
  console.log(`  page turn, book                    ${us(r.turnBook)}`);
  console.log(
    `  page turn, ${(r.articleBytes / 1e3).toFixed(0)} KB article             ${us(r.turnSmall)}`,
  );
  console.log(
    `  page turn ratio book / article     ${(r.turnBook / r.turnSmall).toFixed(2)}×   (budget ≤ 1.2)`,
  );
  console.log(
    `  quotations found (${r.quoteCount}), with speakers ${ms(r.quotes)}   (budget ≤ 200 ms)`,
  );
  console.log(
    `  the same without naming speakers   ${ms(r.quotesScanOnly)}   (naming: ${(r.quotes / r.quotesScanOnly).toFixed(1)}× the scan)`,
  );
  console.log(
    `  peak RSS                           ${r.peakRssMb.toFixed(0)} MB   (budget ≤ 250 MB)`,
  );
  return r;
}
