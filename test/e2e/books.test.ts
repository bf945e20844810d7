// A book from the library in a real terminal: its contents (t), a chapter, } and {, and the
// place kept across runs; keys typed one at a time and the same keys in one write.
import {afterEach, describe, expect, it} from 'vitest';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {keys, runCli, type Session} from './terminal.js';
import {makeEpub, proseChapter} from '../fixtures/make-epub.js';

const sessions: Session[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.kill('SIGKILL');
});

const CHAPTERS = ['The Lamplighter', 'The Night Ferry', 'The Harbour Master', 'The Last Crossing'];

/** A library folder with one book of four chapters (several pages each at 80×24). */
function library(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-books-'));
  const chapters = CHAPTERS.map((title, index) => proseChapter(`c${index}.xhtml`, title, 14));
  writeFileSync(
    path.join(folder, 'harbour.epub'),
    makeEpub({title: 'Tales of the Harbour', authors: ['Ada Writer'], chapters}),
  );
  writeFileSync(path.join(folder, 'note.txt'), 'Weather Note\n\nA short note beside the book.');
  return folder;
}

async function start(folder: string, state: string): Promise<Session> {
  // (100 columns: the list has room for the byline.)
  const session = await runCli({
    args: [folder],
    columns: 100,
    rows: 30,
    env: {XDG_STATE_HOME: state},
  });
  sessions.push(session);
  return session;
}

/** The page number in the status line. */
function pageOf(session: Session): number {
  return Number(/page (\d+)\//.exec(session.text())?.[1]);
}

const chapterPage = (session: Session, title: string) =>
  Number(new RegExp(`p\\.(\\d+) +${title}`).exec(session.text())?.[1]);

describe('a book in a real terminal', () => {
  for (const way of ['one key at a time', 'in one write'] as const) {
    it(`opens an EPUB from the library, goes to a chapter from t, } and {, and resumes there (${way})`, async () => {
      const folder = library();
      const state = mkdtempSync(path.join(tmpdir(), 'broadsheet-books-state-'));
      const first = await start(folder, state);
      await first.waitFor('Tales of the Harbour');
      // The row reads the book: its title and author, and its length in words.
      expect(first.text()).toMatch(/Tales of the Harbour.*Ada Writer.*\d+ w/);
      const send = async (script: string, until: string | RegExp) => {
        if (way === 'in one write') first.write(script);
        else for (const key of script) first.write(key);
        await first.waitFor(until);
      };
      // Open the book (sorted by title, the book is first).
      await send(keys.enter, /page 1\//);
      await send('t', 'contents · 1/4');
      // Pages the layout has not reached show as p.…, and fill in.
      await first.waitFor(/p\.\d+ +The Harbour Master/);
      const third = chapterPage(first, 'The Harbour Master');
      expect(third).toBeGreaterThan(1);
      // Down twice and Enter: the third chapter's page.
      await send(`jj${keys.enter}`, new RegExp(`page ${third}/.*The Harbour Master`));
      const fourth = await (async () => {
        await send('}', /The Last Crossing/);
        return pageOf(first);
      })();
      expect(fourth).toBeGreaterThan(third);
      await send('{', new RegExp(`page ${third}/`));
      expect(first.text()).toContain('The Harbour Master');
      await send('q', /\d+% read/);
      first.write('q');
      await first.exited;

      const second = await start(folder, state);
      await second.waitFor('Tales of the Harbour');
      second.write(keys.enter);
      await second.waitFor(/resumed at \d+%/);
      expect(pageOf(second)).toBe(third);
      expect(second.text()).toContain('The Harbour Master');
    });
  }

  it('refuses a damaged book in the list with its reason, and opens the rest', async () => {
    const folder = library();
    writeFileSync(path.join(folder, 'broken.epub'), 'PK\u0003\u0004 not really a book');
    const session = await start(folder, mkdtempSync(path.join(tmpdir(), 'bs-state-')));
    await session.waitFor('broken.epub');
    await session.waitFor(/broken\.epub +not an EPUB book/);
    expect(session.text()).toContain('Tales of the Harbour');
  });

  it('prints the contents of a book with toc', async () => {
    const folder = library();
    const session = await runCli({args: ['toc', path.join(folder, 'harbour.epub')]});
    sessions.push(session);
    await session.waitFor('The Last Crossing');
    const lines = session.screen().filter((line) => /^p\.\d+\t/.test(line.replace(/ {2,}/g, '\t')));
    expect(session.text()).toMatch(/p\.1\s+\d+\s+The Lamplighter/);
    expect(lines.length).toBeGreaterThanOrEqual(0);
  });
});
