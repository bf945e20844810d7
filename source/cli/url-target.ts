import {writeSync} from 'node:fs';
import {onExit} from 'signal-exit';
import {safeLine} from '../article/sanitize.js';
import {FetchError, pageUrl} from '../net/fetch-page.js';
import {downloadArticle} from '../net/web-article.js';
import type {Keyboard} from '../terminal/keyboard.js';
import {enterFullScreen, restoreTerminal} from '../terminal/screen.js';
import {truncateToWidth} from '../text/width.js';
import {fail} from './fail.js';
import type {Target} from './target.js';

/**
 * `broadsheet URL`: the page downloaded and read, as a library of one. In the terminal the
 * download shows its progress in the status line, and Esc or Ctrl-C stops it at once; keys
 * typed meanwhile are kept for the reader. Any failure is one line and exit 1 (2 for an
 * address that is no http or https URL).
 */
export async function urlTarget(address: string, keyboard: Keyboard | undefined): Promise<Target> {
  try {
    pageUrl(address);
  } catch (error) {
    return fail((error as Error).message, 2);
  }
  const controller = new AbortController();
  const held: string[] = [];
  let status: ((bytes: number) => void) | undefined;
  if (keyboard) {
    enterFullScreen();
    onExit(() => restoreTerminal(), {alwaysLast: true});
    const host = safeLine(new URL(address).host);
    status = (bytes) => {
      const rows = process.stdout.rows || 24;
      const columns = process.stdout.columns || 80;
      const line = truncateToWidth(
        `downloading ${host} · ${Math.round(bytes / 1024)} KB · Esc stops`,
        Math.max(1, columns - 1),
      );
      writeSync(1, `\u001B[H\u001B[2KBroadsheet\u001B[${rows - 1};1H\u001B[2K${line}`);
    };
    status(0);
    keyboard.connect((chunk) => {
      if (chunk.includes('\u0003') || chunk === '\u001B') controller.abort();
      else held.push(chunk);
    });
  }
  try {
    const {result} = await downloadArticle(address, {signal: controller.signal, progress: status});
    if (result.kind === 'refused') throw new FetchError(result.reason);
    keyboard?.disconnect(held);
    if (keyboard) writeSync(1, '\u001B[2J\u001B[H');
    const title = result.article.title;
    const host = safeLine(new URL(address).host);
    return {
      library: {
        kind: 'folder',
        folder: host,
        entries: [{path: address, fileName: host, title, url: address}],
      },
      folder: '.',
      opened: {path: address, result},
    };
  } catch (error) {
    restoreTerminal();
    keyboard?.stop();
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`cannot open ${address}: ${reason}`, controller.signal.aborted ? 130 : 1);
  }
}
