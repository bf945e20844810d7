import {Readability} from '@mozilla/readability';
import {DOMParser, parseHTML} from 'linkedom';
import {fromDom} from 'hast-util-from-dom';
import {toMdast} from 'hast-util-to-mdast';
import type {Nodes as HastNodes} from 'hast';
import type {Nodes, Root} from 'mdast';
import type {Article} from './article.js';
import {articleFromTree, MAX_PLACES, PLACE_MARK, placeMark} from './mdast-article.js';
import {safeLine, sanitize} from './sanitize.js';

/** What a web page says of itself, as Readability reads it (JSON-LD, Open Graph, meta tags). */
export type PageMetadata = {
  title?: string;
  byline?: string;
  site?: string;
  /** As the page gives it (often an ISO date and time). */
  date?: string;
  language?: string;
  /** The page's own address: its canonical link, else the address it was read from. */
  url?: string;
};

/** A web page read as an article, with what the page says of itself and its Markdown tree. */
export type WebArticle = {article: Article; metadata: PageMetadata; tree: Root};

/**
 * Reader View's options, with one the built bundle's Reader View reads (scripts/bundle.mjs):
 * the page parsed again, for a retry, instead of a copy of its HTML kept before every first try.
 */
type ReaderViewOptions = ConstructorParameters<typeof Readability<Element>>[1] & {
  pageAfresh?: () => PageDocument;
};

/** Elements whose content is never text to read, and never fetched or run. */
const NOT_TEXT =
  'script, style, noscript, template, iframe, frame, frameset, object, embed, svg, math, canvas, audio, video, head, link, meta, button, select, input, textarea, form, [hidden], [aria-hidden="true"]';

/** Link targets that are not addresses to go to: shown without them. */
const NOT_A_TARGET = /^\s*(javascript|data|vbscript|blob|file):/i;

/**
 * Reads a web page (decoded HTML) as an article: the main text as Firefox's Reader View finds
 * it (@mozilla/readability over linkedom's DOM), then through the Markdown tree the .md path
 * uses, so headings, emphasis, lists, quotes, code, tables and links as notes come out alike.
 * Nothing in the page runs and nothing is fetched: linkedom only parses. A page Readability
 * cannot read gives its whole body's text and a notice. `url` is where the page came from,
 * for its relative links. `onStart`, when the article is long, is given its start first
 * (`articleStart`), before the whole is made.
 */
export function parseHtml(
  html: string,
  {
    fallbackTitle = 'Untitled',
    url,
    onStart,
  }: {fallbackTitle?: string; url?: string; onStart?: (start: Article) => void} = {},
): WebArticle {
  const document = documentOf(html);
  flattenDeep(document);
  const base = BASE_TAG.test(html) ? baseUrl(document, url) : url;
  const canonical = canonicalUrl(document, base) ?? url;
  const pageTitle = clean(document.querySelector('title')?.textContent);
  // Readability changes the document it reads: what it did not find is read from a fresh one.
  let read: ReturnType<Readability<Element>['parse']> = null;
  try {
    const options: ReaderViewOptions = {
      serializer: (element) => element as Element,
      // To start again from, when its first try finds too little (see scripts/bundle.mjs).
      pageAfresh: () => {
        const again = documentOf(html);
        flattenDeep(again);
        return again;
      },
    };
    read = new Readability<Element>(document as unknown as Document, options).parse();
  } catch {
    // A page Reader View trips over is read whole, as one it finds nothing in.
  }
  let content = read?.content;
  let notice: string | undefined;
  if (!content) {
    const whole = documentOf(html);
    flattenDeep(whole);
    for (const element of whole.querySelectorAll(NOT_TEXT)) element.remove();
    content = (whole.body ?? whole.documentElement) as unknown as Element;
    notice = 'Reader View found no article here: the whole page is shown';
  }
  const metadata: PageMetadata = {
    title: clean(read?.title) ?? pageTitle,
    byline: clean(read?.byline),
    site: clean(read?.siteName),
    date: clean(read?.publishedTime),
    language: clean(read?.lang),
    url: canonical,
  };
  const titles = {title: metadata.title, meta: bylineOf(metadata), fallbackTitle};
  if (onStart && read?.content) {
    const start = articleStart(read.content, base, titles, read.length ?? 0);
    if (start) {
      if (metadata.language) start.language = metadata.language;
      onStart(start);
    }
  }
  const tree = treeOf(content, base);
  const article = articleFromTree(tree, titles);
  if (notice) article.notice = notice;
  if (metadata.language) article.language = metadata.language;
  return {article, metadata, tree};
}

