import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {graphemesIn, simpleWidth, truncateToWidth} from '../../source/text/width.js';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const whole = (text: string) =>
  [...segmenter.segment(text)].map(({index, segment}) => ({index, segment}));

describe('grapheme clusters in windows', () => {
  it('agrees with segmenting the whole string, across window edges', () => {
    const pieces = ['a', ' ', 'é', 'e\u0301', '👍🏽', '🇫🇷', '夜', '\r\n', 'ก\u0e33', 'x\u0300\u0301'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 300, size: 'max'}), (list) => {
        const text = list.join('');
        expect([...graphemesIn(text)]).toEqual(whole(text));
      }),
      {numRuns: 150},
    );
  });

  it('keeps a cluster longer than a window whole', () => {
    const zalgo = 'a' + '\u0301'.repeat(600) + 'b';
    expect([...graphemesIn(zalgo)].map((g) => g.segment)).toEqual([
      'a' + '\u0301'.repeat(600),
      'b',
    ]);
  });

  it('segments part of a string with offsets into the whole', () => {
    expect([...graphemesIn('abcdé', 2, 5)]).toEqual([
      {index: 2, segment: 'c'},
      {index: 3, segment: 'd'},
      {index: 4, segment: 'é'},
    ]);
  });

  it('cuts a 33,000-character line to the width with an ellipsis', () => {
    const line = 'Nexus-Geräte nehmen eine spezielle Stellung ein. 夜の図書館 '.repeat(600);
    expect(truncateToWidth(line, 20)).toBe('Nexus-Geräte nehmen…');
    expect(truncateToWidth('夜の図書館で聞いた話'.repeat(3000), 9)).toBe('夜の図書…');
  });
});

describe('the edges of a window', () => {
  it('never cut a surrogate pair that straddles one', () => {
    for (let before = 250; before <= 260; before++) {
      const text = `${'a'.repeat(before)}😀👍🏽${'b'.repeat(300)}🇫🇷`;
      expect([...graphemesIn(text)], `${before}`).toEqual(whole(text));
    }
  });

  it('keep a letter with a combining mark whose first half is the lowest high surrogate', () => {
    // U+101FD combines with the letter before it, and begins with \ud800.
    const text = `${'x'.repeat(254)}a\u{101FD}${'y'.repeat(300)}`;
    expect(text.charCodeAt(255)).toBe(0xd800);
    expect([...graphemesIn(text)]).toEqual(whole(text));
    expect(whole(text).map(({segment}) => segment)).toContain('a\u{101FD}');
  });
});

describe('simple widths', () => {
  it('are counted directly for one- and two-cell text, and left to segmentation otherwise', () => {
    expect(simpleWidth('plain text')).toBe(10);
    expect(simpleWidth('“Зимняя” — ok')).toBe(13);
    expect(simpleWidth('夜の図書館')).toBe(10);
    expect(simpleWidth('夜 and 図')).toBe(9);
    expect(simpleWidth('')).toBe(0);
    expect(simpleWidth('e\u0301')).toBeUndefined();
    expect(simpleWidth('😀')).toBeUndefined();
    expect(simpleWidth('a😀')).toBeUndefined();
  });
});
