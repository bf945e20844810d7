import {it} from 'vitest';
import {createRequire} from 'node:module';
import {readFileSync} from 'node:fs';
import {blockRanges} from '../source/text/layout.js';
const web = createRequire(import.meta.url)('/work/main/dist/web.cjs');
it('times', () => {
  const {article} = web.parseHtml(readFileSync(`/work/shared/suites/web/wikipedia-2/source.html`, 'utf8'));
  const b = article.blocks[3];
  const lines = article.text.slice(b.start, b.end).split('\n');
  console.log('lines', lines.length, 'longest', Math.max(...lines.map((l: string) => l.length)));
  for (let run = 0; run < 3; run++) {
    let n = 0; const t = performance.now();
    blockRanges(article.text, b, 76, () => n++);
    console.log('pre block', n, (performance.now() - t).toFixed(1));
  }
  let t = performance.now(); let n = 0;
  for (const block of article.blocks.slice(4, 200)) blockRanges(article.text, block, 76, () => n++);
  console.log('next 196 blocks', n, (performance.now() - t).toFixed(1));
});
