import {stringify} from 'yaml';
import type {PageMetadata} from './html.js';

/** What a saved page's front matter records. */
export type SavedPage = {
  metadata: PageMetadata;
  /** The page's Markdown (its tree written back). */
  body: string;
  /** The address it was asked for, and when it was saved. */
  url: string;
  savedAt: Date;
};

/**
 * A web page as the Markdown file Broadsheet keeps: YAML front matter (title, author, date,
 * site, the address it was saved from and the one it names as its own, when saved), then
 * the text. Read back, it opens as the page did.
 */
export function savedPageMarkdown({metadata, body, url, savedAt}: SavedPage): string {
  const front: Record<string, string> = {};
  if (metadata.title) front['title'] = metadata.title;
  if (metadata.byline) front['author'] = metadata.byline;
  if (metadata.date) front['date'] = metadata.date;
  if (metadata.site) front['site'] = metadata.site;
  front['url'] = url;
  if (metadata.url && metadata.url !== url) front['canonical'] = metadata.url;
  front['saved'] = savedAt.toISOString();
  // (Plain strings only: the reader parses front matter with the core schema.)
  const yaml = stringify(front, {lineWidth: 0});
  return `---\n${yaml}---\n\n${body.trim()}\n`;
}

/** Characters a file name keeps: letters and digits of any script; the rest become '-'. */
const UNSAFE = /[^\p{L}\p{N}]+/gu;
const MAX_NAME = 80;

/**
 * A file name for a page, from its title: letters and digits (any script) joined by '-', at
 * most 80 characters before `.md`, never empty, never hidden, never a path.
 */
export function fileNameFor(title: string | undefined): string {
  const words = (title ?? '').normalize('NFC').toLowerCase().replace(UNSAFE, '-');
  let name = [...words.replace(/^-+|-+$/g, '')].slice(0, MAX_NAME).join('');
  name = name.replace(/-+$/, '');
  return `${name || 'page'}.md`;
}
