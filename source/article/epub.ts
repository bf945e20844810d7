import {
  Unzip,
  unzipSync,
  type AsyncFlateStreamHandler,
  type UnzipDecoder,
  type UnzipFileInfo,
} from 'fflate';
import {inflateRawSync} from 'node:zlib';
import path from 'node:path';
import {bookChapter, parseXml, type XmlDocument, type XmlElement} from './html.js';
import {TreeWriter} from './mdast-article.js';
import {decode} from './decode.js';
import {safeLine} from './sanitize.js';
import {countWords} from './parse-text.js';
import type {Article, ArticleLoad, ContentsEntry, LoadResult} from './article.js';

/** A book that unpacks to more than this is refused (a zip bomb). */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;
/** A book of more files than this is refused (a zip bomb of small files). */
export const MAX_ENTRIES = 10_000;

/** The files of a book that are read: text, never pictures, fonts or styles. */
const READ = /\.(xml|opf|ncx|xhtml|html|htm|xht)$/i;

/**
 * The book's text files by path (as the zip names them, `/`-separated), inflated when first
 * read: a long book opens after its first chapters are inflated, not all of them.
 */
class Files {
  private readonly stored = new Map<string, Uint8Array>();
  private readonly deflated = new Map<string, Uint8Array>();
  /** Files that would inflate past the size the zip's directory gives them. */
  readonly bombs: string[] = [];
  /** Files that could not be inflated (bombs and damaged files). */
  private readonly failed = new Set<string>();

  constructor(private readonly declared: Map<string, number>) {}

  has(name: string): boolean {
    return this.stored.has(name) || this.deflated.has(name) || this.failed.has(name);
  }

  get size(): number {
    return this.stored.size + this.deflated.size;
  }

  /** How large the file is, as the zip's directory says. */
  sizeOf(name: string): number {
    return this.declared.get(name) ?? 0;
  }

  store(name: string, bytes: Uint8Array, compressed: boolean): void {
    (compressed ? this.deflated : this.stored).set(name, bytes);
  }

  /**
   * The file's bytes; undefined for a file not in the book, or one that inflates past its
   * stated size (a zip bomb: Node's zlib stops there) or not at all (damaged).
   */
  get(name: string): Uint8Array | undefined {
    const stored = this.stored.get(name);
    if (stored) return stored;
    const raw = this.deflated.get(name);
    if (!raw) return undefined;
    this.deflated.delete(name);
    try {
      const inflated = inflateRawSync(raw, {maxOutputLength: Math.max(1, this.sizeOf(name))});
      this.stored.set(name, inflated);
      return inflated;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') this.bombs.push(name);
      this.failed.add(name);
      return undefined;
    }
  }
}

/** An entry of the book's table of contents: where it leads, not yet where that is. */
type TocEntry = {title: string; file: string; fragment: string; depth: number};

/** A book as its package describes it, with the text files unpacked. */
export type Book = {
  title?: string;
  authors: string[];
  date?: string;
  language?: string;
  /** The spine's documents in reading order (paths in the book), and those it cannot read. */
  spine: string[];
  toc: TocEntry[];
  /** What was skipped, one line each. */
  notices: string[];
  files: Files;
};

type Refused = {refused: string};

/**
 * Opens an EPUB (2 or 3): the zip (checked for bombs and paths that leave it), then
 * META-INF/container.xml, the package (OPF) it names, and the table of contents (the EPUB 3
 * nav document, else the EPUB 2 NCX). A bad book is a refusal that says why.
 */