/** How much of a long article's text its start holds (a few screens of the largest terminal). */
export const START_CHARACTERS = 12_000;

/**
 * The start of a long article read on its own, so that it can be shown while the rest is
 * made (the Markdown trees take a fifth of a large page's reading): the first elements of
 * `content` (under the elements that only wrap it) holding START_CHARACTERS of its text,
 * made into an article as the whole is, its text a prefix of the whole's, without the notes
 * that close the whole. `length` is the whole's text (Reader View's count), which the start
 * says it is part of. Nothing for an article shorter than three starts.
 */
function articleStart(
  content: Element,
  base: string | undefined,
  titles: {title?: string; meta?: string; fallbackTitle: string},
  length: number,
): Article | undefined {
  if (length < 3 * START_CHARACTERS) return undefined;
  const wrappers: PageElement[] = [];
  let container = content as unknown as PageElement;
  while (container.children.length === 1 && !hasOwnText(container)) {
    wrappers.push(container);
    container = container.firstElementChild!;
  }
  const kept: PageNode[] = [];
  let taken = 0;
  for (let child = container.firstChild; child && taken < START_CHARACTERS;) {
    kept.push(child);
    taken += child.textContent?.length ?? 0;
    child = child.nextSibling;
  }
  if (kept.length === container.childNodes.length || taken === 0) return undefined;
  let copy = container.cloneNode(false) as PageElement;
  for (const child of kept) copy.append(child.cloneNode(true));
  for (const wrapper of wrappers.reverse()) {
    const outer = wrapper.cloneNode(false) as PageElement;
    outer.append(copy);
    copy = outer;
  }
  const tree = treeOf(copy as unknown as Element, base);
  const start = articleFromTree(tree, {...titles, final: false});
  if (!start.blocks.some((block) => block.kind !== 'title' && block.kind !== 'meta')) {
    return undefined;
  }
  start.partial = {
    rough: true,
    length: Math.max(start.text.length, Math.round((start.text.length * length) / taken)),
  };
  return start;
}

/** What articleStart reads of linkedom's nodes. */
type PageNode = {
  nodeType: number;
  textContent: string | null;
  firstChild: PageNode | null;
  nextSibling: PageNode | null;
  cloneNode(deep: boolean): PageNode;
};
type PageElement = PageNode & {
  children: {length: number};
  childNodes: {length: number};
  firstElementChild: PageElement | null;
  append(...nodes: PageNode[]): void;
};

/** Whether an element holds text of its own (not only in the elements inside it). */
function hasOwnText(element: PageElement): boolean {
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 && /\S/.test(child.textContent ?? '')) return true;
  }
  return false;
}

/**
 * The page as a document with an <html> and a <body>. linkedom makes the first element of a
 * page without <html> its root and drops what follows it, and gives an empty page no root at
 * all: a fragment (a saved part of a page, an answer piped in) is put in a whole page first.
 */
function documentOf(html: string): PageDocument {
  const whole = /<html[\s>]/i.test(html)
    ? html
    : /<body[\s>]/i.test(html)
      ? `<html>${html}</html>`
      : `<html><body>${html}</body></html>`;
  const {document} = parseHTML(whole);
  if (!document.documentElement) return parseHTML('<html><body></body></html>').document;
  if (CAPITAL_ATTRIBUTE.test(html)) {
    attributesInSmallLetters(document.documentElement as unknown as AttributedElement);
  }
  return document;
}

type AttributedElement = {
  getAttributeNames(): string[];
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  firstElementChild: AttributedElement | null;
  nextElementSibling: AttributedElement | null;
  parentElement: AttributedElement | null;
};

/**
 * A tag with an attribute named in capitals (<A HREF=…>, after any in small letters): a page
 * to look through. (Not a script's `var X = …`, which most pages have.)
 */
