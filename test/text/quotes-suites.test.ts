// Other projects' quotation tests, ported as data into expectations about spans: the
// expected output's marks say where each quotation begins and ends; our spans over the input
// must cover the same text. Marks are compared as one symbol, since those suites also
// convert straight quotes to a locale's marks, which is not what a reader does.
import {describe, expect, it} from 'vitest';
import {readFileSync, readdirSync} from 'node:fs';
import {parseText} from '../../source/article/parse-text.js';
import {findQuotations} from '../../source/text/quotes.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/quotes/${name}`, import.meta.url), 'utf8');

type Case = {name: string; input: string; expected: string; openers: string; closers: string};

// Every mark, apostrophe and prime is one symbol; spacing (typograf adds no-break spaces) is
// left out of the comparison.
const ANY_MARK = /[“”„‟"‘’‚‛'«»‹›「」『』′″‴]/g;
const normalize = (text: string) => text.replace(ANY_MARK, 'Q').replace(/\s/g, '');

const SINGLE = new Set(['‘', '’', '‚', '‹', '›', "'"]);
const family = (char: string) => (SINGLE.has(char) ? 'single' : 'double');

/**
 * Quotations in a text whose marks are already typographic: a stack over the locale's openers
 * and closers, a closer ending the nearest opener of its family (single or double); a ’
 * touching a letter or digit on its right is an apostrophe.
 */
function expectedSpans(text: string, openers: string, closers: string): string[] {
  const spans: Array<[number, number]> = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const isOpener = openers.includes(char);
    const isCloser =
      closers.includes(char) && !(char === '’' && /[\p{L}\p{N}]/u.test(text[i + 1] ?? ''));
    const match = stack.findLastIndex((at) => family(text[at]!) === family(char));
    if (isCloser && match >= 0 && !(isOpener && /\s/.test(text[i - 1] ?? ' '))) {
      spans.push([stack[match]!, i + 1]);
      stack.splice(match);
    } else if (isOpener) {
      stack.push(i);
    }
  }
  return spans.sort((a, b) => a[0] - b[0]).map(([start, end]) => normalize(text.slice(start, end)));
}

function ourSpans(input: string): string[] {
  const article = parseText(`Title\n\n${input}`);
  return findQuotations(article).map((q) => normalize(article.text.slice(q.start, q.end)));
}

function run(cases: Case[]) {
  const failures = cases.filter(
    (c) =>
      JSON.stringify(ourSpans(c.input)) !==
      JSON.stringify(expectedSpans(c.expected, c.openers, c.closers)),
  );
  return {total: cases.length, passed: cases.length - failures.length, failures};
}

const ENGLISH = {openers: '“‘', closers: '”’'};

/** markdown-it fixtures: title, ".", input, ".", expected HTML, "." */
function markdownItCases(file: string): Case[] {
  const cases: Case[] = [];
  const blocks = fixture(file).split(/^\.\n/m);
  for (let i = 0; i + 2 < blocks.length; i += 3) {
    const name = blocks[i]!.trim();
    const markdown = blocks[i + 1]!;
    const html = blocks[i + 2]!;
    if (!/["']/.test(markdown)) continue;
    // Compare paragraph by paragraph, in the plain text the HTML carries.
    const paragraphs = [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) =>
      m[1]!
        .replace(/<[^>]+>/g, '')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    );
    paragraphs.forEach((expected, index) => {
      const input = expected.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
      cases.push({name: `${name} #${index + 1}`, input, expected, ...ENGLISH});
    });
  }
  return cases;
}

function smartquotesCases(): Case[] {
  const source = fixture('smartquotes-js-test.js');
  const body = source.slice(source.indexOf('const expectations = {') + 22, source.indexOf('};'));
  // The object literal is plain JavaScript string pairs.
  const expectations = new Function(`return {${body}};`)() as Record<string, string>;
  return Object.entries(expectations).map(([input, expected]) => ({
    name: input,
    input,
    expected,
    ...ENGLISH,
  }));
}

function typografCases(): Case[] {
  const cases: Case[] = [];
  const folder = new URL('../fixtures/quotes/typograf/', import.meta.url);
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.test.ts'))) {
    const source = readFileSync(new URL(file, folder), 'utf8');
    const locale = /locale:\s*\[?'([\w-]+)'/.exec(source)?.[1] ?? 'ru';
    const data = readFileSync(new URL(`locale-data/${locale}.ts`, folder), 'utf8');
    const quote = /'[\w-]+\/quote':\s*\{\s*left:\s*'([^']*)',\s*right:\s*'([^']*)'/.exec(data);
    if (!quote) continue;
    const pairs = source.matchAll(/\[\s*'((?:[^'\\]|\\.)*)',\s*'((?:[^'\\]|\\.)*)'\s*,?\s*\]/g);
    for (const [, input, expected] of pairs) {
      const unescape = (text: string) => new Function(`return '${text}';`)() as string;
      cases.push({
        name: `${file}: ${unescape(input!)}`,
        input: unescape(input!),
        expected: unescape(expected!),
        openers: quote[1]!,
        closers: quote[2]!,
      });
    }
  }
  return cases;
}

// Measured pass counts; a drop means the quotation engine got worse. The issue notes explain
// the failures that remain.
describe('quotation suites of other projects', () => {
  it('markdown-it smartquotes and typographer fixtures', () => {
    const cases = [
      ...markdownItCases('markdown-it-smartquotes.txt'),
      ...markdownItCases('markdown-it-typographer.txt'),
    ];
    const {total, passed, failures} = run(cases);
    console.log(
      `markdown-it: ${passed}/${total}`,
      failures.map((f) => f.name),
    );
    expect(total).toBeGreaterThan(15);
    expect(passed).toBeGreaterThanOrEqual(MINIMUM.markdownIt);
  });

  it('smartquotes.js expectations', () => {
    const {total, passed, failures} = run(smartquotesCases());
    console.log(
      `smartquotes.js: ${passed}/${total}`,
      failures.map((f) => f.name),
    );
    expect(total).toBe(17);
    expect(passed).toBeGreaterThanOrEqual(MINIMUM.smartquotes);
  });

  it('typograf locale tests', () => {
    const {total, passed, failures} = run(typografCases());
    console.log(
      `typograf: ${passed}/${total}`,
      failures.map((f) => f.name),
    );
    expect(total).toBeGreaterThan(30);
    expect(passed).toBeGreaterThanOrEqual(MINIMUM.typograf);
  });
});

const MINIMUM = {markdownIt: 22, smartquotes: 17, typograf: 66};
