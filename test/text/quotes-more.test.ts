// Quotations, one case more each: a lead mark after an indent, a quotation opening an indented
// first line, punctuation alone in glyph-decided marks, speakers named one call at a time.
import {describe, expect, it} from 'vitest';
import {parseText} from '../../source/article/parse-text.js';
import {findQuotations, nameSpeakerOf, quotationScanner} from '../../source/text/quotes.js';

const texts = (text: string) => {
  const article = parseText(text);
  return findQuotations(article).map((q) => article.text.slice(q.start, q.end));
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
});
