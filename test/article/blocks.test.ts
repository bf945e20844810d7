import {describe, expect, it} from 'vitest';
import {blocksThrough, type Block} from '../../source/article/article.js';

describe('blocksThrough', () => {
  const block = (start: number, end: number): Block => ({kind: 'paragraph', start, end, words: 1});
  const blocks = [block(0, 5), block(7, 10), block(12, 20)];

  it('counts the blocks up to the one holding an offset, or the next one between blocks', () => {
    expect([0, 4, 5, 6, 7, 9, 10, 12, 19, 20, 99].map((at) => blocksThrough(blocks, at))).toEqual([
      1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3,
    ]);
    expect(blocksThrough([], 5)).toBe(0);
  });
});
