import {writeSync} from 'node:fs';

// The alternate screen keeps the cursor where the shell left it: start Ink's frame at the top.
const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h\u001B[H';
const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';
// Bracketed paste: a paste arrives marked, so it is never taken for typed commands.
const BRACKETED_PASTE_ON = '\u001B[?2004h';
const BRACKETED_PASTE_OFF = '\u001B[?2004l';
const SHOW_CURSOR = '\u001B[?25h';
// The mouse, when asked for: presses and the wheel (1000), reported as SGR (1006).
const MOUSE_ON = '\u001B[?1000h\u001B[?1006h';
const MOUSE_OFF = '\u001B[?1006l\u001B[?1000l';

let active = false;
let mouse = false;

/**
 * Switches to the alternate screen with bracketed paste on (and the mouse reported, when
 * asked), remembering to switch back.
 */
export function enterFullScreen({withMouse = false}: {withMouse?: boolean} = {}): void {
  mouse = withMouse;
  writeSync(1, ENTER_ALTERNATE_SCREEN + BRACKETED_PASTE_ON + (mouse ? MOUSE_ON : ''));
  active = true;
}

/**
 * Gives the terminal back exactly as it was: cursor shown, raw mode and bracketed paste off,
 * main screen.
 * Safe to call more than once and from exit and signal handlers (synchronous writes only).
 */
/** Where keys come from: standard input, or the terminal itself when an article is piped in. */
let keysFrom: {isTTY?: boolean; isRaw?: boolean; setRawMode(mode: boolean): unknown} =
  process.stdin;

/** Keys are read from `stream` (/dev/tty): its raw mode is what a way out must turn off. */
export function readKeysFrom(stream: typeof keysFrom): void {
  keysFrom = stream;
}

export function restoreTerminal(): void {
  if (!active) return;
  active = false;
  try {
    if (keysFrom.isTTY && keysFrom.isRaw) keysFrom.setRawMode(false);
  } catch {
    // The terminal may be gone (SIGHUP); nothing is left to restore then.
  }
  try {
    writeSync(
      1,
      (mouse ? MOUSE_OFF : '') + BRACKETED_PASTE_OFF + SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN,
    );
  } catch {
    // As above.
  }
}
