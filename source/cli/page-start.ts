// A long web page read in the page thread comes to the reader in two parts: its start as soon
// as Reader View has found the article (shown at once), then the whole, which the thread is
// still making meanwhile. The whole comes on a port of its own and a flag says it is there,
// so that the reader can take it when it likes, or wait for it (a key that needs it, --print).
import {receiveMessageOnPort, type MessagePort} from 'node:worker_threads';
import type {Article, ArticleLoad, LoadResult} from '../article/article.js';

/** The page thread's first message for a long page: its start, the whole to follow. */
export type PageStart = {kind: 'article'; article: Article; more: true};

/**
 * The flags the reader and the thread share: the whole's (nothing yet, posted, or none
 * coming), and whether the reader has shown the start and gone on to wait for the rest.
 */
export const WHOLE = 0;
export const WHOLE_POSTED = 1;
export const WHOLE_FAILED = 2;
export const START_SHOWN = 1;
/** The flags' shared array. */
export function pageFlags(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
}

/**
 * How long the thread, having given the start, waits for the reader to show it before it
 * makes the whole: the two would share the machine's cores (two, often) with the thread's
 * own collector, and the start would be shown later for it.
 */
export const START_SHOWING_MS = 250;

/** Tells the thread the reader has shown the start (or needs the whole now): it may go on. */
function startShown(flags: Int32Array): void {
  if (Atomics.load(flags, START_SHOWN) !== 0) return;
  Atomics.store(flags, START_SHOWN, 1);
  Atomics.notify(flags, START_SHOWN);
}

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
    const state = Atomics.load(posted, WHOLE);
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
      // (Stepped when the reader has drawn the start and has time: the thread may go on.)
      startShown(posted);
      // The thread is making it: sleep a little at a time (keys are read between steps).
      while (!take() && keepGoing()) Atomics.wait(posted, WHOLE, 0, 4);
      return whole;
    },
    finish() {
      startShown(posted);
      const until = Date.now() + LONGEST_WAIT_MS;
      while (!take()) {
        // (A thread that died cannot say so while this waits: after a while, it is given up.)
        if (Date.now() > until) Atomics.store(posted, WHOLE, WHOLE_FAILED);
        else Atomics.wait(posted, WHOLE, 0, 100);
      }
      return whole!;
    },
  };
}
