import {afterEach, describe, expect, it} from 'vitest';
import path from 'node:path';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {articlesPath, runCli, type Session} from './terminal.js';
import {readerAt, shownLines} from './layout.js';
import {findQuotations} from '../../source/text/quotes.js';

const sessions: Session[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.kill('SIGKILL');
});

async function open(file: string, env: Record<string, string> = {}, args: string[] = []) {
  const session = await runCli({
    args: [path.join(articlesPath, file), ...args],
    columns: 90,
    rows: 24,
    env,
  });
  sessions.push(session);
  await session.waitFor(/page 1\/\d+/);
  return session;
}

/** Moves the pressed-key wait past Ink's effects, as a person typing would. */
const pause = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('quotations in a real terminal', () => {
  it('colours quotations, nested ones in the second colour, across wrapped lines', async () => {
    const session = await open('the-harbour-inquiry.txt');
    const [row, column] = session.find('“I want to be plain')!;
    const outer = session.cell(row, column);
    expect(outer.fg).toBeDefined();
    // Plain narration around it is not coloured.
    const [plainRow, plainColumn] = session.find('The inquiry sat')!;
    expect(session.cell(plainRow, plainColumn).fg).toBeUndefined();
    // ‘Who cut that line?’ sits inside “I heard…” and takes the other colour.
    const [innerRow, innerColumn] = session.find('‘Who cut')!;
    expect(session.cell(innerRow, innerColumn).fg).toBeDefined();
    expect(session.cell(innerRow, innerColumn).fg).not.toBe(outer.fg);
  });

  it('colours every letter of the page by the quotation it is in, across wrapped lines', async () => {
    const session = await open('the-harbour-inquiry.txt');
    const state = readerAt(path.join(articlesPath, 'the-harbour-inquiry.txt'), 90, 24);
    const {article} = state;
    const quotations = findQuotations(article);
    const levelAt = (offset: number) =>
      Math.max(
        0,
        ...quotations.filter((q) => q.start <= offset && offset < q.end).map((q) => q.level),
      );
    const rows = session.screen();
    const colours = new Map<number, string | number | undefined>();
    let wrapped = 0;
    let checked = 0;
    let row = 2;
    for (const line of shownLines(state)) {
      const text = line.text.trimEnd();
      if (text.trim() === '') {
        row++;
        continue;
      }
      const column = rows[row]!.indexOf(text.trimStart());
      expect(column, `row ${row} shows ${JSON.stringify(text)}`).toBeGreaterThanOrEqual(0);
      const lead = text.length - text.trimStart().length;
      // A quotation that runs on from the line before.
      if (levelAt(line.start + lead) > 0 && levelAt(line.start - 2) > 0) wrapped++;
      for (let index = lead; index < text.length; index++) {
        if (text[index] === ' ') continue;
        const level = levelAt(line.start + index);
        const {fg} = session.cell(row, column + index - lead);
        if (level === 0) expect(fg, `${text[index]} at ${line.start + index}`).toBeUndefined();
        else {
          // Levels alternate between two colours, and each is the same wherever it is.
          const kind = level % 2;
          if (!colours.has(kind)) colours.set(kind, fg);
          expect(fg, `${text[index]} at ${line.start + index}`).toBe(colours.get(kind));
          expect(fg).toBeDefined();
        }
        checked++;
      }
      row++;
    }
    expect(colours.get(1)).not.toBe(colours.get(0));
    expect(wrapped).toBeGreaterThan(2);
    expect(checked).toBeGreaterThan(600);
  });

  it('still marks quotations without colour under NO_COLOR', async () => {
    const session = await open('the-harbour-inquiry.txt', {NO_COLOR: '1'});
    const [row, column] = session.find('“I want to be plain')!;
    expect(session.cell(row, column)).toMatchObject({fg: undefined, italic: true});
    const [innerRow, innerColumn] = session.find('‘Who cut')!;
    expect(session.cell(innerRow, innerColumn)).toMatchObject({fg: undefined, underline: true});
  });

  it('takes --no-color and --theme as NO_COLOR does', async () => {
    const plain = await open('the-harbour-inquiry.txt', {}, ['--no-color']);
    const [row, column] = plain.find('“I want to be plain')!;
    expect(plain.cell(row, column)).toMatchObject({fg: undefined, italic: true});
    const dark = await open('the-harbour-inquiry.txt');
    const light = await open('the-harbour-inquiry.txt', {}, ['--theme', 'light']);
    const [darkRow, darkColumn] = dark.find('“I want to be plain')!;
    const [lightRow, lightColumn] = light.find('“I want to be plain')!;
    expect(light.cell(lightRow, lightColumn).fg).toBeDefined();
    expect(light.cell(lightRow, lightColumn).fg).not.toBe(dark.cell(darkRow, darkColumn).fg);
  });

  it('jumps between quotations with ] and [ and marks the one it is on', async () => {
    const session = await open('the-harbour-inquiry.txt');
    await session.press(']');
    await session.waitFor('quotation 1/12');
    const [row, column] = session.find('“I want to be plain')!;
    expect(session.cell(row, column).inverse).toBe(true);
    for (let n = 2; n <= 6; n++) {
      await pause();
      await session.press(']');
      await session.waitFor(`quotation ${n}/12`);
    }
    expect(session.text()).toContain('page 2/');
    expect(session.text()).toContain('To whom it may concern');
    await pause();
    await session.press('[');
    await session.waitFor('quotation 5/12');
  });

  it('lists quotations with page and speaker on " and jumps to the one chosen', async () => {
    const session = await open('the-harbour-inquiry.txt');
    await session.press('"');
    await session.waitFor('p.1 Reyes: “I heard Mr. Albers');
    expect(session.text()).toContain('p.3 Castell: “Which department?”');
    for (const key of ['j', 'j', 'j', 'j', 'j', 'j', 'j', 'j']) {
      await pause();
      await session.press(key);
    }
    await pause();
    await session.press('\r');
    await session.waitFor('quotation 9/12 · Castell');
    expect(session.text()).toContain('page 3/3');
  });

  it('closes the list with Esc and goes back to the same page', async () => {
    const session = await open('the-harbour-inquiry.txt');
    await session.press('"');
    await session.waitFor('quotations · 1/12');
    await pause();
    await session.press('\u001B');
    await session.waitFor('page 1/3');
  });
});

