/** Tabs expand to the next multiple of this many columns. */
export const TAB_STOP = 4;

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * Makes decoded text safe and regular: LF line endings, tabs expanded, and no control
 * character left that a terminal would act on. C0 controls become the visible pictures of
 * the U+2400 block (ESC shows as ␛), DEL as ␡, C1 controls as U+FFFD; bidirectional
 * overrides and isolates are dropped so an article cannot reorder or hide text.
 */
export function sanitize(raw: string): string {
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(BIDI_CONTROLS, '');
  let out = '';
  let column = 0;
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) {
      column++;
      continue;
    }
    if (code > 0x9f) {
      column++;
      continue;
    }
    out += text.slice(runStart, i);
    runStart = i + 1;
    if (code === 0x0a) {
      out += '\n';
      column = 0;
    } else if (code === 0x09) {
      const spaces = TAB_STOP - (column % TAB_STOP);
      out += ' '.repeat(spaces);
      column += spaces;
    } else if (code < 0x20) {
      out += String.fromCharCode(0x2400 + code);
      column++;
    } else if (code === 0x7f) {
      out += '\u2421';
      column++;
    } else {
      out += '\uFFFD';
      column++;
    }
  }
  return out + text.slice(runStart);
}
