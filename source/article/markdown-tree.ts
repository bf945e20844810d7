import {fromMarkdown} from 'mdast-util-from-markdown';
import {toMarkdown} from 'mdast-util-to-markdown';
import {gfmTable} from 'micromark-extension-gfm-table';
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough';
import {gfmTableFromMarkdown, gfmTableToMarkdown} from 'mdast-util-gfm-table';
import {
  gfmStrikethroughFromMarkdown,
  gfmStrikethroughToMarkdown,
} from 'mdast-util-gfm-strikethrough';
import type {Root} from 'mdast';

/**
 * Markdown as a tree (mdast): CommonMark with GitHub's tables and strikethrough, which pages
 * saved as Markdown hold and many Markdown files use.
 */
export function parseMarkdownTree(markdown: string): Root {
  return fromMarkdown(markdown, {
    extensions: [gfmTable(), gfmStrikethrough()],
    mdastExtensions: [gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown()],
  });
}

/** A tree written back as Markdown (a web page saved into the library). */
export function treeToMarkdown(tree: Root): string {
  return toMarkdown(tree, {
    extensions: [gfmTableToMarkdown(), gfmStrikethroughToMarkdown()],
    bullet: '-',
    emphasis: '_',
    rule: '-',
  });
}
