// `npm run test:pack`: the published package works without the repository. Packs the project
// (as `npm publish` would), installs the tarball into an empty folder, and runs the installed
// `broadsheet` there: --version, --print on a bundled article, and a missing file.
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const work = mkdtempSync(path.join(tmpdir(), 'broadsheet-pack-'));
const npm = (args, cwd) =>
  execFileSync('npm', args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']});

function check(condition, message) {
  if (!condition) {
    console.error(`pack check failed: ${message}`);
    process.exit(1);
  }
}

try {
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], root));
  const files = packed.files.map((file) => file.path);
  for (const needed of ['dist/cli.js', 'dist/app.js', 'articles/the-harbour-inquiry.txt']) {
    check(files.includes(needed), `${needed} is not in the package`);
  }
  check(
    !files.some((file) => file.startsWith('test/') || file.startsWith('source/')),
    'tests or sources packed',
  );

  const install = path.join(work, 'install');
  mkdirSync(install);
  npm(['init', '-y'], install);
  npm(
    ['install', '--no-audit', '--no-fund', '--prefer-offline', path.join(work, packed.filename)],
    install,
  );
  const bin = path.join(install, 'node_modules', '.bin', 'broadsheet');
  const env = {...process.env, XDG_STATE_HOME: work, XDG_CACHE_HOME: work};
  const run = (...args) => spawnSync(bin, args, {cwd: install, env, encoding: 'utf8'});

  const version = run('--version');
  const {version: expected} = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  check(
    version.status === 0 && version.stdout.trim() === expected,
    `--version: ${version.stdout}${version.stderr}`,
  );

  const article = path.join(
    install,
    'node_modules',
    'broadsheet',
    'articles',
    'the-harbour-inquiry.txt',
  );
  const printed = run('--print', article);
  check(printed.status === 0, `--print failed: ${printed.stderr}`);
  check(
    printed.stdout.startsWith('The Harbour Inquiry'),
    `--print printed: ${printed.stdout.slice(0, 80)}`,
  );
  check(!printed.stdout.includes('\u001B'), '--print wrote an escape sequence');

  const listed = run('list', '--json');
  check(listed.status === 0 && JSON.parse(listed.stdout).length >= 7, `list: ${listed.stderr}`);

  const missing = run(path.join(work, 'no-such-file.txt'));
  check(
    missing.status === 1 && /^broadsheet: /.test(missing.stderr),
    `missing file: ${missing.stderr}`,
  );

  console.log(
    `pack check: ${packed.filename} (${packed.files.length} files, ${(packed.size / 1024).toFixed(0)} KB) installs and runs`,
  );
} finally {
  rmSync(work, {recursive: true, force: true});
}
