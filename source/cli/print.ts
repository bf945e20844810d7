import {plainText} from '../text/layout.js';
import {describeEntry} from '../library/scan.js';
import {fail} from './fail.js';
import type {Target} from './target.js';

/** Print mode: the article, or the list of a folder, written once as plain text. */
export function printPlain({library, opened}: Target, width = 80): void {
  if (library.kind === 'missing') fail(`no articles: ${library.reason}: ${library.folder}`, 1);
  if (opened) {
    const article = opened.result.rest?.finish() ?? opened.result.article;
    process.stdout.write(plainText(article, width) + '\n');
    return;
  }
  const entries = library.entries.map((entry) => (entry.pending ? describeEntry(entry) : entry));
  entries.sort(
    (a, b) => (a.folder ?? '').localeCompare(b.folder ?? '') || a.title.localeCompare(b.title),
  );
  for (const item of entries) process.stdout.write(`${item.title}\t${item.fileName}\n`);
}
