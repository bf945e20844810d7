// The worker thread early-page.ts starts: reads one web page and posts back its LoadResult.
// A long page's start goes first (on the thread's own channel, as a PageStart), the whole
// after it on the port it was given, with a flag the reader may wait on (see early-page.ts).
import {parentPort, workerData} from 'node:worker_threads';
import type {MessagePort} from 'node:worker_threads';
import {loadArticleFile} from '../article/file.js';
import {keepCodeCaches} from '../system/code-cache.js';
import {
  START_SHOWING_MS,
  START_SHOWN,
  WHOLE,
  WHOLE_FAILED,
  WHOLE_POSTED,
  type PageStart,
} from './page-start.js';

const {
  file,
  whole,
  posted,
  startShowingMs = START_SHOWING_MS,
} = workerData as {
  file: string;
  whole?: MessagePort;
  posted?: Int32Array;
  startShowingMs?: number;
};
let started = false;
const result = loadArticleFile(file, 'html', {
  onStart:
    whole && posted
      ? (article) => {
          started = true;
          parentPort!.postMessage({kind: 'article', article, more: true} satisfies PageStart);
          // The reader shows the start first: the whole waits until it has (or a while).
          Atomics.wait(posted, START_SHOWN, 0, startShowingMs);
        }
      : undefined,
});
// Before the page is handed over (once, when there was no cache): the reader may exit as
// soon as it has the page (--print), and the next page read skips compiling what this one did.
keepCodeCaches();
if (started) {
  try {
    whole!.postMessage(result);
    Atomics.store(posted!, WHOLE, WHOLE_POSTED);
  } catch {
    Atomics.store(posted!, WHOLE, WHOLE_FAILED);
  }
  Atomics.notify(posted!, WHOLE);
  whole!.close();
} else {
  parentPort!.postMessage(result);
}
