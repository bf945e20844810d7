import {describe, expect, it} from 'vitest';
import {parseText} from '../../source/article/parse-text.js';
import {parseMarkdown} from '../../source/article/markdown.js';
import {chapterHeadings, contentsOf, entryAt} from '../../source/text/contents.js';

const prose = (words: string) =>
  `The ${words} walked down to the harbour where the boats were tied for the night and waited.`;

/** Titles and depths of a plain text's chapter headings. */
function headings(text: string): Array<[string, number]> {
  return chapterHeadings(parseText(text)).map((entry) => [entry.title, entry.depth]);
}

describe("a plain text's chapter headings", () => {
  it('finds CHAPTER I, Chapter 12., PART II and EPILOGUE lines followed by prose', () => {
    const text = [
      'The Quay Book',
      'CHAPTER I',
      prose('keeper'),
      'Chapter 12.',
      prose('pilot'),
      'PART II',
      prose('clerk'),
      'EPILOGUE',
      prose('widow'),
    ].join('\n\n');
    expect(headings(text).map(([title]) => title)).toEqual([
      'CHAPTER I',
      'Chapter 12.',
      'PART II',
      'EPILOGUE',
    ]);
  });

  it('nests chapters under books, and keeps a book heading right over its first chapter', () => {
    const text = [
      'A Long Book',
      'BOOK ONE: 1805',
      'CHAPTER I',
      prose('prince'),
      'CHAPTER II',
      prose('count'),
      'BOOK TWO: 1806',
      'CHAPTER I',
      prose('hussar'),
    ].join('\n\n');
    expect(headings(text)).toEqual([
      ['BOOK ONE: 1805', 0],
      ['CHAPTER I', 1],
      ['CHAPTER II', 1],
      ['BOOK TWO: 1806', 0],
      ['CHAPTER I', 1],
    ]);
  });

  it('leaves out a list of contents at the front: headings with no text under them', () => {
    const text = [
      'A Long Book',
      'CONTENTS',
      'CHAPTER I',
      'CHAPTER II',
      'CHAPTER I',
      prose('prince'),
      'CHAPTER II',
      prose('count'),
    ].join('\n\n');
    const found = chapterHeadings(parseText(text));
    expect(found.map((entry) => entry.title)).toEqual(['CHAPTER I', 'CHAPTER II']);
    // The chapters themselves, not their lines in the list.
    expect(parseText(text).text.slice(found[0]!.offset)).toMatch(/^CHAPTER I\n\nThe prince/);
  });

  it('takes a capital line under a chapter number as its title', () => {
    const text = ['Stories', 'CHAPTER I.', 'THE LAMPLIGHTER.', prose('lamplighter')].join('\n\n');
    expect(headings(text)).toEqual([['CHAPTER I. THE LAMPLIGHTER.', 0]]);
    const twoLines = ['Stories', 'CHAPTER II.\nTHE FERRY.', prose('ferryman')].join('\n\n');
    expect(headings(twoLines)).toEqual([['CHAPTER II. THE FERRY.', 0]]);
  });

  it('reads a Roman numeral alone as a chapter, dashes and all', () => {
    const text = [
      'Poems',
      'I.',
      prose('first'),
      '— II —',
      prose('second'),
      'XIV',
      prose('third'),
    ].join('\n\n');
    expect(headings(text).map(([title]) => title)).toEqual(['I.', '— II —', 'XIV']);
  });

  it('reads capital title lines as chapters only in a text with no numbered divisions', () => {
    const titled = ['Tales', 'THE LIGHTHOUSE', prose('keeper'), 'THE NIGHT FERRY', prose('pilot')];
    expect(headings(titled.join('\n\n')).map(([title]) => title)).toEqual([
      'THE LIGHTHOUSE',
      'THE NIGHT FERRY',
    ]);
    // A word written in capitals in a text with chapters is no chapter.
    const divided = ['Tales', 'CHAPTER I', prose('keeper'), 'RACHEL.', prose('pilot')];
    expect(headings(divided.join('\n\n')).map(([title]) => title)).toEqual(['CHAPTER I']);
  });

  it('takes no shout, speaker or initials for a heading, nor a chapter word in a sentence', () => {
    const text = [
      'Tales',
      'HELP!',
      prose('sailor'),
      'BLOOM:',
      prose('cook'),
      'A.E.I.O.U.',
      prose('clerk'),
      'Chapter and verse were quoted at him.',
      prose('priest'),
      'Part of the crowd',
      prose('mayor'),
    ].join('\n\n');
    expect(headings(text)).toEqual([]);
  });

  it('finds no chapters in an article without any', () => {
    expect(headings(['News', prose('minister'), prose('mayor')].join('\n\n'))).toEqual([]);
  });
});

describe('the contents of any article', () => {
  it("are a Markdown article's headings, nested by level", () => {
    const article = parseMarkdown(
      '# Title\n\n## First\n\nText.\n\n### Inner\n\nMore.\n\n## Second\n\nEnd.\n',
      'x.md',
    );
    expect(contentsOf(article).map((entry) => [entry.title, entry.depth])).toEqual([
      ['First', 0],
      ['Inner', 1],
      ['Second', 0],
    ]);
    const second = contentsOf(article)[2]!;
    expect(article.text.slice(second.offset, second.offset + 6)).toBe('Second');
  });

  it("are a book's own contents when it has them, and found once per article", () => {
    const article = parseText('Book\n\nCHAPTER I\n\n' + prose('keeper'));
    article.contents = [{title: 'The real first', offset: 6, depth: 0}];
    expect(contentsOf(article)).toBe(article.contents);
    const text = parseText('Book\n\nCHAPTER I\n\n' + prose('keeper'));
    expect(contentsOf(text)).toBe(contentsOf(text));
  });

  it('tells which entry an offset is in', () => {
    const contents = [
      {title: 'a', offset: 10, depth: 0},
      {title: 'b', offset: 20, depth: 0},
    ];
    expect(entryAt(contents, 0)).toBe(-1);
    expect(entryAt(contents, 10)).toBe(0);
    expect(entryAt(contents, 19)).toBe(0);
    expect(entryAt(contents, 20)).toBe(1);
    expect(entryAt(contents, 999)).toBe(1);
  });
});
