// The IDPF's EPUB 3 samples (../shared/suites/epub, CC BY-SA 3.0, never copied here): each
// book's title and authors as its package says, its text as its spine documents hold it, and
// its contents panel as its nav lists it. The package and nav are read here on their own
// (regular expressions over the XML), not with the code under test.
import {describe, expect, it} from 'vitest';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {strFromU8, unzipSync} from 'fflate';
import {loadWholeArticleFile} from '../../source/article/file.js';
import {openReader, readerReducer} from '../../source/reader/reader-reducer.js';
import {readerContents} from '../../source/reader/contents-navigation.js';
import {words} from './web-suite.js';

const SUITE = path.resolve(import.meta.dirname, '../../../shared/suites/epub');
const books = existsSync(SUITE) ? readdirSync(SUITE).filter((name) => name.endsWith('.epub')) : [];

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};
/** An XML string's text: its tags gone (` ` between blocks, nothing in a line of text). */
const textOf = (xml: string, between = ' ') =>
  xml
    .replace(/<[^>]*>/g, between)
    .replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (reference, name: string) => {
      if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name] ?? reference;
    })
    .replace(/\s+/g, ' ')
    .trim();

type Package = {title: string; creators: string[]; spine: string[]; nav: string[]};

/** What a book's package, spine and nav say, read with regular expressions. */
function readPackage(file: string): Package {
  const files = unzipSync(readFileSync(file), {
    filter: (entry) => /\.(xml|opf|xhtml|html)$/.test(entry.name),
  });
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  const container = text('META-INF/container.xml');
  const opfPath = /full-path="([^"]+)"/.exec(container)![1]!;
  const opf = text(opfPath);
  const folder = path.posix.dirname(opfPath);
  const resolve = (href: string) =>
    path.posix.normalize(path.posix.join(folder, decodeURIComponent(href)));
  const title = textOf(/<dc:title[^>]*>([\s\S]*?)<\/dc:title>/.exec(opf)![1]!);
  // Authors: creators with no role or the role aut (a translator or illustrator is none).
  const roles = new Map(
    [...opf.matchAll(/<meta refines="#([^"]+)" property="role"[^>]*>([^<]*)</g)].map((match) => [
      match[1],
      match[2]!.trim(),
    ]),
  );
  const creators = [...opf.matchAll(/<dc:creator([^>]*)>([\s\S]*?)<\/dc:creator>/g)]
    .filter((match) => {
      const role =
        /role="([^"]+)"/.exec(match[1]!)?.[1] ??
        roles.get(/id="([^"]+)"/.exec(match[1]!)?.[1] ?? '');
      return role === undefined || role === 'aut';
    })
    .map((match) => textOf(match[2]!));
  const items = new Map(
    [...opf.matchAll(/<item\b[^>]*>/g)].map((match) => {
      const tag = match[0];
      return [
        /\sid="([^"]+)"/.exec(tag)?.[1],
        {href: /\shref="([^"]+)"/.exec(tag)?.[1], tag},
      ] as const;
    }),
  );
  const spine = [...opf.matchAll(/<itemref\b[^>]*idref="([^"]+)"/g)]
    .map((match) => items.get(match[1]))
    .filter((item) => item?.href && /application\/xhtml\+xml/.test(item.tag))
    .map((item) => resolve(item!.href!));
  const navItem = [...items.values()].find((item) => /properties="[^"]*\bnav\b/.test(item.tag));
  let nav: string[] = [];
  if (navItem?.href) {
    const navText = text(resolve(navItem.href));
    const toc =
      /<nav[^>]*epub:type="[^"]*\btoc\b[^"]*"[^>]*>([\s\S]*?)<\/nav>/.exec(navText)?.[1] ?? '';
    nav = [...toc.matchAll(/<a\b[^>]*href="[^"]*"[^>]*>([\s\S]*?)<\/a>/g)]
      .map((match) => textOf(match[1]!, ''))
      .filter(Boolean);
  }
  return {
    title,
    creators,
    spine: spine.map((name) => {
      const document = text(name);
      return textOf(document.slice(Math.max(0, document.search(/<body[\s>]/))));
    }),
    nav,
  };
}

describe.skipIf(books.length === 0)('the IDPF EPUB 3 samples', () => {
  for (const name of books) {
    it(`reads ${name}: its package's title and authors, its spine's words, its nav's contents`, () => {
      const file = path.join(SUITE, name);
      const expected = readPackage(file);
      const result = loadWholeArticleFile(file);
      if (result.kind !== 'article') throw new Error(`${name} refused: ${result.reason}`);
      const {article} = result;
      expect(article.title).toBe(expected.title);
      for (const creator of expected.creators) expect(article.meta ?? '').toContain(creator);

      const spineWords = expected.spine.flatMap(words);
      if (spineWords.length === 0) {
        // No text in its spine (pictures only, or documents missing): it says so.
        expect(article.notice).toMatch(/no text to read/);
      } else {
        const shown = new Map<string, number>();
        for (const word of words(article.text)) shown.set(word, (shown.get(word) ?? 0) + 1);
        let found = 0;
        for (const word of spineWords) {
          const left = shown.get(word) ?? 0;
          if (left > 0) {
            found++;
            shown.set(word, left - 1);
          }
        }
        expect(found / spineWords.length, name).toBeGreaterThanOrEqual(0.97);
      }

      const contents = readerContents(openReader(article, 80, 24));
      expect(contents.map((entry) => entry.title).sort()).toEqual([...expected.nav].sort());
      if (contents.length >= 3) {
        let state = openReader(article, 80, 24);
        state = readerReducer(state, {type: 'openContents'});
        state = readerReducer(state, {type: 'panelMove', by: 2 - state.panel!.selected});
        state = readerReducer(state, {type: 'panelChoose'});
        state.pages.advance(Infinity);
        expect(state.page).toBe(state.pages.pageOf(contents[2]!.offset));
      }
    });
  }
});
