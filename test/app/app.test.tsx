import {describe, expect, it} from 'vitest';
import {renderApp, setSize} from './harness.js';
import {parseText} from '../../source/article/parse-text.js';
import type {LoadResult} from '../../source/article/article.js';
import type {Library} from '../../source/library/library.js';

const body = Array.from({length: 60}, (_, i) => `Paragraph ${i} of the story goes here.`);
const articles: Record<string, string> = {
  '/lib/long.txt': ['A Long Story', ...body].join('\n\n'),
  '/lib/short.txt': 'A Short Note\n\nJust one paragraph.',
};
const library: Library = {
  kind: 'folder',
  folder: '/lib',
  entries: [
    {path: '/lib/long.txt', fileName: 'long.txt', title: 'A Long Story'},
    {path: '/lib/short.txt', fileName: 'short.txt', title: 'A Short Note'},
    {path: '/lib/broken.txt', fileName: 'broken.txt', title: 'Broken'},
  ],
};
const loadArticle = (path: string): LoadResult =>
  articles[path] === undefined
    ? {kind: 'refused', reason: 'not text (binary data)'}
    : {kind: 'article', article: parseText(articles[path]!)};

const setup = (library: Library, loadArticle: (path: string) => LoadResult, openIndex?: number) =>
  renderApp(library, loadArticle, {openIndex});

describe('App', () => {
  it('lists articles, opens one, turns a page and goes back', async () => {
    const app = setup(library, loadArticle);
    await app.waitFor((f) => f.includes('A Long Story') && f.includes('A Short Note'));
    expect(app.frame()).toContain('3 articles');
    await app.press('\r', (f) => f.includes('page 1/'));
    expect(app.frame()).toContain('Paragraph 0 of the story');
    await app.press(' ', (f) => f.includes('page 2/'));
    expect(app.frame()).not.toContain('Paragraph 0 of the story');
    await app.press('b', (f) => f.includes('page 1/'));
    await app.press('q', (f) => f.includes('A Short Note'));
    app.unmount();
  });

  it('applies every key of one write: Enter, three Spaces and b reach page 3', async () => {
    const app = setup(library, loadArticle);
    await app.ready();
    app.stdin.write('\r   b');
    await app.waitFor((f) => /page 3\/\d/.test(f));
    app.stdin.write('q\u001B[B\r');
    await app.waitFor((f) => f.includes('Just one paragraph.'));
    app.unmount();
  });

  it('shows the list as a window of consecutive rows that follows the cursor', async () => {
    const many: Library = {
      kind: 'folder',
      folder: '/many',
      entries: Array.from({length: 40}, (_, i) => ({
        path: `/many/${i}.txt`,
        fileName: `${i}.txt`,
        title: `Article ${String(i + 1).padStart(2, '0')}`,
      })),
    };
    const app = setup(many, loadArticle);
    await app.ready();
    app.stdin.write('j'.repeat(12));
    await app.waitFor((f) => f.includes('13 of 40'));
    const rows = app
      .frame()
      .split('\n')
      .filter((line) => /Article \d\d/.test(line))
      .map((line) => Number(/Article (\d\d)/.exec(line)![1]));
    // 16 rows leave 11 for the list: rows 3 to 13, in order, the cursor on the last.
    expect(rows).toEqual(Array.from({length: 11}, (_, i) => i + 3));
    expect(app.frame()).toContain('❯ Article 13');
    app.stdin.write('G');
    await app.waitFor((f) => f.includes('40 of 40') && f.includes('❯ Article 40'));
    app.stdin.write('g');
    await app.waitFor((f) => f.includes('1 of 40') && f.includes('❯ Article 01'));
    app.unmount();
  });

  it('fits every frame line inside the terminal and leaves the last row free', async () => {
    const app = setup(library, loadArticle);
    await app.press('\r', (f) => f.includes('page 1/'));
    const lines = app.frame().split('\n');
    expect(lines.length).toBeLessThanOrEqual(15);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
    app.unmount();
  });

  it('says why an article cannot be opened and stays in the list', async () => {
    const app = setup(library, loadArticle);
    await app.waitFor((f) => f.includes('Broken'));
    await app.press('\u001B[B', (f) => f.includes('❯ A Short Note'));
    await app.press('\u001B[B', (f) => f.includes('❯ Broken'));
    await app.press('\r', (f) => f.includes('Cannot open broken.txt: not text'));
    app.unmount();
  });

  it("lists the filter's keys in the list's help under their own heading", async () => {
    const app = renderApp(library, loadArticle, {columns: 100, rows: 50});
    await app.ready();
    await app.press('?', (f) => f.includes('these keys'));
    const lines = app.frame().split('\n');
    const list = lines.findIndex((line) => line.trim() === 'In the list');
    const filtering = lines.findIndex((line) => line.trim() === 'While filtering (after /)');
    expect(list).toBeGreaterThan(-1);
    expect(filtering).toBeGreaterThan(list);
    // Enter means another thing under each heading, and says which.
    const enter = lines.filter((line) => /^\s*Enter\b/.test(line)).map((line) => line.trim());
    expect(enter).toHaveLength(3);
    expect(new Set(enter).size).toBe(3);
    expect(lines.findIndex((line) => line.trim() === 'Adding a page (after a)')).toBeGreaterThan(
      filtering,
    );
    const underCursor = lines.findIndex((line) =>
      line.includes('open the article under the cursor'),
    );
    expect(underCursor).toBeGreaterThan(filtering);
    await app.press('x', (f) => f.includes('1 of 3'));
    app.unmount();
  });

  it('shows where it looked when the folder is missing', async () => {
    const missing: Library = {kind: 'missing', folder: '/nowhere', reason: 'not found'};
    const app = setup(missing, loadArticle);
    await app.waitFor((f) => f.includes('No articles: not found: /nowhere'));
    app.unmount();
  });

  it('shows a notice in a terminal too small to read in', async () => {
    const app = setup(library, loadArticle, 0);
    setSize(app.stdout, 30, 4);
    app.stdout.emit('resize');
    await app.waitFor((f) => f.includes('Make the terminal at least'));
    app.unmount();
  });
});

