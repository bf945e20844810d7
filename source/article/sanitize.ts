/** Tabs expand to the next multiple of this many columns. */
export const TAB_STOP = 4;

// Everything sanitize() has to act on; most text has none of it, and is returned as it is.
const NEEDS_WORK =
  /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

function replacement(char: string, column: number): string {
  const code = char.charCodeAt(0);
  if (code === 0x09) return ' '.repeat(TAB_STOP - (column % TAB_STOP));
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  if (code <= 0x9f) return '\uFFFD';
  if (code === 0x2028 || code === 0x2029) return '\n';
  return ''; // bidirectional embedding, override or isolate
}

/**
 * Makes decoded text safe and regular: LF line endings, tabs expanded, and no control
 * character left that a terminal would act on. C0 controls become the visible pictures of
 * the U+2400 block (ESC shows as ␛), DEL as ␡, C1 controls as U+FFFD; bidirectional
 * overrides and isolates are dropped so an article cannot reorder or hide text.
 */
export function sanitize(raw: string): string {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  NEEDS_WORK.lastIndex = 0;
  let match = NEEDS_WORK.exec(text);
  if (!match) return text;
  let out = '';
  let copied = 0;
  let lineStart = 0; // where the current line starts in `out`, for tab stops
  while (match) {
    const between = text.slice(copied, match.index);
    const newline = between.lastIndexOf('\n');
    if (newline !== -1) lineStart = out.length + newline + 1;
    out += between;
    const replaced = replacement(match[0], out.length - lineStart);
    out += replaced;
    if (replaced === '\n') lineStart = out.length;
    copied = match.index + 1;
    match = NEEDS_WORK.exec(text);
  }
  return out + text.slice(copied);
}

/** Makes any string from outside (a file name, an error) safe to show on one line. */
export function safeLine(text: string): string {
  return sanitize(text).replace(/\n/g, ' ');
}
