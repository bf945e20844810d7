// Bundled in place of `string-width` for Ink and its helpers too (see scripts/bundle.mjs):
// the same answers, but text made only of one-cell characters (Latin, Greek, Cyrillic, curly
// quotes, dashes) and two-cell ones (CJK ideographs, kana, Hangul, full-width forms) is counted
// directly, without the grapheme segmentation (and its large Unicode regexes) that Ink would
// otherwise run on every line it draws. Anything else goes to string-width itself.
import stringWidth from 'string-width';
import {simpleWidth} from './width.js';

type Options = Parameters<typeof stringWidth>[1];

/** Chalk's colour and style codes, the only escapes Ink's own output contains. */
const SGR = /\u001B\[[0-9;]*m/g;

export default function fastStringWidth(text: string, options?: Options): number {
  if (typeof text !== 'string' || options?.ambiguousIsNarrow === false) {
    return stringWidth(text, options);
  }
  const plain =
    !options?.countAnsiEscapeCodes && text.includes('\u001B') ? text.replace(SGR, '') : text;
  return simpleWidth(plain) ?? stringWidth(text, options);
}
