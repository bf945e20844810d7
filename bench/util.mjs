import {spawn} from '@lydell/node-pty';
import path from 'node:path';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {fileURLToPath} from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

/** A person's terminal environment: no CI markers (Ink and chalk behave differently in CI). */
export function terminalEnv() {
  const env = {
    ...process.env,
    TERM: 'xterm-256color',
    XDG_STATE_HOME: mkdtempSync(path.join(tmpdir(), 'bs-bench-')),
    // The reader's own config file never applies to a benchmark.
    BROADSHEET_CONFIG: path.join(tmpdir(), 'bs-bench-no-config', 'config.yaml'),
  };
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
  return env;
}

/**
 * The built CLI in a pseudo-terminal. `until(pattern)` resolves with the ms since spawn, or
 * since the last `mark()`, at which the output first matches.
 */
export function cliSession(args, {columns = 80, rows = 24, env = terminalEnv()} = {}) {
  const started = process.hrtime.bigint();
  let from = started;
  const child = spawn(process.execPath, [path.join(root, 'dist/cli.js'), ...args], {
    cols: columns,
    rows,
    cwd: root,
    env,
  });
  let seen = '';
  let waiter;
  child.onData((data) => {
    seen += data;
    if (waiter && waiter.pattern.test(seen)) {
      const done = waiter;
      waiter = undefined;
      done.resolve(Number(process.hrtime.bigint() - from) / 1e6);
    }
  });
  const exited = new Promise((resolve) => child.onExit(resolve));
  return {
    child,
    exited,
    mark() {
      from = process.hrtime.bigint();
      seen = '';
    },
    until(pattern, timeout = 30000) {
      return new Promise((resolve, reject) => {
        if (pattern.test(seen)) return resolve(Number(process.hrtime.bigint() - from) / 1e6);
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`no ${pattern} from ${args.join(' ')}: ${seen.slice(-300)}`));
        }, timeout);
        waiter = {
          pattern,
          resolve(ms) {
            clearTimeout(timer);
            resolve(ms);
          },
        };
      });
    },
  };
}
