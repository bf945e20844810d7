/** What a mouse report says: a button pressed or let go, the wheel turned, or a move. */
export type MouseEvent = 'press' | 'release' | 'wheelUp' | 'wheelDown' | 'other';

/** The keys a terminal can send that are not text. */
export type KeyName =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'insert'
  | 'delete'
  | 'enter'
  | 'escape'
  | 'backspace'
  | 'tab';

/**
 * One key, decoded from the terminal's bytes. `char` is one grapheme cluster typed (with Ctrl
 * when `ctrl`); `paste` is a whole bracketed paste; `unknown` is a sequence no key is bound to.
 */
export type Key =
  | {kind: 'named'; name: KeyName; ctrl: boolean; shift: boolean}
  | {kind: 'char'; text: string; ctrl: boolean}
  | {kind: 'paste'; text: string}
  /** The mouse (SGR or X10 reports): where, 0-based, and what it did. */
  | {kind: 'mouse'; event: MouseEvent; column: number; row: number}
  | {kind: 'unknown'; sequence: string};

export const named = (name: KeyName, ctrl = false, shift = false): Key => ({
  kind: 'named',
  name,
  ctrl,
  shift,
});
export const char = (text: string, ctrl = false): Key => ({kind: 'char', text, ctrl});

/** Text typed or pasted into a prompt: line breaks read as spaces, no control characters. */
export function promptText(text: string): string {
  return text.replace(/\r\n|[\r\n\t]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}
