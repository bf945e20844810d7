import type {LoadResult} from '../article/article.js';
import {decodeWebPage} from '../article/decode.js';
import {parseHtml} from '../article/html.js';
import {articleFromBytes} from '../article/load.js';
import {fileNameFor, savedPageMarkdown} from '../article/saved-page.js';
import {safeLine} from '../article/sanitize.js';
import {treeToMarkdown} from '../article/markdown-tree.js';
import {decode} from '../article/decode.js';
import {fetchPage, type FetchedPage, type FetchLimits} from './fetch-page.js';

export type DownloadOptions = {
  signal?: AbortSignal;
  progress?: (bytes: number) => void;
  limits?: FetchLimits;
};

/** A page downloaded and read as an article (or why it could not be read). */
export async function downloadArticle(
  address: string,
  options: DownloadOptions = {},
): Promise<{page: FetchedPage; result: LoadResult}> {
  const page = await fetchPage(address, options);
  const name = safeLine(new URL(page.url).hostname);
  const result = articleFromBytes(page.bytes, name, {
    format: page.format,
    charset: page.charset,
    url: page.url,
  });
  return {page, result};
}

/**
 * A downloaded page as the file to keep: a web page as Markdown with front matter (its text
 * through the same tree the reader sets), Markdown and plain text as they came. The name
 * comes from the title.
 */
export function pageFile(
  page: FetchedPage,
  address: string,
  savedAt = new Date(),
): {name: string; text: string; title: string; urls: string[]} {
  const urls = [...new Set([address, page.url])];
  if (page.format === 'html') {
    const read = parseHtml(decodeWebPage(page.bytes, page.charset), {
      url: page.url,
      fallbackTitle: safeLine(new URL(page.url).hostname),
    });
    const text = savedPageMarkdown({
      metadata: read.metadata,
      body: treeToMarkdown(read.tree),
      url: address,
      savedAt,
    });
    if (read.metadata.url) urls.push(read.metadata.url);
    return {name: fileNameFor(read.article.title), text, title: read.article.title, urls};
  }
  const text = decode(page.bytes).text;
  const title = safeLine(text.trimStart().split('\n')[0] ?? '').replace(/^#+\s*/, '');
  if (page.format === 'text') {
    return {name: fileNameFor(title).replace(/\.md$/, '.txt'), text, title, urls};
  }
  // Markdown keeps its own front matter; without any, it is given where it came from.
  const marked = text.startsWith('---')
    ? text
    : `---\nurl: ${JSON.stringify(address)}\nsaved: ${savedAt.toISOString()}\n---\n\n${text}`;
  return {name: fileNameFor(title), text: marked, title, urls};
}
