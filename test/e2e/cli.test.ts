import {describe, expect, it} from 'vitest';
import {execFile} from 'node:child_process';
import path from 'node:path';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {articlesPath, cliPath, projectRoot} from './terminal.js';
import type {QuotationRecord} from '../../source/reader/quotation-list.js';
import {makeEpub, proseChapter} from '../fixtures/make-epub.js';

type Run = {code: number; stdout: string; stderr: string};

function run(
  args: string[],
  input?: string | Uint8Array,
  env: Record<string, string> = {},
): Promise<Run> {
  return new Promise((resolve) => {
    const options = {env: {...process.env, ...env}};
    const child = execFile(
      process.execPath,
      [cliPath, ...args],
      options,
      (error, stdout, stderr) => {
        resolve({code: error ? Number(error.code) : 0, stdout, stderr});
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

describe('the command line', () => {
  const PAGE = `<!doctype html><html><head><title>A Page Piped in From the Web Today - Site</title></head><body><nav>Menu</nav><article>${'<p>A paragraph of the piped page, long enough to be prose that Reader View keeps for reading.</p>'.repeat(4)}</article></body></html>`;

  it('reads a page or Markdown piped in by its content, and as --format says', async () => {
    const page = await run(['--print'], PAGE);
    expect(page.code).toBe(0);
    expect(page.stdout.split('\n')[0]).toBe('A Page Piped in From the Web Today');
    expect(page.stdout).not.toContain('<');
    expect(page.stdout).not.toContain('Menu');
    const markdown = await run(
      ['-', '--print'],
      '---\ntitle: Notes\n---\n\nSome *emphasis* here.\n',
    );
    expect(markdown.stdout).toBe('Notes\n\nSome emphasis here.\n');
    const asText = await run(
      ['-', '--print', '--format', 'text'],
      '# Notes\n\nSome *emphasis* here.\n',
    );
    expect(asText.stdout).toBe('# Notes\n\nSome *emphasis* here.\n');
    expect((await run(['--format', 'pdf'], '')).code).toBe(2);
  });

  it('reads a book piped in by its content, prints it, and lists its contents with toc', async () => {
    const chapters = [proseChapter('a.xhtml', 'The Quay'), proseChapter('b.xhtml', 'The Ferry')];
    const book = makeEpub({title: 'Harbour Tales', authors: ['Ada Writer'], chapters});
    const piped = await run(['--print'], book);
    expect(piped.code).toBe(0);
    expect(piped.stdout.split('\n').slice(0, 3)).toEqual(['Harbour Tales', '', 'Ada Writer']);
    expect(piped.stdout).toContain('The Ferry');
    const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-book-'));
    const file = path.join(folder, 'tales.epub');
    writeFileSync(file, book);
    const toc = await run(['toc', file]);
    expect(toc.stdout).toMatch(/^p\.1\t\d+\tThe Quay\np\.\d+\t\d+\tThe Ferry\n$/);
    const json = JSON.parse((await run(['toc', file, '--json'])).stdout) as Array<{
      title: string;
      depth: number;
      offset: number;
      page: number;
    }>;
    expect(json.map((entry) => [entry.title, entry.depth])).toEqual([
      ['The Quay', 0],
      ['The Ferry', 0],
    ]);
    const broken = path.join(folder, 'broken.epub');
    writeFileSync(broken, 'not a zip');
    expect(await run(['toc', broken])).toMatchObject({
      code: 1,
      stderr: `broadsheet: cannot open ${broken}: not an EPUB book (not a zip file)\n`,
    });
    expect((await run(['toc'])).code).toBe(2);
  });

  it('reads a file as --format says, whatever its name', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-format-'));
    const file = path.join(folder, 'page.php');
    writeFileSync(file, PAGE);
    const result = await run([file, '--print', '--format', 'html']);
    expect(result.stdout.split('\n')[0]).toBe('A Page Piped in From the Web Today');
  });

  it('refuses a document it does not read by name, and an address it may not fetch as usage', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-pdf-'));
    const file = path.join(folder, 'report.pdf');
    writeFileSync(file, '%PDF-1.7');
    const pdf = await run([file]);
    expect(pdf).toMatchObject({
      code: 1,
      stderr: `broadsheet: cannot open ${file}: PDF: not a format Broadsheet reads\n`,
    });
    const ftp = await run(['ftp://files.example/a']);
    expect(ftp).toMatchObject({
      code: 2,
      stderr: 'broadsheet: only http and https pages are read (got ftp:)\n',
    });
    const add = await run(['add', 'notaurl://']);
    expect(add.code).toBe(2);
  });

  it('ends with 1 (a runtime failure, as cat and less do) for a missing path, one line on stderr', async () => {
    const result = await run(['/no/such/folder']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('broadsheet: no such file or folder: /no/such/folder\n');
    expect(result.stdout).toBe('');
  });

  it('refuses an unknown flag or a bad value as a usage error (2), without a stack trace', async () => {
    expect((await run(['--width', 'wide'])).code).toBe(2);
    expect((await run(['--theme', 'neon'])).code).toBe(2);
    // Several paths are one library; one that is missing is named.
    expect(await run(['one', 'two'])).toMatchObject({
      code: 1,
      stderr: 'broadsheet: no such file or folder: one\n',
    });
    const result = await run(['--bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('refuses a binary file by name', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-binary-'));
    const file = path.join(folder, 'image.txt');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const result = await run([file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`broadsheet: cannot open ${file}: not text (binary data)\n`);
  });

  it('prints an article as plain text when stdout is not a terminal', async () => {
    const result = await run([path.join(articlesPath, 'council-votes-on-the-old-mill.txt')]);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('Council Votes to Keep the Old Mill Open, for Now\n\n')).toBe(
      true,
    );
    expect(result.stdout).not.toContain('\u001B');
    for (const line of result.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('prints at the --width asked for, set by the same layout as the reader', async () => {
    const file = path.join(articlesPath, 'the-harbour-inquiry.txt');
    const narrow = await run([file, '--print', '--width', '40']);
    expect(narrow.code).toBe(0);
    const lines = narrow.stdout.split('\n');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(40);
    // Filled to the width, not merely under it.
    expect(lines.filter((line) => line.length >= 36).length).toBeGreaterThan(20);
    const wide = await run([file, '--print', '--width', '60']);
    expect(Math.max(...wide.stdout.split('\n').map((line) => line.length))).toBeGreaterThan(55);
    // The same words either way.
    expect(narrow.stdout.replace(/\s+/g, ' ')).toBe(wide.stdout.replace(/\s+/g, ' '));
  });

  it('prints the library as title and file name per line when stdout is not a terminal', async () => {
    const result = await run([articlesPath]);
    expect(result.stdout.split('\n')).toContain(
      'The Harbour Inquiry: What the Night Watchman Heard\tthe-harbour-inquiry.txt',
    );
  });

  it('prints its version', async () => {
    const result = await run(['--version']);
    expect(result.stdout.trim()).toBe('0.1.0');
  });
});

describe('broadsheet quotes', () => {
  it('prints one quotation a line with page, level, offsets, speaker and text', async () => {
    const result = await run([
      'quotes',
      path.join(articlesPath, 'russia-sends-foreign-minister-to-north-korea.txt'),
    ]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^p\.1\tL1\t\d+-\d+\tLavrov: “We welcome the gradual normalization/);
  });

  it('prints JSON whose offsets point at the quotation in the normalized text', async () => {
    const result = await run([
      'quotes',
      '--json',
      path.join(articlesPath, 'the-harbour-inquiry.txt'),
    ]);
    const records = JSON.parse(result.stdout) as QuotationRecord[];
    expect(records.length).toBe(16);
    const inner = records.find((record) => record.level === 3)!;
    expect(inner.text).toBe('“Not in this wind,”');
    expect(inner.end - inner.start).toBe(inner.text.length);
    expect(records.find((record) => record.speaker === 'Castell')?.text).toBe(
      '“Which department?”',
    );
  });

  it('says how each speaker was found, and none where no speaker is', async () => {
    const result = await run([
      'quotes',
      '--json',
      path.join(articlesPath, 'russia-sends-foreign-minister-to-north-korea.txt'),
    ]);
    const records = JSON.parse(result.stdout) as QuotationRecord[];
    expect(records.map((record) => [record.speaker, record.speakerBy])).toEqual([
      ['Lavrov', 'named'],
      ['Lavrov', 'pronoun'],
      ['Ri', 'named'],
      [null, null],
      [null, null],
      [null, null],
    ]);
  });

  it('says what is wrong with a missing file', async () => {
    const result = await run(['quotes', '/no/such/file.txt']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('broadsheet: no such file: /no/such/file.txt\n');
  });

  it('lists a folder for scripts: one line an article, or JSON with stable fields', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-list-'));
    writeFileSync(path.join(folder, 'a.txt'), 'Apple Pie\nBy Ann\n\nOne two three four.\n');
    writeFileSync(path.join(folder, 'b.txt'), Buffer.from([0, 1, 2, 0, 0, 0, 0, 7]));
    const lines = await run(['list', folder]);
    expect(lines.code).toBe(0);
    expect(lines.stdout).toBe(
      `Apple Pie\t8\tunread\t${path.join(folder, 'a.txt')}\n` +
        `b.txt\t-\tnot text (binary data)\t${path.join(folder, 'b.txt')}\n`,
    );
    const json = await run(['list', folder, '--json']);
    expect(JSON.parse(json.stdout)).toEqual([
      {
        path: path.join(folder, 'a.txt'),
        title: 'Apple Pie',
        byline: 'By Ann',
        url: null,
        words: 8,
        counts: 'words',
        minutes: 1,
        state: 'unread',
        percent: 0,
      },
      {
        path: path.join(folder, 'b.txt'),
        title: 'b.txt',
        byline: null,
        url: null,
        words: null,
        counts: 'words',
        minutes: null,
        state: 'unread',
        percent: 0,
        refused: 'not text (binary data)',
      },
    ]);
    const missing = await run(['list', '/no/such/folder']);
    expect([missing.code, missing.stderr]).toEqual([
      1,
      'broadsheet: no such folder: /no/such/folder\n',
    ]);
  });

  it('ends quietly with 0 when the reader of its output stops early (| head)', async () => {
    const book = path.join(projectRoot, 'test/fixtures/books/war-and-peace_pg2600.txt');
    const result = await new Promise<Run>((resolve) => {
      execFile(
        '/bin/bash',
        [
          '-c',
          `"${process.execPath}" "${cliPath}" "${book}" | head -n 3; echo "status \${PIPESTATUS[0]}"`,
        ],
        (error, stdout, stderr) => resolve({code: error ? Number(error.code) : 0, stdout, stderr}),
      );
    });
    expect(result.stderr).toBe('');
    // (A Project Gutenberg book: titled by its header, which is set aside.)
    expect(result.stdout.split('\n').slice(0, 3)).toEqual(['War and Peace', '', 'By Leo Tolstoy']);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('status 0');
  });

  it('prints the config in force with `config`, where each setting comes from, and its mistakes', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-config-'));
    const file = path.join(folder, 'config.yaml');
    writeFileSync(file, `theme: light\nwidth: 9\nlibrary: ${folder}\nkeys:\n  next-page: [x]\n`);
    const shown = await run(['config', '--width', '50'], undefined, {BROADSHEET_CONFIG: file});
    expect(shown.code).toBe(1);
    const lines = shown.stdout.split('\n');
    expect(lines[0]).toBe(`config file: ${file}`);
    expect(lines[1]).toBe(
      `problem: ${file}:2: width takes a whole number of columns from 20 to 1000 (got 9)`,
    );
    expect(shown.stdout).toContain('theme: light  (config file)');
    expect(shown.stdout).toContain('width: 50  (--width)');
    expect(shown.stdout).toContain('words-per-minute: 238  (default)');
    expect(shown.stdout).toContain(`library: ${folder}  (config file)`);
    expect(shown.stdout).toContain('  next-page: x\n');
    const json = await run(['config', '--json', '--no-color'], undefined, {
      BROADSHEET_CONFIG: file,
    });
    expect(JSON.parse(json.stdout)).toMatchObject({
      file,
      found: true,
      theme: {value: 'mono', from: '--no-color'},
      keys: {'next-page': 'x'},
      problems: [`${file}:2: width takes a whole number of columns from 20 to 1000 (got 9)`],
    });
    // Commands that print say the config's mistakes on stderr, and go on.
    const listed = await run(['list', folder], undefined, {BROADSHEET_CONFIG: file});
    expect(listed.stderr).toBe(
      `broadsheet: ${file}:2: width takes a whole number of columns from 20 to 1000 (got 9)\n`,
    );
    const none = await run(['config'], undefined, {
      BROADSHEET_CONFIG: path.join(folder, 'none.yaml'),
    });
    expect(none.code).toBe(0);
    expect(none.stdout.split('\n')[0]).toContain('(none: the defaults apply)');
  });
});
