import {parse as parseYaml} from 'yaml';
import type {Article} from './article.js';
import {articleFromTree} from './mdast-article.js';
import {parseMarkdownTree} from './markdown-tree.js';

/** What an article's YAML front matter may say about it (anything else is ignored). */
export type FrontMatter = {
  title?: string;
  author?: string;
  date?: string;
  /** The publication, as the writer names it. */
  source?: string;
  /** The site a saved page came from, and its address. */
  site?: string;
  url?: string;
  /** The address the page names as its own, when that is another. */
  canonical?: string;
  /** When a page was saved. */
  saved?: string;
};

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
    for (const key of [
      'title',
      'author',
      'date',
      'source',
      'site',
      'url',
      'canonical',
      'saved',
    ] as const) {
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

/** The byline an article's front matter gives: author · site · source · date, as far as known. */
export function bylineOf(front: FrontMatter): string | undefined {
  const parts = [front.author, front.site, front.source, front.date].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/**
 * Sets a Markdown article (sanitized text) into the block model the typesetting engine lays
 * out. The article's text is what the reader shows, markup taken out: headings, paragraphs,
 * list items (with their bullet or number), block quotes (set off with a bar), code blocks
 * (preformatted), and links as numbered notes listed at the end. Emphasis, strong and code
 * are kept as spans over that text, so search, quotations and saved places work on it as on
 * plain text. CommonMark with GFM's tables (kept line for line) and strikethrough; footnotes
 * read as their source.
 */
export function parseMarkdown(text: string, fallbackTitle = 'Untitled'): Article {
  const {front, body} = splitFrontMatter(text);
  return articleFromTree(parseMarkdownTree(body), {
    title: front.title,
    meta: bylineOf(front),
    fallbackTitle,
  });
}
