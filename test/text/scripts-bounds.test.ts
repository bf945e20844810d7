// Each range of characters counted one by one, at its bounds (found by mutation testing).
import {describe, expect, it} from 'vitest';
import {characterScript, isCountedCharacter} from '../../source/text/scripts.js';
import {countWords} from '../../source/article/parse-text.js';

describe('the characters Chinese and Japanese are counted by', () => {
  it('are the kana, Han and compatibility ranges, and none beside them', () => {
    const ranges: Array<[number, number]> = [
      [0x3041, 0x30ff],
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
      [0xf900, 0xfaff],
      [0xff66, 0xff9d],
      [0xd840, 0xd87f],
    ];
    for (const [first, last] of ranges) {
      expect(isCountedCharacter(first), first.toString(16)).toBe(true);
      expect(isCountedCharacter(last), last.toString(16)).toBe(true);
      expect(isCountedCharacter(first - 1), (first - 1).toString(16)).toBe(false);
      expect(isCountedCharacter(last + 1), (last + 1).toString(16)).toBe(false);
    }
  });

  it('tell Japanese by its kana, half-width katakana included', () => {
    expect(characterScript('ｶﾀｶﾅ漢字')).toBe('ja');
    expect(characterScript('ﾝ漢字')).toBe('ja');
    expect(characterScript('漢字漢字')).toBe('zh');
    // A word beyond the first plane (an emoji) is one word between spaces, not two.
    expect(characterScript('漢 😀 😀 😀')).toBeUndefined();
    expect(characterScript('漢字 😀')).toBe('zh');
    expect(countWords('😀 😀')).toBe(2);
  });
});
