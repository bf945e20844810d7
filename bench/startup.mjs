// Start-up: time from spawn to the first frame, in a pseudo-terminal, against two references
// spawned the same way: bare Node printing one word, and the smallest bundled Ink app.
import {spawn} from '@lydell/node-pty';
import path from 'node:path';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {root, median, ratio, terminalEnv} from './util.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

// One code cache for the run, made by the warm-up (see source/launcher.ts), as a user's earlier
// run would have made it.
const cacheHome = mkdtempSync(path.join(tmpdir(), 'bs-bench-cache-'));

function timeToFirstFrame({args, marker, env = {}}, linger = 0) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, {
      cols: 80,
      rows: 24,
      cwd: root,
      env: {...terminalEnv(), XDG_CACHE_HOME: cacheHome, ...env},
    });
    let seen = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no "${marker}" from ${args.join(' ')}`));
    }, 10000);
    child.onData((data) => {
      seen += data;
      if (seen.includes(marker)) {
        const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
        clearTimeout(timer);
        setTimeout(() => {
          child.kill('SIGKILL');
          resolve(elapsed);
        }, linger);
      }
    });
  });
}

export async function benchStartup() {
  const subjects = [
    {name: 'bare node -e', args: ['-e', "process.stdout.write('ready')"], marker: 'ready'},
    {
      name: 'Ink floor (bundled <Text>)',
      args: [path.join(root, 'dist/bench/ink-floor.js')],
      marker: 'ready',
    },
    {
      name: 'broadsheet library',
      args: [path.join(root, 'dist/cli.js'), path.join(root, 'articles')],
      marker: 'Council Votes',
    },
    {
      name: 'broadsheet, no code cache',
      args: [path.join(root, 'dist/cli.js'), path.join(root, 'articles')],
      marker: 'Council Votes',
      env: {BROADSHEET_CODE_CACHE: 'off'},
    },
  ];
  const times = subjects.map(() => []);
  // Warm-up, long enough for the code cache to be written.
  for (const subject of subjects) await timeToFirstFrame(subject, 1500);
  for (let run = 0; run < RUNS; run++) {
    for (const [index, subject] of subjects.entries()) {
      times[index].push(await timeToFirstFrame(subject));
    }
  }
  const [node, ink, app, uncached] = times.map(median);
  console.log(`\nStart-up to first frame, median of ${RUNS} interleaved runs (80×24 pty)`);
  for (const [index, subject] of subjects.entries()) {
    console.log(`  ${subject.name.padEnd(28)} ${median(times[index]).toFixed(1)} ms`);
  }
  console.log(`  broadsheet / Ink floor   ${ratio(app, ink)}   (budget ≤ 1.15)`);
  console.log(`  broadsheet / bare node   ${ratio(app, node)}   (stretch ≤ 2.00)`);
  console.log(`  first run (no code cache) / Ink floor   ${ratio(uncached, ink)}`);
  return {node, ink, app};
}
