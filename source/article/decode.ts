/** Which byte encoding a file turned out to be in. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded = {text: string; encoding: Encoding};

/**
 * Decodes a file's bytes: a BOM decides UTF-8 or UTF-16; otherwise strict UTF-8, and
 * Windows-1252 for bytes that are not valid UTF-8 (old Gutenberg and Latin-1 files).
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8'};
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le'};
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be'};
  }
  try {
    return {text: new TextDecoder('utf-8', {fatal: true}).decode(bytes), encoding: 'utf-8'};
  } catch {
    return {text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252'};
  }
}

/** A file is binary when a NUL byte or many control bytes show up near its start. */
export function looksBinary(bytes: Uint8Array): boolean {
  // UTF-16 text is full of NULs but announces itself with a BOM.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return false;
  }
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x1b) {
      controls++;
    }
  }
  return sample.length > 0 && controls / sample.length > 0.1;
}
