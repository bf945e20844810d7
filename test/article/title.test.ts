import {describe, expect, it} from 'vitest';
import {MAX_TITLE_LENGTH, titleFromFirstLine} from '../../source/article/title.js';
import {parseText} from '../../source/article/parse-text.js';
import {layout} from '../../source/text/layout.js';

const sentence = 'Google verspricht viel für sein neues Smartphone, wir forschen nach.';
const oneLine = `${sentence} ${'Nexus-Geräte nehmen eine spezielle Stellung ein. '.repeat(700)}`;

describe('the title of an article', () => {
  it('is the first line when that is of title length', () => {
    expect(titleFromFirstLine('  The Harbour Inquiry  ', 'file.txt')).toEqual({
      title: 'The Harbour Inquiry',
      isTitleLine: true,
    });
    const longest = 'x'.repeat(MAX_TITLE_LENGTH);
    expect(titleFromFirstLine(longest, 'f').isTitleLine).toBe(true);
    expect(titleFromFirstLine(longest + 'x', 'f').isTitleLine).toBe(false);
  });

  it('comes from the first sentence of a first line too long to be one', () => {
    expect(titleFromFirstLine(oneLine, 'file.txt')).toEqual({title: sentence, isTitleLine: false});
  });

  it('falls back to the file name when not even the first sentence is short', () => {
    const run = `${'word '.repeat(60)}and on. More.`;
    expect(titleFromFirstLine(run, 'file.txt')).toEqual({title: 'file.txt', isTitleLine: false});
  });

  it('leaves a one-line article in the body, so the page shows its text', () => {
    const article = parseText(oneLine, 'row.txt');
    expect(article.title).toBe(sentence);
    expect(article.blocks).toHaveLength(1);
    expect(article.blocks[0]!.kind).toBe('paragraph');
    expect(article.blocks[0]!.start).toBe(0);
    const lines = layout(article, 72);
    expect(lines.length).toBeGreaterThan(400);
    expect(article.text.slice(lines[0]!.start, lines[0]!.shown)).toMatch(/^Google verspricht/);
  });

  it('keeps a byline only under a real title line', () => {
    const article = parseText(`${oneLine}\n\nBy Jane Doe, 3 March 2024\n\nMore text.`, 'row.txt');
    expect(article.meta).toBeUndefined();
    expect(parseText('Title\n\nBy Jane Doe, 3 March 2024\n\nBody.').meta).toBe(
      'By Jane Doe, 3 March 2024',
    );
  });
});
