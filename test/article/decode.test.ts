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

describe('decode, byte by byte', () => {
  it('says which encoding it read, and takes a BOM only as a whole', () => {
    expect(decode(bytes(0x68, 0xc3, 0xa9))).toEqual({text: 'hé', encoding: 'utf-8'});
    expect(decode(bytes(0xff, 0xfe, 0x68, 0x00)).encoding).toBe('utf-16le');
    expect(decode(bytes(0xfe, 0xff, 0x00, 0x68)).encoding).toBe('utf-16be');
    // Half a BOM is no BOM: these are Windows-1252 bytes.
    expect(decode(bytes(0xff, 0x41))).toEqual({text: 'ÿA', encoding: 'windows-1252'});
    expect(decode(bytes(0x41, 0xfe))).toEqual({text: 'Aþ', encoding: 'windows-1252'});
    expect(decode(bytes(0xfe, 0x41))).toEqual({text: 'þA', encoding: 'windows-1252'});
    expect(decode(bytes(0x41, 0xff))).toEqual({text: 'Aÿ', encoding: 'windows-1252'});
    expect(decode(bytes(0xef, 0xbb, 0x41)).encoding).toBe('windows-1252');
    expect(decode(bytes(0xef, 0x41, 0xbf)).encoding).toBe('windows-1252');
    expect(decode(bytes(0x41, 0xbb, 0xbf)).encoding).toBe('windows-1252');
  });
});

describe('looksBinary', () => {
  it('calls a file with NUL bytes binary', () => {
    expect(looksBinary(bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00))).toBe(true);
  });

  it('calls a file binary by its share of NULs and control bytes, not by one stray NUL', () => {
    const text = new TextEncoder().encode('An article about encodings. '.repeat(200));
    const withOneNul = new Uint8Array([...text.subarray(0, 3000), 0, ...text.subarray(3000)]);
    expect(looksBinary(withOneNul)).toBe(false);
    const withManyNuls = Uint8Array.from(text, (byte, i) => (i % 100 === 0 ? 0 : byte));
    expect(looksBinary(withManyNuls)).toBe(true);
    // An ELF header and a PNG's first chunk.
    const elf = bytes(0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    expect(looksBinary(new Uint8Array([...elf, ...text.subarray(0, 600)]))).toBe(true);
    const controls = Uint8Array.from(text, (byte, i) => (i % 8 === 0 ? 0x01 : byte));
    expect(looksBinary(controls)).toBe(true);
    // Invalid UTF-8 is text all the same.
    expect(looksBinary(bytes(0x93, 0x48, 0x69, 0x94, 0xff, 0xfe, 0x20, 0x41))).toBe(false);
  });

  it('does not call text or UTF-16 with a BOM binary', () => {
    expect(looksBinary(new TextEncoder().encode('Plain text\n\twith a tab'))).toBe(false);
    expect(looksBinary(bytes(0xff, 0xfe, 0x68, 0x00))).toBe(false);
    expect(looksBinary(bytes(0xfe, 0xff, 0x00, 0x68, 0x00, 0x69))).toBe(false);
    // Half a BOM and then NULs: binary.
    for (const start of [0xff, 0xfe]) {
      expect(looksBinary(bytes(start, 0x00, 0x00, 0x00))).toBe(true);
      expect(looksBinary(bytes(0x00, start, 0x00, 0x00))).toBe(true);
    }
    expect(looksBinary(bytes(0xfe, 0xfe, 0x00, 0x00))).toBe(true);
    expect(looksBinary(bytes(0xff, 0xff, 0x00, 0x00))).toBe(true);
    expect(looksBinary(bytes())).toBe(false);
  });

  it('counts tabs, line ends and ESC as text, and draws the lines at a share exactly', () => {
    for (const byte of [0x09, 0x0a, 0x0d, 0x1b]) {
      expect(looksBinary(Uint8Array.from({length: 1000}, (_, i) => (i % 2 ? byte : 0x61)))).toBe(
        false,
      );
    }
    const withControls = (count: number, control: number) =>
      Uint8Array.from({length: 1000}, (_, i) => (i < count ? control : 0x61));
    expect(looksBinary(withControls(2, 0x00))).toBe(false); // 0.2 % NULs
    expect(looksBinary(withControls(3, 0x00))).toBe(true);
    expect(looksBinary(withControls(100, 0x01))).toBe(false); // 10 % controls
    expect(looksBinary(withControls(101, 0x01))).toBe(true);
  });
});
