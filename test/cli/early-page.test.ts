// The web page named on the command line, read in a worker thread the launcher starts before
// the reader is compiled (source/cli/early-page.ts), and handed to the reader that opens it.
import {describe, expect, it} from 'vitest';
import {existsSync, mkdtempSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {namedPage, pageReadEarly, startPageReading} from '../../source/cli/early-page.js';
import {loadArticleFile, loadWholeArticleFile} from '../../source/article/file.js';
import {projectRoot} from '../e2e/terminal.js';

// Built by `npm run build` (npm test builds before it runs the tests).
const WORKER = path.join(projectRoot, 'dist/page-worker.cjs');

const PAGE = `<!doctype html><html lang="en"><head><title>Tides of the Estuary - Coast News</title></head><body><article>${'<p>The tide came in at noon, and “it will come again,” said the harbour master, who had seen a thousand of them.</p>'.repeat(12)}</article></body></html>`;

/** The reader reading a page itself, when the thread cannot give it. */
const itself = (file: string) => loadWholeArticleFile(file, 'html');

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
    const early = await pageReadEarly([file], undefined, itself);
    expect(early?.kind).toBe('article');
    expect(early).toEqual(loadArticleFile(file, 'html'));
    // Taken once: asked again, the reader reads the file itself.
    expect(await pageReadEarly([file], undefined, itself)).toBeUndefined();
  });

  it('says why a page is refused, as the reader would', async () => {
    const file = pageFile('empty.html', '');
    startPageReading(['--print', file], WORKER);
    expect(await pageReadEarly([file], undefined, itself)).toEqual({
      kind: 'refused',
      reason: 'empty',
    });
  });

  it('is not handed over for another file, another format or several paths', async () => {
    const file = pageFile();
    const other = pageFile();
    startPageReading([file], WORKER);
    expect(await pageReadEarly([other], undefined, itself)).toBeUndefined();
    expect(await pageReadEarly([file], 'text', itself)).toBeUndefined();
    expect(await pageReadEarly([file, other], undefined, itself)).toBeUndefined();
    expect(await pageReadEarly([file], 'html', itself)).toEqual(loadArticleFile(file, 'html'));
  });

  it('is nothing when the thread cannot run: the reader reads the page itself', async () => {
    const file = pageFile();
    startPageReading([file], path.join(tmpdir(), 'no-such-worker.cjs'));
    expect(await pageReadEarly([file], undefined, itself)).toBeUndefined();
    startPageReading([path.join(tmpdir(), 'no-such-page.html')], WORKER);
    expect(
      await pageReadEarly([path.join(tmpdir(), 'no-such-page.html')], undefined, itself),
    ).toBeUndefined();
  });

  it('has kept the code cache of web.cjs when the page is handed over, for the next page read', async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'bs-early-cache-'));
    const before = process.env['XDG_CACHE_HOME'];
    process.env['XDG_CACHE_HOME'] = cache; // (a thread takes the environment it starts with)
    try {
      const file = pageFile();
      startPageReading([file], WORKER);
      expect((await pageReadEarly([file], undefined, itself))?.kind).toBe('article');
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

describe('a long page read early: its start first, the whole after it', () => {
  // Forty paragraphs of some 1,200 characters, each with a link (the whole ends in notes).
  const paragraph = (index: number) =>
    `<p>Paragraph ${index} of the survey. ${'The estuary silts a little every year, and the channel moves with it; '.repeat(16)}See <a href="https://survey.example/${index}">the chart</a>.</p>`;
  const LONG = `<!doctype html><html><head><title>The Estuary Survey</title></head><body><article><div class="body">${Array.from({length: 40}, (_, index) => paragraph(index)).join('\n')}</div></article></body></html>`;

  it('gives the start at once, a prefix of the whole, and the whole when the thread has made it', async () => {
    const file = pageFile('survey.html', LONG);
    const whole = loadArticleFile(file, 'html');
    startPageReading([file], WORKER);
    const early = await pageReadEarly([file], undefined, itself);
    if (early?.kind !== 'article' || whole.kind !== 'article') throw new Error('not read');
    const start = early.article;
    expect(start.partial?.rough).toBe(true);
    expect(start.text.length).toBeLessThan(whole.article.text.length / 2);
    expect(start.text.length).toBeGreaterThan(0);
    expect(whole.article.text.startsWith(start.text)).toBe(true);
    expect(whole.article.blocks.slice(0, start.blocks.length)).toEqual(start.blocks);
    expect(start.text).not.toContain('Notes'); // the notes close the whole only
    expect(early.rest?.finish()).toEqual(whole.article);
    // Taken once, and the same after.
    expect(early.rest?.finish()).toEqual(whole.article);
  });

  it('gives the whole to steps that wait a little at a time, never one that waits long', async () => {
    // (Long enough that the thread is still making the whole when the steps begin.)
    const file = pageFile(
      'survey.html',
      LONG.replace(
        '</div>',
        `${Array.from({length: 300}, (_, index) => paragraph(index + 40)).join('\n')}</div>`,
      ),
    );
    const whole = loadArticleFile(file, 'html');
    startPageReading([file], WORKER);
    const early = await pageReadEarly([file], undefined, itself);
    if (early?.kind !== 'article' || !early.rest) throw new Error('no start');
    let taken;
    let steps = 0;
    const began = performance.now();
    while (!taken) {
      const until = performance.now() + 5;
      const before = performance.now();
      taken = early.rest.step(() => performance.now() < until);
      // (A step sleeps 4 ms at the most past its slice.)
      expect(performance.now() - before).toBeLessThan(60);
      steps++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(steps).toBeGreaterThan(1);
    // Each step sleeps through its slice rather than spin through it (a step a few ms).
    expect(steps).toBeLessThan((performance.now() - began) / 2 + 10);
    expect(taken).toEqual(whole.kind === 'article' ? whole.article : undefined);
  });

  /** The flags the launcher shares with the thread, before the reader takes the page. */
  const flagsOfReading = () =>
    (globalThis as Record<symbol, {posted: Int32Array} | undefined>)[
      Symbol.for('broadsheet.pageReading')
    ]!.posted;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('makes the whole only once the reader has shown the start: finish, or a step', async () => {
    const whole = loadArticleFile(pageFile('survey.html', LONG), 'html');
    for (const take of ['finish', 'step'] as const) {
      const file = pageFile('survey.html', LONG);
      // (The thread would wait a minute for a reader that never shows the start.)
      startPageReading([file], WORKER, {startShowingMs: 60_000});
      const flags = flagsOfReading();
      const early = await pageReadEarly([file], undefined, itself);
      if (early?.kind !== 'article' || !early.rest) throw new Error('no start');
      // Time enough to make the whole many times over: it is not made while the start is drawn.
      await pause(1000);
      expect(Atomics.load(flags, 0), take).toBe(0);
      let taken = take === 'finish' ? early.rest.finish() : undefined;
      for (let tries = 0; !taken && tries < 1000; tries++) {
        taken = early.rest.step(() => false);
        await pause(5);
      }
      expect(taken, take).toEqual(whole.kind === 'article' ? whole.article : undefined);
    }
  });

  it('makes the whole after a while when the reader never shows the start', async () => {
    const file = pageFile('survey.html', LONG);
    startPageReading([file], WORKER);
    const flags = flagsOfReading();
    const early = await pageReadEarly([file], undefined, itself);
    if (early?.kind !== 'article' || !early.rest) throw new Error('no start');
    for (let waited = 0; Atomics.load(flags, 0) === 0 && waited < 10_000; waited += 50) {
      await pause(50);
    }
    expect(Atomics.load(flags, 0)).toBe(1);
  });

  it('reads the page itself when the thread goes after giving the start', async () => {
    const file = pageFile('survey.html', LONG);
    // A thread that posts a start and ends.
    const script = path.join(mkdtempSync(path.join(tmpdir(), 'bs-early-worker-')), 'gone.cjs');
    writeFileSync(
      script,
      `const {parentPort} = require('node:worker_threads');
parentPort.postMessage({kind: 'article', more: true, article: {title: 'The Estuary Survey', text: 'The Estuary Survey', blocks: [{kind: 'title', start: 0, end: 18, words: 3}], words: 3, partial: {length: 60000, rough: true}}});`,
    );
    startPageReading([file], script);
    const early = await pageReadEarly([file], undefined, itself);
    if (early?.kind !== 'article' || !early.rest) throw new Error('no start');
    let taken;
    for (let tries = 0; !taken && tries < 500; tries++) {
      taken = early.rest.step(() => false);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const whole = loadArticleFile(file, 'html');
    expect(taken).toEqual(whole.kind === 'article' ? whole.article : undefined);
  });

  it('is read whole, no start, when the page is short', async () => {
    const file = pageFile();
    startPageReading([file], WORKER);
    const early = await pageReadEarly([file], undefined, itself);
    expect(early?.kind === 'article' && early.rest).toBeFalsy();
  });
});
