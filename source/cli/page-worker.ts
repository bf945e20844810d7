// The worker thread early-page.ts starts: reads one web page and posts back its LoadResult.
import {parentPort, workerData} from 'node:worker_threads';
import {loadArticleFile} from '../article/file.js';

const {file} = workerData as {file: string};
parentPort!.postMessage(loadArticleFile(file, 'html'));
