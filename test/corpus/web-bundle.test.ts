// The built web.cjs is patched at bundle time (scripts/bundle.mjs: no style-sheet parser, a
// class attribute set once while parsing, no listener maps until asked for, the Markdown tree
// made in place, element tests converted once). Over every page of Readability's suite and
// every document of the EPUB samples it must read exactly what the source does.
import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {bookChapter, parseHtml} from '../../source/article/html.js';
import {existsSync, readdirSync} from 'node:fs';
import {strFromU8, unzipSync} from 'fflate';
import {projectRoot} from '../e2e/terminal.js';
import {WEB_SUITE, webPages} from './web-suite.js';

const built = createRequire(import.meta.url)(path.join(projectRoot, 'dist/web.cjs')) as {
  parseHtml: typeof parseHtml;
  bookChapter: typeof bookChapter;
};
const EPUB_SUITE = path.resolve(import.meta.dirname, '../../../shared/suites/epub');
const books = existsSync(EPUB_SUITE)
  ? readdirSync(EPUB_SUITE).filter((name) => name.endsWith('.epub'))
  : [];

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

describe.skipIf(books.length === 0)('the built web.cjs against the source, for books', () => {
  it('reads every document of the EPUB samples as the source reads it', () => {
    for (const name of books) {
      const files = unzipSync(readFileSync(path.join(EPUB_SUITE, name)), {
        filter: (entry) => /\.x?html$/.test(entry.name),
      });
      for (const [file, bytes] of Object.entries(files)) {
        const xhtml = strFromU8(bytes);
        expect(built.bookChapter(xhtml, ['id1']), `${name} ${file}`).toEqual(
          bookChapter(xhtml, ['id1']),
        );
      }
    }
  });
});
