// The built web.cjs is patched at bundle time (scripts/bundle.mjs: no style-sheet parser, a
// class attribute set once while parsing). Over every page of Readability's suite it must
// read exactly what the source does.
import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {parseHtml} from '../../source/article/html.js';
import {projectRoot} from '../e2e/terminal.js';
import {WEB_SUITE, webPages} from './web-suite.js';

const built = createRequire(import.meta.url)(path.join(projectRoot, 'dist/web.cjs')) as {
  parseHtml: typeof parseHtml;
};

describe.skipIf(webPages().length === 0)('the built web.cjs against the source', () => {
  it('reads every page of the suite as the source reads it', () => {
    for (const name of webPages()) {
      const html = readFileSync(path.join(WEB_SUITE, name, 'source.html'), 'utf8');
      const options = {fallbackTitle: name, url: 'http://fakehost/test/page.html'};
      expect(built.parseHtml(html, options).article, name).toEqual(
        parseHtml(html, options).article,
      );
    }
  });
});
