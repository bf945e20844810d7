// Mozilla Readability's test pages (../shared/suites/web): what Broadsheet prints of each page
// against what Readability's authors expect, word for word.
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {parseHTML} from 'linkedom';
import {articleFromBytes} from '../../source/article/load.js';
import {plainText} from '../../source/text/layout.js';

export const WEB_SUITE = path.resolve(import.meta.dirname, '../../../shared/suites/web');

export type PageScore = {
  name: string;
  title: string;
  expectedTitle: string | null;
  byline: string | undefined;
  expectedByline: string | null;
  f1: number;
};

/** Words, and each Chinese or Japanese character as one (those scripts have no spaces). */
export const words = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, ' $& ')
    .split(/[\s\p{P}\p{S}]+/u)
    .filter(Boolean);

/** F1 of two bags of words. */
export function wordF1(found: string[], expected: string[]): number {
  if (found.length === 0 && expected.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const word of expected) counts.set(word, (counts.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of found) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      common++;
      counts.set(word, left - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / found.length;
  const recall = common / expected.length;
  return (2 * precision * recall) / (precision + recall);
}

export function webPages(): string[] {
  if (!existsSync(WEB_SUITE)) return [];
  return readdirSync(WEB_SUITE).filter((name) =>
    existsSync(path.join(WEB_SUITE, name, 'source.html')),
  );
}

export function scorePage(name: string): PageScore {
  const folder = path.join(WEB_SUITE, name);
  const metadata = JSON.parse(readFileSync(path.join(folder, 'expected-metadata.json'), 'utf8'));
  const result = articleFromBytes(readFileSync(path.join(folder, 'source.html')), name, {
    format: 'html',
    url: 'http://fakehost/test/page.html',
  });
  if (result.kind !== 'article') throw new Error(`${name}: ${result.reason}`);
  const {article} = result;
  // The notes list the links' addresses, and images show their alt text: the expected text
  // has both in its markup only.
  const printed = plainText(article, 80)
    .replace(/\n\[\d+\] \S+(?=\n|$)/g, '')
    .replace(/\[\d+\]/g, '')
    .replace(/\[image(?:: [^\]]*)?\]/g, ' ');
  const {document} = parseHTML(readFileSync(path.join(folder, 'expected.html'), 'utf8'));
  const expectedText = [metadata.title ?? '', document.documentElement?.textContent ?? ''].join(
    ' ',
  );
  return {
    name,
    title: article.title,
    expectedTitle: metadata.title,
    byline: article.meta,
    expectedByline: metadata.byline,
    f1: wordF1(words(printed), words(expectedText)),
  };
}
