// Every hostile file of ../shared/corpus/nasty, opened in a real terminal and paged through:
// the bytes written carry no escape sequence of the file's. Needs dist/ (npm run build).
import {afterEach, describe, expect, it} from 'vitest';
import {readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {keys, runCli, type Session} from '../e2e/terminal.js';
import {foreignSequences} from '../e2e/escape-filter.js';

const nasty = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/corpus/nasty',
);
const files = (folder: string): string[] =>
  readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });

const sessions: Session[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.kill('SIGKILL');
});

describe('hostile files in a real terminal', () => {
  const all = files(nasty);
  it('finds the hostile files', () => {
    expect(all.length).toBeGreaterThanOrEqual(18);
  });
  for (const file of all) {
    it(`writes none of its escape sequences: ${path.relative(nasty, file)}`, async () => {
      const session = await runCli({args: [file], columns: 80, rows: 24});
      sessions.push(session);
      await session.waitFor((screen) => /page 1\/|cannot open|not text/i.test(screen));
      if (/page 1\//.test(session.text())) {
        session.write(keys.space);
        session.write('G');
        await session.waitFor(/100%|page 1\/1\b/);
      }
      session.write('q');
      await session.exited;
      expect(foreignSequences(session.output())).toEqual([]);
      expect(session.bufferType()).toBe('normal');
    });
  }
});
