import type {Nodes, Parents, Root, RootContent, Table} from 'mdast';
import stringWidth from 'string-width';
import type {Article, ArticleLink, Block, MarkupSpan} from './article.js';
import {countWords} from './parse-text.js';
import {titleFromFirstLine} from './title.js';

/**
 * Sets a Markdown tree (mdast, from Markdown or from a web page's HTML) into the block model
 * the typesetting engine lays out: headings, paragraphs, list items (with their bullet or
 * number), block quotes (set off with a bar), code blocks and tables (preformatted, line for
 * line), and links as numbered notes listed at the end. Emphasis, strong and code are kept as
 * spans over the text. `title` is the article's own (front matter, page metadata); without
 * one, a first-level heading that opens the tree is the title.
 */
export function articleFromTree(
  tree: Root,
  {
    title: given,
    meta,
    fallbackTitle = 'Untitled',
    final = true,
  }: {
    title?: string;
    meta?: string;
    fallbackTitle?: string;
    /** False for the start of an article whose rest is read after: no notes at its end yet. */
    final?: boolean;
  },
): Article {
  // The title: the one given, else a first-level heading that opens the article.
  const first = tree.children[0];
  let title = given;
  let skipFirst = false;
  if (first?.type === 'heading' && first.depth === 1) {
    // (An image in it leaves nothing: spaces either side of it become one.)
    const heading = inlineText(first).replace(/\s+/g, ' ').trim();
    // An opening heading is the title, unless another one was given.
    if (!title || heading === title) {
      title = heading || title;
      skipFirst = true;
    }
  }
  const writer = new TreeWriter(titleFromFirstLine(title ?? '', fallbackTitle).title, meta);
  writer.add(skipFirst ? {...tree, children: tree.children.slice(1)} : tree);
  return writer.article(final);
}

/** Sentinels a tree's text may carry to learn where a place (a book's anchor) is written. */
export const PLACE_MARK = '\uE000';
/** The n-th place's sentinel: PLACE_MARK and a character numbering it. */
export function placeMark(index: number): string {
  return PLACE_MARK + String.fromCharCode(PLACE_BASE + index);
}
const PLACE_BASE = 0xe100;
/** How many places one tree may mark. */
export const MAX_PLACES = 0xefff - PLACE_BASE;

/**
 * Writes Markdown trees one after another into one article (a book's documents in order):
 * each tree's blocks follow the last one's, its link notes numbered on, all of them listed
 * at the end. `article()` may be taken between trees: its text is a prefix of the whole.
 */
export class TreeWriter {
  private readonly writer = new Writer();
  private readonly notes: ArticleLink[] = [];

  constructor(
    readonly title: string,
    readonly meta?: string,
  ) {
    this.writer.block('title', () => this.writer.write(title));
    if (meta) this.writer.block('meta', () => this.writer.write(meta));
  }

  /**
   * Adds a tree's blocks; returns where its text starts (where the next block will, for a
   * tree with none) and where each place marked in its text (placeMark) was, by number.
   */
  add(tree: Root): {start: number; places: Map<number, number>} {
    const writer = this.writer;
    const blocks = writer.blocks.length;
    writer.places = new Map();
    for (const node of tree.children) writeBlock(writer, node, this.notes, '');
    const start = writer.blocks[blocks]?.start ?? writer.nextStart;
    return {start, places: writer.places};
  }

  /** The length of the text written so far. */
  get length(): number {
    return this.writer.nextStart;
  }

  /** The article so far; `final` adds the notes (the last call: nothing may be added after). */
  article(final: boolean): Article {
    const writer = this.writer;
    if (final && this.notes.length > 0) {
      writer.block('heading', () => writer.write('Notes'));
      this.notes.forEach((note, index) =>
        writer.block('paragraph', () => writer.write(`[${index + 1}] ${note.url}`)),
      );
    }
    const blocks = writer.blocks.slice();
    const article: Article = {
      title: this.title,
      meta: this.meta,
      text: writer.text,
      blocks,
      words: blocks.reduce((sum, block) => sum + block.words, 0),
    };
    if (writer.markup.length > 0) {
      article.markup = writer.markup.slice().sort((a, b) => a.start - b.start);
    }
    if (this.notes.length > 0) article.links = this.notes.slice();
    return article;
  }
}

