// The web page named on the command line, read in a worker thread the launcher starts before
// the reader is compiled (source/cli/early-page.ts), and handed to the reader that opens it.
import {describe, expect, it} from 'vitest';
import {existsSync, mkdtempSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {namedPage, pageReadEarly, startPageReading} from '../../source/cli/early-page.js';
import {loadArticleFile} from '../../source/article/file.js';
import {projectRoot} from '../e2e/terminal.js';

// Built by `npm run build` (npm test builds before it runs the tests).
const WORKER = path.join(projectRoot, 'dist/page-worker.cjs');

const PAGE = `<!doctype html><html lang="en"><head><title>Tides of the Estuary - Coast News</title></head><body><article>${'<p>The tide came in at noon, and “it will come again,” said the harbour master, who had seen a thousand of them.</p>'.repeat(12)}</article></body></html>`;

function pageFile(name = 'tides.html', content = PAGE): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'bs-early-')), name);
  writeFileSync(file, content);
  return file;
}

describe('namedPage: the page a command line opens, before it is parsed', () => {
  it('is the one PATH named as a page, whatever flags come around it', () => {
    expect(namedPage(['story.html'])).toBe('story.html');
    expect(namedPage(['--print', 'a/b/story.HTM'])).toBe('a/b/story.HTM');
    expect(namedPage(['--width', '60', 'story.xhtml', '--theme', 'light'])).toBe('story.xhtml');
    expect(namedPage(['--', '--odd.html'])).toBe('--odd.html');
  });

  it('follows --format, either way it is written', () => {
    expect(namedPage(['--format', 'html', 'page.txt'])).toBe('page.txt');
    expect(namedPage(['--format=html', 'page'])).toBe('page');
    expect(namedPage(['--format', 'text', 'story.html'])).toBeUndefined();
    expect(namedPage(['--format=markdown', 'story.html'])).toBeUndefined();
  });

  it('is nothing for text, a folder, several paths, a command or a flag value', () => {
    expect(namedPage([])).toBeUndefined();
    expect(namedPage(['story.txt'])).toBeUndefined();
    expect(namedPage(['articles'])).toBeUndefined();
    expect(namedPage(['a.html', 'b.html'])).toBeUndefined();
    expect(namedPage(['quotes', 'story.html'])).toBeUndefined();
    expect(namedPage(['add', 'https://example.org/a.html'])).toBeUndefined();
    expect(namedPage(['--to', 'saved.html'])).toBeUndefined();
    expect(namedPage(['--width', 'story.html'])).toBeUndefined();
  });
});

describe('the page read early, handed to the reader', () => {
  it('is the article the reader would have read itself', async () => {
    const file = pageFile();
    startPageReading([file], WORKER);
    const early = await pageReadEarly([file], undefined);
    expect(early?.kind).toBe('article');
    expect(early).toEqual(loadArticleFile(file, 'html'));
    // Taken once: asked again, the reader reads the file itself.
    expect(await pageReadEarly([file], undefined)).toBeUndefined();
  });

  it('says why a page is refused, as the reader would', async () => {
    const file = pageFile('empty.html', '');
    startPageReading(['--print', file], WORKER);
    expect(await pageReadEarly([file], undefined)).toEqual({kind: 'refused', reason: 'empty'});
  });

  it('is not handed over for another file, another format or several paths', async () => {
    const file = pageFile();
    const other = pageFile();
    startPageReading([file], WORKER);
    expect(await pageReadEarly([other], undefined)).toBeUndefined();
    expect(await pageReadEarly([file], 'text')).toBeUndefined();
    expect(await pageReadEarly([file, other], undefined)).toBeUndefined();
    expect(await pageReadEarly([file], 'html')).toEqual(loadArticleFile(file, 'html'));
  });

  it('is nothing when the thread cannot run: the reader reads the page itself', async () => {
    const file = pageFile();
    startPageReading([file], path.join(tmpdir(), 'no-such-worker.cjs'));
    expect(await pageReadEarly([file], undefined)).toBeUndefined();
    startPageReading([path.join(tmpdir(), 'no-such-page.html')], WORKER);
    expect(
      await pageReadEarly([path.join(tmpdir(), 'no-such-page.html')], undefined),
    ).toBeUndefined();
  });

  it('has kept the code cache of web.cjs when the page is handed over, for the next page read', async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'bs-early-cache-'));
    const before = process.env['XDG_CACHE_HOME'];
    process.env['XDG_CACHE_HOME'] = cache; // (a thread takes the environment it starts with)
    try {
      const file = pageFile();
      startPageReading([file], WORKER);
      expect((await pageReadEarly([file], undefined))?.kind).toBe('article');
    } finally {
      if (before === undefined) delete process.env['XDG_CACHE_HOME'];
      else process.env['XDG_CACHE_HOME'] = before;
    }
    const folder = path.join(cache, 'broadsheet');
    const kept = () =>
      existsSync(folder) &&
      readdirSync(folder).some(
        (name) => name.startsWith('code-web-cjs-') && name.endsWith('.cache'),
      );
    // (Kept before the page is handed over: --print exits as soon as it has it.)
    expect(kept()).toBe(true);
  });
});
