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

describe('opening odd files', () => {
  // A long file whose start ends near the preview's limit, and `middle` there.
  const paragraph = 'Words of a paragraph that runs on.\n'.repeat(3) + '\n';
  let head = 'Title\n\n';
  while (head.length < PREVIEW_BYTES - 400) head += paragraph;
  const rest = paragraph.repeat(Math.ceil((2.5 * PREVIEW_BYTES) / paragraph.length));
  const longFile = (middle: string) => Buffer.from(head + middle + rest, 'utf8');
  const opened = (bytes: Uint8Array) => {
    const result = openArticleBytes(bytes, 'f.txt');
    if (result.kind !== 'article') throw new Error(result.reason);
    return result.article;
  };

  it('ends the start of a long file only at a blank line, never after a one-letter line', () => {
    // A line of one letter just before the preview's limit, inside a paragraph over it.
    const poem = 'A line of verse\nI\n' + 'and the verse runs on '.repeat(30) + '\n\n';
    const bytes = longFile(poem);
    expect(head.length + poem.length).toBeGreaterThan(PREVIEW_BYTES);
    expectPrefix(bytes);
    // The start is cut at the last blank line within the preview's bytes.
    expect(opened(bytes).text.length).toBeLessThanOrEqual(PREVIEW_BYTES);
    expect(opened(bytes).text.length).toBeGreaterThan(PREVIEW_BYTES - 600);
  });

  it('ends the start at a blank line, not after a Windows line followed by a one-letter Unix line', () => {
    // Line endings mixed, as in files pasted together: CRLF, then a line of one letter and LF.
    expectPrefix(longFile('A line of verse\r\nI\n' + 'and the verse runs on '.repeat(30) + '\n\n'));
  });

  it('ends the start within its bytes, even when a blank line follows just past them', () => {
    // One long line whose blank line falls at the preview's limit and the byte after it.
    const bytes = longFile('x'.repeat(PREVIEW_BYTES - head.length) + '\n\n');
    expect(bytes[PREVIEW_BYTES]).toBe(0x0a);
    expect(bytes[PREVIEW_BYTES + 1]).toBe(0x0a);
    expect(opened(bytes).text).not.toContain('xx');
    expectPrefix(bytes);
  });

  it('leaves the bytes it was given as they were, unless told they are its own', () => {
    const bytes = Buffer.from('Title\n\nA paragraph\nwrapped over\nthree lines.\n', 'utf8');
    const given = Buffer.from(bytes);
    const own = Buffer.from(bytes);
    const read = articleFromBytes(bytes, 'f.txt');
    expect(read.kind === 'article' && read.article.text).toBe(whole(own, true).text);
    expect(bytes.equals(given)).toBe(true);
    expect(openArticleBytes(bytes, 'f.txt').kind).toBe('article');
    expect(bytes.equals(given)).toBe(true);
    expect(own.equals(given)).toBe(false); // joined in its own bytes
  });

  it('reads UTF-16 whole, whatever its bytes look like, and the same with its bytes its own', () => {
    // ਊ is U+0A0A: in UTF-16 its bytes are two line feeds.
    const text = 'Title\n\n' + 'ਊਠ ਊਠ.\n\n'.repeat(60_000);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const bytes of [le, be]) {
      expect(bytes.length).toBeGreaterThan(2 * PREVIEW_BYTES);
      const opened = openArticleBytes(Uint8Array.from(bytes), 'f.txt', {ownBytes: true});
      if (opened.kind !== 'article') throw new Error(opened.reason);
      expect(opened.rest).toBeUndefined();
      expect(opened.article.text).toBe(whole(bytes).text);
      expect(opened.article.text.slice(7, 13)).toBe('ਊਠ ਊਠ.');
    }
    const small = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('T\n\nਊ one\nਊ two.', 'utf16le'),
    ]);
    expect(whole(small, true).text).toBe('T\n\nਊ one ਊ two.');
    const bigEndian = Buffer.from(small);
    bigEndian.swap16();
    expect(whole(bigEndian, true).text).toBe('T\n\nਊ one ਊ two.');
  });

  it('opens a long Windows-1252 file that starts with ÿ or þ like any other', () => {
    const body = 'Title\n\n' + 'A paragraph of plain words.\n\n'.repeat(30_000);
    for (const first of [
      [0xff, 0x41],
      [0x41, 0xfe],
      [0xfe, 0x41],
      [0x41, 0xff],
    ]) {
      const bytes = Buffer.concat([Buffer.from(first), Buffer.from(body, 'latin1')]);
      const opened = openArticleBytes(bytes, 'f.txt');
      if (opened.kind !== 'article') throw new Error(opened.reason);
      expect(opened.rest).toBeDefined();
    }
  });

  it('refuses a binary file read whole, too', () => {
    const binary = Buffer.concat([Buffer.alloc(64, 0), Buffer.from('Text after.')]);
    expect(articleFromBytes(binary, 'x')).toEqual({
      kind: 'refused',
      reason: 'not text (binary data)',
    });
  });

  it('refuses an empty file or one over 64 MB, and reads Markdown as Markdown', () => {
    expect(articleFromBytes(Buffer.from(' \n\n \n'), 'f.txt')).toEqual({
      kind: 'refused',
      reason: 'empty',
    });
    const huge = new Uint8Array(64 * 1024 * 1024 + 1).fill(0x61);
    expect(openArticleBytes(huge, 'f.txt')).toEqual({
      kind: 'refused',
      reason: 'too large (over 64 MB)',
    });
    // Markdown is read whole: its title from its heading, its marks kept.
    const opened = openArticleBytes(Buffer.from('# Short\n\nSome *marked* words.'), 'f.md', {
      format: 'markdown',
    });
    if (opened.kind !== 'article') throw new Error(opened.reason);
    expect(opened.rest).toBeUndefined();
    expect(opened.article.title).toBe('Short');
    expect(opened.article.markup).toHaveLength(1);
  });

  it('opens whole a long file whose start is blank', () => {
    const bytes = Buffer.from(
      '\n'.repeat(PREVIEW_BYTES + 10) + 'Title\n\n' + 'Text.\n\n'.repeat(60_000),
    );
    const opened = openArticleBytes(bytes, 'f.txt');
    if (opened.kind !== 'article') throw new Error(opened.reason);
    expect(opened.rest).toBeUndefined();
    expect(opened.article.title).toBe('Title');
  });

  it('releases the copies of a file from exactly 8 MB on', () => {
    const unit = 'Title\n\n' + 'A paragraph of plain words.\n\n'.repeat(1000);
    const releases = (size: number) => {
      const bytes = Buffer.alloc(size, 0x20);
      bytes.write(unit.repeat(Math.floor(size / unit.length)));
      let released = 0;
      const opened = openArticleBytes(bytes, 'f.txt', {release: () => released++, ownBytes: true});
      if (opened.kind !== 'article') throw new Error(opened.reason);
      opened.rest!.finish();
      return released;
    };
    expect(releases(8 * 1024 * 1024)).toBeGreaterThan(0);
    expect(releases(8 * 1024 * 1024 - 1)).toBe(0);
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
