// Guillemets the context alone cannot place: the paragraph's style decides.
import {describe, expect, it} from 'vitest';
import {parseText} from '../../source/article/parse-text.js';
import {findQuotations} from '../../source/text/quotes.js';

const texts = (body: string) => {
  const article = parseText(`Title\n\n${body}`);
  return findQuotations(article).map((q) => article.text.slice(q.start, q.end));
};

describe('guillemets the context alone cannot place', () => {
  it('opens with the paragraph’s opening guillemet where a mark touches letters both sides', () => {
    expect(texts('Er sagte»Ja«, und ging. »Nein«, sagte sie.')).toEqual(['»Ja«', '»Nein«']);
    expect(texts('Er sagte›Ja‹, und ging. »Nein«, sagte sie.')).toEqual(['›Ja‹', '»Nein«']);
    expect(texts('Il dit«oui», puis «non».')).toEqual(['«oui»', '«non»']);
    expect(texts('Il dit‹oui›, puis «non».')).toEqual(['‹oui›', '«non»']);
  });
});