export function readBook(bytes: Uint8Array): Book | Refused {
  const unpacked = unpack(bytes);
  if ('refused' in unpacked) return unpacked;
  const {files} = unpacked;
  const container = textOf(files, 'META-INF/container.xml');
  if (container === undefined) {
    if (files.has('META-INF/container.xml'))
      return {refused: unreadable(files, 'META-INF/container.xml')};
    return {refused: 'not an EPUB book (no META-INF/container.xml)'};
  }
  const rootfiles = [...parseXml(container).getElementsByTagName('rootfile')];
  const packagePath = (
    rootfiles.find((file) => /oebps-package/.test(file.getAttribute('media-type') ?? '')) ??
    rootfiles[0]
  )?.getAttribute('full-path');
  if (!packagePath) return {refused: 'not an EPUB book (its container names no package)'};
  const opf = textOf(files, packagePath);
  if (opf === undefined && files.has(packagePath)) return {refused: unreadable(files, packagePath)};
  if (opf === undefined) {
    return {refused: `not an EPUB book (its package ${safeLine(packagePath)} is missing)`};
  }
  const protectedBy = drm(files);
  if (protectedBy) return {refused: protectedBy};
  const book = readPackage(parseXml(opf), packagePath, files);
  for (const name of unpacked.ignored) {
    book.notices.push(`a file whose path leaves the book was not read: ${safeLine(name)}`);
  }
  return book;
}

/** Reads the zip's text files, refusing a zip bomb or a path that leaves the book. */
function unpack(bytes: Uint8Array): {files: Files; ignored: string[]} | Refused {
  const entries: UnzipFileInfo[] = [];
  let total = 0;
  try {
    // (Only the directory is read here: nothing is inflated.)
    unzipSync(bytes, {
      filter(entry) {
        entries.push(entry);
        total += entry.originalSize;
        if (entries.length > MAX_ENTRIES) throw new TooMany();
        return false;
      },
    });
  } catch (error) {
    if (error instanceof TooMany) {
      return {refused: `too many files in the book (over ${MAX_ENTRIES}: a zip bomb?)`};
    }
    return {refused: 'not an EPUB book (not a zip file)'};
  }
  if (total > MAX_UNPACKED_BYTES) {
    return {refused: 'the book unpacks to over 64 MB (a zip bomb?)'};
  }
  const declared = new Map<string, number>();
  const ignored: string[] = [];
  for (const entry of entries) {
    // A file whose path leaves the book is never read (nor written anywhere).
    if (leavesTheBook(entry.name)) {
      if (READ.test(entry.name)) ignored.push(entry.name);
    } else declared.set(entry.name, entry.originalSize);
  }
  const files = new Files(declared);
  let damaged = false;
  const unzip = new Unzip((file) => {
    if (!READ.test(file.name) || !declared.has(file.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (error) {
        damaged = true;
        return;
      }
      size += chunk.length;
      chunks.push(chunk);
      if (final) files.store(file.name, joined(chunks, size), file.compression === 8);
    };
    file.start();
  });
  // (fflate's unzipper finds each file's bytes; they are inflated when read.)
  unzip.register(KeptDeflated);
  try {
    unzip.push(bytes, true);
  } catch {
    damaged = true;
  }
  if (damaged && files.size === 0) {
    return {refused: 'the book is damaged (its zip cannot be read)'};
  }
  return {files, ignored};
}

/** A deflated file's bytes as they are in the zip (Files inflates them when read). */
class KeptDeflated implements UnzipDecoder {
  static readonly compression = 8;
  ondata: AsyncFlateStreamHandler = () => undefined;

  push(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, chunk as Uint8Array<ArrayBuffer>, final);
  }
}

class TooMany extends Error {}

function joined(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}

/** Whether a zip entry's path is absolute or climbs out of the book (`../`). */
export function leavesTheBook(name: string): boolean {
  if (/^([/\\]|[A-Za-z]:)/.test(name)) return true;
  return name.split(/[/\\]/).includes('..');
}

function textOf(files: Files, name: string): string | undefined {
  const bytes = files.get(name);
  return bytes && decode(bytes).text;
}

/** Why a file of the book could not be read: it is a bomb, or damaged. */
function unreadable(files: Files, name: string): string {
  return files.bombs.includes(name)
    ? `a file in the book unpacks to more than it says: ${safeLine(name)} (a zip bomb?)`
    : `a file in the book is damaged: ${safeLine(name)}`;
}

