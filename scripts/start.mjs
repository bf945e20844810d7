// `npm start`: rebundle when the bundle is missing or older than the sources (no type check,
// a second or two), then open the bundled articles/ in this same process.
import {existsSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {bundle} from './bundle.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, 'dist/cli.js');

function newestMtime(target) {
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(target)) {
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

const sourcesChanged = () =>
  Math.max(newestMtime(path.join(root, 'source')), newestMtime(path.join(root, 'package.json')));

if (!existsSync(cli) || statSync(cli).mtimeMs < sourcesChanged()) {
  process.stderr.write('Bundling Broadsheet…\n');
  await bundle();
}

process.argv = [process.argv[0], cli, path.join(root, 'articles'), ...process.argv.slice(2)];
await import(pathToFileURL(cli).href);