describe('speakers in the margin, in a real terminal', () => {
  const TALK = [
    'A Walk',
    '“Where are you going?” said Mr. Ward.',
    '“To the village,” said Clara.',
    '“May I walk with you?”',
    '“If you like.”',
  ].join('\n\n');

  type Way = 'typed a key at a time' | 'sent in one write';
  /** The reader on a file of `text`, with a state of its own, at its first page. */
  const open = async (text: string) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'bs-talk-')), 'talk.txt');
    writeFileSync(file, text);
    const env = {XDG_STATE_HOME: mkdtempSync(path.join(tmpdir(), 'bs-state-'))};
    const session = await runCli({args: [file], columns: 80, rows: 24, env});
    sessions.push(session);
    await session.waitFor(/page 1\/1/);
    return {session, file, env};
  };
  const send = async (session: Awaited<ReturnType<typeof runCli>>, keys: string, way: Way) => {
    if (way === 'sent in one write') session.write(keys);
    else {
      for (const key of keys) {
        session.write(key);
        await pause();
      }
    }
  };

  for (const way of ['typed a key at a time', 'sent in one write'] as const) {
    it(`shows them with S, hides them with S, and remembers the choice (${way})`, async () => {
      const {session: first, file, env} = await open(TALK);
      // S on, S off, S on: shown, however the keys come.
      await send(first, 'SSS', way);
      await first.waitFor('Mr. Ward “May I walk with you?”');
      expect(first.text()).toContain('Clara “If you like.”');
      const [row, column] = first.find('Mr. Ward “May')!;
      expect(first.cell(row, column).dim).toBe(true);
      first.write('q');
      expect((await first.exited).exitCode).toBe(0);
      // The next run shows them from the start.
      const again = await runCli({args: [file], columns: 80, rows: 24, env});
      sessions.push(again);
      await again.waitFor('Mr. Ward “May I walk with you?”');
      again.write('S');
      await again.waitFor('speakers hidden');
      expect(again.text()).not.toContain('Mr. Ward “May');
      again.write('q');
      expect((await again.exited).exitCode).toBe(0);
    });

    it(`names the turns of a conversation taken up after a pause (${way})`, async () => {
      const {session} = await open(
        [
          'By the Fire',
          '“It is cold,” said Ada.',
          '“Will you come out?” asked Tom.',
          'The fire was low.',
          '“I cannot.”',
          '“Why not?” said Tom.',
          '“Because it is late.”',
        ].join('\n\n'),
      );
      // S shows them (and ] steps through the quotations meanwhile).
      await send(session, 'S]]]]', way);
      await session.waitFor('Ada “I cannot.”');
      expect(session.text()).toContain('Ada “Because it is late.”');
      expect(session.text()).not.toContain('Tom “Why not?”');
      session.write('q');
      expect((await session.exited).exitCode).toBe(0);
    });

    it(`lists the speakers of the quotations shown at a book's end (${way})`, async () => {
      // Conversations all the way through, and at the end a scene of two: the list opened on
      // the last page names the rows it shows (with their conversation), not every one before.
      const middle = [
        '“Is it far?” said Mr. Ward.',
        '“Not far,” said Clara.',
        'The road went on. '.repeat(90),
      ];
      const scene = [
        'That night Ann Lowe came in, and she sat down. Ann Lowe was tired, and she slept.',
        'That day Tom came by, and he knocked. At noon Tom was wet, and he sat.',
        '“Cold?”',
        '“No,” said Tom.',
      ];
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'bs-talk-')), 'long.txt');
      writeFileSync(
        file,
        ['A Long Way', ...Array.from({length: 40}, () => middle).flat(), ...scene].join('\n\n'),
      );
      const env = {XDG_STATE_HOME: mkdtempSync(path.join(tmpdir(), 'bs-state-'))};
      const session = await runCli({args: [file], columns: 80, rows: 24, env});
      sessions.push(session);
      await session.waitFor(/page 1\/\d/);
      await send(session, 'G"', way);
      await session.waitFor('Ann Lowe: “Cold?”');
      expect(session.text()).toContain('Tom: “No,”');
      // (q closes the list, then quits.)
      session.write('q');
      await session.waitFor(/page \d+\/\d+/);
      session.write('q');
      expect((await session.exited).exitCode).toBe(0);
    });

    it(`names a first-person narrator by what the others call them, pages on (${way})`, async () => {
      const apart = 'The road went on and on. '.repeat(70);
      const answered = ['“Shall we go?” said I.', '“Yes, Ned,” said Rudd.', apart];
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'bs-talk-')), 'walk.txt');
      writeFileSync(
        file,
        ['On the Road', ...answered, ...answered, ...answered, '“It is late,” I said.'].join(
          '\n\n',
        ),
      );
      const env = {XDG_STATE_HOME: mkdtempSync(path.join(tmpdir(), 'bs-state-'))};
      const session = await runCli({args: [file], columns: 80, rows: 24, env});
      sessions.push(session);
      await session.waitFor(/page 1\/\d/);
      // S shows them, G goes to the last page: its own conversation never calls the narrator.
      await send(session, 'SG', way);
      await session.waitFor('Ned “It is late,” I said.');
      session.write('q');
      expect((await session.exited).exitCode).toBe(0);
    });
  }
});
