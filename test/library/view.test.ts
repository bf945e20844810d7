import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {listRows, matchedLetters, type Standing} from '../../source/library/view.js';
import {columnWidths, describeLength, rowCells} from '../../source/library/rows.js';
import type {LibraryEntry} from '../../source/library/library.js';
import {cellWidth} from '../../source/text/width.js';

const entry = (title: string, extra: Partial<LibraryEntry> = {}): LibraryEntry => ({
  path: `/lib/${title}.txt`,
  fileName: `${title}.txt`,
  title,
  ...extra,
});

const entries = [
  entry('Harbour Inquiry', {words: 480, byline: 'By the desk'}),
  entry('Apple Harvest', {words: 2000}),
  entry('Zebra Crossing', {words: 100, byline: 'By Harriet'}),
  entry('Éclair Recipes', {words: 900}),
];
const standings: Record<string, Standing> = {
  '/lib/Harbour Inquiry.txt': {status: {kind: 'reading', percent: 40}, readAt: 3},
  '/lib/Apple Harvest.txt': {status: {kind: 'finished'}, readAt: 5},
  '/lib/Zebra Crossing.txt': {status: {kind: 'reading', percent: 80}, readAt: 1},
};
const standing = (file: string): Standing => standings[file] ?? {status: {kind: 'unread'}};
const titles = (rows: Array<{entry: number}>) => rows.map((row) => entries[row.entry]!.title);

describe('the rows of the list', () => {
  it('sort by title (accents folded), length, recently read and progress', () => {
    expect(titles(listRows(entries, {sort: 'title', standing}))).toEqual([
      'Apple Harvest',
      'Éclair Recipes',
      'Harbour Inquiry',
      'Zebra Crossing',
    ]);
    expect(titles(listRows(entries, {sort: 'length', standing}))).toEqual([
      'Zebra Crossing',
      'Harbour Inquiry',
      'Éclair Recipes',
      'Apple Harvest',
    ]);
    expect(titles(listRows(entries, {sort: 'recent', standing}))).toEqual([
      'Apple Harvest',
      'Harbour Inquiry',
      'Zebra Crossing',
      'Éclair Recipes',
    ]);
    expect(titles(listRows(entries, {sort: 'progress', standing}))).toEqual([
      'Zebra Crossing',
      'Harbour Inquiry',
      'Éclair Recipes',
      'Apple Harvest',
    ]);
  });

  it('filter fuzzily over titles and bylines, best matches first, marking the title letters matched', () => {
    const rows = listRows(entries, {filter: 'har', sort: 'title', standing});
    // Matches in titles before a match in a byline (By Harriet).
    expect(titles(rows).slice(0, 2).sort()).toEqual(['Apple Harvest', 'Harbour Inquiry']);
    expect(titles(rows)[2]).toBe('Zebra Crossing');
    expect(matchedLetters('har', 'Apple Harvest')).toEqual([6, 7, 8]);
    expect(matchedLetters(' har  inq ', 'Harbour Inquiry')).toEqual([0, 1, 2, 8, 9, 10]);
    expect(titles(listRows(entries, {filter: 'harb', sort: 'title', standing}))).toEqual([
      'Harbour Inquiry',
    ]);
    expect(matchedLetters('har', 'Zebra Crossing')).toBeUndefined(); // its byline, By Harriet
    expect(titles(listRows(entries, {filter: 'hrvst', sort: 'title', standing}))).toEqual([
      'Apple Harvest',
    ]);
    expect(listRows(entries, {filter: 'qqq', sort: 'title', standing})).toEqual([]);
  });

  it('filter by several words, each found in the title, the byline or the folder name', () => {
    const filter = (text: string) =>
      titles(listRows(entries, {filter: text, sort: 'title', standing}));
    expect(filter('harbour desk')).toEqual(['Harbour Inquiry']); // title and byline
    expect(filter('zebra harriet')).toEqual(['Zebra Crossing']);
    expect(filter('harbour harriet')).toEqual([]); // each word in a different article
    expect(filter('  apple   harvest ')).toEqual(['Apple Harvest']);
    // The words narrow, whatever their order.
    expect(filter('harriet zebra')).toEqual(['Zebra Crossing']);
    const nested = [entry('Notes', {folder: 'harbour/2024'}), entry('Harbour Walk')];
    expect(listRows(nested, {filter: 'harbour notes', sort: 'title', standing})).toEqual([
      {entry: 0},
    ]);
  });

  it('follow entries described anew: a new title reorders, a new byline is matched', () => {
    const first = [entry('Beta'), entry('Alpha', {size: 10})];
    expect(listRows(first, {sort: 'title', standing})).toEqual([{entry: 1}, {entry: 0}]);
    expect(listRows(first, {filter: 'desk', sort: 'title', standing})).toEqual([]);
    // Sizes and counts change nothing; a byline or title does.
    const sized = [entry('Beta', {words: 5}), entry('Alpha', {size: 20})];
    expect(listRows(sized, {sort: 'title', standing})).toEqual([{entry: 1}, {entry: 0}]);
    const described = [entry('Beta', {byline: 'The desk'}), entry('Gamma', {size: 10})];
    expect(listRows(described, {sort: 'title', standing})).toEqual([{entry: 0}, {entry: 1}]);
    expect(listRows(described, {filter: 'desk', sort: 'title', standing})).toEqual([{entry: 0}]);
    expect(listRows(described, {filter: 'gamma', sort: 'title', standing})).toEqual([{entry: 1}]);
  });

  it('say a length in words and minutes, estimated (~) from the size until counted', () => {
    expect(describeLength(entry('a', {words: 2380}))).toBe('2,380 w · 10 min');
    expect(describeLength(entry('a', {size: 6000}))).toBe('~1,000 w · 4 min');
    expect(describeLength(entry('a'))).toBe('…');
  });

  it('never grow wider than the terminal, whatever the titles (CJK, emoji, long)', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'W', '図', '書', '😀', '👍🏽', ' ', 'é'),
      maxLength: 80,
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, text), {minLength: 1, maxLength: 5}),
        fc.integer({min: 1, max: 120}),
        (rows, width) => {
          const texts = rows.map(([, byline]) => ({
            byline,
            length: '1,234 w · 5 min',
            state: '40% read',
          }));
          const columns = columnWidths(texts, width);
          for (const [index, [title]] of rows.entries()) {
            const cells = rowCells(entry(title || 'x', {folder: 'sub'}), texts[index]!, columns);
            const used = cells.reduce((sum, cell) => sum + cellWidth(cell.text), 0);
            expect(used).toBeLessThanOrEqual(Math.max(width, 1));
          }
        },
      ),
      {numRuns: 300},
    );
  });
});
