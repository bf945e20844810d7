import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {splitFrontMatter} from '../article/markdown.js';
import {decode} from '../article/decode.js';

/** A saved page's file: where it is, and whether it was there already (the same address). */
export type Saved = {path: string; existed: boolean};

/** The front matter's addresses (source and canonical) of each Markdown file at the top of `folder`. */
function savedAddresses(folder: string): Map<string, string> {
  const found = new Map<string, string>();
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return found;
  }
  for (const name of names) {
    if (!name.endsWith('.md')) continue;
    const file = path.join(folder, name);
    try {
      const fd = openSync(file, 'r');
      const head = Buffer.alloc(4096);
      const read = readSync(fd, head, 0, head.length, 0);
      closeSync(fd);
      const {front} = splitFrontMatter(decode(head.subarray(0, read)).text);
      if (front.url) found.set(front.url, file);
      if (front.canonical) found.set(front.canonical, file);
    } catch {
      // A file that cannot be read is no page saved before.
    }
  }
  return found;
}

/** The file a page at any of `urls` was saved as before, in `folder`, if one was. */
export function savedBefore(folder: string, urls: string[]): string | undefined {
  const saved = savedAddresses(folder);
  for (const url of urls) {
    const file = saved.get(url);
    if (file) return file;
  }
  return undefined;
}

/**
 * Saves a page's text into `folder` (made if need be) as `name`, or `name-2`, `name-3`… if a
 * file of that name is there: never over another file, and atomically (a temporary file
 * linked into place, so an interrupted save leaves no half file). A page whose address was
 * saved before is not saved again: its file is given instead.
 */
export function savePageFile(
  folder: string,
  {text, name, urls}: {text: string; name: string; urls: string[]},
): Saved {
  mkdirSync(folder, {recursive: true});
  const before = savedBefore(folder, urls);
  if (before) return {path: before, existed: true};
  const temporary = path.join(folder, `.${name}.${process.pid}.partial`);
  writeFileSync(temporary, text, {flag: 'wx'});
  try {
    const extension = path.extname(name);
    const stem = name.slice(0, name.length - extension.length);
    for (let number = 1; ; number++) {
      const file = path.join(folder, number === 1 ? name : `${stem}-${number}${extension}`);
      try {
        linkSync(temporary, file);
        return {path: file, existed: false};
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || number >= 1000) throw error;
      }
    }
  } finally {
    unlinkSync(temporary);
  }
}
