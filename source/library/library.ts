/** One article in the library, as the list needs it: where it is and what it is called. */
export type LibraryEntry = {path: string; fileName: string; title: string};

/** What scanning a folder found. */
export type Library =
  | {kind: 'folder'; folder: string; entries: LibraryEntry[]}
  | {kind: 'missing'; folder: string; reason: string};
