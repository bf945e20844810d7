import type {CharacterScript} from '../text/scripts.js';

/** One article in the library, as the list needs it: where it is and what it is called. */
export type LibraryEntry = {
  path: string;
  fileName: string;
  title: string;
  /** The subfolder it is in, relative to the library's folder ('' or absent: the top). */
  folder?: string;
  /**
   * Which of several paths on the command line it came from (`broadsheet a.md notes/`): the
   * list keeps them in the order given.
   */
  group?: number;
  /** Author, source or date, when the article says. */
  byline?: string;
  /** Size in bytes and modification time (ms), from stat. */
  size?: number;
  mtime?: number;
  /** Its length in words, once counted (in characters for Chinese and Japanese). */
  words?: number;
  /** Chinese or Japanese: its length is in characters, read at that script's rate. */
  script?: CharacterScript;
  /** The address a web page came from (a saved page's front matter, a page's canonical link). */
  url?: string;
  /** Why the reader refuses it (binary, too large, unreadable), when it does. */
  refused?: string;
  /**
   * Listed by name only so far (with what the cache knew, size included, if anything): its
   * head and size are still to be read or checked.
   */
  pending?: boolean;
};

/** What scanning a folder found. */
export type Library =
  | {kind: 'folder'; folder: string; entries: LibraryEntry[]}
  | {kind: 'missing'; folder: string; reason: string};
