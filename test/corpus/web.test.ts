// Mozilla Readability's own test pages: the title, the byline and the text Broadsheet reads
// from each saved page against what Readability's authors expect.
import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {parseHtml} from '../../source/article/html.js';
import type {Article} from '../../source/article/article.js';
import {scorePage, WEB_SUITE, webPages, type PageScore} from './web-suite.js';

/** Pages below the text bound, each with the reason. */
const KNOWN: Record<string, string> = {
  // A page with no title at all is titled by its file name, which the expected text lacks:
  // with one word of text, that name is most of what is printed.
  '005-unescape-html-entities': 'untitled: the file name is its title',
  // Its formulas are MathJax's script elements, which Broadsheet never reads or runs; the
  // expected text has the formulas' source.
  mathjax: 'formulas written as scripts',
};

const oneLine = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

describe.skipIf(webPages().length === 0)('the web pages of Readability’s test suite', () => {
  const scores: PageScore[] = webPages().map(scorePage);

  it('reads every page', () => {
    expect(scores.length).toBeGreaterThanOrEqual(60);
  });

  it('titles at least 95% of pages as their authors expect', () => {
    const right = scores.filter((score) => oneLine(score.title) === oneLine(score.expectedTitle));
    console.log(`titles: ${right.length}/${scores.length}`);
    expect(right.length / scores.length).toBeGreaterThanOrEqual(0.95);
  });

  it('names the expected byline for at least 90% of the pages that have one', () => {
    const withByline = scores.filter((score) => oneLine(score.expectedByline) !== '');
    const right = withByline.filter((score) =>
      oneLine(score.byline).includes(oneLine(score.expectedByline)),
    );
    console.log(`bylines: ${right.length}/${withByline.length}`);
    expect(right.length / withByline.length).toBeGreaterThanOrEqual(0.9);
  });

  it('prints the expected words: F1 at least 0.97 at the median and 0.85 on every page', () => {
    const f1s = scores.map((score) => score.f1).sort((a, b) => a - b);
    const median = f1s[Math.floor(f1s.length / 2)]!;
    console.log(`word F1: median ${median.toFixed(3)}, lowest ${f1s[0]!.toFixed(3)}`);
    expect(median).toBeGreaterThanOrEqual(0.97);
    for (const score of scores) {
      if (score.name in KNOWN) continue;
      expect(score.f1, score.name).toBeGreaterThanOrEqual(0.85);
    }
  });
});

describe.skipIf(webPages().length === 0)('the start of each long page of the suite', () => {
  it('is a prefix of the whole, block for block, wherever one is made', () => {
    let made = 0;
    for (const name of webPages()) {
      const html = readFileSync(path.join(WEB_SUITE, name, 'source.html'), 'utf8');
      let start: Article | undefined;
      const {article} = parseHtml(html, {
        url: 'http://fakehost/test/page.html',
        onStart: (given) => (start = given),
      });
      if (!start) continue;
      made++;
      expect(article.text.startsWith(start.text), name).toBe(true);
      expect(article.blocks.slice(0, start.blocks.length), name).toEqual(start.blocks);
    }
    console.log(`starts made: ${made}`);
    expect(made).toBeGreaterThan(5);
  });
});