/**
 * Builds the article's text block by block, with the blocks and markup spans over it. Each
 * block is written on its own and its pieces joined once at the end: trimming or reading
 * the end of one long string per block made a long document quadratic.
 */
class Writer {
  readonly blocks: Block[] = [];
  readonly markup: MarkupSpan[] = [];
  private readonly parts: string[] = [];
  /** The length of the text in `parts`. */
  private length = 0;
  /** The block being written, and where it will start in the text. */
  private current = '';
  private base = 0;

  /** Where the places marked in the text written were (see placeMark), by number. */
  places = new Map<number, number>();

  get text(): string {
    return this.parts.join('');
  }

  /** Where the next character written goes, in the whole text. */
  get offset(): number {
    return this.base + this.current.length;
  }

  /** Where a block written next would start. */
  get nextStart(): number {
    return this.length === 0 ? 0 : this.length + 2;
  }

  write(piece: string): void {
    if (piece.includes(PLACE_MARK)) {
      // A place is where its mark was; the mark itself is no text.
      const unmarked = piece.split(PLACE_MARK);
      this.current += unmarked[0];
      for (const part of unmarked.slice(1)) {
        const place = part.charCodeAt(0) - PLACE_BASE;
        if (place >= 0 && place <= MAX_PLACES && !this.places.has(place)) {
          this.places.set(place, this.base + this.current.length);
        }
        this.current += part.slice(1);
      }
      return;
    }
    this.current += piece;
  }

  /** A block whose text `fill` writes; blank lines between blocks, as in plain text. */
  block(kind: Block['kind'], fill: () => void): void {
    const separator = this.length === 0 ? '' : '\n\n';
    this.base = this.length + separator.length;
    this.current = '';
    const spans = this.markup.length;
    fill();
    // A block never ends in a line break or starts with one: trim what fill wrote.
    const written = this.current;
    let end = written.length;
    while (end > 0 && /\s/.test(written[end - 1]!)) end--;
    let from = 0;
    while (from < end && written[from] === '\n') from++;
    if (end === from) {
      this.markup.length = spans; // an empty block is none, and marks nothing
      return;
    }
    this.parts.push(separator, written.slice(0, end));
    this.length = this.base + end;
    const start = this.base + from;
    this.blocks.push({kind, start, end: this.base + end, words: countWords(written, from, end)});
  }

  styled(kind: MarkupSpan['kind'], fill: () => void): void {
    const start = this.base + this.current.length;
    fill();
    const end = this.base + this.current.length;
    if (end > start) this.markup.push({start, end, kind});
  }
}

/** The plain text of a node's inline content (for titles). */
function inlineText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value.replace(/\s+/g, ' ');
  if ('children' in node) return (node.children as Nodes[]).map(inlineText).join('');
  return '';
}

function writeInline(writer: Writer, node: Nodes, notes: ArticleLink[]): void {
  switch (node.type) {
    case 'text':
      // Soft line breaks inside a paragraph are spaces: the paragraph reflows.
      writer.write(node.value.replace(/\s*\n\s*/g, ' '));
      return;
    case 'emphasis':
      writer.styled('italic', () => writeChildren(writer, node, notes));
      return;
    case 'strong':
      writer.styled('bold', () => writeChildren(writer, node, notes));
      return;
    case 'inlineCode':
      writer.styled('code', () => writer.write(node.value.replace(/\n/g, ' ')));
      return;
    case 'break':
      writer.write(' ');
      return;
    case 'link': {
      const at = writer.offset;
      writeChildren(writer, node, notes);
      const label = inlineText(node);
      // An autolink shows its address already (as its label, mailto: left off); others get a
      // numbered note. (An empty address is in every label: it gets no note either; nor does
      // a link within the page, which no note can take a reader to.)
      if (!`mailto:${label}`.includes(node.url) && !node.url.startsWith('#')) {
        notes.push({url: node.url, text: label.trim(), at});
        writer.write(`[${notes.length}]`);
      }
      return;
    }
    case 'image':
    case 'imageReference':
      writer.write(node.alt ? `[image: ${node.alt}]` : '[image]');
      return;
    case 'html':
      writer.write(node.value.replace(/\s*\n\s*/g, ' '));
      return;
    case 'linkReference':
    case 'delete':
      writeChildren(writer, node, notes);
      return;
    // No other inline node: these are all CommonMark and HTML's tree make.
  }
}

