import type {Block} from '../article/article.js';

/**
 * The quotation marks. Which closes which is `closes`; whether one opens or closes, its
 * neighbours and the paragraph's style (`roleOf`): “ opens in English and closes „…“ in
 * German, ” closes in English and opens and closes in Swedish, ’ is most often an apostrophe.
 */
const MARK_CHARACTERS = '“”„‟"‘’‚‛\'«»‹›「」『』';
export const MARKS = new Set(MARK_CHARACTERS);
export const MARK_PATTERN = new RegExp(`[${MARK_CHARACTERS}]`, 'g');

/** Which closing marks may end a quotation that `opener` began. */
export function closes(opener: string, closer: string): boolean {
  switch (opener) {
    case '“':
      return closer === '”' || closer === '"';
    case '”':
      return closer === '”';
    case '„':
    case '‟':
      return closer === '“' || closer === '”' || closer === '"';
    case '"':
      return closer === '"' || closer === '”';
    case '‘':
    case "'":
      return closer === '’' || closer === "'";
    case '‚':
    case '‛':
      return closer === '‘' || closer === '’' || closer === "'";
    case '«':
    case '»':
      return closer === '«' || closer === '»';
    case '‹':
    case '›':
      return closer === '‹' || closer === '›';
    case '「':
      return closer === '」';
    case '『':
      return closer === '』';
    default:
      return false;
  }
}

