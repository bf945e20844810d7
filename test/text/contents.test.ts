import {describe, expect, it} from 'vitest';
import {parseText} from '../../source/article/parse-text.js';
import {parseMarkdown} from '../../source/article/markdown.js';
import {chapterHeadings, contentsIfQuick, contentsOf, entryAt} from '../../source/text/contents.js';

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

  it('are found at once for a text up to 200,000 characters or a book with its own, later for a longer one', () => {
    const chapter = (n: number) => `CHAPTER ${n}\n\n${`${prose('keeper')}\n\n`.repeat(20)}`;
    const text = (chapters: number) =>
      parseText(`Book\n\n${Array.from({length: chapters}, (_, n) => chapter(n + 1)).join('')}`);
    const short = text(100);
    expect(short.text.length).toBeLessThanOrEqual(200_000);
    expect(contentsIfQuick(short)).toHaveLength(100);
    const long = text(120);
    expect(long.text.length).toBeGreaterThan(200_000);
    expect(contentsIfQuick(long)).toBeUndefined();
    expect(contentsOf(long)).toHaveLength(120);
    expect(contentsIfQuick(long)).toBe(contentsOf(long));
    const book = text(120);
    book.contents = [{title: 'The real first', offset: 6, depth: 0}];
    expect(contentsIfQuick(book)).toBe(book.contents);
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

describe('what a line must be to head a chapter', () => {
  /** The titles found when each line heads a paragraph of prose, in a text of its own. */
  const alone = (line: string) =>
    headings(['A Title', line, prose('keeper')].join('\n\n')).map(([title]) => title);

  it('takes Roman numerals to 199 and numbers to 999, with a dot or dashes around them', () => {
    // (In a text with chapters, where a capital line alone is no heading.)
    const alone = (line: string) =>
      headings(['A Title', 'CHAPTER I', prose('keeper'), line, prose('pilot')].join('\n\n'))
        .map(([title]) => title)
        .filter((title) => title !== 'CHAPTER I');
    for (const numeral of [
      'I',
      'IV',
      'IX',
      'XIV',
      'XL',
      'XC',
      'CXL',
      'CXCIX',
      '7',
      '42.',
      '999',
      '— II —',
      '–XI–',
      '- 3 -',
    ]) {
      expect(alone(numeral), numeral).toEqual([numeral]);
    }
    for (const not of ['IIII', 'MM', 'CC', 'VX', '1000', 'II ..', 'A.', '— —']) {
      expect(alone(not), not).toEqual([]);
    }
  });

  it('takes a division word with a number, a number word, alone, or in capitals; never in a sentence', () => {
    for (const line of [
      'Chapter 7',
      'CHAPTER XII. THE END OF IT',
      'Book first',
      'Part Two',
      'Volume III',
      'Prologue',
      'EPILOGUE: 1820',
      'Appendix',
      'Stave One',
      'LETTER IV',
      'Act 3',
      'SCENE II.',
    ]) {
      expect(alone(line), line).toEqual([line]);
    }
    for (const line of [
      'Chapter and verse were quoted.',
      'Book lovers met at noon.',
      'Parting is sweet',
      'Acting on orders',
    ]) {
      expect(alone(line), line).toEqual([]);
    }
  });

  it('takes a capital title of 3 to 60 characters with 3 capitals, not ending as a shout or speaker', () => {
    for (const line of ['THE END', 'LOOMINGS.', 'MR. AND MRS. HALE', 'ÉTÉ', 'ЗИМА']) {
      expect(alone(line), line).toEqual([line]);
    }
    const long = 'A'.repeat(61);
    for (const line of [
      'OK',
      'HELP!',
      'WHY?',
      'WAIT,',
      'THEN;',
      'BLOOM:',
      '“NO MORE',
      '(ASIDE',
      'A.B.C.D.',
      'AB1',
      long,
    ]) {
      expect(alone(line), line).toEqual([]);
    }
    expect(alone('A'.repeat(60))).toEqual(['A'.repeat(60)]);
  });

  it('looks only at short blocks that open with a letter, digit or dash, of one or two lines', () => {
    expect(alone('“CHAPTER I”')).toEqual([]);
    expect(alone(`CHAPTER I ${'and more words '.repeat(12)}`)).toEqual([]);
  });

  it('counts as text under a heading only a paragraph of eight words or more with small letters', () => {
    const under = (body: string) =>
      headings(['A Title', 'CHAPTER I', body, 'CHAPTER II', prose('pilot')].join('\n\n')).map(
        ([title]) => title,
      );
    expect(under('Seven short words stand here alone now.')).toEqual(['CHAPTER II']);
    expect(under('Eight short words stand here alone right now.')).toEqual([
      'CHAPTER I',
      'CHAPTER II',
    ]);
    expect(under('EIGHT LOUD WORDS STAND HERE ALONE RIGHT NOW.')).toEqual(['CHAPTER II']);
    expect(under('Name      Value\nOther     More words in a table of many columns here')).toEqual([
      'CHAPTER II',
    ]);
  });

  it('joins a title under a chapter number with one dot, and ranks divisions by their size', () => {
    expect(headings(['T', 'CHAPTER I.', 'THE QUAY', prose('keeper')].join('\n\n'))).toEqual([
      ['CHAPTER I. THE QUAY', 0],
    ]);
    const text = [
      'T',
      'PART ONE',
      'CHAPTER I',
      'SCENE I',
      prose('a'),
      'SCENE II',
      prose('b'),
      'CHAPTER II',
      prose('c'),
    ];
    expect(headings(text.join('\n\n'))).toEqual([
      ['PART ONE', 0],
      ['CHAPTER I', 1],
      ['SCENE I', 2],
      ['SCENE II', 2],
      ['CHAPTER II', 1],
    ]);
  });

  it("falls back to the text's headings when a book's own contents are empty", () => {
    const article = parseText(['Book', 'CHAPTER I', prose('keeper')].join('\n\n'));
    article.contents = [];
    expect(contentsOf(article).map((entry) => entry.title)).toEqual(['CHAPTER I']);
  });
});
