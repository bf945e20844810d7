import {describe, expect, it} from 'vitest';
import {parseText} from '../../source/article/parse-text.js';
import {openArticleBytes, PREVIEW_BYTES} from '../../source/article/load.js';
import {layout, plainText} from '../../source/text/layout.js';
import {lineRuns, SpanIndex} from '../../source/text/runs.js';
import type {Article} from '../../source/article/article.js';
import {colouredText} from '../../source/cli/print.js';
import {THEMES} from '../../source/ui/theme.js';

const italics = (article: Article) =>
  (article.markup ?? [])
    .filter((span) => span.kind === 'italic')
    .map((span) => article.text.slice(span.start, span.end));

/** The article's body as printed: its lines as shown, the title and byline left out. */
const shown = (article: Article) => plainText(article, 80).split('\n').slice(2).join('\n');

describe('_words_ in plain text', () => {
  it('are shown in italics without their underscores, which stay in the text', () => {
    const text = 'A Title\n\nShe read _The Harbour Gazette_ every _single_ day.\n\nNext.';
    const article = parseText(text);
    // The text is the file's: every offset still counts the underscores.
    expect(article.text).toBe(text);
    expect(italics(article)).toEqual(['The Harbour Gazette', 'single']);
    expect(shown(article)).toBe('She read The Harbour Gazette every single day.\n\nNext.');
    // Printed in colour too.
    expect(colouredText(article, 80, THEMES.dark)).toContain(
      'She read The Harbour Gazette every single day.',
    );
    // On screen: the words in italics, the underscores not drawn.
    const line = layout(article, 80).find((candidate) => candidate.kind === 'paragraph')!;
    const spans = new SpanIndex(
      article.markup!.map((span) => ({...span, style: {[span.kind]: true}})),
    );
    const runs = lineRuns(article.text, line, spans);
    expect(runs.map((run) => run.text).join('')).toBe(
      'She read The Harbour Gazette every single day.',
    );
    expect(runs.filter((run) => run.style.italic).map((run) => run.text)).toEqual([
      'The Harbour Gazette',
      'single',
    ]);
  });

  it('pair only within a paragraph, across its lines, and at the edges of words', () => {
    expect(italics(parseText('T\n\nAn _open\nline_ joined.'))).toEqual(['open line']);
    // Unpaired in its paragraph: left as it is, with its underscore.
    const unpaired = parseText('T\n\nA lone _mark here.\n\nAnd _another.');
    expect(unpaired.markup).toBeUndefined();
    expect(shown(unpaired)).toBe('A lone _mark here.\n\nAnd _another.');
    // Inside words (snake_case, __init__) and around spaces they are no italics.
    for (const text of [
      'T\n\nCall file_name_here now.',
      'T\n\nThe __init__ method.',
      'T\n\nA _ b _ c.',
    ]) {
      expect(parseText(text).markup).toBeUndefined();
    }
    expect(italics(parseText('T\n\n(_Aside_), “_quoted_.”'))).toEqual(['Aside', 'quoted']);
  });

  it('are left alone in preformatted text, which keeps its lines as they are', () => {
    const table = 'T\n\nName      _value_\nOther     _more_';
    expect(parseText(table).markup).toBeUndefined();
  });

  it('are marked alike in the start of a long file and in the whole of it', () => {
    const paragraph =
      'The _Gazette_ said the ferry was late again, and the _harbour_ waited for it.';
    const text = `A Long Book\n\n${Array.from({length: 12_000}, () => paragraph).join('\n\n')}\n`;
    expect(text.length).toBeGreaterThan(2 * PREVIEW_BYTES);
    const opened = openArticleBytes(Buffer.from(text), 'x');
    if (opened.kind !== 'article' || !opened.rest) throw new Error('not opened in parts');
    const whole = opened.rest.finish();
    expect(whole.markup).toHaveLength(6 * 12_000);
    expect(whole.markup!.slice(0, opened.article.markup!.length)).toEqual(opened.article.markup);
  });
});
