// Quotations, one case more each: a lead mark after an indent, a quotation opening an indented
// first line, punctuation alone in glyph-decided marks, speakers named one call at a time.
import {describe, expect, it} from 'vitest';
import {parseText} from '../../source/article/parse-text.js';
import {
  findQuotations,
  nameMoreSpeakers,
  nameSpeakerOf,
  quotationScanner,
  QuotationScanner,
} from '../../source/text/quotes.js';

const texts = (text: string) => {
  const article = parseText(text);
  return findQuotations(article).map((q) => article.text.slice(q.start, q.end));
};

/** Each quotation's text and level, and the outermost ones in order. */
const levels = (text: string) => {
  const article = parseText(text);
  const scanner = new QuotationScanner(article);
  const all = scanner.all().map((q) => [article.text.slice(q.start, q.end), q.level]);
  return {all, top: scanner.top.map((q) => article.text.slice(q.start, q.end))};
};

describe('quotations, one case more each', () => {
  it('carries a quotation on into an indented paragraph that repeats its mark', () => {
    expect(texts('Title\n\n“First.\n\n   “Second,” he said.')).toEqual(['“First.\n\n   “Second,”']);
  });

  it('finds a quotation that opens an indented first line', () => {
    expect(texts(' “Quoted,” said the title\n\nBody.')).toEqual(['“Quoted,”']);
  });

  it('leaves out a pair around nothing but punctuation before a letter', () => {
    expect(texts('Title\n\n他说「……」他走了。')).toEqual([]);
  });

  it('names a pronoun’s speaker from the quotation named just before, one call at a time', () => {
    const article = parseText('Title\n\n“Hi,” said Ann.\n\n“Bye,” she said.');
    quotationScanner(article).scanThrough(Infinity);
    nameSpeakerOf(article, 0);
    nameSpeakerOf(article, 1);
    expect(quotationScanner(article).top.map((q) => q.speaker)).toEqual(['Ann', 'Ann']);
  });

  it('closes 』 around Latin words ending in s, not taking it for a possessive', () => {
    expect(texts('Title\n\n『the Joneses』 car, and 『more』.')).toEqual([
      '『the Joneses』',
      '『more』',
    ]);
  });

  it('opens a guillemet touching letters by the paragraph’s style inside another quotation', () => {
    expect(levels('Title\n\n«Un «deux»trois«quatre» cinq»').all).toEqual([
      ['«Un «deux»trois«quatre» cinq»', 1],
      ['«deux»', 2],
      ['«quatre»', 2],
    ]);
  });

  it('opens a straight quotation after an ideographic space, in Chinese', () => {
    expect(texts('Title\n\n他说\u3000"你好"。')).toEqual(['"你好"']);
  });

  it('opens a quotation that starts a sentence inside a straight quotation', () => {
    expect(levels('Title\n\n"Stop. \'No,\' she said."').all).toEqual([
      ['"Stop. \'No,\' she said."', 1],
      ["'No,'", 2],
    ]);
  });

  it('does not let a stray ” that nothing closes decide whether ’ is a possessive', () => {
    expect(texts('Title\n\n‘Ask ”whether the Joneses’ cars are dry,’ she said.')).toEqual([
      '‘Ask ”whether the Joneses’ cars are dry,’',
    ]);
    // The same where both its neighbours would let it open or close (a dash, an ellipsis).
    expect(texts('Title\n\n‘Ask —”… whether the Joneses’ cars are dry,’ she said.')).toEqual([
      '‘Ask —”… whether the Joneses’ cars are dry,’',
    ]);
  });

  it('reads “ as closing inside „, and other marks there as in English', () => {
    expect(texts('Title\n\n„Er rief “Hallo“ und ging.“')).toEqual(['„Er rief “Hallo“']);
    // „…” as in Polish: the ” closes the „, the “ before it opened nothing.
    expect(texts('Title\n\n„Er rief “Hallo” und ging.“')).toEqual(['„Er rief “Hallo”']);
    expect(levels('Title\n\n„Das ist "so" gut.“').all).toEqual([
      ['„Das ist "so" gut.“', 1],
      ['"so"', 2],
    ]);
  });

  it('opens a quotation whose first word could be an elision', () => {
    expect(texts('Title\n\n“Round the bend,” she said.')).toEqual(['“Round the bend,”']);
  });

  it('finds a quotation in the title, outermost', () => {
    expect(levels('‘We will win’, says minister\n\nBody.')).toEqual({
      all: [['‘We will win’', 1]],
      top: ['‘We will win’'],
    });
  });

  it('reads no block when asked for none', () => {
    const scanner = new QuotationScanner(parseText('Title\n\n“One.”'));
    expect(() => scanner.scanBlocks(0)).not.toThrow();
    expect(scanner.blocksTo(Infinity)).toBe(2);
  });

  it('moves every quotation inside two opening marks that never close out to the top', () => {
    expect(levels('Title\n\n„Er sagte ‚ja‘ und „sie ‚nein‘ dazu.')).toEqual({
      all: [
        ['‚ja‘', 1],
        ['‚nein‘', 1],
      ],
      top: ['‚ja‘', '‚nein‘'],
    });
  });

  it('moves a quotation in a dropped mark out one level only, inside a quotation that closes', () => {
    expect(levels('Title\n\n‘He said „yes and «no» today,’ she added.')).toEqual({
      all: [
        ['‘He said „yes and «no» today,’', 1],
        ['«no»', 2],
      ],
      top: ['‘He said „yes and «no» today,’'],
    });
  });

  it('keeps the levels inside a quotation carried over paragraphs, when an inner one ends', () => {
    const text = 'Title\n\n“Alpha ‘beta «gamma» delta\n\n‘More «eps» words\n\n“End.”';
    expect(levels(text).all).toEqual([
      ['“Alpha ‘beta «gamma» delta\n\n‘More «eps» words\n\n“End.”', 1],
      ['‘beta «gamma» delta\n\n‘More «eps» words', 2],
      ['«gamma»', 3],
      ['«eps»', 3],
    ]);
  });

  it('drops a mark left open inside a quotation carried over, and keeps it closed after', () => {
    const text = 'Title\n\n“Alpha „beta «gamma»\n\n“More, she said.”';
    expect(levels(text).all).toEqual([
      ['“Alpha „beta «gamma»\n\n“More, she said.”', 1],
      ['«gamma»', 2],
    ]);
  });

  it('keeps the levels inside a quotation carried over to the end of its last paragraph', () => {
    const text = 'Title\n\n“Alpha «gamma»\n\n“More «eps»\n\nPlain.';
    expect(levels(text).all).toEqual([
      ['“Alpha «gamma»\n\n“More «eps»', 1],
      ['«gamma»', 2],
      ['«eps»', 2],
    ]);
  });

  it('names a speaker without the full stop after an initial', () => {
    const article = parseText('Title\n\n“We will,” said Ann B.');
    expect(findQuotations(article)).toHaveLength(1);
    nameMoreSpeakers(article, 1);
    expect(quotationScanner(article).top[0]!.speaker).toBe('Ann B');
  });

  it('finds a pronoun’s name earlier in a long paragraph', () => {
    // Longer than the stretch read before a quotation: no line break in it.
    const pad = 'The day began slowly, with rain over the harbour and the boats tied up. '.repeat(
      3,
    );
    const article = parseText(
      `Title\n\n${pad}Whitfield said she would leave. “Tonight,” she said.`,
    );
    nameMoreSpeakers(article, 1);
    expect(quotationScanner(article).top[0]!.speaker).toBe('Whitfield');
  });

  it('names nothing, without failing, past the last quotation or in an article with none', () => {
    const article = parseText('Title\n\n“One,” said Ann.');
    expect(() => nameSpeakerOf(article, 5)).not.toThrow();
    const none = parseText('Title\n\nNo quotations here.');
    expect(nameMoreSpeakers(none, 3)).toBe(true);
  });
});
