import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {readFileSync} from 'node:fs';
import {articleFromBytes, openArticleBytes, PREVIEW_BYTES} from '../../source/article/load.js';
import type {Article} from '../../source/article/article.js';
import {collectGarbage} from '../../source/system/memory.js';

const book = readFileSync('test/fixtures/books/war-and-peace_pg2600.txt');

function whole(bytes: Uint8Array, ownBytes = false): Article {
  const result = articleFromBytes(bytes, 'file.txt', {ownBytes});
  if (result.kind !== 'article') throw new Error(result.reason);
  return result.article;
}

/** The start of a long file must be exactly the start of the whole article. */
function expectPrefix(bytes: Uint8Array) {
  // Read as a file is (the bytes its own), compared with reading them as given.
  const opened = openArticleBytes(Uint8Array.from(bytes), 'file.txt', {ownBytes: true});
  if (opened.kind !== 'article') throw new Error(opened.reason);
  const {article: preview, rest} = opened;
  expect(rest).toBeDefined();
  expect(preview.partial).toBeDefined();
  const full = whole(bytes);
  expect(preview.text.length).toBeLessThan(full.text.length);
  expect(full.text.startsWith(preview.text)).toBe(true);
  expect(full.blocks.slice(0, preview.blocks.length)).toEqual(preview.blocks);
  expect([preview.title, preview.meta]).toEqual([full.title, full.meta]);
  // The estimate of the whole length is near the truth.
  expect(Math.abs(preview.partial!.length - full.text.length) / full.text.length).toBeLessThan(0.1);
  const loaded = rest!.finish();
  expect(loaded.text).toBe(full.text);
  expect(loaded.blocks).toEqual(full.blocks);
  expect(loaded.partial).toBeUndefined();
}

