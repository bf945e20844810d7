import {MessageChannel, Worker, type MessagePort} from 'node:worker_threads';
import {statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {formatOfFile, type Format} from '../article/formats.js';
import type {LoadResult} from '../article/article.js';
import {
  isPageStart,
  pageFlags,
  restFromThread,
  WHOLE,
  WHOLE_FAILED,
  type PageStart,
} from './page-start.js';

// Reading a web page (a DOM, Reader View, the Markdown trees) takes as long as starting the
// whole reader. The launcher (dist/cli.js) starts reading the page named on the command line
// in a worker thread before the reader is even compiled; the reader takes the article when
// it needs it, by then read or nearly. The two are separate bundles: what the launcher
// started is handed over on the global object.

/** Flags that take the next argument as their value (see options.ts). */
const VALUE_FLAGS = new Set(['--width', '--theme', '--format', '--to']);
/** Words that are commands before they are files (see cli.tsx). */
const COMMANDS = new Set(['add', 'list', 'quotes', 'toc', 'config']);

/**
 * The web page a command line opens, as far as can be told before it is parsed: its one
 * PATH, a file named as a page (or read as one with --format html). A wrong guess only costs
 * a thread's work: the page is used only when the reader asks for that very file as a page.
 */
export function namedPage(argv: readonly string[]): string | undefined {
  const words: string[] = [];
  let format: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--') {
      words.push(...argv.slice(index + 1));
      break;
    }
    if (VALUE_FLAGS.has(argument)) {
      if (argument === '--format') format = argv[index + 1];
      index++;
    } else if (argument.startsWith('--format=')) format = argument.slice('--format='.length);
    else if (!argument.startsWith('-') || argument === '-') words.push(argument);
  }
  const [word] = words;
  if (words.length !== 1 || word === undefined || COMMANDS.has(word)) return undefined;
  const page = format === undefined ? formatOfFile(word) === 'html' : format === 'html';
  return page ? word : undefined;
}

type PageReading = {
  file: string;
  result: Promise<LoadResult | PageStart | undefined>;
  worker: Worker;
  /** Where a long page's whole comes after its start, and the flag that says it has. */
  whole: MessagePort;
  posted: Int32Array;
};

const HANDED_OVER = Symbol.for('broadsheet.pageReading');
type WithPageReading = {[HANDED_OVER]?: PageReading};

/**
 * Starts reading the page `argv` names in `script` (dist/page-worker.cjs), if it names one.
 * Called by the launcher; run from source (the tests' components), nothing starts it.
 */
export function startPageReading(
  argv: readonly string[],
  script: string,
  {startShowingMs}: {startShowingMs?: number} = {},
): void {
  const named = namedPage(argv);
  if (named === undefined) return;
  try {
    if (!statSync(named).isFile()) return;
    const file = path.resolve(named);
    const {port1: whole, port2} = new MessageChannel();
    const posted = pageFlags();
    const worker = new Worker(script, {
      workerData: {file, whole: port2, posted, startShowingMs},
      transferList: [port2],
      stdout: true,
      stderr: true,
    });
    // Until the reader asks for the page, the thread never keeps the process alive.
    worker.unref();
    whole.unref();
    const result = new Promise<LoadResult | PageStart | undefined>((resolve) => {
      worker.once('message', (message: LoadResult | PageStart) => resolve(message));
      // A thread that fails is no loss: the reader reads the page itself.
      worker.once('error', () => resolve(undefined));
      worker.once('exit', () => {
        resolve(undefined);
        // (Gone before it posted the whole of a page whose start it gave: the reader reads it.)
        Atomics.compareExchange(posted, WHOLE, 0, WHOLE_FAILED);
      });
    });
    (globalThis as WithPageReading)[HANDED_OVER] = {file, result, worker, whole, posted};
  } catch {
    // Not a file to read: the reader says why when it opens it.
  }
}

/** Where the launcher finds the page worker: beside itself. */
export function pageWorkerBeside(launcherUrl: string): string {
  return path.join(path.dirname(fileURLToPath(launcherUrl)), 'page-worker.cjs');
}

/**
 * The article of the one file in `input`, read as a web page by the thread the launcher
 * started, when that is the page it read; otherwise undefined: the caller reads the file.
 * A long page comes as its start with `rest`, the whole the thread goes on making (read by
 * `readItself` if the thread cannot give it).
 */
export async function pageReadEarly(
  input: readonly string[],
  format: Format | undefined,
  readItself: (file: string) => LoadResult,
): Promise<LoadResult | undefined> {
  const reading = (globalThis as WithPageReading)[HANDED_OVER];
  const [file] = input;
  if (!reading || input.length !== 1 || file === undefined) return undefined;
  if ((format ?? formatOfFile(file)) !== 'html' || path.resolve(file) !== reading.file) {
    return undefined;
  }
  delete (globalThis as WithPageReading)[HANDED_OVER]; // taken once
  reading.worker.ref();
  const result = await reading.result;
  // (The thread ends by itself once it has kept its code cache; it never holds up an exit.)
  reading.worker.unref();
  if (!isPageStart(result)) return result;
  const {file: page, whole, posted} = reading;
  return {
    kind: 'article',
    article: result.article,
    rest: restFromThread(whole, posted, result.article, () => readItself(page)),
  };
}
