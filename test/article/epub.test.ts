import {describe, expect, it} from 'vitest';
import {zipSync, strToU8} from 'fflate';
import {describeBook, leavesTheBook, openBook, MAX_ENTRIES} from '../../source/article/epub.js';
import {articleFromBytes, openArticleBytes} from '../../source/article/load.js';
import {looksLikeEpub} from '../../source/article/formats.js';
import type {Article} from '../../source/article/article.js';
import {makeEpub, proseChapter, xhtml} from '../fixtures/make-epub.js';

function whole(bytes: Uint8Array): Article {
  const result = openBook(bytes, 'book.epub');
  if (result.kind !== 'article') throw new Error(`refused: ${result.reason}`);
  return result.rest ? result.rest.finish() : result.article;
}

function refusal(bytes: Uint8Array): string {
  const result = openBook(bytes, 'book.epub');
  if (result.kind !== 'refused') throw new Error('opened');
  return result.reason;
}

const twoChapters = [
  proseChapter('one.xhtml', 'The First Night'),
  proseChapter('two.xhtml', 'The Ferry'),
];

describe('reading an EPUB', () => {
  it('reads the spine in order as one article, titled and bylined by the package', () => {
    const article = whole(
      makeEpub({
        title: 'Lamps of the Quay',
        authors: ['Ada Writer', 'Bo Other'],
        date: '2011-05-01',
        language: 'fr',
        chapters: twoChapters,
      }),
    );
    expect(article.title).toBe('Lamps of the Quay');
    expect(article.meta).toBe('Ada Writer, Bo Other · 2011');
    expect(article.language).toBe('fr');
    const first = article.text.indexOf('The First Night');
    const second = article.text.indexOf('The Ferry');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    // Each document's headings are the article's.
    const headings = article.blocks.filter((block) => block.kind === 'heading');
    expect(headings.map((block) => article.text.slice(block.start, block.end))).toEqual([
      'The First Night',
      'The Ferry',
    ]);
    expect(article.words).toBeGreaterThan(80);
  });

  it('takes the table of contents from the EPUB 3 nav, at the places it names', () => {
    const article = whole(
      makeEpub({
        chapters: [
          {
            file: 'one.xhtml',
            body: '<h2>Part One</h2><p>Opening words of the part.</p><h3 id="later">A later section</h3><p>Words of the section.</p>',
          },
          proseChapter('two.xhtml', 'The Ferry'),
        ],
        entries: [
          ['Part One', 'one.xhtml'],
          ['A later section', 'one.xhtml#later'],
          ['The Ferry', 'two.xhtml'],
        ],
      }),
    );
    expect(article.contents!.map((entry) => entry.title)).toEqual([
      'Part One',
      'A later section',
      'The Ferry',
    ]);
    for (const entry of article.contents!) {
      expect(article.text.slice(entry.offset, entry.offset + entry.title.length)).toBe(entry.title);
    }
  });

  it('takes the table of contents from the EPUB 2 NCX when there is no nav', () => {
    const article = whole(makeEpub({toc: 'ncx', chapters: twoChapters}));
    expect(article.contents!.map((entry) => [entry.title, entry.depth])).toEqual([
      ['The First Night', 0],
      ['The Ferry', 0],
    ]);
    expect(article.text.slice(article.contents![1]!.offset).startsWith('The Ferry')).toBe(true);
  });

  it('shows images as their alt text, makes footnotes numbered notes, and keeps web links', () => {
    const article = whole(
      makeEpub({
        chapters: [
          {
            file: 'one.xhtml',
            body: `<p>The harbour<a epub:type="noteref" href="#n1">1</a> at night, as <a href="two.xhtml">the next chapter</a> and <a href="https://example.org/lamps">the lamp society</a> tell.</p>
<img src="lamp.png" alt="A lamp on the quay"/>
<aside epub:type="footnote" id="n1"><p><a href="#r1" epub:type="backlink">↩</a> Built in 1820.</p></aside>`,
          },
          proseChapter('two.xhtml', 'Two'),
        ],
      }),
    );
    expect(article.text).toContain(
      'The harbour[1] at night, as the next chapter and the lamp society[2] tell.',
    );
    expect(article.text).toContain('[image: A lamp on the quay]');
    expect(article.text).toContain('[1] Built in 1820.');
    expect(article.text).toContain('[2] https://example.org/lamps');
    // The note is read only at the end, not where it was in the chapter.
    expect(article.text.indexOf('Built in 1820')).toBeGreaterThan(article.text.indexOf('Two'));
    expect(article.text).not.toContain('two.xhtml');
  });

  it('reads an element XHTML closes with /> as empty, not as swallowing what follows', () => {
    const article = whole(
      makeEpub({
        chapters: [
          {
            file: 'one.xhtml',
            body: '<p>Before<a id="page12"/> after the anchor.</p><p>Next paragraph.</p>',
          },
        ],
      }),
    );
    expect(article.text).toContain('Before after the anchor.\n\nNext paragraph.');
  });

  it('opens a long book at its first chapters, the rest read after, with the same offsets', () => {
    const chapters = Array.from({length: 40}, (_, index) =>
      proseChapter(`c${index}.xhtml`, `Chapter ${index + 1}`, 8),
    );
    const bytes = makeEpub({chapters});
    const opened = openBook(bytes, 'book.epub');
    if (opened.kind !== 'article') throw new Error('refused');
    expect(opened.rest).toBeDefined();
    const preview = opened.article;
    expect(preview.partial!.length).toBeGreaterThan(preview.text.length);
    const book = opened.rest!.finish();
    expect(book.text.startsWith(preview.text)).toBe(true);
    expect(book.blocks.slice(0, preview.blocks.length)).toEqual(preview.blocks);
    expect(book.contents).toHaveLength(40);
    expect(book.contents!.slice(0, preview.contents!.length)).toEqual(preview.contents);
    // Within a factor of the whole's length (each chapter is alike).
    expect(preview.partial!.length / book.text.length).toBeGreaterThan(0.8);
    expect(preview.partial!.length / book.text.length).toBeLessThan(1.25);
  });

  it('is read as a book by its name and by its content', () => {
    const bytes = makeEpub({chapters: twoChapters});
    expect(looksLikeEpub(bytes)).toBe(true);
    expect(looksLikeEpub(strToU8('PK\u0003\u0004 just a zip'))).toBe(false);
    const result = articleFromBytes(bytes, 'x', {format: 'epub'});
    expect(result.kind === 'article' && result.article.title).toBe('A Test Book');
    const opened = openArticleBytes(bytes, 'x', {format: 'epub'});
    expect(opened.kind).toBe('article');
  });

  it('describes a book for the library: title, byline and words', () => {
    const found = describeBook(makeEpub({title: 'Quay', chapters: twoChapters}), 'quay.epub');
    expect(found.title).toBe('Quay');
    expect(found.byline).toBe('Ada Writer');
    // Near the words of the book as read (the tags stripped: no title or byline counted).
    const read = whole(makeEpub({title: 'Quay', chapters: twoChapters})).words;
    expect(found.words).toBeGreaterThan(read * 0.9);
    expect(found.words).toBeLessThanOrEqual(read);
    expect(describeBook(strToU8('not a zip'), 'bad.epub')).toEqual({
      title: 'bad.epub',
      refused: 'not an EPUB book (not a zip file)',
    });
  });
});

