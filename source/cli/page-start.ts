// A long web page read in the page thread comes to the reader in two parts: its start as soon
// as Reader View has found the article (shown at once), then the whole, which the thread is
// still making meanwhile. The whole comes on a port of its own and a flag says it is there,
// so that the reader can take it when it likes, or wait for it (a key that needs it, --print).
import {receiveMessageOnPort, type MessagePort} from 'node:worker_threads';
import type {Article, ArticleLoad, LoadResult} from '../article/article.js';

/** The page thread's first message for a long page: its start, the whole to follow. */
export type PageStart = {kind: 'article'; article: Article; more: true};

/** The flag's values: nothing yet, the whole posted, or no whole coming from the thread. */
export const WHOLE_POSTED = 1;
export const WHOLE_FAILED = 2;

/** How long a reader that needs the whole waits for the thread before reading the page itself. */
const LONGEST_WAIT_MS = 30_000;

/** Whether the thread's first message is a start, the whole to follow. */
export function isPageStart(message: unknown): message is PageStart {
  return (message as Partial<PageStart> | undefined)?.more === true;
}

/**
 * The rest of a page whose start the reader shows: the whole the thread posts on `port` once
 * `posted` says so; if the thread cannot give it (it failed, or took too long), the page
 * read by the reader itself (`readItself`); if even that fails, the start is all there is.
 */
export function restFromThread(
  port: MessagePort,
  posted: Int32Array,
  start: Article,
  readItself: () => LoadResult,
): ArticleLoad {
  let whole: Article | undefined;
  const wholeOf = (result: LoadResult | undefined): Article => {
    if (result?.kind === 'article') return result.rest?.finish() ?? result.article;
    const all = {...start};
    delete all.partial;
    return all;
  };
  const take = (): Article | undefined => {
    if (whole) return whole;
    const state = Atomics.load(posted, 0);
    if (state === WHOLE_POSTED) {
      whole = wholeOf(receiveMessageOnPort(port)?.message as LoadResult | undefined);
    } else if (state === WHOLE_FAILED) {
      whole = wholeOf(readItself());
    }
    if (whole) port.close();
    return whole;
  };
  return {
    step(keepGoing) {
      // The thread is making it: sleep a little at a time (keys are read between steps).
      while (!take() && keepGoing()) Atomics.wait(posted, 0, 0, 4);
      return whole;
    },
    finish() {
      const until = Date.now() + LONGEST_WAIT_MS;
      while (!take()) {
        // (A thread that died cannot say so while this waits: after a while, it is given up.)
        if (Date.now() > until) Atomics.store(posted, 0, WHOLE_FAILED);
        else Atomics.wait(posted, 0, 0, 100);
      }
      return whole!;
    },
  };
}