describe('opening a long file', () => {
  it('shows the start of War and Peace as the start of the whole article', () => {
    expectPrefix(book);
  });

  it('does the same for CRLF, a BOM, tabs and Windows-1252', () => {
    const text = book.toString('utf8').slice(0, 900_000);
    expectPrefix(Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8'));
    expectPrefix(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    expectPrefix(Buffer.from(text.replace(/^ {4}/gm, '\t'), 'utf8'));
    // Curly quotes as single Windows-1252 bytes: not UTF-8, read as Windows-1252 throughout.
    const cp1252 = Buffer.from(text.replace(/[“”]/g, '"').replace(/[^\x00-\xff]/g, '?'), 'latin1');
    cp1252[500_000] = 0x93;
    expectPrefix(cp1252);
  });

  it('reads the start the same way even when the rest is wrapped differently', () => {
    const word = (i: number) => ['river', 'stone', 'lantern', 'quiet', 'harbour'][i % 5]!;
    const line = (length: number, seed: number) => {
      let out = '';
      for (let i = seed; out.length < length; i++) out += (out ? ' ' : '') + word(i);
      return out.slice(0, length).trimEnd();
    };
    const paragraph = (length: number, lines: number, seed: number) =>
      Array.from({length: lines}, (_, i) => line(length, seed + i)).join('\n');
    const start = Array.from({length: 1200}, (_, i) =>
      i % 4 === 3 ? paragraph(60, 3, i) : paragraph(70, 4, i),
    );
    const rest = Array.from({length: 6000}, (_, i) => paragraph(95, 5, i));
    expectPrefix(Buffer.from(['Title', ...start, ...rest].join('\n\n'), 'utf8'));
  });

  it('reads a short file whole, at once', () => {
    const opened = openArticleBytes(book.subarray(0, 2 * PREVIEW_BYTES), 'file.txt');
    expect(opened.kind === 'article' && opened.rest).toBe(undefined);
  });

  it('reads the rest in slices, as long as it is let to', () => {
    const opened = openArticleBytes(book, 'file.txt');
    if (opened.kind !== 'article' || !opened.rest) throw new Error('expected a preview');
    expect(opened.rest.step(() => false)).toBeUndefined();
    let slices = 0;
    let loaded: Article | undefined;
    while (!loaded) {
      let budget = 3;
      loaded = opened.rest.step(() => budget-- > 0);
      slices++;
    }
    expect(slices).toBeGreaterThan(10);
    expect(loaded.text).toBe(whole(book).text);
    // Done is done: asking again gives the same article.
    expect(opened.rest.finish()).toBe(loaded);
  });

  it('refuses a binary file by its start', () => {
    const binary = Buffer.concat([Buffer.alloc(64, 0), book]);
    expect(openArticleBytes(binary, 'x')).toEqual({
      kind: 'refused',
      reason: 'not text (binary data)',
    });
  });
});

describe('the copies of a large file', () => {
  it('are released as each becomes garbage (the unjoined text, then the bytes), and the article is the same', () => {
    const big = Buffer.concat([book, book, book]);
    let released = 0;
    const opened = openArticleBytes(Buffer.from(big), 'big.txt', {
      release: () => released++,
      ownBytes: true,
    });
    if (opened.kind !== 'article') throw new Error(opened.reason);
    let loaded: Article | undefined;
    while (!loaded) loaded = opened.rest!.step(() => true);
    expect(released).toBe(2);
    expect(loaded.text).toBe(whole(big).text);
  });

  it("are released the same way when the bytes are not the load's own (the bytes, the unjoined text, the join buffer)", () => {
    const big = Buffer.concat([book, book, book]);
    const before = Buffer.from(big);
    let released = 0;
    const opened = openArticleBytes(big, 'big.txt', {release: () => released++});
    if (opened.kind !== 'article') throw new Error(opened.reason);
    opened.rest!.finish();
    expect(released).toBe(3);
    expect(big.equals(before)).toBe(true); // left as they were
  });

  it('hold the unjoined text no longer: once released, it is collected (nothing keeps it alive)', () => {
    const big = Buffer.concat([book, book, book]);
    collectGarbage();
    const baseline = process.memoryUsage().heapUsed;
    const heldAfter: number[] = [];
    const opened = openArticleBytes(big, 'big.txt', {
      ownBytes: true,
      release: () => {
        collectGarbage();
        heldAfter.push(process.memoryUsage().heapUsed - baseline);
      },
    });
    if (opened.kind !== 'article') throw new Error(opened.reason);
    const loaded = opened.rest!.finish();
    // The text is two bytes a character (War and Peace has some beyond Latin-1): ~20 MB.
    const textBytes = 2 * loaded.text.length;
    expect(textBytes).toBeGreaterThan(18e6);
    // After the first release only blocks and the preview remain on the heap, not the text
    // (the joined copy is decoded from the bytes, and not yet).
    expect(heldAfter[0]).toBeLessThan(textBytes / 2);
  });

  it('are left to the collector for a small file', () => {
    let released = 0;
    const opened = openArticleBytes(book, 'book.txt', {release: () => released++});
    if (opened.kind !== 'article') throw new Error(opened.reason);
    opened.rest!.finish();
    expect(released).toBe(0);
  });
});

describe('joining paragraph lines in the bytes', () => {
  const pieces = [
    'word',
    'Title',
    ' ',
    '  ',
    '\n',
    '\n\n',
    '\n  ',
    '\n- item',
    '\n1. item',
    'é',
    '“quoted”',
    '😀',
    '図書',
    '\u00a0',
    '\u3000',
    'a   b', // a table's gap
    '\t',
    '\r\n',
    '\u0007',
    '\u202e',
  ];
  const texts = fc
    .array(fc.constantFrom(...pieces), {maxLength: 200})
    .map((parts) => parts.join(''));

  it('gives the article that joining in a copy of the text gives, in UTF-8 and Windows-1252', () => {
    fc.assert(
      fc.property(texts, fc.boolean(), (text, bom) => {
        const utf8 = Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text)]);
        const joinedInBytes = articleFromBytes(Buffer.from(utf8), 'x.txt', {ownBytes: true});
        expect(joinedInBytes).toEqual(articleFromBytes(Buffer.from(utf8), 'x.txt'));
        // Not UTF-8 (a lone 0x93 is a curly quote in Windows-1252): one byte a character.
        const cp1252 = Buffer.from(`\x93${text.replace(/[^\x00-\xff]/g, '?')}`, 'latin1');
        expect(articleFromBytes(Buffer.from(cp1252), 'x.txt', {ownBytes: true})).toEqual(
          articleFromBytes(Buffer.from(cp1252), 'x.txt'),
        );
      }),
      {numRuns: 400},
    );
  });

  it('joins War and Peace as the text does, and writes only in the bytes it owns', () => {
    const owned = Buffer.from(book);
    expect(whole(owned, true)).toEqual(whole(book));
    expect(owned.equals(book)).toBe(false); // its paragraphs' line feeds are spaces now
  });
});
