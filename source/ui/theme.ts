/** How text is styled: Ink colour names, or none in the mono theme. */
export type TextStyle = {
  color?: string;
  backgroundColor?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
  dimColor?: boolean;
};

export type ThemeName = 'dark' | 'light' | 'mono';

export type Theme = {
  name: ThemeName;
  title: TextStyle;
  meta: TextStyle;
  status: TextStyle;
  /** Quotation levels 1 and 2; level 3 takes level 1's style again, and so on. */
  quote: [TextStyle, TextStyle];
  /** The quotation ] or [ or the quotes panel jumped to. */
  currentQuote: TextStyle;
  selection: TextStyle;
  /** Search hits on screen, and the current one. */
  hit: TextStyle;
  currentHit: TextStyle;
};

export const THEMES: Record<ThemeName, Theme> = {
  dark: {
    name: 'dark',
    title: {bold: true},
    meta: {dimColor: true},
    status: {dimColor: true},
    quote: [{color: 'yellow'}, {color: 'cyan'}],
    currentQuote: {inverse: true},
    selection: {inverse: true},
    hit: {color: 'black', backgroundColor: 'cyan'},
    currentHit: {color: 'black', backgroundColor: 'yellow', bold: true},
  },
  light: {
    name: 'light',
    title: {bold: true},
    meta: {dimColor: true},
    status: {dimColor: true},
    quote: [{color: 'blue'}, {color: 'magenta'}],
    currentQuote: {inverse: true},
    selection: {inverse: true},
    hit: {color: 'white', backgroundColor: 'blue'},
    currentHit: {color: 'black', backgroundColor: 'yellow', bold: true},
  },
  // No colour at all (--no-color, NO_COLOR): quotations still stand out.
  mono: {
    name: 'mono',
    title: {bold: true},
    meta: {},
    status: {},
    quote: [{italic: true}, {underline: true}],
    currentQuote: {inverse: true},
    selection: {inverse: true},
    hit: {bold: true, underline: true},
    currentHit: {inverse: true, bold: true},
  },
};

/** The style of a quotation at nesting `level` (1-based). */
export function quoteStyle(theme: Theme, level: number): TextStyle {
  return theme.quote[(level - 1) % 2]!;
}
