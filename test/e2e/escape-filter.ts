import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
// The bytes Broadsheet may write to a terminal, as an allow-list: its own colours and styles,
// cursor moves and erasing within a line, and the few modes it sets (alternate screen, cursor,
// bracketed paste, synchronized output). Anything else in the output came from somewhere else.

/** SGR parameters the themes use (Ink via chalk): styles, and the themes' colours. */
const SGR = new Set([0, 1, 2, 3, 4, 7, 22, 23, 24, 27, 30, 33, 34, 35, 36, 37, 39, 43, 44, 46, 49]);
/** Private modes the app sets and resets. */
const MODES = new Set(['1049', '25', '2004', '2026']);

const SEQUENCE = /\u001B(?:\[([0-9;?]*)([ -/]*)([@-~])|([\s\S])?)/gu;

/** Every escape sequence, control or character in `output` that the app would not write. */
export function foreignSequences(output: string): string[] {
  const foreign: string[] = [];
  for (const match of output.matchAll(SEQUENCE)) {
    const [whole, parameters, intermediates, final] = match;
    if (final === undefined || intermediates !== '') {
      foreign.push(whole);
      continue;
    }
    const allowed =
      (final === 'm' && parameters!.split(';').every((p) => p === '' || SGR.has(Number(p)))) ||
      ('ABCDGK'.includes(final) && /^\d*$/.test(parameters!)) ||
      (final === 'H' && parameters === '') ||
      ('hl'.includes(final) && parameters!.startsWith('?') && MODES.has(parameters!.slice(1)));
    if (!allowed) foreign.push(whole);
  }
  // Controls other than the line ends, C1 controls (U+0080–U+009F: 8-bit CSI, OSC, DCS…),
  // and bidirectional overrides and isolates.
  for (const match of output.matchAll(
    /[\u0000-\u0009\u000B\u000C\u000E-\u001A\u001C-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/gu,
  )) {
    foreign.push(match[0]);
  }
  return foreign;
}

const FRAME_ERASE = /^(?:\u001B\[(?:2K|1A|G|2J|3J|H))*/u;

/**
 * The size of the last frame Ink wrote (each is wrapped in synchronized-output marks): its
 * rows, and its widest row in cells. A frame larger than the terminal scrolls or wraps.
 */
export function lastFrameSize(output: string): {rows: number; columns: number} | undefined {
  const start = output.lastIndexOf('\u001B[?2026h');
  if (start === -1) return undefined;
  const end = output.indexOf('\u001B[?2026l', start);
  const frame = output.slice(start + 8, end === -1 ? undefined : end).replace(FRAME_ERASE, '');
  const lines = frame.split(/\r?\n/u);
  if (lines.at(-1) === '') lines.pop();
  const widths = lines.map((line) => stringWidth(stripAnsi(line)));
  return {rows: lines.length, columns: Math.max(0, ...widths)};
}
