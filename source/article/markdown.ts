import {fromMarkdown} from 'mdast-util-from-markdown';
import type {Nodes, Parents, RootContent} from 'mdast';
import {parse as parseYaml} from 'yaml';
import type {Article, Block, MarkupSpan} from './article.js';
import {countWords} from './parse-text.js';
import {titleFromFirstLine} from './title.js';

/** What an article's YAML front matter may say about it (anything else is ignored). */
export type FrontMatter = {title?: string; author?: string; date?: string; source?: string};

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/**
 * Splits YAML front matter off a Markdown text. The YAML is parsed as data only (no tags that
 * construct objects, nothing evaluated: `---js` blocks are not front matter at all); front
 * matter that is not a mapping of plain values is ignored, and the body kept whole.
 */
export function splitFrontMatter(text: string): {front: FrontMatter; body: string} {
  const match = FRONT_MATTER.exec(text);
  if (!match) return {front: {}, body: text};
  let data: unknown = plainMapping(match[1]!);
  if (data === undefined) {
    try {
      data = parseYaml(match[1]!, {schema: 'core', maxAliasCount: 10, logLevel: 'silent'});
    } catch {
      return {front: {}, body: text.slice(match[0].length)};
    }
  }
  const front: FrontMatter = {};
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const record = data as Record<string, unknown>;
    for (const key of ['title', 'author', 'date', 'source'] as const) {
      const value = record[key];
      // (The core schema has no dates: a date is the string it is written as.)
      if (typeof value === 'string' || typeof value === 'number') {
        const line = String(value).replace(/\s+/g, ' ').trim();
        if (line) front[key] = line;
      }
    }
  }
  return {front, body: text.slice(match[0].length)};
}

/**
 * Front matter of `key: value` lines whose values are plain words (no quotes, flow, blocks,
 * anchors, tags or comments), read without loading the YAML parser, which the list would
 * otherwise load for every Markdown file's head. Anything else: undefined, for the parser.
 */
function plainMapping(source: string): Record<string, string> | undefined {
  const data: Record<string, string> = {};
  for (const line of source.split('\n')) {
    if (line.trim() === '') continue;
    const match =
      /^([A-Za-z_][\w-]*):[ \t]+([^\s"'[\]{}>|&*!%@`#,?:-][^#]*?|[^\s"'[\]{}>|&*!%@`#,?:][^#]*?)[ \t]*$/.exec(
        line,
      );
    const value = match?.[2];
    // A date reads as itself under the core schema; other numbers, booleans and nulls do not.
    const date = value !== undefined && /^\d{4}-\d\d-\d\d$/.test(value);
    if (!value || value.includes(': ') || (!date && /^(true|false|null|~|[-+.\d])/i.test(value))) {
      return undefined;
    }
    data[match![1]!] = value;
  }
  return data;
}

/** The byline an article's front matter gives: author · source · date, as far as known. */
export function bylineOf(front: FrontMatter): string | undefined {
  const parts = [front.author, front.source, front.date].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/**
 * Sets a Markdown article (sanitized text) into the block model the typesetting engine lays
 * out. The article's text is what the reader shows, markup taken out: headings, paragraphs,
 * list items (with their bullet or number), block quotes (set off with a bar), code blocks
 * (preformatted), and links as numbered notes listed at the end. Emphasis, strong and code
 * are kept as spans over that text, so search, quotations and saved places work on it as on
 * plain text. CommonMark only: GFM's tables, strikethrough and footnotes read as their source.
 */
export function parseMarkdown(text: string, fallbackTitle = 'Untitled'): Article {
  const {front, body} = splitFrontMatter(text);
  const tree = fromMarkdown(body);
  const writer = new Writer();
  const notes: string[] = [];

  // The title: the front matter's, else a first-level heading that opens the article.
  const first = tree.children[0];
  let title = front.title;
  let skipFirst = false;
  if (first?.type === 'heading' && first.depth === 1) {
    // (An image in it leaves nothing: spaces either side of it become one.)
    const heading = inlineText(first).replace(/\s+/g, ' ').trim();
    // An opening heading is the title, unless the front matter names another one.
    if (!title || heading === title) {
      title = heading || title;
      skipFirst = true;
    }
  }
  title = titleFromFirstLine(title ?? '', fallbackTitle).title;
  writer.block('title', () => writer.write(title!));
  const meta = bylineOf(front);
  if (meta) writer.block('meta', () => writer.write(meta));

  const children = skipFirst ? tree.children.slice(1) : tree.children;
  for (const node of children) writeBlock(writer, node, notes, '');
  if (notes.length > 0) {
    writer.block('heading', () => writer.write('Notes'));
    notes.forEach((url, index) =>
      writer.block('paragraph', () => writer.write(`[${index + 1}] ${url}`)),
    );
  }
  const article: Article = {
    title: title!,
    meta,
    text: writer.text,
    blocks: writer.blocks,
    words: writer.blocks.reduce((sum, block) => sum + block.words, 0),
  };
  if (writer.markup.length > 0) article.markup = writer.markup.sort((a, b) => a.start - b.start);
  return article;
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

  get text(): string {
    return this.parts.join('');
  }

  write(piece: string): void {
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

function writeInline(writer: Writer, node: Nodes, notes: string[]): void {
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
      writeChildren(writer, node, notes);
      const label = inlineText(node);
      // An autolink shows its address already (as its label, mailto: left off); others get a
      // numbered note. (An empty address is in every label: it gets no note either.)
      if (!`mailto:${label}`.includes(node.url)) {
        notes.push(node.url);
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
      writeChildren(writer, node, notes);
      return;
    // No other inline node: these are all CommonMark makes.
  }
}

function writeChildren(writer: Writer, node: Parents, notes: string[]): void {
  for (const child of node.children as Nodes[]) writeInline(writer, child, notes);
}

/** Writes a block node; `prefix` is a list item's bullet or number, for its first paragraph. */
function writeBlock(writer: Writer, node: RootContent, notes: string[], prefix: string): void {
  switch (node.type) {
    case 'heading':
      writer.block('heading', () => writeChildren(writer, node, notes));
      return;
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
    // A definition writes nothing; CommonMark makes no other block node.
  }
}
