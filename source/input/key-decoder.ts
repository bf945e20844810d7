import {graphemesIn} from '../text/width.js';
import {char, named, type Key, type KeyName, type MouseEvent} from './keys.js';

const ESC = '\u001B';
export const PASTE_START = `${ESC}[200~`;
export const PASTE_END = `${ESC}[201~`;
/** A paste longer than this keeps only its start: nobody searches for a megabyte. */
const MAX_PASTE = 1 << 16;

const CSI_LETTERS: Record<string, KeyName> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
};
const CSI_TILDE: Record<string, KeyName> = {
  '1': 'home',
  '2': 'insert',
  '3': 'delete',
  '4': 'end',
  '5': 'pageUp',
  '6': 'pageDown',
  '7': 'home',
  '8': 'end',
};

/** A mouse report's button code: which button, the wheel, a move (xterm's encoding). */
function mouseKey(code: number, column: number, row: number, release: boolean): Key {
  let event: MouseEvent = 'other';
  if ((code & 0x40) !== 0)
    event = (code & 3) === 0 ? 'wheelUp' : (code & 3) === 1 ? 'wheelDown' : 'other';
  else if ((code & 0x20) !== 0)
    event = 'other'; // a move with a button held
  else if (release || (code & 3) === 3) event = 'release';
  else if ((code & 3) === 0) event = 'press';
  return {kind: 'mouse', event, column: Math.max(0, column - 1), row: Math.max(0, row - 1)};
}

