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
  };
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
  return env;
}
