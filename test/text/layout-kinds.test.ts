import {describe, expect, it} from 'vitest';
import {parseText} from '../../source/article/parse-text.js';
import {parseMarkdown} from '../../source/article/markdown.js';
import {layout, lineText, LineStore, plainText, shownEnd} from '../../source/text/layout.js';

describe('display lines', () => {
  it('say the kind of block they come from and which block it is', () => {
    const markdown = parseMarkdown(
      '# Heading one\n\nBy Somebody\n\nA paragraph.\n\n## A heading\n\n> quoted words\n\n```\ncode  here\n  indented\n```\n',
    );
    const store = new LineStore(markdown, 40);
    const lines = store.finish();
    const plain = new LineStore(parseText('The Title\n\nBy A. Writer\n\nThe body.'), 40).finish();
    const kinds = [...lines, ...plain].map((line) => line.kind);
    // The title and byline are the header's, never display lines.
    expect(new Set(kinds)).toEqual(
      new Set(['paragraph', 'blank', 'heading', 'quote', 'preformatted']),
    );
    expect(lines).toEqual(layout(markdown, 40));
    for (const [index, line] of lines.entries()) {
      expect(store.isBlank(index)).toBe(line.kind === 'blank');
      if (line.kind === 'blank') continue;
      const block = markdown.blocks[store.blockOf(index)]!;
      expect(line.start).toBeGreaterThanOrEqual(block.start);
      expect(line.end).toBeLessThanOrEqual(block.end + 1);
    }
    // Preformatted lines keep their indent.
    const code = lines.filter((line) => line.kind === 'preformatted');
    expect(code.map((line) => lineText(markdown.text, line))).toEqual(['code  here', '  indented']);
  });

  it('end a preformatted block’s last line at the block, not at the next line break', () => {
    const article = parseText('Title\n\n- first item\n- second item   \n\nAfter.');
    const verse = article.blocks.find((block) => block.kind === 'preformatted')!;
    const lines = layout(article, 40).filter((line) => line.kind === 'preformatted');
    expect(lines.at(-1)!.end).toBe(verse.end);
    expect(lineText(article.text, lines.at(-1)!)).toBe('- second item');
  });

  it('end where the visible text does: before spaces, no-break and ideographic spaces', () => {
    expect(shownEnd('ab \u00a0\u3000\n', 0, 6)).toBe(2);
    expect(shownEnd('   ', 1, 3)).toBe(1);
    expect(shownEnd('abc', 0, 3)).toBe(3);
  });

  it('print a byline under the title, set apart by a blank line', () => {
    const article = parseText('The Title\n\nBy A. Writer\n\nThe body.');
    expect(article.meta).toBe('By A. Writer');
    expect(plainText(article, 40)).toBe('The Title\n\nBy A. Writer\n\nThe body.');
  });
});