describe('ReaderView', () => {
  const story = [
    'A Quoted Story',
    'By Jane Doe, 3 March 2024',
    ...Array.from(
      {length: 30},
      (_, i) =>
        `Paragraph ${i}: “Quote ${i},” said ${['Ada', 'Ben', 'Cleo'][i % 3]}. Then some more narration follows here.`,
    ),
  ].join('\n\n');
  const storyLibrary: Library = {
    kind: 'folder',
    folder: '/lib',
    entries: [{path: '/lib/story.txt', fileName: 'story.txt', title: 'A Quoted Story'}],
  };
  const loadStory = (): LoadResult => ({kind: 'article', article: parseText(story)});
  const open = () => setup(storyLibrary, loadStory, 0);

  it('shows the byline beside the title', async () => {
    const app = open();
    await app.waitFor((f) => f.includes('page 1/'));
    expect(app.frame().split('\n')[0]).toContain('A Quoted Story · By Jane Doe, 3 March 2024');
    app.unmount();
  });

  it('shows the help from the keymap on ? and closes it on any key', async () => {
    const app = open();
    await app.waitFor((f) => f.includes('page 1/'));
    await app.press('?', (f) => f.includes('search forward'));
    expect(app.frame()).toContain('list of quotations');
    expect(app.frame()).toContain('next chapter');
    await app.press('x', (f) => f.includes('page 1/'));
    app.unmount();
  });

  it('types a search in the prompt and shows the hit count', async () => {
    const app = open();
    await app.waitFor((f) => f.includes('page 1/'));
    await app.press('/', (f) => f.includes('/█'));
    await app.press('quote 2', (f) => f.includes('/quote 2█'));
    await app.press('\r', (f) => /hit 1\/11/.test(f));
    await app.press('n', (f) => /hit 2\/11/.test(f));
    app.unmount();
  });

  it('lists quotations with speakers in the panel', async () => {
    const app = open();
    await app.waitFor((f) => f.includes('page 1/'));
    await app.press('"', (f) => f.includes('quotations · 1/30'));
    expect(app.frame()).toContain('p.1 Ada: “Quote 0,”');
    await app.press('\u001B', (f) => f.includes('page 1/'));
    app.unmount();
  });
});