/** The start of a mouse report, SGR or X10, cut short. */
const MOUSE_START = /^\u001B\[(<[\d;]*|M.{0,2})$/su;
const SGR_MOUSE = /^\u001B\[<(\d{1,5});(\d{1,5});(\d{1,5})([Mm])$/;

/** `ESC [ … final`: a named key (with xterm's modifier parameter) or an unknown sequence. */
function csiKey(sequence: string): Key {
  // SGR mouse reports: ESC [ < button ; column ; row M (pressed) or m (let go).
  const mouse = SGR_MOUSE.exec(sequence);
  if (mouse)
    return mouseKey(Number(mouse[1]), Number(mouse[2]), Number(mouse[3]), mouse[4] === 'm');
  const final = sequence.at(-1)!;
  const params = sequence.slice(2, -1).split(';');
  const modifier = Math.max(0, Number(params[1] ?? 1) - 1);
  const shift = (modifier & 1) !== 0;
  const ctrl = (modifier & 4) !== 0;
  let name: KeyName | undefined;
  if (final === '~') name = CSI_TILDE[params[0]!];
  else if (final === 'Z' && sequence.length === 3) return named('tab', false, true);
  else if (params[0] === '' || params[0] === '1') name = CSI_LETTERS[final];
  return name ? named(name, ctrl, shift) : {kind: 'unknown', sequence};
}

/** A run of text without ESC: one key per grapheme cluster, controls as the keys they are. */
function textKeys(text: string, into: Key[]): void {
  for (const {segment} of graphemesIn(text)) {
    const code = segment.codePointAt(0)!;
    // Each of CR and LF is Enter (type-ahead arrives cooked, Enter as LF), so CR LF is two.
    if (segment === '\r\n') into.push(named('enter'), named('enter'));
    else if (segment === '\r' || segment === '\n') into.push(named('enter'));
    else if (segment === '\t') into.push(named('tab'));
    else if (code === 0x7f || code === 0x08) into.push(named('backspace'));
    else if (code >= 0x01 && code <= 0x1a) into.push(char(String.fromCodePoint(code + 0x60), true));
    else if (code < 0x20 || (code >= 0x80 && code <= 0x9f))
      into.push({kind: 'unknown', sequence: segment});
    else into.push(char(segment));
  }
}

type Parsed = {key?: Key; next: number; paste?: true} | 'pending';

/** The escape sequence at `input[at]` (an ESC), or 'pending' when the chunk ends inside it. */
function parseEscape(input: string, at: number): Parsed {
  const next = input[at + 1];
  if (next === undefined) return 'pending';
  if (next === '[') {
    // An X10 mouse report: ESC [ M and three bytes (button, column, row, each plus 32).
    if (input[at + 2] === 'M') {
      if (input.length < at + 6) return 'pending';
      const [code, column, row] = [3, 4, 5].map((offset) => input.charCodeAt(at + offset) - 32);
      return {key: mouseKey(code!, column!, row!, false), next: at + 6};
    }
    let index = at + 2;
    // Linux console function keys: ESC [ [ A.
    if (input[index] === '[') index++;
    for (; index < input.length; index++) {
      const code = input.charCodeAt(index);
      if (code >= 0x20 && code <= 0x3f) continue;
      if (code >= 0x40 && code <= 0x7e) {
        const sequence = input.slice(at, index + 1);
        if (sequence === PASTE_START) return {next: index + 1, paste: true};
        return {key: csiKey(sequence), next: index + 1};
      }
      // Not a sequence after all: the Esc key, then whatever follows as typed.
      return {key: named('escape'), next: at + 1};
    }
    return 'pending';
  }
  if (next === 'O') {
    const final = input[at + 2];
    if (final === undefined) return 'pending';
    const name = CSI_LETTERS[final];
    if (name) return {key: named(name), next: at + 3};
    const code = final.charCodeAt(0);
    if (code >= 0x40 && code <= 0x7e)
      return {key: {kind: 'unknown', sequence: input.slice(at, at + 3)}, next: at + 3};
  }
  // A lone Esc, or Esc pressed just before another key (Alt-x reads as Esc, then x:
  // nothing is bound to Alt, and a key typed after Esc must not vanish).
  return {key: named('escape'), next: at + 1};
}

/** How many characters at the end of `text` could begin `marker`. */
function markerPrefixAtEnd(text: string, marker: string): number {
  for (let length = Math.min(marker.length - 1, text.length); length > 0; length--) {
    if (text.endsWith(marker.slice(0, length))) return length;
  }
  return 0;
}

/**
 * Turns the chunks a terminal sends into single keys, however they were split or joined: an
 * escape sequence whole, otherwise one grapheme cluster at a time, a bracketed paste as one.
 */
export class KeyDecoder {
  /** The start of an escape sequence (or of a paste's end marker) left at a chunk's end. */
  private pending = '';
  /** Inside a bracketed paste: the text so far. */
  private paste: string | undefined;
  /** A mouse report was cut off by a pause: the rest of it, if it comes, is no key. */
  private mouseCut = false;

  push(chunk: string): Key[] {
    const keys: Key[] = [];
    if (this.mouseCut) {
      this.mouseCut = false;
      const rest = /^[\d;]*[Mm]/.exec(chunk);
      if (rest) chunk = chunk.slice(rest[0].length);
    }
    const input = this.pending + chunk;
    this.pending = '';
    let index = 0;
    while (index < input.length) {
      if (this.paste !== undefined) {
        const end = input.indexOf(PASTE_END, index);
        if (end === -1) {
          const keep = markerPrefixAtEnd(input, PASTE_END);
          this.addToPaste(input.slice(index, input.length - keep));
          this.pending = input.slice(input.length - keep);
          return keys;
        }
        this.addToPaste(input.slice(index, end));
        keys.push({kind: 'paste', text: this.paste});
        this.paste = undefined;
        index = end + PASTE_END.length;
        continue;
      }
      const escape = input.indexOf(ESC, index);
      if (escape !== index) {
        const end = escape === -1 ? input.length : escape;
        textKeys(input.slice(index, end), keys);
        index = end;
        continue;
      }
      const parsed = parseEscape(input, index);
      if (parsed === 'pending') {
        this.pending = input.slice(index);
        return keys;
      }
      if (parsed.paste) this.paste = '';
      if (parsed.key) keys.push(parsed.key);
      index = parsed.next;
    }
    return keys;
  }

  /** Whether what is waiting is the start of a mouse report (it may wait longer). */
  get inMouseReport(): boolean {
    return this.paste === undefined && MOUSE_START.test(this.pending);
  }

  /** Whether an Esc is waiting to know if a sequence follows (see `flush`). */
  get waiting(): boolean {
    return this.paste === undefined && this.pending !== '';
  }

  /** No more bytes came soon after an Esc at a chunk's end: it was the Esc key. */
  flush(): Key[] {
    const keys: Key[] = [];
    // Half a mouse report is never keys: it is dropped, and so is its rest when it comes.
    if (MOUSE_START.test(this.pending)) {
      this.pending = '';
      this.mouseCut = true;
    }
    while (this.waiting) {
      const rest = this.pending.slice(1);
      this.pending = '';
      keys.push(named('escape'), ...this.push(rest));
    }
    return keys;
  }

  private addToPaste(text: string): void {
    if (this.paste!.length < MAX_PASTE) this.paste = (this.paste! + text).slice(0, MAX_PASTE);
  }
}

/** Decodes a whole input at once (tests, scripts): every key, Esc at the end included. */
export function decodeAll(input: string): Key[] {
  const decoder = new KeyDecoder();
  return [...decoder.push(input), ...decoder.flush()];
}
