// Runs the built CLI in a real pseudo-terminal and reads the screen the way a person sees it.
import {spawn, type IPty} from '@lydell/node-pty';
import xterm from '@xterm/headless';
import path from 'node:path';
import {closeSync, constants, mkdtempSync, openSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {fileURLToPath} from 'node:url';

const {Terminal} = xterm;

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cliPath = path.join(projectRoot, 'dist/cli.js');
export const articlesPath = path.join(projectRoot, 'articles');

/** What the shell had on screen before the app started: it must be there again afterwards. */
export const SHELL_MARK = 'shell$ before broadsheet';

export type Exit = {exitCode: number; signal?: number};

export type CellStyle = {
  char: string;
  fg?: number;
  italic: boolean;
  dim: boolean;
  underline: boolean;
  inverse: boolean;
};

export type Session = {
  /** The visible screen, one string per row, trailing spaces trimmed. */
  screen(): string[];
  text(): string;
  bufferType(): 'normal' | 'alternate';
  cursorHidden(): boolean;
  /** Whether the terminal is in bracketed-paste mode now. */
  bracketedPaste(): boolean;
  /** How the character at (row, column) is drawn. */
  cell(row: number, column: number): CellStyle;
  /** Where `text` first appears on screen, as [row, column]. */
  find(text: string): [number, number] | undefined;
  /** Everything the app wrote, raw. */
  output(): string;
  write(keys: string): void;
  resize(columns: number, rows: number): void;
  kill(signal?: string): void;
  /** Resolves once `check` holds for the screen; rejects with the screen after `timeout` ms. */
  waitFor(check: string | RegExp | ((screen: string) => boolean), timeout?: number): Promise<void>;
  /** Sends keys and waits until the screen differs from what it was. */
  press(keys: string): Promise<void>;
  exited: Promise<Exit>;
  /** The process's id (for /proc). */
  pid: number;
};

type Options = {
  args?: string[];
  columns?: number;
  rows?: number;
  env?: Record<string, string>;
  /** Keys written the moment the process is spawned, before its first frame (type-ahead). */
  typeAhead?: string;
  /** Run through the shell, with `$BROADSHEET` as the CLI: `cat story.txt | $BROADSHEET`. */
  shell?: string;
};

/**
 * The environment of a person's terminal: CI markers removed (they make Ink print only the
 * last frame and chalk drop every colour and style, even CI=false for the latter).
 */
export function terminalEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'CI' && key !== 'CONTINUOUS_INTEGRATION') env[key] = value;
  }
  // Each run reads and saves positions in a folder of its own, unless a test shares one.
  const state = mkdtempSync(path.join(tmpdir(), 'broadsheet-state-'));
  return {...env, TERM: 'xterm-256color', XDG_STATE_HOME: state, ...extra};
}