export const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const WHITESPACE = /\s/;
const OPENING_CONTEXT = /[\s([{\-–—/:;,…>]/;
/** Words that begin with an apostrophe: ’tis, ’em, ’n’, ’90s, and so on. */
const ELISION =
  /^(?:tis|twas|twere|twill|twould|em|n|cause|cos|til|till|round|bout|nuff|ere|neath|gainst|s|d|ll|re|ve|m|\d\d(?:s|th)?)(?![\p{L}\p{N}])/iu;

export const isLetter = (char: string | undefined) =>
  char !== undefined && LETTER_OR_DIGIT.test(char);
export const isSpace = (char: string | undefined) => char === undefined || WHITESPACE.test(char);
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
export const isCjk = (char: string | undefined) => char !== undefined && CJK.test(char);

/** Whether the mark at `index` could open or close a quotation, judged by its neighbours. */
export function flanking(text: string, index: number, start: number, end: number) {
  const before = index > start ? text[index - 1] : undefined;
  const after = index + 1 < end ? text[index + 1] : undefined;
  // French sets « and » off with (no-break) spaces: look past one for the quoted word.
  const mark = text[index]!;
  const inner = mark === '«' || mark === '»' || mark === '‹' || mark === '›';
  const afterWord = inner && isSpace(after) && index + 2 < end ? text[index + 2] : after;
  const beforeWord = inner && isSpace(before) && index - 2 >= start ? text[index - 2] : before;
  const canOpen =
    !isSpace(after) && (before === undefined || OPENING_CONTEXT.test(before) || MARKS.has(before));
  const canClose =
    // No mark is a letter: a closing mark may be followed by another (’”).
    !isSpace(before) && !isLetter(after) && before !== '(';
  // « bonjour »: a spaced-out mark counts only when nothing touches its other side either.
  const spacedOpen =
    inner &&
    isSpace(after) &&
    !isSpace(afterWord) &&
    (before === undefined || OPENING_CONTEXT.test(before));
  const spacedClose = inner && isSpace(before) && !isSpace(beforeWord) && !isLetter(after);
  return {canOpen: canOpen || spacedOpen, canClose: canClose || spacedClose, before, after};
}

/**
 * How a paragraph writes guillemets, from the letters and spaces beside each mark: «French»
 * and « French » open with «, »German« opens with ». Undefined when the marks do not say.
 */
export function guillemetStyle(
  text: string,
  start: number,
  end: number,
): 'french' | 'german' | undefined {
  // Within the paragraph only: a search that ran on to the end of a book for every
  // paragraph would make the whole scan quadratic.
  const part = text.slice(start, end);
  if (!part.includes('«') && !part.includes('»')) return undefined;
  let french = 0;
  let german = 0;
  const letter = /\p{L}/u;
  const space = /[ \u00a0\u202f]/;
  for (let at = part.indexOf('«'); at !== -1; at = part.indexOf('«', at + 1)) {
    const after = part[at + 1] ?? '';
    const before = part[at - 1] ?? '';
    // «Bonjour or « Bonjour opens French; das Wort« or Was?« closes German.
    if (letter.test(after) || (space.test(after) && letter.test(part[at + 2] ?? ''))) french++;
    else if (letter.test(before) || (/[.,!?]/.test(before) && letter.test(part[at - 2] ?? '')))
      german++;
  }
  for (let at = part.indexOf('»'); at !== -1; at = part.indexOf('»', at + 1)) {
    const after = part[at + 1] ?? '';
    const before = part[at - 1] ?? '';
    if (letter.test(after)) german++;
    else if (
      letter.test(before) ||
      space.test(before) ||
      (/[.,!?]/.test(before) && letter.test(part[at - 2] ?? ''))
    )
      french++;
  }
  if (french === german) return undefined;
  return german > french ? 'german' : 'french';
}

/** Whether any mark after `from` in the paragraph could close a quotation `opener` began. */
export function closerAhead(text: string, opener: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const char = text[i]!;
    if (MARKS.has(char) && closes(opener, char) && flanking(text, i, from - 1, end).canClose) {
      return true;
    }
  }
  return false;
}

export type Role = 'open' | 'close' | 'none';

/** Decides what the mark at `index` does, given what is open. */
export function roleOf(
  text: string,
  index: number,
  block: Block,
  stack: ReadonlyArray<{mark: string}>,
  style: 'french' | 'german',
): Role {
  const mark = text[index]!;
  const {canOpen, canClose, before, after} = flanking(text, index, block.start, block.end);
  const openMatch = stack.some((open) => closes(open.mark, mark));

  switch (mark) {
    case '「':
    case '『':
    case '„':
    case '‟':
    case '‚':
    case '‛':
      return 'open';
    case '」':
    case '』':
      return 'close';
    case '’':
      if (isCjk(before) || isCjk(after)) return openMatch ? 'close' : 'none';
      // An apostrophe unless it ends an open single quotation; the Joneses’ car is possessive
      // when another closing mark follows.
      if (!canClose || !openMatch || isLetter(after)) return 'none';
      if (
        before === 's' &&
        after === ' ' &&
        /\p{Ll}/u.test(text[index + 2] ?? '') &&
        closerAhead(text, stack.at(-1)!.mark, index + 1, block.end)
      ) {
        return 'none';
      }
      return 'close';
    case '«':
    case '‹':
    case '»':
    case '›': {
      const opens =
        style === 'french' ? mark === '«' || mark === '‹' : mark === '»' || mark === '›';
      // Context wins over the article's style where it is plain («wrong« closes).
      if (opens) return canClose && !canOpen && openMatch ? 'close' : 'open';
      return canOpen && !canClose ? 'open' : openMatch ? 'close' : 'none';
    }
    default:
      break;
  }

  // Chinese and Japanese set “ ” without spaces: there the glyph says which way it faces.
  if ((mark === '“' || mark === '”' || mark === '‘') && (isCjk(before) || isCjk(after))) {
    if (mark === '“' || mark === '‘') return 'open';
    return openMatch ? 'close' : 'none';
  }
  // Only “ ” ‘ " ' are left, marks that open or close by their neighbours. (Between two
  // letters, don't or a"b, one can neither open nor close: it is none below.)
  // A broken-off speech whose dash was lost or spaced ("I was standing at a bookstall "
  // Mr. Brownlow began.): a double mark between spaces, while one is open, closes it.
  const innermost = stack.at(-1);
  if (
    (mark === '"' || mark === '”') &&
    before !== undefined &&
    isSpace(before) &&
    isSpace(after) &&
    innermost !== undefined &&
    closes(innermost.mark, mark)
  ) {
    return 'close';
  }
  if (canClose && openMatch) {
    // 12" pipe, 6'5": a mark after a digit is a prime when a later mark can close instead.
    if (
      (mark === '"' || mark === "'") &&
      /\d/.test(before ?? '') &&
      closerAhead(
        text,
        stack.findLast((open) => closes(open.mark, mark))!.mark,
        index + 1,
        block.end,
      )
    ) {
      return 'none';
    }
    return 'close';
  }
  if (canOpen) {
    // News copy that lost its paragraph breaks: `…a mongrel. "I don't…` inside a straight
    // quotation is the next paragraph's repeated opening mark, not a quotation within.
    if (
      mark === '"' &&
      stack.some((open) => open.mark === '"') &&
      /[.!?…]\s$/.test(text.slice(Math.max(block.start, index - 2), index))
    ) {
      return 'none';
    }
    if (mark === '”' && !closerAhead(text, '”', index + 1, block.end)) return 'none';
    if (mark === '“' && stack.some((open) => open.mark === '„')) return 'none';
    if ((mark === "'" || mark === '‘') && ELISION.test(text.slice(index + 1, index + 8))) {
      return 'none';
    }
    if (mark === "'" && !closerAhead(text, mark, index + 1, block.end)) return 'none';
    return 'open';
  }
  return 'none';
}

/** The first non-space character of a block, for spotting a continued quotation. */
export function leadingMark(text: string, block: Block): {index: number; mark: string} | undefined {
  let index = block.start;
  while (index < block.end && isSpace(text[index])) index++;
  const mark = text[index];
  return mark !== undefined && MARKS.has(mark) ? {index, mark} : undefined;
}
