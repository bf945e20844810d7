// The contents panel (t) as the reading view draws it: a row an entry, its page, the chapter
// being read selected; Enter goes there, and the status line names the chapter.
import {describe, expect, it} from 'vitest';
import type {Library} from '../../source/library/library.js';
import {parseText} from '../../source/article/parse-text.js';
import {renderApp} from '../app/harness.js';

const chapter = (title: string) =>
  [
    title,
    ...Array.from(
      {length: 10},
      (_, index) =>
        `Line ${index + 1} of ${title.toLowerCase()}: the tide came in under the pier while the lamps were lit along the front.`,
    ),
  ].join('\n\n');
const bookText = [
  'The Pier Book',
  chapter('CHAPTER I'),
  chapter('CHAPTER II'),
  chapter('CHAPTER III'),
].join('\n\n');
const library: Library = {
  kind: 'folder',
  folder: '/lib',
  entries: [{path: '/lib/pier.txt', fileName: 'pier.txt', title: 'The Pier Book'}],
};

describe('the contents panel', () => {
  it('lists the chapters with their pages, on the one being read, and goes to the choice', async () => {
    const article = parseText(bookText);
    const {stdin, frame, waitFor, ready} = renderApp(library, () => ({kind: 'article', article}), {
      openIndex: 0,
      columns: 70,
      rows: 20,
    });
    await ready();
    await waitFor((shown) => shown.includes('page 1/'));
    stdin.write('t');
    await waitFor((shown) => shown.includes('contents · 1/3 · Enter go · Esc close'));
    // (Each chapter's page as the layout gets to it.)
    await waitFor((shown) => /p\.\d+ +CHAPTER III/.test(shown));
    const rows = frame()
      .split('\n')
      .filter((line) => /p\.\d+ +CHAPTER/.test(line));
    expect(rows.map((row) => row.trim().replace(/ +/g, ' '))).toEqual([
      expect.stringMatching(/^p\.1 CHAPTER I$/),
      expect.stringMatching(/^p\.\d+ CHAPTER II$/),
      expect.stringMatching(/^p\.\d+ CHAPTER III$/),
    ]);
    const third = Number(/p\.(\d+) +CHAPTER III/.exec(frame())![1]);
    stdin.write('jj');
    await waitFor((shown) => shown.includes('contents · 3/3'));
    stdin.write('\r');
    await waitFor((shown) => shown.includes(`page ${third}/`));
    expect(frame()).toMatch(/· CHAPTER III\s*$/);
    // Opened again, the cursor is on the chapter being read.
    stdin.write('t');
    await waitFor((shown) => shown.includes('contents · 3/3'));
    stdin.write('t');
    await waitFor((shown) => shown.includes(`page ${third}/`));
  });
});

describe('a plain text’s _italics_ in the reading view', () => {
  it('are drawn without their underscores', async () => {
    const article = parseText('Notes\n\nShe read _The Harbour Gazette_ every _single_ day.');
    const {frame, waitFor, ready} = renderApp(library, () => ({kind: 'article', article}), {
      openIndex: 0,
      columns: 70,
      rows: 12,
    });
    await ready();
    await waitFor((shown) => shown.includes('page 1/'));
    expect(frame()).toContain('She read The Harbour Gazette every single day.');
    expect(frame()).not.toContain('_');
  });
});
