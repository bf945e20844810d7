import {existsSync} from 'node:fs';
import {loadWholeArticleFile} from '../article/file.js';
import {contentsRecords, formatContentsLine} from '../reader/contents-list.js';
import {fail} from './fail.js';

/** `broadsheet toc FILE [--json]`: the article's contents with pages, for scripts. */
export function printContents(file: string | undefined, json: boolean): void {
  if (file === undefined) fail('toc needs a FILE (see --help)');
  if (!existsSync(file)) fail(`no such file: ${file}`, 1);
  const result = loadWholeArticleFile(file);
  if (result.kind === 'refused') fail(`cannot open ${file}: ${result.reason}`, 1);
  const records = contentsRecords(result.article);
  if (json) {
    process.stdout.write(JSON.stringify(records, null, 2) + '\n');
    return;
  }
  for (const record of records) process.stdout.write(formatContentsLine(record) + '\n');
}
