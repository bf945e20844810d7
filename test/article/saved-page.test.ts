// A web page kept as Markdown: its front matter, its file name, and the file written.
import {describe, expect, it} from 'vitest';
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileNameFor, savedPageMarkdown} from '../../source/article/saved-page.js';
import {parseMarkdown, splitFrontMatter} from '../../source/article/markdown.js';
import {savedBefore, savePageFile} from '../../source/library/save-page.js';
import {parseHtml} from '../../source/article/html.js';
import {treeToMarkdown} from '../../source/article/markdown-tree.js';
import {plainText} from '../../source/text/layout.js';

describe('a page saved as Markdown', () => {
  const savedAt = new Date('2026-12-05T10:00:00Z');

  it('records title, author, date, site, where it came from and when, and reads back the same', () => {
    const text = savedPageMarkdown({
      metadata: {
        title: 'Quotes: “A” and B',
        byline: 'Ana: Reyes',
        date: '2024-03-05T10:00:00Z',
        site: 'Local News',
        url: 'https://local.example/story',
      },
      body: 'Text of the page.',
      url: 'http://127.0.0.1:8000/story',
      savedAt,
    });
    const {front, body} = splitFrontMatter(text);
    expect(front).toEqual({
      title: 'Quotes: “A” and B',
      author: 'Ana: Reyes',
      date: '2024-03-05T10:00:00Z',
      site: 'Local News',
      url: 'http://127.0.0.1:8000/story',
      canonical: 'https://local.example/story',
      saved: '2026-12-05T10:00:00.000Z',
    });
    expect(body.trim()).toBe('Text of the page.');
    const article = parseMarkdown(text);
    expect(article.title).toBe('Quotes: “A” and B');
    expect(article.meta).toBe('Ana: Reyes · Local News · 2024-03-05T10:00:00Z');
  });

  it('keeps what the reader shows of a page: the same text, table and notes, through Markdown', () => {
    const paragraphs = Array.from(
      {length: 4},
      (_, index) =>
        `<p>Paragraph ${index} of a page, with <em>emphasis</em> and words enough for an article.</p>`,
    ).join('');
    const html = `<html><head><title>A Page About Saving Pages Well</title></head><body><article>${paragraphs}<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table><p>See <a href="https://a.example/x">this</a>.</p></article></body></html>`;
    const read = parseHtml(html);
    const saved = parseMarkdown(
      savedPageMarkdown({
        metadata: read.metadata,
        body: treeToMarkdown(read.tree),
        url: 'https://a.example/',
        savedAt,
      }),
    );
    expect(plainText(saved, 80)).toBe(plainText(read.article, 80));
  });

  it('records only what the page says, on one line each, and the text trimmed', () => {
    const title = `A ${'very '.repeat(40)}long title`;
    expect(
      savedPageMarkdown({
        metadata: {title, url: 'https://a.example/x'},
        body: '\n\nText.\n\n',
        url: 'https://a.example/x',
        savedAt,
      }),
    ).toBe(
      `---\ntitle: ${title}\nurl: https://a.example/x\nsaved: 2026-12-05T10:00:00.000Z\n---\n\nText.\n`,
    );
    expect(
      savedPageMarkdown({metadata: {}, body: 'Text.', url: 'https://a.example/y', savedAt}),
    ).toBe('---\nurl: https://a.example/y\nsaved: 2026-12-05T10:00:00.000Z\n---\n\nText.\n');
  });

  it('is named from its title: letters and digits of any script, at most 80 before .md', () => {
    expect(fileNameFor('---Dashes -- everywhere---')).toBe('dashes-everywhere.md');
    expect(fileNameFor(`${'a'.repeat(79)} b`)).toBe(`${'a'.repeat(79)}.md`);
    expect(fileNameFor('The Harbour Board: Votes, Again!')).toBe(
      'the-harbour-board-votes-again.md',
    );
    expect(fileNameFor('夜の図書館で聞いた話')).toBe('夜の図書館で聞いた話.md');
    expect(fileNameFor('../../etc/passwd')).toBe('etc-passwd.md');
    expect(fileNameFor('.hidden')).toBe('hidden.md');
    expect(fileNameFor('')).toBe('page.md');
    expect(fileNameFor(undefined)).toBe('page.md');
    expect(fileNameFor('—!?')).toBe('page.md');
    const long = fileNameFor('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(83);
    expect(long.endsWith('-.md')).toBe(false);
  });
});

describe('saving a page into a folder', () => {
  const page = (url: string) => `---\nurl: ${url}\n---\n\nText.\n`;

  it('makes the folder, writes the file, and leaves nothing else', () => {
    const folder = path.join(mkdtempSync(path.join(tmpdir(), 'bs-save-')), 'library', 'articles');
    const saved = savePageFile(folder, {
      text: page('https://a.example/1'),
      name: 'one.md',
      urls: ['https://a.example/1'],
    });
    expect(saved).toEqual({path: path.join(folder, 'one.md'), existed: false});
    expect(readFileSync(saved.path, 'utf8')).toBe(page('https://a.example/1'));
    expect(readdirSync(folder)).toEqual(['one.md']);
  });

  it('never writes over another file: a second page of the same name is numbered', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'bs-save-'));
    writeFileSync(path.join(folder, 'one.md'), 'mine');
    writeFileSync(path.join(folder, 'one-2.md'), 'mine too');
    const saved = savePageFile(folder, {
      text: page('https://a.example/2'),
      name: 'one.md',
      urls: ['https://a.example/2'],
    });
    expect(saved.path).toBe(path.join(folder, 'one-3.md'));
    expect(readFileSync(path.join(folder, 'one.md'), 'utf8')).toBe('mine');
    expect(readFileSync(path.join(folder, 'one-2.md'), 'utf8')).toBe('mine too');
  });

  it('does not save a page again: an address saved before (or its canonical one) gives its file', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'bs-save-'));
    writeFileSync(
      path.join(folder, 'kept.md'),
      `---\nurl: https://a.example/x\ncanonical: https://a.example/canonical\n---\n\nText.\n`,
    );
    for (const url of ['https://a.example/x', 'https://a.example/canonical']) {
      expect(savedBefore(folder, [url])).toBe(path.join(folder, 'kept.md'));
      const saved = savePageFile(folder, {text: page(url), name: 'other.md', urls: [url]});
      expect(saved).toEqual({path: path.join(folder, 'kept.md'), existed: true});
    }
    expect(savedBefore(folder, ['https://a.example/y'])).toBeUndefined();
    expect(existsSync(path.join(folder, 'other.md'))).toBe(false);
  });

  it('fails, leaving nothing behind, when the folder cannot be made', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'bs-save-'));
    const file = path.join(folder, 'a-file');
    writeFileSync(file, 'not a folder');
    expect(() =>
      savePageFile(file, {text: 'x', name: 'x.md', urls: ['https://a.example/']}),
    ).toThrow();
    expect(readdirSync(folder)).toEqual(['a-file']);
  });
});
