import {describe, expect, it} from 'vitest';
import {closes, flanking, guillemetStyle} from '../../source/text/quote-marks.js';

// The three judgements every quotation rests on, each against its whole contract: which
// closer ends which opener, what a mark's neighbours allow, how a paragraph sets guillemets.

const ALL_MARKS = [...'“”„‟"‘’‚‛\'«»‹›「」『』'];

describe('which closer ends which opener', () => {
  const closers: Record<string, string> = {
    '“': '”"',
    '”': '”',
    '„': '“”"',
    '‟': '“”"',
    '"': '”"',
    '‘': "’'",
    "'": "’'",
    '‚': "‘’'",
    '‛': "‘’'",
    '«': '«»',
    '»': '«»',
    '‹': '‹›',
    '›': '‹›',
    '「': '」',
    '『': '』',
  };

  it.each(ALL_MARKS)('%s is closed by its family’s closers and nothing else', (opener) => {
    const closedBy = ALL_MARKS.filter((closer) => closes(opener, closer)).join('');
    expect(closedBy).toBe(closers[opener] ?? '');
  });
});

/** What `flanking` says of the mark just after the `|` (which is not part of the text). */
function flank(marked: string, start = 0, end?: number) {
  const index = marked.indexOf('|');
  const text = marked.slice(0, index) + marked.slice(index + 1);
  const {canOpen, canClose} = flanking(text, index, start, end ?? text.length);
  return {canOpen, canClose};
}

describe('what a mark’s neighbours allow', () => {
  it.each([
    ['a |"b', true, false],
    ['|"b', true, false],
    ['a|" b', false, true],
    ['a|"', false, true],
    ['a|".', false, true],
    ['a|"b', false, false],
    ['a|"”', false, true],
    ['“|‘b', true, false],
    ['(|"b', true, false],
    ['x(|" y', false, false],
    ['—|"b', true, false],
    ['a |" b', false, false],
  ])('%s: opens %s, closes %s', (marked, canOpen, canClose) => {
    expect(flank(marked)).toEqual({canOpen, canClose});
  });

  it('sees nothing beyond the paragraph it is given', () => {
    // x"y read as the paragraph ", alone: no letter touches either side.
    expect(flank('x|"y', 1, 2)).toEqual({canOpen: false, canClose: false});
    expect(flank('x|"y', 0, 2)).toEqual({canOpen: false, canClose: true});
    expect(flank('x|"y', 1, 3)).toEqual({canOpen: true, canClose: false});
  });

  it.each(['«', '»', '‹', '›'])(
    '%s set off by a space opens or closes the word past it',
    (mark) => {
      expect(flank(`|${mark} bonjour`)).toEqual({canOpen: true, canClose: false});
      // Between two spaced words it could do either: the paragraph's style decides.
      expect(flank(`dit |${mark}\u00a0bonjour`)).toEqual({canOpen: true, canClose: true});
      expect(flank(`dit (|${mark} bonjour`)).toEqual({canOpen: true, canClose: false});
      expect(flank(`bonjour |${mark}`)).toEqual({canOpen: false, canClose: true});
      expect(flank(`bonjour |${mark} et`)).toEqual({canOpen: true, canClose: true});
      expect(flank(`bonjour |${mark}, et`)).toEqual({canOpen: true, canClose: true});
    },
  );

  it('does not space out a straight or curly mark', () => {
    expect(flank('|" bonjour')).toEqual({canOpen: false, canClose: false});
    expect(flank('bonjour |”')).toEqual({canOpen: false, canClose: false});
  });

  it('takes a spaced guillemet only when nothing touches its other side', () => {
    expect(flank('dit|« bonjour')).toEqual({canOpen: false, canClose: true});
    expect(flank('bonjour |»et')).toEqual({canOpen: true, canClose: false});
    expect(flank('|«  ')).toEqual({canOpen: false, canClose: false});
    expect(flank('  |»')).toEqual({canOpen: false, canClose: false});
  });

  it('looks past the space only within the paragraph', () => {
    // « x with the paragraph ending after the space: no word to open.
    expect(flank('|« x', 0, 2)).toEqual({canOpen: false, canClose: false});
    expect(flank('|« x', 0, 3)).toEqual({canOpen: true, canClose: false});
    // x » with the paragraph starting at the space: no word to close.
    expect(flank('x |»', 1)).toEqual({canOpen: false, canClose: false});
    expect(flank('x |»', 0)).toEqual({canOpen: false, canClose: true});
  });
});

describe('how a paragraph sets guillemets', () => {
  const style = (text: string) => guillemetStyle(text, 0, text.length);

  it.each([
    ['no guillemets', 'He said "yes".', undefined],
    ['« before a letter', '«Bonjour', 'french'],
    ['« before a space and a letter', '« Bonjour', 'french'],
    ['« before a no-break space and a letter', '«\u00a0Bonjour', 'french'],
    ['« before a narrow no-break space and a letter', '«\u202fBonjour', 'french'],
    ['« before a space and a digit', '« 12', undefined],
    ['« after a letter', 'Wort«', 'german'],
    ['« after a question mark after a letter', 'Was?«', 'german'],
    ['« after a full stop after a letter', 'Ja.«', 'german'],
    ['« after a comma after a letter', 'Ja,«', 'german'],
    ['« after an exclamation after a letter', 'Ja!«', 'german'],
    ['« after a question mark alone', '?«', undefined],
    ['« after a colon after a letter', 'Ja:«', undefined],
    ['« alone', '«', undefined],
    ['» before a letter', '»Wort', 'german'],
    ['» after a letter', 'mot»', 'french'],
    ['» after a space', 'mot »', 'french'],
    ['» after a no-break space', 'mot\u00a0»', 'french'],
    ['» after a full stop after a letter', 'fin.»', 'french'],
    ['» after an exclamation after a letter', 'fin!»', 'french'],
    ['» after a question mark alone', '?»', undefined],
    ['» alone', '»', undefined],
    ['as many each way', '«a» »b«', undefined],
    ['more French', '«a» »b« «c»', 'french'],
    ['more German', '»a« «b» »c«', 'german'],
  ])('%s: %s', (_, text, expected) => {
    expect(style(text)).toBe(expected);
  });

  it('counts every mark, not the first', () => {
    expect(style('Wort« «a «b')).toBe('french');
    expect(style('mot» »a »b')).toBe('german');
  });

  it('reads only the paragraph it is given', () => {
    const text = '»Ja«, sagte er. «Oui» dit-il. «Non».';
    const french = text.indexOf('«Oui');
    expect(guillemetStyle(text, 0, french)).toBe('german');
    expect(guillemetStyle(text, french, text.length)).toBe('french');
    expect(guillemetStyle(text, 1, 3)).toBe(undefined);
    expect(guillemetStyle(text, 1, 4)).toBe('german');
  });
});
