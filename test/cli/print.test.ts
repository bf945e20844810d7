import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {colouredText, colourAllowed} from '../../source/cli/print.js';
import {articleFromBytes} from '../../source/article/load.js';
import {plainText} from '../../source/text/layout.js';
import {THEMES} from '../../source/ui/theme.js';

const article = (file: string, markdown = false) => {
  const result = articleFromBytes(readFileSync(file), 'file', {
    format: markdown ? 'markdown' : 'text',
  });
  if (result.kind !== 'article') throw new Error(result.reason);
  return result.article;
};
const strip = (text: string) => text.replace(/\u001B\[[0-9;]*m/g, '');

describe('print mode', () => {
  it('colours quotations and changes nothing else: the text is plainText’s', () => {
    for (const [file, markdown] of [
      ['articles/the-harbour-inquiry.txt', false],
      ['articles/reading-in-the-terminal.md', true],
      ['articles/zimnyaya-biblioteka.txt', false],
    ] as const) {
      const text = article(file, markdown);
      for (const width of [30, 80]) {
        const coloured = colouredText(text, width, THEMES.dark);
        expect(strip(coloured)).toBe(plainText(text, width));
      }
    }
    const harbour = colouredText(article('articles/the-harbour-inquiry.txt'), 80, THEMES.dark);
    expect(harbour).toContain('\u001B[33m“I want to be plain');
    expect(colouredText(article('articles/the-harbour-inquiry.txt'), 80, THEMES.mono)).toContain(
      '\u001B[3m“I want',
    );
  });

  it('uses colour when FORCE_COLOR asks, or on a terminal that NO_COLOR and TERM=dumb allow', () => {
    expect(colourAllowed(false, {FORCE_COLOR: '1'}, false)).toBe(true);
    expect(colourAllowed(false, {FORCE_COLOR: '0'}, true)).toBe(false);
    expect(colourAllowed(false, {}, true)).toBe(true);
    expect(colourAllowed(false, {}, false)).toBe(false);
    expect(colourAllowed(false, {NO_COLOR: '1'}, true)).toBe(false);
    expect(colourAllowed(true, {}, true)).toBe(false);
    expect(colourAllowed(false, {TERM: 'dumb'}, true)).toBe(false);
  });
});
