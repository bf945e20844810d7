import {describe, expect, it} from 'vitest';
import {parseText} from '../../source/article/parse-text.js';
import {openArticleBytes, PREVIEW_BYTES} from '../../source/article/load.js';

const italics = (text: string) => {
  const article = parseText(text);
  return (article.markup ?? []).map((span) => [
    span.kind,
    article.text.slice(span.start, span.end),
  ]);
};

describe('_words_ in plain text', () => {
  it('are shown in italics without their underscores, as Markdown emphasis is', () => {
    const article = parseText(
      'A Title\n\nShe read _The Harbour Gazette_ every _single_ day.\n\nNext.',
    );
    expect(article.text).toBe('A Title\n\nShe read The Harbour Gazette every single day.\n\nNext.');
    expect(italics('A Title\n\nShe read _The Harbour Gazette_ every _single_ day.')).toEqual([
      ['italic', 'The Harbour Gazette'],
      ['italic', 'single'],
    ]);
    // Every block after them moves back by the underscores taken out.
    const next = article.blocks.at(-1)!;
    expect(article.text.slice(next.start, next.end)).toBe('Next.');
  });

  it('pair only within a paragraph, across its lines, and at the edges of words', () => {
    expect(italics('T\n\nAn _open\nline_ joined.')).toEqual([['italic', 'open line']]);
    // Unpaired in its paragraph: left as it is, with its underscore.
    const unpaired = parseText('T\n\nA lone _mark here.\n\nAnd _another.');
    expect(unpaired.text).toBe('T\n\nA lone _mark here.\n\nAnd _another.');
    expect(unpaired.markup).toBeUndefined();
    // Inside words (snake_case, __init__) and around spaces they are no italics.
    for (const text of [
      'T\n\nCall file_name_here now.',
      'T\n\nThe __init__ method.',
      'T\n\nA _ b _ c.',
    ]) {
      expect(parseText(text).text).toBe(text);
    }
    expect(italics('T\n\n(_Aside_), “_quoted_.”')).toEqual([
      ['italic', 'Aside'],
      ['italic', 'quoted'],
    ]);
  });

  it('are left alone in preformatted text, which keeps its lines as they are', () => {
    const table = 'T\n\nName      _value_\nOther     _more_';
    expect(parseText(table).text).toBe(table);
  });

  it('give the start of a long file the same text as the whole of it', () => {
    const paragraph =
      'The _Gazette_ said the ferry was late again, and the _harbour_ waited for it.';
    const text = `A Long Book\n\n${Array.from({length: 12_000}, () => paragraph).join('\n\n')}\n`;
    expect(text.length).toBeGreaterThan(2 * PREVIEW_BYTES);
    const opened = openArticleBytes(Buffer.from(text), 'x');
    if (opened.kind !== 'article' || !opened.rest) throw new Error('not opened in parts');
    const whole = opened.rest.finish();
    expect(whole.text.startsWith(opened.article.text)).toBe(true);
    expect(whole.text).not.toContain('_');
    expect(whole.markup).toHaveLength(24_000);
    expect(whole.markup!.slice(0, opened.article.markup!.length)).toEqual(opened.article.markup);
  });
});
