import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {decodeAll, KeyDecoder, PASTE_END, PASTE_START} from '../../source/input/key-decoder.js';
import {char, named, type Key} from '../../source/input/keys.js';

const ESC = '\u001B';

describe('key decoder', () => {
  it('splits a run of plain characters into one key each', () => {
    expect(decodeAll('12g')).toEqual([char('1'), char('2'), char('g')]);
    expect(decodeAll('  ')).toEqual([char(' '), char(' ')]);
    expect(decodeAll('qq')).toEqual([char('q'), char('q')]);
    expect(decodeAll('/Pierre\r')).toEqual([...[...'/Pierre'].map((c) => char(c)), named('enter')]);
  });

  it('keeps a grapheme cluster whole', () => {
    // e + combining acute, a thumbs-up with a skin tone, a flag.
    expect(decodeAll('e\u0301👍🏽🇫🇷')).toEqual([char('e\u0301'), char('👍🏽'), char('🇫🇷')]);
  });

  it('names the keys a terminal sends as escape sequences', () => {
    const cases: Array<[string, Key]> = [
      [`${ESC}[A`, named('up')],
      [`${ESC}[B`, named('down')],
      [`${ESC}[C`, named('right')],
      [`${ESC}[D`, named('left')],
      [`${ESC}OA`, named('up')],
      [`${ESC}OB`, named('down')],
      [`${ESC}[5~`, named('pageUp')],
      [`${ESC}[6~`, named('pageDown')],
      [`${ESC}[H`, named('home')],
      [`${ESC}[F`, named('end')],
      [`${ESC}OH`, named('home')],
      [`${ESC}OF`, named('end')],
      [`${ESC}[1~`, named('home')],
      [`${ESC}[4~`, named('end')],
      [`${ESC}[7~`, named('home')],
      [`${ESC}[8~`, named('end')],
      [`${ESC}[2~`, named('insert')],
      [`${ESC}[3~`, named('delete')],
      [`${ESC}[1;5A`, named('up', true)],
      [`${ESC}[1;2B`, named('down', false, true)],
      [`${ESC}[6;5~`, named('pageDown', true)],
      [`${ESC}[Z`, named('tab', false, true)],
    ];
    for (const [sequence, key] of cases) expect(decodeAll(sequence), sequence).toEqual([key]);
  });

  it('reads CR and LF as Enter, and control characters as the keys they are', () => {
    expect(decodeAll('\r')).toEqual([named('enter')]);
    expect(decodeAll('\n')).toEqual([named('enter')]);
    expect(decodeAll('\r\r')).toEqual([named('enter'), named('enter')]);
    expect(decodeAll('\r\n')).toEqual([named('enter'), named('enter')]);
    expect(decodeAll('\t')).toEqual([named('tab')]);
    expect(decodeAll('\u007F')).toEqual([named('backspace')]);
    expect(decodeAll('\b')).toEqual([named('backspace')]);
    expect(decodeAll('\u0003')).toEqual([char('c', true)]);
    expect(decodeAll('\u0006\u0002')).toEqual([char('f', true), char('b', true)]);
  });

  it('keeps unknown sequences whole so their bytes are not read as keys', () => {
    expect(decodeAll(`${ESC}[99z`)).toEqual([{kind: 'unknown', sequence: `${ESC}[99z`}]);
    expect(decodeAll(`${ESC}[15~j`)).toEqual([
      {kind: 'unknown', sequence: `${ESC}[15~`},
      char('j'),
    ]);
    expect(decodeAll(`${ESC}OP`)).toEqual([{kind: 'unknown', sequence: `${ESC}OP`}]);
    expect(decodeAll('\u009B2J')).toEqual([
      {kind: 'unknown', sequence: '\u009B'},
      char('2'),
      char('J'),
    ]);
    expect(decodeAll('\u001C')).toEqual([{kind: 'unknown', sequence: '\u001C'}]);
  });

  it('reads Esc followed by a key as Esc, then that key', () => {
    expect(decodeAll(`${ESC}q`)).toEqual([named('escape'), char('q')]);
    expect(decodeAll(`${ESC}${ESC}`)).toEqual([named('escape'), named('escape')]);
    expect(decodeAll(`${ESC}${ESC}[A`)).toEqual([named('escape'), named('up')]);
    // ESC [ then a byte no sequence has: Esc, and the rest as typed.
    expect(decodeAll(`${ESC}[\u0003`)).toEqual([named('escape'), char('['), char('c', true)]);
  });

  it('waits at a chunk end inside an escape sequence, and flushes a lone Esc', () => {
    const decoder = new KeyDecoder();
    expect(decoder.push(ESC)).toEqual([]);
    expect(decoder.waiting).toBe(true);
    expect(decoder.push('[')).toEqual([]);
    expect(decoder.push('6~ ')).toEqual([named('pageDown'), char(' ')]);
    expect(decoder.waiting).toBe(false);
    expect(decoder.push(`j${ESC}`)).toEqual([char('j')]);
    expect(decoder.flush()).toEqual([named('escape')]);
    expect(decoder.flush()).toEqual([]);
    decoder.push(`${ESC}[`);
    expect(decoder.flush()).toEqual([named('escape'), char('[')]);
  });

  it('reads a bracketed paste as one key, whatever it holds', () => {
    const pasted = `Pierre\nq${ESC}[A 12g`;
    expect(decodeAll(`${PASTE_START}${pasted}${PASTE_END}n`)).toEqual([
      {kind: 'paste', text: pasted},
      char('n'),
    ]);
    // An empty paste is still a paste, not nothing.
    expect(decodeAll(`${PASTE_START}${PASTE_END}`)).toEqual([{kind: 'paste', text: ''}]);
  });

  it('waits for the end of a paste across chunks and does not flush it as keys', () => {
    const decoder = new KeyDecoder();
    expect(decoder.push(`${PASTE_START}abc${ESC}[20`)).toEqual([]);
    expect(decoder.waiting).toBe(false);
    expect(decoder.flush()).toEqual([]);
    expect(decoder.push(`1~`)).toEqual([{kind: 'paste', text: 'abc'}]);
  });

  it('gives the same keys however the bytes are split into chunks', () => {
    const tokens = [
      'a',
      ' ',
      '1',
      'g',
      '\r',
      '\n',
      '\u007F',
      '\u0003',
      'é',
      '夜',
      '👍🏽',
      `${ESC}[A`,
      `${ESC}[6~`,
      `${ESC}[1;5C`,
      `${ESC}OB`,
      `${ESC}[99z`,
      `${PASTE_START}x y\n${ESC}[A${PASTE_END}`,
      ESC,
    ];
    const script = fc
      .array(fc.constantFrom(...tokens), {maxLength: 40, size: 'max'})
      // A terminal cannot tell Esc then `[` or `O` from a sequence sent at once either.
      .filter((list) => list.every((t, i) => t !== ESC || !/^[[O]/.test(list[i + 1] ?? '')));
    fc.assert(
      fc.property(script, fc.array(fc.nat(), {maxLength: 12, size: 'max'}), (list, cuts) => {
        const whole = list.join('');
        const oneByOne = list.flatMap((token) => decodeAll(token));
        // A read may end anywhere between keys or inside an escape sequence or a paste; it
        // does not end inside one character (stdin decodes UTF-8 whole), and a terminal
        // sends one key's text in one write.
        const cuttable = [0];
        for (const token of list) {
          const start = cuttable.at(-1)!;
          if (token.startsWith(ESC))
            for (let i = 1; i < token.length; i++) cuttable.push(start + i);
          cuttable.push(start + token.length);
        }
        const points = [...new Set(cuts.map((cut) => cuttable[cut % cuttable.length]!))].sort(
          (a, b) => a - b,
        );
        const decoder = new KeyDecoder();
        const chunked: Key[] = [];
        let from = 0;
        for (const point of [...points, whole.length]) {
          chunked.push(...decoder.push(whole.slice(from, point)));
          from = point;
        }
        chunked.push(...decoder.flush());
        expect(chunked).toEqual(oneByOne);
        expect(decodeAll(whole)).toEqual(oneByOne);
      }),
      {numRuns: 500},
    );
  });
});
