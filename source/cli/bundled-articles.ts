import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** The folder of articles that ships with Broadsheet (what it opens when given no folder). */
export function bundledArticles(): string {
  // dist/app.js sits one folder below the project, beside articles/ (and source/cli/ two).
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, here.endsWith('cli') ? '../..' : '..', 'articles');
}
