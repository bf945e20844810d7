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

/** Labels a browser reads as Windows-1252 (the WHATWG Encoding Standard's list, in short). */
const WINDOWS_1252 = new Set([
  'windows-1252',
  'cp1252',
  'x-cp1252',
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'l1',
  'us-ascii',
  'ascii',
  'ansi_x3.4-1968',
]);

/** The charset named by a Content-Type value (`text/html; charset=Shift_JIS`), if any. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase();
}

/**
 * The charset a page's first bytes declare, as a browser's prescan finds it: `<meta
 * charset>`, `<meta http-equiv="Content-Type" content="…; charset=…">`, or an XML
 * declaration's encoding (XHTML).
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096))
    .toString('latin1')
    .replace(/<!--[\s\S]*?-->/g, '');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return xml[1]!.toLowerCase();
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(tag);
    if (direct && !/\bcontent\s*=/i.test(tag)) return direct[1]!.toLowerCase();
    if (/http-equiv\s*=\s*["']?content-type/i.test(tag)) {
      const content = /\bcontent\s*=\s*(["'])(.*?)\1/i.exec(tag)?.[2];
      const charset = charsetOf(content);
      if (charset) return charset;
    }
  }
  return undefined;
}

/** Text in the encoding `label` names, or undefined when Node has no decoder for it. */
function decodeAs(bytes: Uint8Array, label: string): string | undefined {
  if (WINDOWS_1252.has(label)) return decodeWindows1252(bytes);
  // A page that says UTF-16 without a BOM is read as UTF-8, as browsers do.
  const name = /^utf-?16/.test(label) ? 'utf-8' : label;
  try {
    return new TextDecoder(name).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes a web page's bytes as a browser would: a BOM first, then the charset the server
 * declared (`headerCharset`), then the one the page declares (unless its bytes are valid
 * UTF-8 with something beyond ASCII: a page re-encoded when it was saved), then UTF-8 if the
 * bytes are valid UTF-8, else Windows-1252. Windows-1252, the ISO-8859 family, KOI8-R, Shift_JIS,
 * EUC-JP, EUC-KR, GBK, GB18030 and Big5 are all read (Node's TextDecoder).
 */
export function decodeWebPage(bytes: Uint8Array, headerCharset?: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return decode(bytes).text;
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode(bytes).text;
  const fromHeader = headerCharset
    ? decodeAs(bytes, headerCharset.trim().toLowerCase())
    : undefined;
  if (fromHeader !== undefined) return fromHeader;
  const utf8 = decode(bytes);
  // A page saved to disk is often re-encoded as UTF-8 with its old declaration left in: bytes
  // beyond ASCII that are valid UTF-8 are almost never text in another multi-byte encoding.
  if (utf8.encoding === 'utf-8' && /[^\u0000-\u007f]/.test(utf8.text)) return utf8.text;
  const declared = declaredCharset(bytes);
  return (declared && decodeAs(bytes, declared)) ?? utf8.text;
}