function writeChildren(writer: Writer, node: Parents, notes: ArticleLink[]): void {
  for (const child of node.children as Nodes[]) writeInline(writer, child, notes);
}

/** Writes a block node; `prefix` is a list item's bullet or number, for its first paragraph. */
function writeBlock(writer: Writer, node: RootContent, notes: ArticleLink[], prefix: string): void {
  switch (node.type) {
    case 'heading': {
      const before = writer.blocks.length;
      writer.block('heading', () => writeChildren(writer, node, notes));
      if (writer.blocks.length > before) writer.blocks[before]!.level = node.depth;
      return;
    }
    case 'paragraph':
      writer.block('paragraph', () => {
        writer.write(prefix);
        writeChildren(writer, node, notes);
      });
      return;
    case 'blockquote':
      for (const child of node.children) {
        if (child.type === 'paragraph') {
          writer.block('quote', () => writeChildren(writer, child, notes));
        } else writeBlock(writer, child, notes, '');
      }
      return;
    case 'list': {
      let number = node.start ?? 1;
      for (const item of node.children) {
        const bullet = node.ordered ? `${number++}. ` : '• ';
        let first = true;
        for (const child of item.children) {
          writeBlock(writer, child, notes, first ? bullet : '');
          first = false;
        }
        if (item.children.length === 0) writer.block('paragraph', () => writer.write(bullet));
      }
      return;
    }
    case 'code':
      writer.block('preformatted', () => writer.write(node.value));
      return;
    case 'thematicBreak':
      writer.block('preformatted', () => writer.write('* * *'));
      return;
    case 'html':
      writer.block('preformatted', () => writer.write(node.value));
      return;
    case 'table':
      writer.block('preformatted', () => writer.write(tableLines(node)));
      return;
    // A definition writes nothing; CommonMark and HTML's tree make no other block node.
  }
}

/** A cell's text on one line: its words, an image as its alt text. */
function cellText(node: Nodes): string {
  if (node.type === 'image') return node.alt ? `[image: ${node.alt}]` : '[image]';
  if ('value' in node && typeof node.value === 'string') return node.value.replace(/\s+/g, ' ');
  if ('children' in node) return (node.children as Nodes[]).map(cellText).join('');
  return '';
}

/**
 * A table kept line for line: a row a line, its cells in columns as wide as their widest
 * cell, and a rule under its header row (Markdown's tables have one; a page's may not).
 */
function tableLines(table: Table): string {
  let rows = table.children.map((row) => row.children.map((cell) => cellText(cell).trim()));
  // A table from a page with no header row comes with an empty one: it has none to show.
  const headed = rows.length > 0 && rows[0]!.some((cell) => cell !== '');
  if (!headed) rows = rows.slice(1);
  const columns = Math.max(0, ...rows.map((row) => row.length));
  const widths = Array.from({length: columns}, (_, column) =>
    Math.max(0, ...rows.map((row) => stringWidth(row[column] ?? ''))),
  );
  const line = (row: string[]) =>
    widths
      .map((width, column) => {
        const cell = row[column] ?? '';
        return cell + ' '.repeat(width - stringWidth(cell));
      })
      .join(' │ ')
      .trimEnd();
  const lines = rows.map(line);
  if (headed && lines.length > 1) {
    lines.splice(1, 0, widths.map((width) => '─'.repeat(width)).join('─┼─'));
  }
  return lines.join('\n');
}
