import {Keyboard} from './keyboard.js';

// Imported first by the CLI, so this runs before the rest of the bundle is evaluated, the
// library read or a frame drawn: keys typed ahead are kept, not echoed and not cooked.
const interactive =
  process.stdin.isTTY && process.stdout.isTTY && (process.env['TERM'] ?? '') !== 'dumb';

/** The terminal's keys, already in raw mode, when the session may be interactive. */
export const earlyKeyboard = interactive ? new Keyboard(process.stdin).start() : undefined;
