// The library at scale: spawn → first frame of a 10-article and a 10,000-article folder, cold
// (no cache) and warm (the list's cache filled by an earlier run); a filter keystroke at
// 10,000; and the peak memory of the 10,000-article list.
import path from 'node:path';
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {cliSession, median, ratio, root, terminalEnv} from './util.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const WORDS = readFileSync(path.join(root, 'articles/the-harbour-inquiry.txt'), 'utf8')
  .split(/\s+/)
  .filter(Boolean);

/** A folder of `count` articles of a few KB each, in subfolders of 500, titles all different. */
function folderOf(count) {
  const folder = mkdtempSync(path.join(tmpdir(), `bs-bench-library-${count}-`));
  for (let index = 0; index < count; index++) {
    const sub = path.join(folder, `part-${Math.floor(index / 500)}`);
    if (index % 500 === 0) mkdirSync(sub);
    const title = `${WORDS[index % WORDS.length]} ${WORDS[(index * 7) % WORDS.length]} report ${index}`;
    const body = Array.from({length: 6}, (_, paragraph) =>
      WORDS.slice((index + paragraph * 40) % 300, ((index + paragraph * 40) % 300) + 60).join(' '),
    ).join('\n\n');
    writeFileSync(
      path.join(sub, `article-${index}.txt`),
      `${title}\n\nBy the bench desk\n\n${body}\n`,
    );
  }
  return folder;
}

const session = (args, env) => cliSession(args, {columns: 100, rows: 30, env});

const FIRST_FRAME = /1 of \d/;

/** Spawn → the list's first frame for `folder`, in a 100×30 pty. */
export async function firstFrame(folder, env) {
  const s = session([folder], env);
  const ms = await s.until(FIRST_FRAME);
  s.child.write('q');
  await s.exited;
  return ms;
}

export async function benchLibrary() {
  const small = folderOf(10);
  const large = folderOf(10_000);
  const warmSmall = terminalEnv();
  const warmLarge = terminalEnv();
  await firstFrame(small, warmSmall); // warm-up, and fills the caches of the warm runs
  await firstFrame(large, warmLarge);
  const times = {small: [], large: [], smallWarm: [], largeWarm: []};
  for (let run = 0; run < RUNS; run++) {
    times.small.push(await firstFrame(small, terminalEnv()));
    times.large.push(await firstFrame(large, terminalEnv()));
    times.smallWarm.push(await firstFrame(small, warmSmall));
    times.largeWarm.push(await firstFrame(large, warmLarge));
  }
  const [s, l, sw, lw] = [times.small, times.large, times.smallWarm, times.largeWarm].map(median);
  const ms = (value) => `${value.toFixed(1)} ms`;
  console.log(`\nThe library, median of ${RUNS} interleaved runs (100×30 pty)`);
  console.log(
    `  spawn → first frame, no cache: 10 articles ${ms(s)}, 10,000 ${ms(l)}: ${ratio(l, s)} (goal ≤ 1.5×)`,
  );
  console.log(
    `  spawn → first frame, cached:   10 articles ${ms(sw)}, 10,000 ${ms(lw)}: ${ratio(lw, sw)} (goal < 1.4×)`,
  );

  // A filter keystroke at 10,000: '/' opens the prompt; each letter narrows the list.
  const s10k = session([large], warmLarge);
  await s10k.until(FIRST_FRAME);
  s10k.child.write('/');
  await s10k.until(/\/█/);
  const keys = [];
  let typed = '';
  for (const letter of 'report 12') {
    typed += letter;
    s10k.mark();
    s10k.child.write(letter);
    const escaped = typed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    keys.push(await s10k.until(new RegExp(`/${escaped}█`)));
  }
  const status = readFileSync(`/proc/${s10k.child.pid}/status`, 'utf8');
  const rss = Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
  s10k.child.write('\u0003');
  await s10k.exited;
  console.log(
    `  filter keystroke → frame at 10,000: median ${ms(median(keys))}, slowest ${ms(Math.max(...keys))} (goal ≤ 50 ms); each: ${keys.map((k) => k.toFixed(0)).join(' ')}`,
  );
  console.log(`  peak RSS with 10,000 articles: ${rss.toFixed(0)} MB (goal ≤ 250 MB)`);
}
