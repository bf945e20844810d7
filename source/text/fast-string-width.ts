// Bundled in place of `string-width` for Ink and its helpers too (see scripts/bundle.mjs):
// the same answers, but text made only of one-cell characters (Latin, Greek, Cyrillic, curly
// quotes, dashes) and two-cell ones (CJK ideographs, kana, Hangul, full-width forms) is counted
// directly, without the grapheme segmentation (and its large Unicode regexes) that Ink would
// otherwise run on every line it draws. Anything else goes to string-width itself.
import stringWidth from 'string-width';
import {SINGLE_CELL_RUN} from './width.js';

type Options = Parameters<typeof stringWidth>[1];

/** Chalk's colour and style codes, the only escapes Ink's own output contains. */
const SGR = /\u001B\[[0-9;]*m/g;
const WIDE_OR_SINGLE =
  /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0377\u037a-\u037f\u0384-\u038a\u038c\u038e-\u03a1\u03a3-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2400-\u2426\u2500-\u259f\u276f\u3001-\u3029\u3030-\u303e\u3041-\u3096\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff60\uffe0-\uffe6]*$/;
const WIDE =
  /[\u3001-\u3029\u3030-\u303e\u3041-\u3096\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff60\uffe0-\uffe6]/g;

export default function fastStringWidth(text: string, options?: Options): number {
  if (typeof text !== 'string' || options?.ambiguousIsNarrow === false)
    return stringWidth(text, options);
  const plain =
    !options?.countAnsiEscapeCodes && text.includes('\u001B') ? text.replace(SGR, '') : text;
  if (SINGLE_CELL_RUN.test(plain)) return plain.length;
  if (WIDE_OR_SINGLE.test(plain)) return plain.length + (plain.match(WIDE)?.length ?? 0);
  return stringWidth(text, options);
}
