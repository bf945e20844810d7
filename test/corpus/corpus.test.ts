// Over ../shared/corpus, which holds research-only text: run with `npm run test:corpus`.
import {describe, expect, it} from 'vitest';
import {readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {loadArticleFile} from '../../source/article/file.js';
import {plainText} from '../../source/text/layout.js';
import {cellWidth} from '../../source/text/width.js';
import {findQuotations} from '../../source/text/quotes.js';

const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const TERMINAL_CONTROLS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

// The corpus files Broadsheet refuses, and why: every other one opens.
const REFUSED: Record<string, string> = {
  'nasty/ansi-art/examples_burps_bs-ansilove.ans': 'not text (binary data)',
  'nasty/ansi-art/examples_nail_n-silove.ans': 'not text (binary data)',
};

describe('every file in the shared corpus', () => {
  for (const file of filesUnder(corpus)) {
    const name = path.relative(corpus, file);
    it(`opens, or is refused by name when it should be: ${name}`, () => {
      const result = loadArticleFile(file);
      if (REFUSED[name] !== undefined) {
        expect(result).toEqual({kind: 'refused', reason: REFUSED[name]});
        return;
      }
      if (result.kind !== 'article') throw new Error(`${name} refused: ${result.reason}`);
      const text = plainText(result.article, 60);
      expect(TERMINAL_CONTROLS.test(text)).toBe(false);
      for (const line of text.split('\n')) expect(cellWidth(line)).toBeLessThanOrEqual(60);
    });
  }
});

describe('hostile files', () => {
  it('shows the live escape payloads as visible symbols', () => {
    const result = loadArticleFile(
      path.join(corpus, 'nasty/terminal-escape-payloads_garak_RAW-DO-NOT-CAT.txt'),
    );
    if (result.kind !== 'article') throw new Error(result.reason);
    const text = plainText(result.article, 80);
    expect(text).toContain('␛[32mTHIS IS GREEN␛[0m␇');
    expect(text).toContain('␛]8;;https://nvidia.com/␇NVIDIA␛]8;;␇');
    expect(text).toContain('\uFFFD'); // the 8-bit CSI and OSC
    expect(TERMINAL_CONTROLS.test(text)).toBe(false);
  });

  it('decodes a Windows-1252 file mislabelled as UTF-8 with its curly quotes', () => {
    const result = loadArticleFile(
      path.join(corpus, 'nasty/tom-sawyer_pg74_windows-1252-mislabeled-utf8.txt'),
    );
    if (result.kind !== 'article') throw new Error(result.reason);
    expect(result.article.text).toContain('“TOM!”');
  });

  it('keeps the lines of the Reuters price table', () => {
    const result = loadArticleFile(path.join(corpus, 'news/reuters21578-0005.txt'));
    if (result.kind !== 'article') throw new Error(result.reason);
    expect(result.article.blocks.some((block) => block.kind === 'preformatted')).toBe(true);
  });
});

describe('quotations in research-only news', () => {
  const newsFiles = filesUnder(path.join(corpus, 'news'));

  it('finds straight-quoted quotations in every BBC and Reuters article, none flooding', () => {
    let quoted = 0;
    for (const file of newsFiles) {
      const result = loadArticleFile(file);
      if (result.kind !== 'article') throw new Error(result.reason);
      const quotations = findQuotations(result.article);
      const marks = result.article.text.split('"').length - 1;
      if (marks >= 2) {
        expect(quotations.length, file).toBeGreaterThan(0);
        quoted++;
      }
      for (const q of quotations) {
        // No quotation runs on for more than a few paragraphs.
        expect(q.end - q.start, file).toBeLessThan(3000);
      }
    }
    // 31 of the 32 have straight quotation marks (measured).
    expect(quoted).toBe(31);
  });

  it('reads the multi-paragraph straight quotations of bbc-politics-408 as news writes them', () => {
    const result = loadArticleFile(path.join(corpus, 'news/bbc-politics-408.txt'));
    if (result.kind !== 'article') throw new Error(result.reason);
    const texts = findQuotations(result.article).map((q) =>
      result.article.text.slice(q.start, q.end),
    );
    expect(texts).toContain('"attack mongrel"');
    expect(texts.some((t) => t.startsWith('"So far this year') && t.includes('rattled."'))).toBe(
      true,
    );
  });

  it('reads « » and „ “ in the Russian sentences', () => {
    const result = loadArticleFile(path.join(corpus, 'intl/ru-russian_leipzig-sentences.txt'));
    if (result.kind !== 'article') throw new Error(result.reason);
    const firsts = findQuotations(result.article).map((q) => result.article.text[q.start]);
    expect(firsts.filter((mark) => mark === '«').length).toBeGreaterThan(15);
  });
});

describe('wire copy', () => {
  it('reads Reuters paragraphs at their indents, with the byline in the header', () => {
    const result = loadArticleFile(path.join(corpus, 'news/reuters21578-0028.txt'));
    if (result.kind !== 'article') throw new Error(result.reason);
    expect(result.article.meta).toBe('By Michael Gelb, Reuters');
    expect(
      result.article.blocks.filter((block) => block.kind === 'paragraph').length,
    ).toBeGreaterThan(10);
  });
});
