// The rooms of source/ and which way they may lean (docs/architecture.md draws them):
// `npm run lint` fails on a circle, on the pure core reaching for a view or the store, and on
// a room importing the app that routes between them.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules never import each other, however far round: split the piece both need.',
      from: {},
      to: {circular: true},
    },
    {
      name: 'pure-core-has-no-views',
      severity: 'error',
      comment:
        'text/, article/ and state/ know nothing of Ink, React, the store or any view: they are pure (or, for state/, files only).',
      from: {path: '^source/(text|article|state)/'},
      to: {
        path: [
          '^source/(app|ui|library|reader|cli|terminal)/',
          '\\.tsx$',
          '(^|/)node_modules/(ink|react|ink-select-input|ink-testing-library)/',
        ],
      },
    },
    {
      name: 'pure-core-never-fetches',
      severity: 'error',
      comment:
        'Only net/ touches the network, and only the edges (cli/, app/ through them) call it.',
      from: {path: '^source/(text|article|state|input|ui|library|reader)/'},
      to: {path: '^source/net/'},
    },
    {
      name: 'rooms-never-import-the-app',
      severity: 'error',
      comment:
        'The app routes between the library, the reader and the prompts: they never import it (only the entry points and cli/ do).',
      from: {path: '^source/', pathNot: ['^source/app/', '^source/cli/', '^source/cli\\.tsx$']},
      to: {path: '^source/app/'},
    },
    {
      name: 'shared-views-stay-shared',
      severity: 'error',
      comment: 'ui/ holds pieces every view uses: it never reaches into a view of its own.',
      from: {path: '^source/ui/'},
      to: {path: '^source/(app|library|reader|cli)/'},
    },
    {
      name: 'input-knows-no-views',
      severity: 'error',
      comment: 'Keys are decoded and named in input/ whatever view reads them.',
      from: {path: '^source/input/'},
      to: {path: ['^source/(app|ui|library|reader|cli)/', '\\.tsx$']},
    },
  ],
  options: {
    doNotFollow: {path: 'node_modules'},
    // Type-only imports count: a circle of types is a circle all the same.
    tsPreCompilationDeps: true,
    tsConfig: {fileName: 'tsconfig.json'},
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
