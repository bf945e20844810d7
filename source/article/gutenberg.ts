/**
 * Project Gutenberg texts read as books: the header before "*** START OF THE PROJECT
 * GUTENBERG EBOOK …" and the licence after "*** END OF …" are set aside (never shown,
 * counted, searched or quoted); the book is titled by the header's `Title:` and `Author:`.
 * Works on the file's bytes (ASCII markers, in any encoding a Gutenberg text comes in but
 * UTF-16), so the loader's byte-level work goes on as for any text.
 */

/** Where the markers are looked for: the head and the tail of the file. */
const SEARCH_BYTES = 64 * 1024;

const START =
  /^[ \t]*\*{3}[ \t]*START OF[ \t]+(?:THE|THIS)[ \t]+PROJECT GUTENBERG[ \t]+E-?(?:BOOK|TEXT)\b.*$|^\*END\*THE SMALL PRINT!.*$/im;
const END =
  /^[ \t]*\*{3}[ \t]*END OF[ \t]+(?:THE|THIS)[ \t]+PROJECT GUTENBERG[ \t]+E-?(?:BOOK|TEXT)\b/im;
/** The line some books put just before the end marker. */
const END_NOTE = /^[ \t]*End of (?:the )?Project Gutenberg(?:'s|’s)?\b.*$/im;

/** What the header says of the book, as bytes of the file (so in its encoding). */
export type GutenbergBook = {
  /** The book's bytes: `Title` and `By Author` lines, then the text between the markers. */
  bytes: Uint8Array;
};

/** A field of the header (`Title: War and Peace`), with its indented continuation lines. */
function field(header: string, name: string): [number, number] | undefined {
  const match = new RegExp(`^${name}:[ \\t]*(\\S.*(?:\\r?\\n[ \\t]+\\S.*)*)$`, 'im').exec(header);
  if (!match) return undefined;
  const start = match.index + match[0].indexOf(match[1]!);
  return [start, start + match[1]!.replace(/\s+$/, '').length];
}

/** Bytes as a string of one character a byte (indices are byte offsets). */
function latin1(bytes: Uint8Array): string {
  // (A single-byte decoding: WHATWG's latin1 is Windows-1252, one character a byte all the same.)
  return SINGLE_BYTE.decode(bytes);
}

const SINGLE_BYTE = new TextDecoder('latin1');

/**
 * The book inside a Project Gutenberg text, or undefined for any other text (no start marker
 * in its head, or UTF-16). A text with a start marker and no end marker runs to its end.
 */
export function gutenbergBook(
  bytes: Uint8Array,
  {inPlace = false}: {inPlace?: boolean} = {},
): GutenbergBook | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return undefined;
  }
  const head = latin1(bytes.subarray(0, Math.min(bytes.length, SEARCH_BYTES)));
  const start = START.exec(head);
  if (!start) return undefined;
  const bodyStart = start.index + start[0].length;
  const tailStart = Math.max(bodyStart, bytes.length - SEARCH_BYTES);
  const tail = latin1(bytes.subarray(tailStart));
  const end = END.exec(tail);
  let bodyEnd = end ? tailStart + end.index : bytes.length;
  if (end) {
    // "End of the Project Gutenberg EBook of …" just before the marker goes with it.
    const note = END_NOTE.exec(tail.slice(0, end.index));
    if (note && end.index - (note.index + note[0].length) < 200) bodyEnd = tailStart + note.index;
  }
  const header = head.slice(0, start.index);
  const title = field(header, 'Title');
  const author = field(header, 'Author');
  const lines: Uint8Array[] = [];
  // A field on one line: its line breaks and the indents of its continuations a space.
  const line = ([from, to]: [number, number]) => {
    const kept: number[] = [];
    for (const byte of bytes.subarray(from, to)) {
      const blank = byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
      if (!blank) kept.push(byte);
      else if (kept.at(-1) !== 0x20) kept.push(0x20);
    }
    return Uint8Array.from(kept);
  };
  if (title) {
    lines.push(line(title), NEWLINE);
    if (author) lines.push(BY, line(author), NEWLINE);
    lines.push(NEWLINE);
  }
  const prefix = lines.reduce((sum, part) => sum + part.length, 0);
  const length = prefix + bodyEnd - bodyStart;
  // Bytes the caller owns are rearranged where they are: the title lines (shorter than the
  // header they come from) are written over the header's end, just before the book, which
  // stays where it is (a book of 30 MB is neither copied nor moved).
  inPlace &&= prefix <= bodyStart;
  const whole = inPlace ? bytes.subarray(bodyStart - prefix, bodyEnd) : new Uint8Array(length);
  if (!inPlace) whole.set(bytes.subarray(bodyStart, bodyEnd), prefix);
  let at = 0;
  for (const part of lines) {
    whole.set(part, at);
    at += part.length;
  }
  return {bytes: whole};
}

const NEWLINE = new Uint8Array([0x0a]);
const BY = new Uint8Array([0x42, 0x79, 0x20]); // "By "
