import {safeLine} from '../article/sanitize.js';
import {pageUrl} from '../net/fetch-page.js';
import {savePage} from '../net/web-article.js';
import {libraryDirectory} from '../system/folders.js';
import {fail} from './fail.js';

/**
 * `broadsheet add URL… [--to DIR]`: saves each page into the library (or DIR) and prints its
 * path; a page saved before is not saved again, and its path is printed. A page that cannot be
 * had is one line on stderr and exit 1 (after the others are saved); a malformed address is a
 * usage error (2) before anything is fetched.
 */
export async function addPages(addresses: string[], to?: string): Promise<void> {
  if (addresses.length === 0) fail('add takes one or more web addresses (URLs)');
  const urls = addresses.map((address) => {
    try {
      return pageUrl(address).href;
    } catch (error) {
      return fail((error as Error).message);
    }
  });
  const folder = to ?? libraryDirectory();
  const showProgress = process.stderr.isTTY;
  let failed = false;
  for (const [index, address] of addresses.entries()) {
    const url = urls[index]!;
    try {
      const saved = await savePage(url, folder, {
        progress: showProgress
          ? (bytes) =>
              process.stderr.write(`\r\u001b[2K${safeLine(address)} ${Math.round(bytes / 1024)} KB`)
          : undefined,
      });
      if (showProgress) process.stderr.write('\r\u001b[2K');
      if (saved.existed) process.stderr.write(`broadsheet: already saved: ${safeLine(address)}\n`);
      process.stdout.write(`${saved.path}\n`);
    } catch (error) {
      if (showProgress) process.stderr.write('\r\u001b[2K');
      failed = true;
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`broadsheet: cannot add ${safeLine(address)}: ${safeLine(reason)}\n`);
    }
  }
  if (failed) process.exit(1);
}
