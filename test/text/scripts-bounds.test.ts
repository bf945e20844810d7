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

describe('telling a text counted by characters from one with words', () => {
  it('counts characters against words, a tie going to characters', () => {
    expect(characterScript('漢 a')).toBe('zh');
    expect(characterScript('漢 a b')).toBeUndefined();
    // Spaces of every kind part words: tab, no-break space, ideographic space, CJK commas.
    expect(characterScript('漢 a\tb')).toBeUndefined();
    expect(characterScript('漢 a\u00a0b')).toBeUndefined();
    expect(characterScript('漢 a\u3000b')).toBeUndefined();
    expect(characterScript('漢 a、b')).toBeUndefined();
    expect(characterScript('漢 a〿b')).toBeUndefined();
    // Han between letters parts them too: two words and two characters.
    expect(characterScript('a漢b漢')).toBe('zh');
    // A character beyond the first plane is one word, not two.
    expect(characterScript('漢 😀')).toBe('zh');
  });

  it('is Japanese when a kana is there, at either end of the kana', () => {
    for (const kana of ['\u3041', '\u30ff', '\uff66', '\uff9d']) {
      expect(characterScript(`漢${kana}`), kana.codePointAt(0)!.toString(16)).toBe('ja');
    }
    expect(characterScript('漢\u3005')).toBe('zh');
  });

  it('tells from the start of a long text', () => {
    expect(characterScript(`${'漢'.repeat(70_000)}${' a'.repeat(100_000)}`)).toBe('zh');
    expect(characterScript(`${' a'.repeat(40_000)}${'漢'.repeat(100_000)}`)).toBeUndefined();
  });
});
