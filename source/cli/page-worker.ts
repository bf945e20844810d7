// The worker thread early-page.ts starts: reads one web page and posts back its LoadResult.
import {parentPort, workerData} from 'node:worker_threads';
import {loadArticleFile} from '../article/file.js';
import {keepCodeCaches} from '../system/code-cache.js';

const {file} = workerData as {file: string};
const result = loadArticleFile(file, 'html');
// Before the page is handed over (once, when there was no cache): the reader may exit as
// soon as it has the page (--print), and the next page read skips compiling what this one did.
keepCodeCaches();
parentPort!.postMessage(result);
