import {describe, expect, it} from 'vitest';
import {readFileSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {countWords, parseText} from '../../source/article/parse-text.js';
import {characterScript, CHARACTERS_PER_MINUTE} from '../../source/text/scripts.js';
import {
  minutesFor,
  progressAt,
  setWordsPerMinute,
  WORDS_PER_MINUTE,
} from '../../source/text/reading-time.js';
import {describeLength} from '../../source/library/rows.js';
import {describeEntry} from '../../source/library/scan.js';
import {LibraryCache} from '../../source/state/library-cache.js';
import {articlesPath} from '../e2e/terminal.js';

describe('counting Chinese and Japanese by characters', () => {
  it('counts each Han and kana character, and words between spaces', () => {
    expect(countWords('夜の図書館で聞いた話')).toBe(10);
    expect(countWords('我们在图书馆。他说：“好的。”')).toBe(10);
    expect(countWords('Tokyo 東京 is big')).toBe(5);
    expect(countWords('ラーメン、ください。')).toBe(8);
    // A Han character beyond the first plane (𠮷, a surrogate pair) is one.
    expect(countWords('𠮷野家')).toBe(3);
    expect(countWords('one two  three\nfour')).toBe(4);
    expect(countWords('한국어 문장입니다')).toBe(2);
  });

  it('tells a Chinese or Japanese text from one that only quotes a little of either', () => {
    expect(characterScript('夜の図書館で聞いた話。')).toBe('ja');
    expect(characterScript('我们在图书馆里读书。')).toBe('zh');
    expect(
      characterScript('The word 図書館 means library in Japanese and Chinese.'),
    ).toBeUndefined();
    expect(characterScript('Зимняя библиотека')).toBeUndefined();
    expect(characterScript('')).toBeUndefined();
  });

  it('reads them at their own rate; words a minute apply to the rest', () => {
    expect(CHARACTERS_PER_MINUTE).toEqual({zh: 255, ja: 357});
    expect(minutesFor(3570, 'ja')).toBe(10);
    expect(minutesFor(2550, 'zh')).toBe(10);
    expect(minutesFor(2380)).toBe(10);
    setWordsPerMinute(119);
    try {
      expect(minutesFor(2380)).toBe(20);
      expect(minutesFor(3570, 'ja')).toBe(10);
      const japanese = parseText(`題\n\n${'静かな夜の図書館で本を読んだ。'.repeat(500)}`);
      expect(progressAt(japanese, 0, false).minutesLeft).toBe(Math.ceil(japanese.words / 357));
    } finally {
      setWordsPerMinute(WORDS_PER_MINUTE);
    }
  });

  it('lists the bundled Japanese story in characters, and remembers that in the cache', () => {
    const file = path.join(articlesPath, 'yoru-no-toshokan.txt');
    const text = readFileSync(file, 'utf8');
    const state = mkdtempSync(path.join(tmpdir(), 'bs-cjk-cache-'));
    const cache = new LibraryCache(state);
    const entry = describeEntry({path: file, fileName: 'yoru-no-toshokan.txt', title: 'x'}, cache);
    expect(entry.script).toBe('ja');
    expect(entry.words).toBe(parseText(text).words);
    expect(entry.words).toBeGreaterThan(300);
    expect(describeLength(entry)).toBe(
      `${entry.words} ch · ${Math.max(1, Math.round(entry.words! / 357))} min`,
    );
    cache.flush();
    const again = describeEntry(
      {path: file, fileName: 'yoru-no-toshokan.txt', title: 'x'},
      new LibraryCache(state),
    );
    expect(again.script).toBe('ja');
    // An estimate from the size counts three bytes a character.
    expect(describeLength({...entry, words: undefined, size: 3000})).toBe('~1,000 ch · 3 min');
    expect(describeLength({...entry, words: undefined, script: undefined, size: 3000})).toBe(
      '~500 w · 2 min',
    );
  });
});
