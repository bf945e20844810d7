import type {Article} from '../article/article.js';
import {CHARACTERS_PER_MINUTE, characterScript, type CharacterScript} from './scripts.js';

/** Reading speed for time estimates, in words a minute (the adult average for prose). */
export const WORDS_PER_MINUTE = 238;

let wordsPerMinute = WORDS_PER_MINUTE;

/**
 * The reader's own speed, from the config file: set once at start-up, before anything is
 * shown (every estimate reads it; threading it through each would change nothing else).
 */
export function setWordsPerMinute(rate: number): void {
  wordsPerMinute = rate;
}

/**
 * Minutes to read `words` at the reader's speed (at least one): words between spaces at the
 * words a minute set, Chinese and Japanese (counted by characters) at their own rate.
 */
export function minutesFor(words: number, script?: CharacterScript): number {
  return Math.max(1, Math.round(words / perMinute(script)));
}

function perMinute(script: CharacterScript | undefined): number {
  return script ? CHARACTERS_PER_MINUTE[script] : wordsPerMinute;
}

const scripts = new WeakMap<Article, {script: CharacterScript | undefined}>();

/** Whether an article is Chinese or Japanese, counted by characters (told once, from its start). */
export function scriptOf(article: Article): CharacterScript | undefined {
  let known = scripts.get(article);
  if (!known) scripts.set(article, (known = {script: characterScript(article.text)}));
  return known.script;
}

/**
 * Per block, side by side: start, end, words in the block, words in the blocks after it.
 * Built once per article, so the status line's estimate costs a few reads of one array.
 */
const blockTables = new WeakMap<Article, Int32Array>();

function blockTable(article: Article): Int32Array {
  let table = blockTables.get(article);
  if (!table) {
    const {blocks} = article;
    table = new Int32Array(4 * blocks.length);
    let after = 0;
    for (let i = blocks.length - 1; i >= 0; i--) {
      const block = blocks[i]!;
      table.set([block.start, block.end, block.words, after], 4 * i);
      after += block.words;
    }
    blockTables.set(article, table);
  }
  return table;
}

/**
 * Words from `offset` to the end of the article, in O(log blocks) (O(1) with the index of
 * the block holding it): exact at block boundaries, and within a block in proportion to the
 * characters left in it.
 */
export function wordsFrom(article: Article, offset: number, blockHint?: number): number {
  const table = blockTable(article);
  const count = table.length / 4;
  if (count === 0) return 0;
  let low = 0;
  let high = count - 1;
  if (blockHint !== undefined && blockHint < count) {
    const at = 4 * blockHint;
    if (table[at]! <= offset && offset <= table[at + 1]!) low = high = blockHint;
  }
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (table[4 * middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  const at = 4 * low;
  const length = Math.max(1, table[at + 1]! - table[at]!);
  const left = Math.min(length, Math.max(0, table[at + 1]! - offset));
  return Math.round((table[at + 2]! * left) / length) + table[at + 3]!;
}

export type ReadingProgress = {percent: number; minutesLeft: number};

/** How far into the article `offset` is (by characters) and the reading time left. */
export function progressAt(
  article: Article,
  offset: number,
  atEnd: boolean,
  blockHint?: number,
): ReadingProgress {
  // The start of a long file estimates from the whole file's size what it cannot count yet.
  const length = Math.max(1, article.partial?.length ?? article.text.length);
  const unread = Math.max(0, length - article.text.length);
  const wordsUnread = (article.words * unread) / Math.max(1, article.text.length);
  const percent = atEnd ? 100 : Math.min(99, Math.floor((offset / length) * 100));
  const minutesLeft = atEnd
    ? 0
    : Math.ceil(
        (wordsFrom(article, offset, blockHint) + wordsUnread) / perMinute(scriptOf(article)),
      );
  return {percent, minutesLeft};
}
