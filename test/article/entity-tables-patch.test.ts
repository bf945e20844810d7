// The bundles carry htmlparser2's entities with its tables of named characters decoded by
// Buffer (scripts/bundle.mjs) instead of atob and a loop. Built here both ways, the tables
// must be the same, word for word, and decode the same text.
import {describe, expect, it} from 'vitest';
import path from 'node:path';
// @ts-expect-error: the bundler script is plain JavaScript, without types
import {entityTablesDecodedNatively} from '../../scripts/bundle.mjs';
import {projectRoot} from '../e2e/terminal.js';
import {bundledModule} from '../fixtures/bundled-module.js';

type Entities = {
  htmlDecodeTree: Uint16Array;
  xmlDecodeTree: Uint16Array;
  decodeHTML: (text: string) => string;
};

function bundledEntities(plugins: unknown[]): Promise<Entities> {
  return bundledModule<Entities>(
    "export {htmlDecodeTree, xmlDecodeTree, decodeHTML} from 'entities/decode';",
    // htmlparser2's own copy of entities, the one the bundles read pages with.
    path.join(projectRoot, 'node_modules/htmlparser2'),
    plugins,
  );
}

describe('the tables of named characters as bundled', () => {
  it('are the library’s own, word for word, and decode text as it does', async () => {
    const patched = await bundledEntities([entityTablesDecodedNatively]);
    const library = await bundledEntities([]);
    for (const table of ['htmlDecodeTree', 'xmlDecodeTree'] as const) {
      expect(patched[table]).toBeInstanceOf(Uint16Array);
      expect(patched[table].length).toBeGreaterThan(table === 'htmlDecodeTree' ? 10_000 : 10);
      expect([...patched[table]]).toEqual([...library[table]]);
    }
    const text =
      'caf&eacute; &amp; &lt;&gt; &copy 2026 &NotNestedGreaterGreater; &notin; &notanentity; &#x27;';
    expect(patched.decodeHTML(text)).toBe(library.decodeHTML(text));
    expect(patched.decodeHTML(text)).toContain('café & <> © 2026');
  });
});
