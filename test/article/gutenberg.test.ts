// Project Gutenberg texts read as books: the header and the licence set aside, the book
// titled by its header.
import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {articleFromBytes, openArticleBytes} from '../../source/article/load.js';
import {gutenbergBook} from '../../source/article/gutenberg.js';
import {findQuotations} from '../../source/text/quotes.js';
import {describeHead} from '../../source/library/scan.js';

const encode = (text: string) => new TextEncoder().encode(text);
const decodeBytes = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

const HEADER = `\uFEFFThe Project Gutenberg EBook of The Tide Tables, by Ann Marsh

This eBook is for the use of anyone anywhere at no cost and with almost
no restrictions whatsoever.


Title: The Tide Tables
       and Other Stories

Author: Ann Marsh

Release Date: May 1, 2005 [EBook #99999]

Language: English

`;
const BOOK = `THE TIDE TABLES

CHAPTER I.

The harbour master looked at the sea. “It will turn at noon,” he said.
`;
const LICENCE = `
End of the Project Gutenberg EBook of The Tide Tables, by Ann Marsh

*** END OF THIS PROJECT GUTENBERG EBOOK THE TIDE TABLES ***

***** This file should be named 99999.txt *****

Updated editions will replace the previous one. “Project Gutenberg” is a registered trademark,
and you may not use it without permission.
`;
const text = (start: string, end = LICENCE) => `${HEADER}${start}\n\n\n${BOOK}${end}`;

function article(source: string) {
  const result = articleFromBytes(encode(source), 'tides.txt');
  if (result.kind !== 'article') throw new Error(result.reason);
  return result.article;
}

describe('a Project Gutenberg text', () => {
  it('is the book between its markers, titled and bylined by its header', () => {
    const book = article(text('*** START OF THIS PROJECT GUTENBERG EBOOK THE TIDE TABLES ***'));
    expect(book.title).toBe('The Tide Tables and Other Stories');
    expect(book.meta).toBe('By Ann Marsh');
    expect(book.text).toContain('The harbour master looked at the sea.');
    for (const setAside of [
      'This eBook is for the use',
      'Release Date',
      'End of the Project',
      'registered trademark',
    ]) {
      expect(book.text).not.toContain(setAside);
    }
    // Its words and quotations are the book's only.
    expect(book.words).toBe(
      article(`The Tide Tables and Other Stories\nBy Ann Marsh\n\n${BOOK}`).words,
    );
    expect(findQuotations(book).map((q) => book.text.slice(q.start, q.end))).toEqual([
      '“It will turn at noon,”',
    ]);
  });

  it('is read alike from bytes it may rearrange and from bytes it must leave alone', () => {
    const source = encode(text('*** START OF THE PROJECT GUTENBERG EBOOK THE TIDE TABLES ***'));
    const kept = Uint8Array.from(source);
    const shared = articleFromBytes(source, 'tides.txt');
    expect(source).toEqual(kept);
    const owned = articleFromBytes(Uint8Array.from(source), 'tides.txt', {ownBytes: true});
    expect(owned).toEqual(shared);
  });

  it('knows the older ways of marking the start and the end', () => {
    for (const start of [
      '***START OF THE PROJECT GUTENBERG EBOOK THE TIDE TABLES***',
      '*** START OF THE PROJECT GUTENBERG EBOOK THE TIDE TABLES ***',
      '*** START OF THIS PROJECT GUTENBERG ETEXT THE TIDE TABLES ***',
      '*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*',
    ]) {
      const book = article(
        text(start, '\n***END OF THE PROJECT GUTENBERG EBOOK THE TIDE TABLES***\nLicence.'),
      );
      expect(book.title, start).toBe('The Tide Tables and Other Stories');
      expect(book.text, start).not.toContain('Licence.');
    }
  });

  it('runs to its end when there is no end marker', () => {
    const book = article(
      text('*** START OF THE PROJECT GUTENBERG EBOOK THE TIDE TABLES ***', '\nThe end.\n'),
    );
    expect(book.text.trimEnd().endsWith('The end.')).toBe(true);
  });

  it('keeps the header’s own bytes, in the file’s encoding', () => {
    // Windows-1252: é is one byte, and stays the same byte in the title.
    const latin = Uint8Array.from(
      `Title: Les Misérables\nAuthor: Victor Hugo\n\n*** START OF THE PROJECT GUTENBERG EBOOK LES MISÉRABLES ***\n\nTome I.\n\nFantine.\n`,
      (char) => char.charCodeAt(0),
    );
    const result = articleFromBytes(latin, 'lm.txt');
    expect(result.kind === 'article' && result.article.title).toBe('Les Misérables');
  });

  it('leaves any other text alone: no start marker, or UTF-16', () => {
    const plain = encode(`The Tide Tables\n\n${BOOK}End of the Project Gutenberg EBook of it.\n`);
    expect(gutenbergBook(plain)).toBeUndefined();
    const wide = new Uint8Array([
      0xff,
      0xfe,
      ...encode('*** START OF THE PROJECT GUTENBERG EBOOK X ***'),
    ]);
    expect(gutenbergBook(wide)).toBeUndefined();
    // Without a title in its header, the book's own first line titles it.
    const untitled = decodeBytes(
      gutenbergBook(
        encode(`Header\n*** START OF THE PROJECT GUTENBERG EBOOK X ***\nTHE TIDE\n\nText.\n`),
      )!.bytes,
    );
    expect(untitled).toBe('\nTHE TIDE\n\nText.\n');
  });

  it('is read as a book from a long file too, its start and its whole alike', () => {
    const war = readFileSync(
      new URL('../fixtures/books/war-and-peace_pg2600.txt', import.meta.url),
    );
    const result = openArticleBytes(new Uint8Array(war), 'war.txt');
    if (result.kind !== 'article') throw new Error(result.reason);
    expect(result.article.title).toBe('War and Peace');
    expect(result.article.meta).toBe('By Leo Tolstoy');
    const whole = result.rest!.finish();
    expect(whole.text.startsWith(result.article.text.slice(0, 1000))).toBe(true);
    expect(whole.text).not.toContain('Project Gutenberg License');
    expect(whole.text.trimEnd().endsWith('we are not conscious.')).toBe(true);
  });

  it('is titled by its header in the library’s list', () => {
    const head = encode(text('*** START OF THE PROJECT GUTENBERG EBOOK THE TIDE TABLES ***'));
    expect(describeHead(head, {fallback: 'tides.txt', format: 'text', whole: true})).toMatchObject({
      title: 'The Tide Tables and Other Stories',
      byline: 'By Ann Marsh',
    });
  });
});
