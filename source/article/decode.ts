/** Which byte encoding a file turned out to be in. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded = {text: string; encoding: Encoding};

/**
 * Decodes a file's bytes: a BOM decides UTF-8 or UTF-16; otherwise strict UTF-8, and
 * Windows-1252 for bytes that are not valid UTF-8 (old Gutenberg and Latin-1 files).
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le'};
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be'};
  }
  try {
    // (TextDecoder drops a UTF-8 byte-order mark itself.)
    return {text: new TextDecoder('utf-8', {fatal: true}).decode(bytes), encoding: 'utf-8'};
  } catch {
    return {text: decodeWindows1252(bytes), encoding: 'windows-1252'};
  }
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F: curly quotes, dashes, €, and so on.
// (Node 20's TextDecoder treats 'windows-1252' as Latin-1, so the table is spelled out.)
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (char) => CP1252_HIGH[char.charCodeAt(0) - 0x80]!);
}

/**
 * A file is binary when its start has what text never has: more than the odd NUL byte, or a
 * high share of control bytes. Invalid UTF-8 alone is not binary: it decodes to U+FFFD (or
 * as Windows-1252), and a text about encodings may hold a NUL or two.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  // UTF-16 text is full of NULs but announces itself with a BOM.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return false;
  }
  const sample = bytes.subarray(0, 8192);
  let nuls = 0;
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) nuls++;
    else if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x1b) {
      controls++;
    }
  }
  // (An empty sample compares NaN: not binary.)
  return nuls / sample.length > 0.002 || (nuls + controls) / sample.length > 0.1;
}