/** Fonts obfuscated this way are a publisher's, not DRM: fonts are never read here. */
const FONT_OBFUSCATION = new Set([
  'http://www.idpf.org/2008/embedding',
  'http://ns.adobe.com/pdf/enc#RC',
]);

/** "protected by DRM" when META-INF/encryption.xml encrypts anything but fonts. */
function drm(files: Files): string | undefined {
  const encryption = textOf(files, 'META-INF/encryption.xml');
  if (encryption === undefined) return undefined;
  const document = parseXml(encryption);
  for (const data of byLocalName(document, 'EncryptedData')) {
    const method = byLocalName(data, 'EncryptionMethod')[0]?.getAttribute('Algorithm') ?? '';
    const uri = byLocalName(data, 'CipherReference')[0]?.getAttribute('URI') ?? '';
    if (FONT_OBFUSCATION.has(method)) continue;
    if (/\.(otf|ttf|woff2?)$/i.test(uri)) continue;
    return 'protected by DRM (its text is encrypted)';
  }
  return undefined;
}

/** Elements by local name, whatever prefix (dc:, opf:, none) the document gives them. */
function byLocalName(root: XmlDocument | XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  // (linkedom's getElementsByTagName('*') finds nothing in an XML document.)
  const scope = 'documentElement' in root ? root.documentElement : root;
  if (!scope) return found;
  const all = [scope, ...scope.querySelectorAll('*')];
  for (const element of all) {
    const local = element.tagName.slice(element.tagName.indexOf(':') + 1);
    if (local.toLowerCase() === name.toLowerCase()) found.push(element);
  }
  return found;
}

function textIn(element: XmlElement | undefined): string | undefined {
  const text = element?.textContent
    ? safeLine(element.textContent).replace(/\s+/g, ' ').trim()
    : '';
  return text === '' ? undefined : text;
}

/** A path in the book from an href in the file at `from` (undefined when it leaves the book). */
function resolve(from: string, href: string): {file: string; fragment: string} | undefined {
  const hash = href.indexOf('#');
  const fragment = hash === -1 ? '' : href.slice(hash + 1);
  let target = hash === -1 ? href : href.slice(0, hash);
  try {
    target = decodeURIComponent(target);
  } catch {
    // An href with a stray % is read as written.
  }
  if (/^[a-z][\w+.-]*:/i.test(target)) return undefined; // another scheme: not in the book
  const file =
    target === '' ? from : path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
  if (file.startsWith('../') || file === '..' || file.startsWith('/')) return undefined;
  return {file, fragment};
}

