import {earlyKeyboard} from '../terminal/early-keyboard.js';
import {safeLine} from '../article/sanitize.js';

/** One clear line on stderr and a non-zero exit: how every user error ends. */
export function fail(message: string, code = 2): never {
  earlyKeyboard?.stop();
  process.stderr.write(`broadsheet: ${safeLine(message)}\n`);
  process.exit(code);
}