describe('bad books', () => {
  it('refuses what is not a zip', () => {
    expect(refusal(strToU8('<html>not a book</html>'))).toBe('not an EPUB book (not a zip file)');
    expect(refusal(new Uint8Array())).toBe('not an EPUB book (not a zip file)');
  });

  it('refuses a zip with no container, or a container naming no package or a missing one', () => {
    expect(refusal(zipSync({'a.txt': strToU8('hello')}))).toBe(
      'not an EPUB book (no META-INF/container.xml)',
    );
    expect(
      refusal(makeEpub({chapters: twoChapters, extra: {'META-INF/container.xml': '<container/>'}})),
    ).toBe('not an EPUB book (its container names no package)');
    expect(refusal(makeEpub({chapters: twoChapters, extra: {'OEBPS/content.opf': null}}))).toBe(
      'not an EPUB book (its package OEBPS/content.opf is missing)',
    );
  });

  it('skips a spine document that is missing, and says so', () => {
    const article = whole(makeEpub({chapters: twoChapters, extra: {'OEBPS/one.xhtml': null}}));
    expect(article.text).toContain('The Ferry');
    expect(article.text).not.toContain('The First Night');
    expect(article.notice).toBe('a document of the spine is missing: OEBPS/one.xhtml (skipped)');
  });

  it('refuses a book whose text is encrypted (DRM), and reads one whose fonts are obfuscated', () => {
    const encryption = (uri: string, algorithm: string) =>
      `<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:EncryptionMethod Algorithm="${algorithm}"/><enc:CipherData><enc:CipherReference URI="${uri}"/></enc:CipherData></enc:EncryptedData></encryption>`;
    expect(
      refusal(
        makeEpub({
          chapters: twoChapters,
          extra: {
            'META-INF/encryption.xml': encryption(
              'OEBPS/one.xhtml',
              'http://www.w3.org/2001/04/xmlenc#aes128-cbc',
            ),
          },
        }),
      ),
    ).toBe('protected by DRM (its text is encrypted)');
    const fonts = whole(
      makeEpub({
        chapters: twoChapters,
        extra: {
          'META-INF/encryption.xml': encryption(
            'OEBPS/font.otf',
            'http://www.idpf.org/2008/embedding',
          ),
        },
      }),
    );
    expect(fonts.text).toContain('The First Night');
  });

  it('refuses a zip bomb: over 64 MB unpacked by its directory', () => {
    const bytes = makeEpub({chapters: twoChapters});
    // Make the directory say the first chapter unpacks to 70 MB.
    setDeclaredSize(bytes, 'OEBPS/one.xhtml', 70 * 1024 * 1024);
    expect(refusal(bytes)).toBe('the book unpacks to over 64 MB (a zip bomb?)');
  });

  it('stops a file that inflates past the size it says: skipped in the spine, refused for the package', () => {
    const chapter = makeEpub({chapters: twoChapters});
    setDeclaredSize(chapter, 'OEBPS/one.xhtml', 10);
    const article = whole(chapter);
    expect(article.text).not.toContain('The First Night');
    expect(article.text).toContain('The Ferry');
    expect(article.notice).toBe(
      'a file in the book unpacks to more than it says: OEBPS/one.xhtml (a zip bomb?) (skipped)',
    );
    const container = makeEpub({chapters: twoChapters});
    setDeclaredSize(container, 'OEBPS/content.opf', 10);
    expect(refusal(container)).toBe(
      'a file in the book unpacks to more than it says: OEBPS/content.opf (a zip bomb?)',
    );
  });

  it('refuses a book of more than 10,000 files', () => {
    const files: Record<string, Uint8Array> = {};
    for (let index = 0; index <= MAX_ENTRIES; index++) files[`f${index}.png`] = new Uint8Array();
    expect(refusal(zipSync(files))).toBe('too many files in the book (over 10000: a zip bomb?)');
  });

  it('never reads a file whose path is absolute or climbs out, and skips a spine entry there', () => {
    expect(leavesTheBook('../evil.xhtml')).toBe(true);
    expect(leavesTheBook('OEBPS/../../evil.xhtml')).toBe(true);
    expect(leavesTheBook('/etc/passwd')).toBe(true);
    expect(leavesTheBook('C:\\evil.xhtml')).toBe(true);
    expect(leavesTheBook('OEBPS/chapter..one.xhtml')).toBe(false);
    const article = whole(
      makeEpub({
        chapters: [...twoChapters, {file: '../../outside.xhtml', body: '<p>Outside words.</p>'}],
        extra: {'../outside.xhtml': xhtml('<p>Outside words.</p>')},
      }),
    );
    expect(article.text).not.toContain('Outside words');
    expect(article.notice).toContain('a document of the spine is not in the book: c2 (skipped)');
    expect(article.notice).toContain(
      'a file whose path leaves the book was not read: ../outside.xhtml',
    );
  });

  it('opens a book of pictures with a notice that it has no text to read', () => {
    const article = whole(
      makeEpub({
        chapters: [
          {file: 'p1.xhtml', body: '<img src="p1.jpg" alt=""/>'},
          {
            file: 'p2.xhtml',
            body: '<div><svg xmlns="http://www.w3.org/2000/svg"><image href="p2.jpg"/></svg></div>',
          },
        ],
      }),
    );
    expect(article.notice).toBe('a book of pictures: it has no text to read');
  });
});

/** Sets a file's uncompressed size in the zip's local header and central directory. */
function setDeclaredSize(bytes: Uint8Array, name: string, size: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const encoded = new TextEncoder().encode(name);
  for (let at = 0; at < bytes.length - 4; at++) {
    const signature = view.getUint32(at, true);
    const [nameAt, sizeAt] =
      signature === 0x04034b50
        ? [at + 30, at + 22]
        : signature === 0x02014b50
          ? [at + 46, at + 24]
          : [];
    if (nameAt === undefined) continue;
    if (encoded.every((byte, index) => bytes[nameAt + index] === byte))
      view.setUint32(sizeAt!, size, true);
  }
}