const CAPITAL_ATTRIBUTE =
  /<[a-zA-Z][\w-]*(?:\s+[a-z_:][\w:.-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s+[A-Z][\w-]*\s*=/;

/**
 * An HTML parser reads attribute names in any case as small letters (<DIV CLASS=…> has a
 * class, <A HREF=…> an href); linkedom keeps them as written, and Reader View, asking for
 * them in small letters, would not weigh a sidebar by its CLASS. Each is given in small
 * letters too, the first of a name written twice winning, as in a browser.
 */
function attributesInSmallLetters(root: AttributedElement): void {
  let element: AttributedElement | null = root;
  while (element) {
    const names = element.getAttributeNames();
    if (names.some((name) => name !== name.toLowerCase())) {
      const kept = new Map<string, string>();
      for (const name of names) {
        const small = name.toLowerCase();
        if (!kept.has(small)) kept.set(small, element.getAttribute(name) ?? '');
      }
      for (const [name, value] of kept) {
        if (element.getAttribute(name) !== value) element.setAttribute(name, value);
      }
    }
    let next: AttributedElement | null = element.firstElementChild;
    while (!next && element && element !== root) {
      next = element.nextElementSibling;
      if (!next) element = element.parentElement;
    }
    element = next;
  }
}

type PageDocument = ReturnType<typeof parseHTML>['document'];

/** How deep elements may nest; real pages stay far above it. */
const MAX_DEPTH = 128;
const DEEPEST_PARSED = Symbol.for('broadsheet.deepestParsed');

/**
 * Keeps a hostile page from tying the reader up: an element nested deeper than MAX_DEPTH
 * keeps only its text (Reader View's scoring takes seconds a thousand levels down, and the
 * tree conversions would overflow the stack ten thousand down). Walks without recursion.
 */
function flattenDeep(document: PageDocument): void {
  const deepest = (document as unknown as Record<symbol, number | undefined>)[DEEPEST_PARSED];
  if (!mayNestTooDeep(deepest)) return;
  const root = document.documentElement as unknown as ParentOf;
  // From element to element (a list of children is made anew on each ask in linkedom).
  let element = root.firstElementChild;
  let depth = 1;
  while (element) {
    if (depth >= MAX_DEPTH) {
      element.textContent = element.textContent ?? '';
    } else if (element.firstElementChild) {
      element = element.firstElementChild;
      depth += 1;
      continue;
    }
    while (element !== root && !element.nextElementSibling) {
      element = element.parentElement!;
      depth -= 1;
    }
    if (element === root) return;
    element = element.nextElementSibling;
  }
}

/**
 * Whether a page may hold elements below MAX_DEPTH, given how deep the bundle's linkedom says
 * its parser nested them (scripts/bundle.mjs; unknown from source): if not, it is not walked.
 */
export function mayNestTooDeep(deepestParsed: number | undefined): boolean {
  return deepestParsed === undefined || deepestParsed >= MAX_DEPTH;
}

type ParentOf = {
  firstElementChild: ParentOf | null;
  nextElementSibling: ParentOf | null;
  parentElement: ParentOf | null;
  textContent: string | null;
};

/** The byline a page's metadata gives: author · site · date, as far as known. */
export function bylineOf(metadata: PageMetadata): string | undefined {
  const date = metadata.date?.match(/^\d{4}-\d\d-\d\d/)?.[0] ?? metadata.date;
  // A byline that already names the site is not told it twice.
  const site =
    metadata.site && !metadata.byline?.toLowerCase().includes(metadata.site.toLowerCase())
      ? metadata.site
      : undefined;
  const parts = [metadata.byline, site, date].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** An element's content as a Markdown tree, its text sanitized and its links made whole. */
function treeOf(element: Element, base: string | undefined, book?: BookLinks): Root {
  // (A div's hast is an element; toMdast gives the root its content.)
  const hast = fromDom(element as unknown as Parameters<typeof fromDom>[0]) as HastNodes;
  // A comment is the page's note to itself, never text to read.
  const root = toMdast(hast, {nodeHandlers: {comment: () => undefined}}) as Root;
  cleanTree(root, base, book);
  return root;
}

/** Makes every string in the tree safe to show, and every link target absolute or gone. */
function cleanTree(node: Nodes, base: string | undefined, book: BookLinks | undefined): void {
  if ('value' in node) node.value = sanitize(node.value);
  // (An image shows only its alt text; its address is never shown, nor fetched.)
  if (node.type === 'image' && node.alt) node.alt = safeLine(node.alt);
  if (node.type === 'link') {
    if (!book || WEB_LINK.test(node.url)) node.url = target(node.url, base);
    else {
      // In a book: a footnote's reference becomes a note that holds its text (and shows
      // only its number); another link leads within the book, where no note can take a
      // reader: it is shown without one.
      const note = /^note:(\d+)$/.exec(node.url);
      const text = note ? book.notes[Number(note[1])] : undefined;
      node.url = text ? safeLine(text) : '#';
      if (note) node.children = [];
    }
  }
  if ('children' in node) {
    for (const child of node.children) cleanTree(child as Nodes, base, book);
  }
}

/** How a book's links are read: the texts of the footnotes its `note:N` links refer to. */
type BookLinks = {notes: string[]};

const WEB_LINK = /^\s*(https?|mailto):/i;

/**
 * A link's target as an address to show: absolute where the page's address is known; empty
 * for a script or data, and left as `#name` for a place in the page itself (no note is made
 * for either).
 */
function target(url: string, base: string | undefined): string {
  if (NOT_A_TARGET.test(url)) return '';
  if (url.startsWith('#')) return url;
  // Without a base only an address with a scheme resolves; the rest would throw (thousands of
  // exceptions on a large page). No scheme when a / ? or # comes before the first colon.
  const colon = url.indexOf(':');
  if (base === undefined && (colon < 0 || /[/?#]/.test(url.slice(0, colon)))) return safeLine(url);
  try {
    return safeLine(new URL(url, base).href);
  } catch {
    return safeLine(url);
  }
}

/** A <base> tag: a page without one (most) is not searched for its element. */
const BASE_TAG = /<base[\s/>]/i;

/** The address relative links are read against: the page's <base>, else its own. */
function baseUrl(document: PageDocument, url: string | undefined) {
  // The first <base> with an href, found by name: a selector is tried on every element of
  // the page (10 ms of a 1 MB page that has none).
  let href: string | null = null;
  for (const base of document.getElementsByTagName('base')) {
    href = base.getAttribute('href');
    if (href !== null) break;
  }
  if (!href) return url;
  try {
    return new URL(href, url).href;
  } catch {
    return url;
  }
}

/** The page's canonical address (`<link rel=canonical>`, else `og:url`), when it is http(s). */
function canonicalUrl(document: PageDocument, base: string | undefined): string | undefined {
  const href =
    document.querySelector('link[rel~="canonical"][href]')?.getAttribute('href') ??
    document.querySelector('meta[property="og:url"][content]')?.getAttribute('content');
  if (!href) return undefined;
  try {
    const absolute = new URL(href, base);
    return /^https?:$/.test(absolute.protocol) ? safeLine(absolute.href) : undefined;
  } catch {
    return undefined;
  }
}

/** A metadata string on one line, safe to show, or undefined when it says nothing. */
function clean(text: string | null | undefined): string | undefined {
  const line = text ? safeLine(text).replace(/\s+/g, ' ').trim() : '';
  return line === '' ? undefined : line;
}

/** A document of a book (EPUB's container, package, NCX or nav) read as XML. */
export function parseXml(xml: string): XmlDocument {
  return new DOMParser().parseFromString(xml, 'text/xml') as unknown as XmlDocument;
}

/** What the book reader asks of an XML document and its elements. */
export type XmlDocument = {
  documentElement: XmlElement | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement> & Iterable<XmlElement>;
};
export type XmlElement = {
  querySelectorAll(selector: string): Iterable<XmlElement>;
  localName: string;
  tagName: string;
  textContent: string | null;
  children: ArrayLike<XmlElement> & Iterable<XmlElement>;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement> & Iterable<XmlElement>;
};

/** A document of a book as a Markdown tree, with what the book reader needs to know of it. */
export type BookChapter = {
  tree: Root;
  /** Words of its text (images' alt text not counted): none in a page of pictures. */
  words: number;
  /** Pictures in it (img, svg and image elements). */
  pictures: number;
};

/** Elements void in HTML: self-closed in XHTML, they need no closing tag to read as HTML. */
const VOID = /^(area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)$/i;

/**
 * What is never a book's text: what a page's is not, but a formula's text and the words a
 * book gives for a reading system that plays no video or sound (this is one) are kept.
 */
const BOOK_NOT_TEXT =
  'script, style, noscript, template, iframe, frame, frameset, object, embed, canvas, source, track, head, link, meta, button, select, input, textarea, [hidden], annotation, annotation-xml';

/** Elements the Markdown tree leaves out whose content is a book's text: read as spans. */
const READ_INSIDE = 'math, video, audio';

/** epub:type values of notes read as the book's numbered notes when referred to. */
const NOTE_TYPE = /\b(footnote|endnote|rearnote|note)\b/;

/**
 * A document of an EPUB's spine (XHTML) as a Markdown tree, read whole (no Reader View: a
 * chapter is all text). Footnotes it refers to (epub:type noteref) become numbered notes
 * and leave the text; links within the book lead nowhere (no note). Each of `places` (ids
 * in the document) is marked in the text with placeMark(its index), where it starts.
 */
export function bookChapter(xhtml: string, places: readonly string[] = []): BookChapter {
  // (The marks are the reader's own: any in the book are dropped.)
  let source = xhtml.includes(PLACE_MARK) ? xhtml.replaceAll(PLACE_MARK, '') : xhtml;
  // XHTML closes any element with />, HTML only its void ones: <a id="p1"/> would swallow
  // what follows it.
  source = source.replace(/<([A-Za-z][\w:.-]*)((?:\s[^<>]*?)?)\/>/g, (tag, name: string, rest) =>
    VOID.test(name) ? tag : `<${name}${rest}></${name}>`,
  );
  const document = documentOf(source);
  flattenDeep(document);
  const body = (document.body ?? document.documentElement) as unknown as Element & ParentOf;
  for (const element of document.querySelectorAll(BOOK_NOT_TEXT)) element.remove();
  for (const element of document.querySelectorAll(READ_INSIDE)) {
    const span = document.createElement('span');
    span.append(...element.childNodes);
    element.replaceWith(span);
  }
  const pictures = document.querySelectorAll('img, svg, image').length;
  const notes = footnotesOf(document);
  const words = countText(body.textContent ?? '');
  places.slice(0, MAX_PLACES).forEach((id, index) => {
    const element = id ? document.getElementById(id) : null;
    if (element) element.prepend(document.createTextNode(placeMark(index)));
  });
  return {tree: treeOf(body, undefined, {notes}), words, pictures};
}

/** Words in a text, as the list counts them: runs of letters and digits between spaces. */
function countText(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/**
 * The notes a document refers to (a noteref link to an element of the same document):
 * each noteref becomes a link to `note:N`, and the note's text, taken out of the flow, is
 * the N-th returned (cleanTree makes the link that note).
 */
function footnotesOf(document: PageDocument): string[] {
  const notes: string[] = [];
  for (const link of document.querySelectorAll('a[href]')) {
    const type = link.getAttribute('epub:type') ?? link.getAttribute('role') ?? '';
    if (!/\bnoteref\b/.test(type)) continue;
    const href = link.getAttribute('href') ?? '';
    const id = href.slice(href.indexOf('#') + 1);
    const note = href.includes('#') && id ? document.getElementById(id) : null;
    if (!note || note.contains(link) || /^(body|html|h[1-6])$/i.test(note.tagName)) continue;
    const kind = `${note.getAttribute('epub:type') ?? ''} ${note.getAttribute('role') ?? ''}`;
    const inNotes = NOTE_TYPE.test(kind) || note.tagName.toLowerCase() === 'aside';
    if (!inNotes) continue;
    // (The note's own back link, ↩ or its number, is no part of it.)
    for (const back of note.querySelectorAll('a[href]')) {
      if (/\bbacklink\b/.test(back.getAttribute('epub:type') ?? back.getAttribute('role') ?? '')) {
        back.remove();
      }
    }
    const text = (note.textContent ?? '').replace(/\s+/g, ' ').trim();
    notes.push(text);
    link.setAttribute('href', `note:${notes.length - 1}`);
    link.textContent = '';
    note.remove();
  }
  return notes;
}