/** Starts `node dist/cli.js ARGS` at the given size and waits for its first frame. */
export async function runCli({
  args = [articlesPath],
  columns = 80,
  rows = 24,
  env = {},
  typeAhead,
  shell,
}: Options = {}): Promise<Session> {
  const term = new Terminal({cols: columns, rows, allowProposedApi: true});
  let written = Promise.resolve();
  let raw = '';
  const feed = (data: string) => {
    written = written.then(() => new Promise<void>((resolve) => term.write(data, resolve)));
  };
  feed(SHELL_MARK + '\r\n');

  const command = shell === undefined ? process.execPath : '/bin/sh';
  const commandArgs = shell === undefined ? [cliPath, ...args] : ['-c', shell];
  const child: IPty = spawn(command, commandArgs, {
    name: 'xterm-256color',
    cols: columns,
    rows,
    cwd: projectRoot,
    env: terminalEnv({BROADSHEET: `"${process.execPath}" "${cliPath}"`, ...env}),
  });
  // (node-pty drops what the terminal still holds once the program's side of it closes, often
  // the last few kilobytes: microsoft/node-pty#72, #85. Holding that side open too until the
  // output has been read keeps it.)
  const ptsPath = (child as unknown as {_pty?: unknown})._pty;
  const heldOpen =
    typeof ptsPath === 'string' ? openSync(ptsPath, constants.O_RDWR | constants.O_NOCTTY) : -1;
  let chunks = 0;
  child.onData((data) => {
    chunks++;
    raw += data;
    feed(data);
  });
  if (typeAhead !== undefined) child.write(typeAhead);
  // (The exit may also be reported before the last of the output arrives: it counts once a
  // wait and a pass over pending input bring no more, or after 3 s.)
  const exited = new Promise<Exit>((resolve) =>
    child.onExit(async ({exitCode, signal}) => {
      const exitAt = Date.now();
      for (let seen = -1; seen !== chunks && Date.now() - exitAt < 3000;) {
        seen = chunks;
        await new Promise((wait) => setTimeout(wait, 50));
        await new Promise((wait) => setImmediate(wait));
      }
      if (heldOpen !== -1) closeSync(heldOpen);
      resolve({exitCode, signal});
    }),
  );
  let done = false;
  void exited.then(() => (done = true));

  const screen = () => {
    const buffer = term.buffer.active;
    const lines: string[] = [];
    for (let row = 0; row < term.rows; row++) {
      lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
    }
    return lines;
  };
  const text = () => screen().join('\n');

  const waitFor: Session['waitFor'] = async (check, timeout = 5000) => {
    const test =
      typeof check === 'string'
        ? (s: string) => s.includes(check)
        : check instanceof RegExp
          ? (s: string) => check.test(s)
          : check;
    const deadline = Date.now() + timeout;
    for (;;) {
      await written;
      if (test(text())) return;
      if (Date.now() > deadline) {
        throw new Error(`Timed out waiting for ${String(check)}; screen:\n${text()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  };

  const session: Session = {
    screen,
    text,
    bufferType: () => term.buffer.active.type,
    cell: (row, column) => {
      const buffer = term.buffer.active;
      const cell = buffer.getLine(buffer.viewportY + row)?.getCell(column);
      return {
        char: cell?.getChars() ?? '',
        fg: cell && !cell.isFgDefault() ? cell.getFgColor() : undefined,
        italic: Boolean(cell?.isItalic()),
        dim: Boolean(cell?.isDim()),
        underline: Boolean(cell?.isUnderline()),
        inverse: Boolean(cell?.isInverse()),
      };
    },
    find: (needle) => {
      const lines = screen();
      for (let row = 0; row < lines.length; row++) {
        const column = lines[row]!.indexOf(needle);
        if (column !== -1) return [row, column];
      }
      return undefined;
    },
    bracketedPaste: () => term.modes.bracketedPasteMode,
    cursorHidden: () => raw.lastIndexOf('\u001B[?25l') > raw.lastIndexOf('\u001B[?25h'),
    output: () => raw,
    write: (keys) => {
      if (!done) child.write(keys);
    },
    resize: (c, r) => {
      term.resize(c, r);
      child.resize(c, r);
    },
    kill: (signal) => child.kill(signal),
    pid: child.pid,
    waitFor,
    press: async (keys) => {
      // Let the last frame's effects settle first, as a person's pause between keys does.
      await new Promise((resolve) => setTimeout(resolve, 20));
      await written;
      const before = text();
      child.write(keys);
      await waitFor((now) => now !== before);
    },
    exited: exited.then(async (result) => {
      await written;
      return result;
    }),
  };
  // The first frame: something besides the shell's line is on screen.
  await waitFor((s) => s.replace(SHELL_MARK, '').trim().length > 0, 10000);
  return session;
}

export const keys = {
  enter: '\r',
  space: ' ',
  pageDown: '\u001B[6~',
  pageUp: '\u001B[5~',
  right: '\u001B[C',
  left: '\u001B[D',
  down: '\u001B[B',
  up: '\u001B[A',
  ctrlC: '\u0003',
  escape: '\u001B',
};

/** Bracketed paste, as a terminal sends a paste when the app has asked for it. */
export const pasted = (text: string) => `\u001B[200~${text}\u001B[201~`;

/** A key script as single keys: escape sequences (and pastes) whole, otherwise characters. */
export function splitKeys(script: string): string[] {
  return (
    script.match(/\u001B\[200~[\s\S]*?\u001B\[201~|\u001B\[[0-9;]*[~A-Za-z]|\u001BO.|[\s\S]/gu) ??
    []
  );
}
