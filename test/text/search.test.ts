import {describe, expect, it} from 'vitest';
import {findHits, hitAtOrAfter} from '../../source/text/search.js';

const texts = (text: string, query: string) =>
  findHits(text, query).map((hit) => text.slice(hit.start, hit.end));

describe('findHits', () => {
  it('is case-insensitive unless the query has a capital letter', () => {
    expect(texts('Lavrov met lavrov and LAVROV', 'lavrov')).toEqual(['Lavrov', 'lavrov', 'LAVROV']);
    expect(texts('Lavrov met lavrov and LAVROV', 'Lavrov')).toEqual(['Lavrov']);
  });

  it('matches a phrase across line breaks and runs of spaces', () => {
    expect(texts('the North\nKorean   talks', 'north korean talks')).toEqual([
      'North\nKorean   talks',
    ]);
  });

  it('treats the query as text, not a pattern', () => {
    expect(texts('a.b axb (c) [d]', 'a.b')).toEqual(['a.b']);
    expect(texts('a.b axb (c) [d]', '(c)')).toEqual(['(c)']);
  });

  it('finds nothing for an empty query', () => {
    expect(findHits('text', '   ')).toEqual([]);
  });

  it('finds letters beyond ASCII case-insensitively', () => {
    expect(texts('Ärger und ärger, ПРИВЕТ привет', 'ärger')).toEqual(['Ärger', 'ärger']);
    expect(texts('ПРИВЕТ привет', 'привет')).toEqual(['ПРИВЕТ', 'привет']);
  });
});

describe('hitAtOrAfter', () => {
  it('finds the first hit from an offset', () => {
    const hits = [
      {start: 5, end: 6},
      {start: 10, end: 11},
    ];
    expect(hitAtOrAfter(hits, 0)).toBe(0);
    expect(hitAtOrAfter(hits, 6)).toBe(1);
    expect(hitAtOrAfter(hits, 11)).toBeUndefined();
  });
});
