// Files people actually have, opened in a real terminal: one long line, damaged UTF-8, 30 MB.
import {afterEach, describe, expect, it} from 'vitest';
import {mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {projectRoot, runCli, type Session} from './terminal.js';

const sessions: Session[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.kill('SIGKILL');
});
const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-files-'));

describe('files people have, in a real terminal', () => {
  // (How soon it shows is measured by `npm run bench open`, not bounded here: a test's timing
  // depends on what else the machine is doing.)
  it('shows a page of a one-line 33 KB article, titled by its first sentence', async () => {
    const file = path.join(folder, 'one-line.txt');
    const sentence = 'Google verspricht viel für sein neues Smartphone, wir forschen nach.';
    writeFileSync(
      file,
      `${sentence} ${'Nexus-Geräte nehmen eine spezielle Stellung ein. '.repeat(650)}`,
    );
    const session = await runCli({args: [file]});
    sessions.push(session);
    await session.waitFor(/page 1\//);
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
    // (Nine copies of one Project Gutenberg book: its licence, after the last, is set aside.)
    expect(session.text().replace(/\s+/g, ' ')).toContain(
      'to recognize a dependence of which we are not conscious.',
    );
    expect(session.text()).not.toContain('newsletter');
  });

  it('opens a Project Gutenberg book at the book, titled by its header, without its licence', async () => {
    const book = path.join(projectRoot, 'test/fixtures/books/war-and-peace_pg2600.txt');
    const session = await runCli({args: [book], columns: 80, rows: 24});
    sessions.push(session);
    await session.waitFor(/page 1\//);
    expect(session.screen()[0]).toMatch(/^ *War and Peace · By Leo Tolstoy/);
    expect(session.text()).not.toContain('Project Gutenberg');
    // / for the licence's words finds nothing; G ends at the book's last line.
    session.write('/Gutenberg License\r');
    await session.waitFor('no match');
    session.write('G');
    await session.waitFor(/page (\d+)\/\1 · 100%/, 30000);
    expect(session.text().replace(/\s+/g, ' ')).toContain(
      'to recognize a dependence of which we are not conscious.',
    );
    session.write('q');
    expect((await session.exited).exitCode).toBe(0);
  });

  it('refuses a 200 MB file by name without reading it, in the list and when opened', async () => {
    const library = mkdtempSync(path.join(tmpdir(), 'broadsheet-huge-'));
    const huge = path.join(library, 'huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, 200 * 1024 * 1024); // sparse: 200 MB long, nothing on disk
    writeFileSync(path.join(library, 'small.txt'), 'A Small One\n\nA few words.\n');
    const session = await runCli({args: [library]});
    sessions.push(session);
    await session.waitFor('too large (over 64 MB)');
    await session.press('G');
    await session.press('\r');
    await session.waitFor('Cannot open huge.txt: too large (over 64 MB)');
    // What the process has read so far, all told: nowhere near the file's 200 MB.
    const io = readFileSync(`/proc/${session.pid}/io`, 'utf8');
    expect(Number(/rchar: (\d+)/.exec(io)![1])).toBeLessThan(20 * 1024 * 1024);
    const named = await runCli({args: [huge]});
    sessions.push(named);
    await named.waitFor((screen) => screen.replace(/\s+/g, ' ').includes('too large (over 64 MB)'));
    expect(named.text()).toContain(`broadsheet: cannot open ${huge}`);
    expect((await named.exited).exitCode).toBe(1);
  });

  it('opens a 5 MB file with no line break and pages through it', async () => {
    const file = path.join(folder, 'no-breaks.txt');
    const words = 'one two three four five six seven eight nine ten eleven twelve ';
    writeFileSync(file, words.repeat(Math.ceil((5 * 1024 * 1024) / words.length)));
    const session = await runCli({args: [file]});
    sessions.push(session);
    await session.waitFor(/page 1\//);
    await session.press(' ');
    await session.waitFor(/page 2\//);
    session.write('G');
    await session.waitFor(/page (\d+)\/\1 · 100%/, 30000);
    expect(session.text()).toContain('twelve');
  });

  it('reads on when the article is deleted or rewritten while open, and the folder removed', async () => {
    const library = mkdtempSync(path.join(tmpdir(), 'broadsheet-changing-'));
    const file = path.join(library, 'story.txt');
    const paragraphs = Array.from({length: 80}, (_, i) => `Paragraph ${i} of the story.`);
    writeFileSync(file, ['A Story', ...paragraphs].join('\n\n'));
    writeFileSync(path.join(library, 'other.txt'), 'Another One\n\nWords.\n');
    const session = await runCli({args: [library]});
    sessions.push(session);
    await session.waitFor('Another One');
    await session.press('\r'); // A Story, first by title
    await session.waitFor(/page 1\//);
    // Deleted while open: what was read goes on being read.
    rmSync(file);
    await session.press(' ');
    await session.waitFor(/page 2\//);
    // Rewritten (recreated) while open: the open text is the one read.
    writeFileSync(file, 'Something Else\n\nEntirely.\n');
    await session.press(' ');
    await session.waitFor(/page 3\//);
    expect(session.text()).toContain('Paragraph');
    await session.press('q');
    await session.waitFor('Another One');
    // The folder removed under the list: opening says why, a rescan says where it looked.
    rmSync(library, {recursive: true});
    await session.press('G');
    await session.press('\r');
    await session.waitFor(/Cannot open other\.txt: (no such file|not found)/);
    await session.press('r');
    await session.waitFor(/No articles/);
    session.write('q');
    expect((await session.exited).exitCode).toBe(0);
  });
});
