// First: raw mode before anything else is evaluated (type-ahead).
import {earlyKeyboard} from './terminal/early-keyboard.js';
import {existsSync} from 'node:fs';
import {parseCommandLine} from './cli/command-line.js';
import {bundledArticles} from './cli/bundled-articles.js';
import {fail} from './cli/fail.js';
import {printList} from './cli/list.js';
import {colourAllowed, printPlain} from './cli/print.js';
import {printQuotations} from './cli/quotes.js';
import {read} from './cli/read.js';
import {pipedTarget, resolveTarget, terminalKeyboard} from './cli/target.js';

/** `broadsheet`: parses the command line and runs the command it names. */
async function main(): Promise<void> {
  const {input, width, json, print, theme, fresh, noColor} = parseCommandLine();
  if (input[0] === 'list' && (input.length > 1 || !existsSync('list'))) {
    earlyKeyboard?.stop();
    if (input.length > 2) fail(`list takes one PATH, got ${input.length - 1}`);
    printList(input[1] ?? process.env['BROADSHEET_DIR'] ?? bundledArticles(), json);
    return;
  }
  if (input[0] === 'quotes' && (input.length > 1 || !existsSync('quotes'))) {
    earlyKeyboard?.stop();
    if (input.length > 2) fail(`quotes takes one FILE, got ${input.length - 1}`);
    printQuotations(input[1], json);
    return;
  }
  // An article piped in (`cat story.txt | broadsheet`): keys come from the terminal itself.
  const piped = input.length === 0 && !process.stdin.isTTY;
  const target = piped ? pipedTarget() : resolveTarget(input);
  const keyboard = piped && !print ? terminalKeyboard() : earlyKeyboard;
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
