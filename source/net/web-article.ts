import type {LoadResult} from '../article/article.js';
import {decode, decodeWebPage} from '../article/decode.js';
import {parseHtml} from '../article/html.js';
import {articleFromBytes} from '../article/load.js';
import {fileNameFor, savedPageMarkdown} from '../article/saved-page.js';
import {safeLine} from '../article/sanitize.js';
import {treeToMarkdown} from '../article/markdown-tree.js';
import {looksBinary} from '../article/decode.js';
import {savedBefore, savePageFile, type Saved} from '../library/save-page.js';
import {FetchError, fetchPage, type FetchedPage, type FetchLimits} from './fetch-page.js';

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

/**
 * Downloads the page at `url` (an http or https address) and saves it into `folder`, as
 * `add` and the list's `a` do: a page whose address was saved before is not downloaded again.
 */
export async function savePage(
  url: string,
  folder: string,
  options: DownloadOptions = {},
): Promise<Saved> {
  const before = savedBefore(folder, [url]);
  if (before) return {path: before, existed: true};
  const page = await fetchPage(url, options);
  if (looksBinary(page.bytes)) throw new FetchError('not text (binary data)');
  const file = pageFile(page, url);
  return savePageFile(folder, {text: file.text, name: file.name, urls: file.urls});
}
