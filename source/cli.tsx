// First: raw mode before anything else is evaluated (type-ahead).
import {earlyKeyboard} from './terminal/early-keyboard.js';
import {existsSync} from 'node:fs';
import {parseCommandLine} from './cli/command-line.js';
import {fail} from './cli/fail.js';
import {printList} from './cli/list.js';
import {colourAllowed, printPlain} from './cli/print.js';
import {printQuotations} from './cli/quotes.js';
import {printContents} from './cli/toc.js';
import {read} from './cli/read.js';
import {defaultLibrary, pipedTarget, resolveTarget, terminalKeyboard} from './cli/target.js';
import {addPages} from './cli/add.js';
import {urlTarget} from './cli/url-target.js';
import {looksLikeUrl} from './net/fetch-page.js';
import {pageReadEarly} from './cli/early-page.js';

/** `broadsheet`: parses the command line and runs the command it names. */
async function main(): Promise<void> {
  const {input, width, json, print, theme, fresh, noColor, format, to} = parseCommandLine();
  if (input[0] === 'add' && (input.length > 1 || !existsSync('add'))) {
    earlyKeyboard?.stop();
    await addPages(input.slice(1), to);
    return;
  }
  if (input[0] === 'list' && (input.length > 1 || !existsSync('list'))) {
    earlyKeyboard?.stop();
    if (input.length > 2) fail(`list takes one PATH, got ${input.length - 1}`);
    printList(input[1] ?? defaultLibrary(), json);
    return;
  }
  if (input[0] === 'quotes' && (input.length > 1 || !existsSync('quotes'))) {
    earlyKeyboard?.stop();
    if (input.length > 2) fail(`quotes takes one FILE, got ${input.length - 1}`);
    printQuotations(input[1], json);
    return;
  }
  if (input[0] === 'toc' && (input.length > 1 || !existsSync('toc'))) {
    earlyKeyboard?.stop();
    if (input.length > 2) fail(`toc takes one FILE, got ${input.length - 1}`);
    printContents(input[1], json);
    return;
  }
  // An article piped in (`cat story.txt | broadsheet`, or `-`): keys come from the terminal.
  const piped =
    (input.length === 0 && !process.stdin.isTTY) || (input.length === 1 && input[0] === '-');
  const url = input.length === 1 && looksLikeUrl(input[0]!) ? input[0] : undefined;
  const keyboard = piped && !print ? terminalKeyboard() : earlyKeyboard;
  const interactive = Boolean(keyboard) && !print;
  const target = url
    ? await urlTarget(url, interactive ? keyboard : undefined)
    : piped
      ? pipedTarget(format)
      : resolveTarget(input, format, await pageReadEarly(input, format));
  if (!keyboard || print) {
    keyboard?.stop();
    printPlain(target, {width, theme, colour: colourAllowed(noColor)});
    return;
  }
  await read(target, keyboard, {width, theme, fresh});
}

// A reader of our output that stops early (`broadsheet story.txt | head`) closes the pipe: that
// is the end of the job, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

await main();
