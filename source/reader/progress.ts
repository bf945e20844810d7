import type {Article} from '../article/article.js';

/** Reading speed for time estimates, in words a minute (the adult average for prose). */
export const WORDS_PER_MINUTE = 238;

const wordsAfterBlock = new WeakMap<Article, number[]>();

/** wordsAfter[i]: words in blocks after block i, computed once per article. */
function suffixWords(article: Article): number[] {
  let suffix = wordsAfterBlock.get(article);
  if (!suffix) {
    suffix = new Array<number>(article.blocks.length);
    let total = 0;
    for (let i = article.blocks.length - 1; i >= 0; i--) {
      suffix[i] = total;
      total += article.blocks[i]!.words;
    }
    wordsAfterBlock.set(article, suffix);
  }
  return suffix;
}

/**
 * Words from `offset` to the end of the article, in O(log blocks): exact at block
 * boundaries, and within a block in proportion to the characters left in it.
 */
export function wordsFrom(article: Article, offset: number, blockHint?: number): number {
  const {blocks} = article;
  let low = 0;
  let high = blocks.length - 1;
  const hinted = blockHint === undefined ? undefined : blocks[blockHint];
  if (hinted && hinted.start <= offset && offset <= hinted.end) low = high = blockHint!;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (blocks[middle]!.start <= offset) low = middle;
    else high = middle - 1;
  }
  const block = blocks[low];
  if (!block) return 0;
  const length = Math.max(1, block.end - block.start);
  const left = Math.min(length, Math.max(0, block.end - offset));
  return Math.round((block.words * left) / length) + suffixWords(article)[low]!;
}

export type Progress = {percent: number; minutesLeft: number};

/** How far into the article `offset` is (by characters) and the reading time left. */
export function progressAt(
  article: Article,
  offset: number,
  atEnd: boolean,
  blockHint?: number,
): Progress {
  const length = Math.max(1, article.text.length);
  const percent = atEnd ? 100 : Math.min(99, Math.floor((offset / length) * 100));
  const minutesLeft = atEnd
    ? 0
    : Math.ceil(wordsFrom(article, offset, blockHint) / WORDS_PER_MINUTE);
  return {percent, minutesLeft};
}