function readPackage(opf: XmlDocument, packagePath: string, files: Files): Book {
  const notices: string[] = [];
  const manifest = new Map<string, {file?: string; type: string; properties: string}>();
  for (const item of byLocalName(opf, 'item')) {
    const id = item.getAttribute('id');
    const href = item.getAttribute('href');
    if (!id || !href) continue;
    manifest.set(id, {
      file: resolve(packagePath, href)?.file,
      type: item.getAttribute('media-type') ?? '',
      properties: item.getAttribute('properties') ?? '',
    });
  }
  const spine: string[] = [];
  for (const reference of byLocalName(opf, 'itemref')) {
    const item = manifest.get(reference.getAttribute('idref') ?? '');
    const name = reference.getAttribute('idref') ?? '?';
    if (!item?.file) {
      notices.push(`a document of the spine is not in the book: ${safeLine(name)} (skipped)`);
    } else if (!/html|xml/i.test(item.type) || /svg/i.test(item.type)) {
      // A page that is a picture (a comic's) has no text to read.
      continue;
    } else if (!files.has(item.file)) {
      notices.push(`a document of the spine is missing: ${safeLine(item.file)} (skipped)`);
    } else spine.push(item.file);
  }
  const metadata = byLocalName(opf, 'metadata')[0];
  const creators = metadata ? byLocalName(metadata, 'creator') : [];
  const roles = new Map<string, string>();
  for (const meta of metadata ? byLocalName(metadata, 'meta') : []) {
    if (meta.getAttribute('property') === 'role') {
      roles.set((meta.getAttribute('refines') ?? '').replace(/^#/, ''), meta.textContent ?? '');
    }
  }
  const authors = creators
    .filter((creator) => {
      const role =
        creator.getAttribute('opf:role') ??
        creator.getAttribute('role') ??
        roles.get(creator.getAttribute('id') ?? '');
      return !role || role.trim() === 'aut';
    })
    .map((creator) => textIn(creator))
    .filter((name): name is string => name !== undefined);
  const book: Book = {
    title: metadata ? textIn(byLocalName(metadata, 'title')[0]) : undefined,
    authors,
    date: metadata ? textIn(byLocalName(metadata, 'date')[0]) : undefined,
    language: metadata ? textIn(byLocalName(metadata, 'language')[0]) : undefined,
    spine,
    toc: [],
    notices,
    files,
  };
  const nav = [...manifest.values()].find((item) => /\bnav\b/.test(item.properties));
  const navText = nav?.file && textOf(files, nav.file);
  if (nav?.file && navText) book.toc = navToc(parseXml(navText), nav.file);
  if (book.toc.length === 0) {
    const spineElement = byLocalName(opf, 'spine')[0];
    const ncx =
      manifest.get(spineElement?.getAttribute('toc') ?? '') ??
      [...manifest.values()].find((item) => /dtbncx/.test(item.type));
    const ncxText = ncx?.file && textOf(files, ncx.file);
    if (ncx?.file && ncxText) book.toc = ncxToc(parseXml(ncxText), ncx.file);
  }
  return book;
}

/** The EPUB 3 nav document's table of contents (its nav epub:type="toc"), nested lists. */
function navToc(nav: XmlDocument, navFile: string): TocEntry[] {
  const navs = byLocalName(nav, 'nav');
  const toc = navs.find((element) => /\btoc\b/.test(element.getAttribute('epub:type') ?? ''));
  const root = toc ?? navs[0];
  if (!root) return [];
  const entries: TocEntry[] = [];
  const walk = (list: XmlElement, depth: number) => {
    for (const item of [...list.children].filter((child) => child.localName === 'li')) {
      const link = [...item.children].find((child) => /^(a|span)$/.test(child.localName));
      const href = link?.getAttribute('href');
      const target = href ? resolve(navFile, href) : undefined;
      const title = textIn(link);
      if (title && target) entries.push({title, ...target, depth});
      const sublist = [...item.children].find((child) => /^(ol|ul)$/.test(child.localName));
      if (sublist) walk(sublist, depth + 1);
    }
  };
  const list = byLocalName(root, 'ol')[0] ?? byLocalName(root, 'ul')[0];
  if (list) walk(list, 0);
  return entries;
}

/** The EPUB 2 NCX's navMap: navPoints, nested. */
function ncxToc(ncx: XmlDocument, ncxFile: string): TocEntry[] {
  const entries: TocEntry[] = [];
  const walk = (parent: XmlElement, depth: number) => {
    for (const point of [...parent.children].filter((child) => child.localName === 'navPoint')) {
      const label = [...point.children].find((child) => child.localName === 'navLabel');
      const content = [...point.children].find((child) => child.localName === 'content');
      const target = resolve(ncxFile, content?.getAttribute('src') ?? '');
      const title = textIn(label);
      if (title && target && content) entries.push({title, ...target, depth});
      walk(point, depth + 1);
    }
  };
  const map = byLocalName(ncx, 'navMap')[0];
  if (map) walk(map, 0);
  return entries;
}

/** The byline a book's package gives: its authors, and the year it names. */
function bylineOfBook(book: Book): string | undefined {
  const year = book.date?.match(/\d{4}/)?.[0];
  const parts = [book.authors.join(', '), year].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/**
 * Characters of text a book's start is read to before it opens: a screenful at the default
 * measure (72 columns, 22 lines); the rest is read while that is shown.
 */
const PREVIEW_CHARS = 72 * 22;

/**
 * An EPUB as one article: the spine's documents in order, each through the HTML-to-Markdown
 * path web pages take (without Reader View), its headings kept, its table of contents as the
 * article's contents. A long book opens at its first documents; `rest` reads the others.
 */
export function openBook(bytes: Uint8Array, fallbackTitle: string): LoadResult {
  const book = readBook(bytes);
  if ('refused' in book) return {kind: 'refused', reason: book.refused};
  const title = book.title ?? fallbackTitle;
  const writer = new TreeWriter(title, bylineOfBook(book));
  const contents: ContentsEntry[] = [];
  const byFile = new Map<string, TocEntry[]>();
  for (const entry of book.toc) {
    byFile.set(entry.file, [...(byFile.get(entry.file) ?? []), entry]);
  }
  let read = 0;
  let words = 0;
  let pictures = 0;
  let readBytes = 0;
  const totalBytes = book.spine.reduce((sum, file) => sum + book.files.sizeOf(file), 0);
  const readNext = () => {
    const file = book.spine[read++]!;
    readBytes += book.files.sizeOf(file);
    const bytesOf = book.files.get(file);
    if (!bytesOf) {
      book.notices.push(`${unreadable(book.files, file)} (skipped)`);
      return;
    }
    const entries = byFile.get(file) ?? [];
    const places = entries.map((entry) => entry.fragment);
    const chapter = bookChapter(decode(bytesOf).text, places);
    words += chapter.words;
    pictures += chapter.pictures;
    const {start, places: found} = writer.add(chapter.tree);
    entries.forEach((entry, index) => {
      const offset = entry.fragment ? (found.get(index) ?? start) : start;
      contents.push({title: entry.title, offset, depth: entry.depth});
    });
  };
  const article = (final: boolean): Article => {
    const made = writer.article(final);
    // (Entries in the order of the text: a table of contents may list a chapter twice.)
    made.contents = contents.slice().sort((a, b) => a.offset - b.offset);
    if (book.language) made.language = book.language;
    const notices = [...book.notices];
    if (final && words === 0) {
      notices.unshift(
        pictures > 0
          ? 'a book of pictures: it has no text to read'
          : 'this book has no text to read',
      );
    }
    if (notices.length > 0) made.notice = notices.join('; ');
    return made;
  };
  while (read < book.spine.length && writer.length < PREVIEW_CHARS) readNext();
  if (read === book.spine.length) return {kind: 'article', article: article(true)};
  const preview = article(false);
  preview.partial = {
    length: Math.round((preview.text.length * totalBytes) / Math.max(1, readBytes)),
  };
  let whole: Article | undefined;
  const rest: ArticleLoad = {
    step(keepGoing) {
      while (!whole && keepGoing()) {
        if (read < book.spine.length) readNext();
        else whole = article(true);
      }
      return whole;
    },
    finish() {
      while (read < book.spine.length) readNext();
      whole ??= article(true);
      return whole;
    },
  };
  return {kind: 'article', article: preview, rest};
}

/**
 * What the library shows of a book: title, byline and words, from its package and its
 * spine's text (tags stripped: near enough for a length), or why it is refused.
 */
export function describeBook(
  bytes: Uint8Array,
  fallbackTitle: string,
): {title: string; byline?: string; words?: number; refused?: string} {
  const book = readBook(bytes);
  if ('refused' in book) return {title: fallbackTitle, refused: book.refused};
  let words = 0;
  for (const file of book.spine) {
    const bytes = book.files.get(file);
    if (!bytes) continue;
    const text = decode(bytes).text;
    const body = text.slice(Math.max(0, text.search(/<body[\s>]/i)));
    words += countWords(body.replace(/<[^>]*>/g, ' ').replace(/&[#\w]+;/g, ' '));
  }
  const found: {title: string; byline?: string; words?: number} = {
    title: book.title ?? fallbackTitle,
    words,
  };
  const byline = bylineOfBook(book);
  if (byline) found.byline = byline;
  return found;
}
