/** `broadsheet --help`. */
export const HELP = `
  Usage
    $ broadsheet [PATH]
    $ broadsheet list [PATH] [--json]
    $ broadsheet quotes FILE [--json]

  PATH is a folder of articles (.txt, .md) or one article. Without PATH:
  the folder in $BROADSHEET_DIR, else the bundled articles.

  \`broadsheet quotes FILE\` lists the article's quotations, one a line: page
  (at 80×24), nesting level, offsets (UTF-16 code units into the decoded text,
  line endings normalized), speaker when known, and text; --json prints an array.

  \`broadsheet list\` prints the articles of a folder, one a line: title, words,
  reading state and file; --json prints an array of {path, title, byline,
  words, minutes, state, percent}.

  Options
    --json         With list and quotes: print JSON
    --print        Print the article (or the list) as plain text, even to a terminal
    --width N      Widest measure of text, in columns (default 72; at least 20)
    --fresh        Open articles at the top, not where you left off
    --theme T      dark (default), light or mono
    --no-color     No colour (also when NO_COLOR is set); quotations in italics
    -h, --help     Show this help
    -v, --version  Show the version

  When standard output is not a terminal, the article (or the list of
  articles) is printed as plain text instead, wrapped to --width (default 80).

  Exit status: 0 done; 1 a file or folder missing, unreadable or refused;
  2 a usage error (an unknown flag, a bad value).
`;
