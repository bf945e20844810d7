import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {earlyKeyboard} from '../terminal/early-keyboard.js';
import {safeLine} from '../article/sanitize.js';

/** One clear line on stderr and a non-zero exit: how every user error ends. */
export function fail(message: string, code = 2): never {
  earlyKeyboard?.stop();
  process.stderr.write(`broadsheet: ${safeLine(message)}\n`);
  process.exit(code);
}

export function bundledArticles(): string {
  // dist/cli.js sits one folder below the project, beside articles/ (and source/cli/ two).
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, here.endsWith('cli') ? '../..' : '..', 'articles');
}
