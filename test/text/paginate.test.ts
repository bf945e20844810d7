import {describe, expect, it} from 'vitest';
import {parseText} from '../../source/article/parse-text.js';
import {
  layout,
  lineText,
  LineStore,
  linesSource as linesSourceOf,
  plainText,
} from '../../source/text/layout.js';
import {Pages, paginate} from '../../source/text/paginate.js';

const paragraphs = Array.from(
  {length: 30},
  (_, i) => `Paragraph ${i} has a few words in it, enough to wrap over two lines or so.`,
);
const article = parseText(['A Title', ...paragraphs].join('\n\n'));

describe('layout', () => {
  it('leaves the title to the header and separates blocks by one blank line', () => {
    const lines = layout(article, 40);
    expect(lineText(article.text, lines[0]!)).toBe('Paragraph 0 has a few words in it,');
    expect(lines.filter((line) => line.kind === 'blank')).toHaveLength(29);
  });

  it('keeps a table line by line', () => {
    const table = parseText('T\n\nWheat      3.10\nCorn       2.01');
    const shown = layout(table, 40).map((line) => lineText(table.text, line));
    expect(shown).toEqual(['Wheat      3.10', 'Corn       2.01']);
  });

  it('prints plain text with the title on top', () => {
    expect(plainText(parseText('Title\n\nBody  text.'), 80)).toBe('Title\n\nBody  text.');
  });
});

describe('paginate', () => {
  const lines = layout(article, 30);

  it('never starts a page with a blank line', () => {
    for (const height of [1, 2, 3, 4, 5, 7, 10]) {
      const pages = paginate(lines, height);
      for (const first of pages.firstLine) expect(lines[first]!.kind).not.toBe('blank');
    }
  });

  it('shows every non-blank line on exactly one page', () => {
    const pages = paginate(lines, 4);
    const shown = pages.firstLine.flatMap((_, page) => pages.linesOf(page));
    expect(shown.filter((line) => line.kind !== 'blank')).toEqual(
      lines.filter((line) => line.kind !== 'blank'),
    );
    for (let page = 0; page < pages.firstLine.length; page++) {
      expect(pages.linesOf(page).length).toBeLessThanOrEqual(4);
    }
  });

  it('finds the page that holds an offset', () => {
    const pages = paginate(lines, 5);
    for (let page = 0; page < pages.firstLine.length; page++) {
      for (const line of pages.linesOf(page)) {
        if (line.kind !== 'blank') expect(pages.pageOf(line.start)).toBe(page);
      }
    }
    expect(pages.pageOf(0)).toBe(0);
    expect(pages.pageOf(article.text.length)).toBe(pages.firstLine.length - 1);
  });
});

describe('Pages.reach', () => {
  const long = parseText(
    ['Long', ...Array.from({length: 3000}, (_, i) => `Block ${i}.`)].join('\n\n'),
  );

  it('spends nothing on a place further than its budget, and gets to one within it', () => {
    const pages = new Pages(new LineStore(long, 40), 10);
    const laidOut = pages.source.count;
    expect(pages.reach(Infinity, 800)).toBe(false);
    expect(pages.source.count).toBe(laidOut);
    const near = long.blocks[300]!.start;
    expect(pages.reach(near, 800)).toBe(true);
    expect(pages.covers(near)).toBe(true);
  });

  it('keeps every line across the store’s chunks', () => {
    const store = new LineStore(long, 40);
    const lines = store.finish();
    expect(lines.length).toBeGreaterThan(5000);
    expect(lines).toEqual(layout(long, 40));
    for (const index of [4095, 4096, 4097, lines.length - 1]) {
      expect(store.startOf(index)).toBe(lines[index]!.start);
    }
  });
});

describe('pages cut as they are asked for', () => {
  const long = parseText(
    [
      'Long',
      ...Array.from({length: 400}, (_, i) =>
        i % 7 === 3 ? `Verse ${i}\n  and its second line` : `Block ${i} says a little more.`,
      ),
    ].join('\n\n'),
  );
  const whole = paginate(layout(long, 30), 9);

  it('agree with the pages cut at once, page by page and offset by offset', () => {
    const pages = new Pages(new LineStore(long, 30), 9);
    expect(pages.complete).toBe(false);
    expect(pages.count).toBeLessThan(whole.count);
    pages.ensurePage(10);
    expect(pages.count).toBeGreaterThanOrEqual(12);
    expect(pages.count).toBeLessThan(whole.count);
    expect(pages.firstLine).toEqual(whole.firstLine.slice(0, pages.count));
    expect(pages.startOffset).toEqual(whole.startOffset.slice(0, pages.count));
    for (let page = 0; page < 10; page++) expect(pages.linesOf(page)).toEqual(whole.linesOf(page));
    // An offset's page and the one after it; covered exactly when a later page starts after it.
    const offset = whole.startOffset[40]! + 3;
    expect(pages.covers(offset)).toBe(false);
    pages.ensureOffset(offset);
    expect(pages.covers(offset)).toBe(true);
    expect(pages.pageOf(offset)).toBe(40);
    expect(pages.count).toBeGreaterThanOrEqual(42);
    expect(pages.covers(pages.startOffset.at(-1)!)).toBe(false);
    expect(pages.covers(pages.startOffset.at(-1)! - 1)).toBe(true);
    // A scrolled view lays out what it shows.
    const lineCount = pages.lineCount;
    const far = pages.linesFrom(lineCount + 20, 9);
    expect(far).toEqual(layout(long, 30).slice(lineCount + 20, lineCount + 29));
    expect(pages.linesFrom(0, 3)).toEqual(layout(long, 30).slice(0, 3));
    pages.ensurePage(Infinity);
    expect(pages.complete).toBe(true);
    expect(pages.firstLine).toEqual(whole.firstLine);
    const total = layout(long, 30).length;
    expect(pages.linesFrom(total - 2, 9)).toEqual(layout(long, 30).slice(total - 2));
    pages.advance(100); // nothing left to do
    expect(pages.firstLine).toEqual(whole.firstLine);
    expect(pages.covers(Infinity)).toBe(true);
  });

  it('reach a place within the budget step by step, and not one block past it', () => {
    const pages = new Pages(new LineStore(long, 30), 9);
    const target = long.blocks[200]!.start;
    expect(pages.reach(target, 16)).toBe(false);
    const before = pages.source.count;
    expect(pages.reach(target, 400)).toBe(true);
    expect(pages.source.count).toBeGreaterThan(before);
    expect(pages.covers(target)).toBe(true);
    expect(pages.complete).toBe(false);
    expect(pages.reach(Infinity, 10_000)).toBe(true);
    expect(pages.complete).toBe(true);
  });

  it('make one empty page of an article with nothing to show', () => {
    const empty = new Pages(linesSourceOf([]), 5);
    expect(empty.complete).toBe(true);
    expect(empty.firstLine).toEqual([0]);
    expect(empty.startOffset).toEqual([0]);
    expect(empty.pageOf(10)).toBe(0);
    expect(empty.linesOf(0)).toEqual([]);
  });
});
