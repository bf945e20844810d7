// Files people actually have, opened in a real terminal: one long line, damaged UTF-8, 30 MB.
import {afterEach, describe, expect, it} from 'vitest';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {projectRoot, runCli, type Session} from './terminal.js';

const sessions: Session[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.kill('SIGKILL');
});
const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-files-'));

describe('files people have, in a real terminal', () => {
  it('shows a page of a one-line 33 KB article within a second, titled by its first sentence', async () => {
    const file = path.join(folder, 'one-line.txt');
    const sentence = 'Google verspricht viel für sein neues Smartphone, wir forschen nach.';
    writeFileSync(
      file,
      `${sentence} ${'Nexus-Geräte nehmen eine spezielle Stellung ein. '.repeat(650)}`,
    );
    const started = Date.now();
    const session = await runCli({args: [file]});
    sessions.push(session);
    await session.waitFor(/page 1\//);
    expect(Date.now() - started).toBeLessThan(1000);
    const screen = session.screen();
    expect(screen[0]!.trim()).toBe(sentence);
    // The page shows the text, from its first words, not a blank page under a huge title.
    expect(screen[2]).toMatch(/^\s+Google verspricht viel/);
    expect(screen.filter((line) => line.includes('Nexus-Geräte')).length).toBeGreaterThan(5);
  });

  it('opens damaged UTF-8 (a NUL, invalid bytes) as text with replacement characters', async () => {
    const file = path.join(folder, 'damaged.txt');
    const prose = 'Lines of a decoder test follow, each with its own kind of sequence.\n'.repeat(
      60,
    );
    const text = Buffer.from(
      `UTF-8 decoder stress test\n\n${prose}\nA NUL here: \0 and bad bytes: `,
      'utf8',
    );
    writeFileSync(file, Buffer.concat([text, Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x0a])]));
    const session = await runCli({args: [file]});
    sessions.push(session);
    await session.waitFor(/page 1\//);
    expect(session.text()).toContain('UTF-8 decoder stress test');
    session.write('G');
    await session.waitFor('A NUL here: ␀');
    expect(session.text()).not.toContain('not text');
  });

  it('opens a 30 MB file at once and goes to its last page with G', async () => {
    const file = path.join(folder, 'big.txt');
    const book = readFileSync(
      path.join(projectRoot, 'test/fixtures/books/war-and-peace_pg2600.txt'),
    );
    writeFileSync(file, Buffer.concat(Array.from({length: 9}, () => book)));
    const session = await runCli({args: [file]});
    sessions.push(session);
    await session.waitFor(/page 1\/… /);
    expect(session.text()).toContain('War and Peace');
    session.write('G');
    await session.waitFor(/page (\d+)\/\1 · 100%/, 30000);
    expect(session.text()).toContain('our email newsletter to hear about new eBooks.');
  });
});
