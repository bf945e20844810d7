import {describe, expect, it} from 'vitest';
import {safeLine, sanitize} from '../../source/article/sanitize.js';

describe('sanitize', () => {
  it('turns CRLF and CR into LF', () => {
    expect(sanitize('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
  });

  it('expands tabs to the next multiple of four columns', () => {
    expect(sanitize('\tx\nab\ty')).toBe('    x\nab  y');
  });

  it('shows ESC and other C0 controls as control pictures', () => {
    expect(sanitize('a\u001B[31mb\u0007\u0000')).toBe('a␛[31mb␇␀');
  });

  it('replaces DEL and C1 controls with visible symbols', () => {
    expect(sanitize('x\u007Fy\u009B2J\u0085')).toBe('x␡y\uFFFD2J\uFFFD');
  });

  it('drops bidirectional overrides and isolates', () => {
    expect(sanitize('abc\u202Edef\u2066g\u2069')).toBe('abcdefg');
  });

  it('leaves ordinary text, including emoji and CJK, alone', () => {
    const text = 'Привет, 世界 👩‍👩‍👧 — “quoted” e\u0301';
    expect(sanitize(text)).toBe(text);
  });

  it('ends lines at Unicode line and paragraph separators, and counts tab stops from there', () => {
    expect(sanitize('a\u2028b\u2029c')).toBe('a\nb\nc');
    expect(sanitize('ab\u2028\tx')).toBe('ab\n    x');
    expect(sanitize('xy\na\tc')).toBe('xy\na   c');
    expect(sanitize('a\u0001\tb')).toBe('a\u2401  b');
  });

  it('replaces the last C1 control too, and makes any string one safe line', () => {
    expect(sanitize('a\u009fb')).toBe('a\uFFFDb');
    expect(safeLine('a\nb\r\nc\u001b')).toBe('a b c\u241b');
  });
});
