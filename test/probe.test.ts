import {it} from 'vitest';
import {readFileSync} from 'node:fs';
import {decode} from '../source/article/decode.js';
import {sanitize} from '../source/article/sanitize.js';
import {parseText} from '../source/article/parse-text.js';
import {articleKey} from '../source/state/reading-state.js';
it('probe', () => {
  const bytes = readFileSync('test/fixtures/books/war-and-peace_pg2600.txt');
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    const d = decode(bytes).text;
    const a = performance.now() - t;
    t = performance.now();
    const s = sanitize(d);
    const b = performance.now() - t;
    t = performance.now();
    const p = parseText(s);
    const c = performance.now() - t;
    t = performance.now();
    articleKey(p.text);
    const e = performance.now() - t;
    console.log(
      'decode',
      a.toFixed(1),
      'sanitize',
      b.toFixed(1),
      'parse',
      c.toFixed(1),
      'sha',
      e.toFixed(1),
    );
  }
}, 20000);
