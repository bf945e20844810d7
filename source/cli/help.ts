/** `broadsheet --help`. */
export const HELP = `
  Usage
    $ broadsheet [PATH… | URL | -]
    $ broadsheet add URL… [--to DIR]
    $ broadsheet list [PATH…] [--json]
    $ broadsheet quotes FILE [--json]
    $ broadsheet toc FILE [--json]
    $ broadsheet config [--json]

  PATH is a folder of articles (.txt, .md, .html, .epub) or one article; several
  make one library, in the order given. URL is a web page (http or https); - is
  standard input. Without PATH: the folder in
  $BROADSHEET_DIR, else your library ($XDG_DATA_HOME/broadsheet/articles)
  when it holds articles, else the bundled articles.

  \`broadsheet add URL…\` saves web pages into your library (or --to DIR) as
  Markdown with front matter, and prints their paths.

  \`broadsheet quotes FILE\` lists the article's quotations, one a line: page
  (at 80×24), nesting level, offsets (UTF-16 code units into the decoded text,
  line endings normalized), speaker when known, and text; --json prints an array.

  \`broadsheet toc FILE\` lists the article's contents (a book's table of
  contents, a page's headings, a text's chapter headings), one a line: page
  (at 80×24), offset and title, indented by depth; --json prints an array of
  {title, depth, offset, page}.

  \`broadsheet config\` prints where the config file is ($XDG_CONFIG_HOME/
  broadsheet/config.yaml, or $BROADSHEET_CONFIG), the settings in force and
  where each comes from, the keys as bound, and any mistake in the file (exit
  status 1 then). Flags and environment variables win over the file.

  \`broadsheet list\` prints the articles of a folder, one a line: title, words,
  reading state and file; --json prints an array of {path, title, byline,
  words, minutes, state, percent}.

  Options
    --json         With list, quotes and toc: print JSON
    --print        Print the article (or the list) as plain text, even to a terminal
    --width N      Widest measure of text, in columns (default 72; at least 20)
    --fresh        Open articles at the top, not where you left off
    --mouse        Read the mouse: the wheel scrolls, a click opens (--no-mouse: not)
    --format F     Read the article as text, markdown, html or epub
    --to DIR       With add: save pages into DIR
    --theme T      dark (default), light or mono
    --no-color     No colour (also when NO_COLOR is set); quotations in italics
    -h, --help     Show this help
    -v, --version  Show the version

  When standard output is not a terminal, the article (or the list of
  articles) is printed as plain text instead, wrapped to --width (default 80).

  Exit status: 0 done; 1 a file, folder or page missing, unreadable or
  refused; 2 a usage error (an unknown flag, a bad value, a bad URL).
`;
