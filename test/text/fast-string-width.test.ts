import {describe, expect, it} from 'vitest';
import stringWidth from 'string-width';
import fastStringWidth from '../../source/text/fast-string-width.js';
import {cellWidth} from '../../source/text/width.js';

describe('the fast string-width used in the bundle', () => {
  it('agrees with string-width on every character of the planes it shortcuts', () => {
    const mismatches: string[] = [];
    for (let code = 0x20; code < 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      if (fastStringWidth(char) !== stringWidth(char)) mismatches.push(code.toString(16));
      if (cellWidth(char) !== stringWidth(char)) mismatches.push(`cell ${code.toString(16)}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('agrees on mixed and styled text', () => {
    for (const text of [
      '夜の図書館で聞いた話 — “quoted”',
      '\u001B[34m❯ Зимняя библиотека\u001B[39m',
      '\u001B[1mbold\u001B[22m 世界',
      'e\u0301 👩‍👩‍👧 🇯🇵',
      '\u001B]8;;http://x\u0007link\u001B]8;;\u0007',
    ]) {
      expect(fastStringWidth(text)).toBe(stringWidth(text));
    }
  });
});

describe('the options Ink passes on', () => {
  it('hands ambiguous-width requests and escape-code counting to string-width itself', () => {
    for (const text of ['±…§', 'plain', '夜', '\u001B[31mred\u001B[39m']) {
      expect(fastStringWidth(text, {ambiguousIsNarrow: false})).toBe(
        stringWidth(text, {ambiguousIsNarrow: false}),
      );
      expect(fastStringWidth(text, {countAnsiEscapeCodes: true})).toBe(
        stringWidth(text, {countAnsiEscapeCodes: true}),
      );
      expect(fastStringWidth(text, {ambiguousIsNarrow: true})).toBe(stringWidth(text));
    }
    expect(fastStringWidth('±', {ambiguousIsNarrow: false})).toBe(2);
    expect(
      fastStringWidth('\u001B[31mred\u001B[39m', {countAnsiEscapeCodes: true}),
    ).toBeGreaterThan(3);
    expect(fastStringWidth('\u001B[31mred\u001B[39m')).toBe(3);
    // Not a string: as string-width answers.
    expect(fastStringWidth(42 as unknown as string)).toBe(stringWidth(42 as unknown as string));
  });
});
