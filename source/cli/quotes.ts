import {existsSync} from 'node:fs';
import {loadWholeArticleFile} from '../article/file.js';
import {formatQuotationLine, quotationRecords} from '../reader/quotation-list.js';
import {fail} from './fail.js';

/** `broadsheet quotes FILE [--json]`: the article's quotations, for scripts. */
export function printQuotations(file: string | undefined, json: boolean): void {
  if (file === undefined) fail('quotes needs a FILE (see --help)');
  if (!existsSync(file)) fail(`no such file: ${file}`, 1);
  const result = loadWholeArticleFile(file);
  if (result.kind === 'refused') fail(`cannot open ${file}: ${result.reason}`, 1);
  const records = quotationRecords(result.article);
  if (json) {
    process.stdout.write(JSON.stringify(records, null, 2) + '\n');
    return;
  }
  for (const record of records) process.stdout.write(formatQuotationLine(record) + '\n');
}
