import {describe, expect, it} from 'vitest';
import {decodeAll, KeyDecoder} from '../../source/input/key-decoder.js';

describe('mouse reports', () => {
  it('reads SGR reports: presses, releases, the wheel, moves (0-based cells)', () => {
    expect(decodeAll('\u001B[<0;10;5M\u001B[<0;10;5m\u001B[<64;3;4M\u001B[<65;3;4M')).toEqual([
      {kind: 'mouse', event: 'press', column: 9, row: 4},
      {kind: 'mouse', event: 'release', column: 9, row: 4},
      {kind: 'mouse', event: 'wheelUp', column: 2, row: 3},
      {kind: 'mouse', event: 'wheelDown', column: 2, row: 3},
    ]);
    expect(decodeAll('\u001B[<2;1;1M\u001B[<32;5;5M')[0]).toMatchObject({event: 'other'});
    expect(decodeAll('\u001B[<32;5;5M')[0]).toMatchObject({event: 'other'});
  });

  it('reads X10 reports, three bytes after ESC [ M', () => {
    const report = (code: number, column: number, row: number) =>
      `\u001B[M${String.fromCharCode(code + 32, column + 32, row + 32)}`;
    expect(decodeAll(report(0, 4, 7) + report(3, 4, 7) + report(65, 1, 1) + 'j')).toEqual([
      {kind: 'mouse', event: 'press', column: 3, row: 6},
      {kind: 'mouse', event: 'release', column: 3, row: 6},
      {kind: 'mouse', event: 'wheelDown', column: 0, row: 0},
      {kind: 'char', text: 'j', ctrl: false},
    ]);
  });

  it('reads a report split across reads, at any point, as one', () => {
    const report = '\u001B[<65;12;8M';
    for (let cut = 1; cut < report.length; cut++) {
      const decoder = new KeyDecoder();
      const keys = [
        ...decoder.push('j' + report.slice(0, cut)),
        ...decoder.push(report.slice(cut) + 'k'),
      ];
      expect(keys.map((key) => key.kind)).toEqual(['char', 'mouse', 'char']);
    }
  });

  it('never reads half a report as keys, nor its rest when it comes after a pause', () => {
    const decoder = new KeyDecoder();
    expect(decoder.push('\u001B[<64;1')).toEqual([]);
    // The pause after ESC is over: what is waiting is half a report, dropped.
    expect(decoder.flush()).toEqual([]);
    expect(decoder.push('2;3Mj')).toEqual([{kind: 'char', text: 'j', ctrl: false}]);
    const x10 = new KeyDecoder();
    expect(x10.push('\u001B[M ')).toEqual([]);
    expect(x10.flush()).toEqual([]);
    // An Esc alone is still the Esc key.
    const esc = new KeyDecoder();
    esc.push('\u001B');
    expect(esc.flush()).toEqual([{kind: 'named', name: 'escape', ctrl: false, shift: false}]);
  });
});
