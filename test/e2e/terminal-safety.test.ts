import {afterEach, describe, expect, it} from 'vitest';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {keys, runCli, type Session} from './terminal.js';
import {foreignSequences} from './escape-filter.js';

const sessions: Session[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.kill('SIGKILL');
});

const ESC = '\u001B';
const BEL = '\u0007';
const ST = `${ESC}\\`;
/** Escape sequences a hostile file might carry, one paragraph each. */
export const PAYLOADS = [
  `window title ${ESC}]0;owned${BEL} and ${ESC}]2;owned too${ST}`,
  `clipboard ${ESC}]52;c;${Buffer.from('rm -rf ~').toString('base64')}${BEL}`,
  `hyperlink ${ESC}]8;;https://example.com/${BEL}click${ESC}]8;;${BEL}`,
  `palette ${ESC}]4;1;rgb:ff/00/00${BEL} and a query ${ESC}]10;?${BEL}`,
  `DCS ${ESC}P1$r0m${ST} and DECRQSS ${ESC}P$qm${ST}`,
  `clear ${ESC}[2J${ESC}[3J${ESC}[H and reset ${ESC}c`,
  `modes ${ESC}[?1049l${ESC}[?25h${ESC}[?1000h${ESC}[?2004l`,
  `a status query ${ESC}[6n and ${ESC}[c`,
  `8-bit CSI \u009B31m red \u009B0m and 8-bit OSC \u009D0;title\u009C`,
  `APC ${ESC}_payload${ST}, PM ${ESC}^payload${ST}, SOS ${ESC}Xpayload${ST}`,
  `bidi \u202Eesrever\u202C and \u2066isolate\u2069, a BEL${BEL} and a backspace\u0008`,
  `colour ${ESC}[32mGREEN${ESC}[0m, hidden ${ESC}[8mSECRET${ESC}[28m, 256 ${ESC}[38;5;196mRED`,
];

function payloadFile(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'bs-payloads-'));
  const file = path.join(folder, 'payloads.txt');
  const paragraphs = PAYLOADS.flatMap((payload, index) => [
    payload,
    `Paragraph ${index} of filler, so that the file runs to several pages at this size.`,
  ]);
  writeFileSync(file, ['Hostile Payloads', ...paragraphs, ...paragraphs].join('\n\n'));
  return file;
}

describe('terminal safety, byte by byte', () => {
  it('writes no escape sequence of a hostile file, paging through it', async () => {
    const session = await runCli({args: [payloadFile()], columns: 60, rows: 12});
    sessions.push(session);
    await session.waitFor(/page 1\/\d+/);
    for (let page = 2; page <= 3; page++) {
      await session.press(keys.space);
      await session.waitFor(`page ${page}/`);
    }
    await session.press('G');
    await session.waitFor('100%');
    await session.press('/');
    await session.press('owned\r');
    await session.waitFor(/hit \d+\/\d+/);
    session.write('q');
    await session.exited;
    expect(foreignSequences(session.output())).toEqual([]);
    // Shown, not obeyed: the payloads are on screen as visible symbols.
    expect(session.text()).not.toContain('GREEN');
    expect(session.bufferType()).toBe('normal');
    expect(session.cursorHidden()).toBe(false);
  });

  it('has a filter that catches each payload written raw', () => {
    for (const payload of PAYLOADS) expect(foreignSequences(payload), payload).not.toEqual([]);
    // And lets the app's own sequences through.
    expect(
      foreignSequences(
        `${ESC}[?1049h${ESC}[?25l${ESC}[33mquote${ESC}[39m${ESC}[2K${ESC}[1A${ESC}[G\r\n`,
      ),
    ).toEqual([]);
  });
});
