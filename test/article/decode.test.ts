import {describe, expect, it} from 'vitest';
import {decode, looksBinary} from '../../source/article/decode.js';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('decode', () => {
  it('reads UTF-8 and drops its byte-order mark', () => {
    expect(decode(bytes(0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9))).toEqual({
      text: 'hé',
      encoding: 'utf-8',
    });
  });

  it('reads UTF-16 in both byte orders when a BOM says so', () => {
    expect(decode(bytes(0xff, 0xfe, 0x68, 0x00, 0x1f, 0x04)).text).toBe('hП');
    expect(decode(bytes(0xfe, 0xff, 0x00, 0x68, 0x04, 0x1f)).text).toBe('hП');
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    const result = decode(bytes(0x93, 0x48, 0x69, 0x94, 0x20, 0x92, 0xa0));
    expect(result.encoding).toBe('windows-1252');
    expect(result.text).toBe('“Hi” ’\u00a0');
  });
});

describe('looksBinary', () => {
  it('calls a file with NUL bytes binary', () => {
    expect(looksBinary(bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00))).toBe(true);
  });

  it('does not call text or UTF-16 with a BOM binary', () => {
    expect(looksBinary(new TextEncoder().encode('Plain text\n\twith a tab'))).toBe(false);
    expect(looksBinary(bytes(0xff, 0xfe, 0x68, 0x00))).toBe(false);
  });
});
