import {describe, expect, it} from 'vitest';
import {parseText} from '../../source/article/parse-text.js';
import {
  findQuotations,
  nameMoreSpeakers,
  QuotationScanner,
  quotationScanner,
  speakersPending,
} from '../../source/text/quotes.js';

/** The quotations of a text as the strings they cover, with their levels. */
function quotes(body: string): Array<[string, number]> {
  const article = parseText(`Title\n\n${body}`);
  return findQuotations(article).map((q) => [article.text.slice(q.start, q.end), q.level]);
}
const texts = (body: string) => quotes(body).map(([text]) => text);
/** The speakers named for a text's quotations, in order. */
const speakers = (body: string) =>
  findQuotations(parseText(`Title\n\n${body}`)).map((q) => q.speaker);

describe('curly quotation marks', () => {
  it('finds “…” and ‘…’ with nesting levels', () => {
    expect(quotes('He said “she told me ‘no’ twice” and left.')).toEqual([
      ['“she told me ‘no’ twice”', 1],
      ['‘no’', 2],
    ]);
  });

  it('alternates back at level 3', () => {
    expect(quotes('“One ‘two “three” two’ one”')).toEqual([
      ['“One ‘two “three” two’ one”', 1],
      ['‘two “three” two’', 2],
      ['“three”', 3],
    ]);
  });

  it('never takes an apostrophe for a quotation', () => {
    for (const body of [
      'I don’t think Korea’s and China’s talks will end.',
      'O’Brien and y’all went to the Joneses’ car in the ’90s.',
      '’Tis the season, give ’em rock ’n’ roll and a jack-o’-lantern.',
    ]) {
      expect(texts(body)).toEqual([]);
    }
  });

  it('closes a single quotation after a possessive plural', () => {
    expect(texts('She said ‘the Joneses’ car is red’ and left.')).toEqual([
      '‘the Joneses’ car is red’',
    ]);
  });

  it('does not take primes for quotation marks', () => {
    expect(texts('He is 6′ 2″ and bought a 12" pipe.')).toEqual([]);
    expect(texts('"Better than a 6\'5" whale."')).toEqual(['"Better than a 6\'5" whale."']);
  });
});

describe('straight quotation marks', () => {
  it('pairs them by context', () => {
    expect(quotes("\"It's my '#1' choice!\" - 12\" Foam Finger from '93")).toEqual([
      ["\"It's my '#1' choice!\"", 1],
      ["'#1'", 2],
    ]);
  });

  it('nests straight double quotes by context', () => {
    expect(texts('"I was reading "The Economics" yesterday," she replied.')).toEqual([
      '"I was reading "The Economics" yesterday,"',
      '"The Economics"',
    ]);
  });

  it('leaves elisions alone', () => {
    expect(texts("'Tis true, give 'em the '80s and rock 'n' roll.")).toEqual([]);
    expect(texts("Person 1's grammar is better than person 2's.")).toEqual([]);
  });
});

describe('other languages', () => {
  it('reads « » with and without no-break spaces', () => {
    expect(texts('Il a dit « bonjour » et «\u00a0adieu\u00a0».')).toEqual([
      '« bonjour »',
      '«\u00a0adieu\u00a0»',
    ]);
  });

  it('reads Russian « „ “ » nesting', () => {
    expect(quotes('Он сказал: «Фильм „Мама“ хороший».')).toEqual([
      ['«Фильм „Мама“ хороший»', 1],
      ['„Мама“', 2],
    ]);
  });

  it('reads German „ “ and ‚ ‘, where “ closes', () => {
    expect(quotes('Er sagte: „Das ist ‚gut‘ so“, und ging.')).toEqual([
      ['„Das ist ‚gut‘ so“', 1],
      ['‚gut‘', 2],
    ]);
  });

  it('reads German book style » «', () => {
    expect(texts('»Was ist mit mir geschehen?« dachte er. »Es ist kein Traum.«')).toEqual([
      '»Was ist mit mir geschehen?«',
      '»Es ist kein Traum.«',
    ]);
  });

  it('pairs guillemets within each style when an article mixes French and German', () => {
    const body = [
      '»Was ist mit mir geschehen?« dachte er. »Es ist kein Traum.«',
      'Le ministre a dit : « Nous verrons demain. » Puis il est parti.',
      '»Nein«, sagte sie, »das glaube ich nicht.«',
      'Elle a répondu «non» et a souri.',
    ].join('\n\n');
    expect(texts(body)).toEqual([
      '»Was ist mit mir geschehen?«',
      '»Es ist kein Traum.«',
      '« Nous verrons demain. »',
      '»Nein«',
      '»das glaube ich nicht.«',
      '«non»',
    ]);
    // The same paragraphs in the other order: no paragraph borrows another's style.
    const reversed = body.split('\n\n').reverse().join('\n\n');
    expect(texts(reversed).sort()).toEqual(texts(body).sort());
  });

  it('reads ”…” where one mark opens and closes', () => {
    expect(texts('Han sa: ”Jag kommer i morgon” och gick.')).toEqual(['”Jag kommer i morgon”']);
  });

  it('reads 「」 and 『』', () => {
    expect(quotes('山本さんは「『雪国』を読んだ」と言った。')).toEqual([
      ['「『雪国』を読んだ」', 1],
      ['『雪国』', 2],
    ]);
  });

  it('reads ‹ ›', () => {
    expect(texts('Il dit ‹ oui › enfin.')).toEqual(['‹ oui ›']);
  });
});

describe('paragraphs', () => {
  it('makes one quotation of a quotation repeated at the start of each paragraph', () => {
    const body = '“First paragraph of the letter.\n\n“Second paragraph.\n\n“Last one.” The end.';
    expect(texts(body)).toEqual([
      '“First paragraph of the letter.\n\n“Second paragraph.\n\n“Last one.”',
    ]);
  });

  it('does the same with straight quotes, as news agencies write them', () => {
    const body = '"We will win," he said. "It is a long road.\n\n"But we have started."';
    expect(texts(body)).toEqual([
      '"We will win,"',
      '"It is a long road.\n\n"But we have started."',
    ]);
  });

  it('never lets an unclosed mark flood the article', () => {
    const body = 'He said “this never closes.\n\nThe next paragraph is “plain” text.';
    expect(texts(body)).toEqual(['“plain”']);
  });

  it('ends a carried-over quotation with the last paragraph that repeats its mark', () => {
    const body = '“One paragraph.\n\n“Another, never closed.\n\nNarration resumes.';
    expect(texts(body)).toEqual(['“One paragraph.\n\n“Another, never closed.']);
  });

  it('leaves a mark it cannot resolve unhighlighted', () => {
    expect(texts('a " b and c \' d')).toEqual([]);
  });

  it('invents no quotation from dash-led dialogue', () => {
    expect(texts('— Good morning, said Stephen.\n\n— Is it? said Buck Mulligan.')).toEqual([]);
  });

  it('keeps spans nested, never crossing', () => {
    const found = findQuotations(parseText('T\n\n\'foo "bar\' baz" and “a ‘b” c’ d'));
    for (const a of found) {
      for (const b of found) {
        const crossing = a.start < b.start && b.start < a.end && a.end < b.end;
        expect(crossing).toBe(false);
      }
    }
  });
});

describe('speakers', () => {
  it('names the speaker after the quotation', () => {
    expect(speakers('“We welcome it,” Lavrov said after the meeting.')).toEqual(['Lavrov']);
    expect(speakers('“We welcome it,” said Sergey Lavrov.')).toEqual(['Sergey Lavrov']);
  });

  it('names the speaker before the quotation', () => {
    expect(speakers('Lavrov said: “We welcome it.”')).toEqual(['Lavrov']);
  });

  it('takes “according to” as attribution', () => {
    expect(speakers('“It was late,” according to Reyes.')).toEqual(['Reyes']);
  });

  it('gives a pronoun the last named speaker, and the rest of the paragraph the same', () => {
    // A paragraph is one speaker's turn: “Three.” is Lavrov's too.
    expect(speakers('“One,” Lavrov said. “Two,” he said. “Three.”')).toEqual([
      'Lavrov',
      'Lavrov',
      'Lavrov',
    ]);
    // In a paragraph of its own, nothing says who said it.
    expect(speakers('“One,” Lavrov said.\n\nThe talks went on.\n\n“Three.”')).toEqual([
      'Lavrov',
      undefined,
    ]);
  });
});

describe('every family of marks, and the context that decides a mark', () => {
  it('pairs each opening mark with the closing marks of its family', () => {
    const cases: Array<[string, string[]]> = [
      ['He said “yes" and left.', ['“yes"']],
      ['Han sa ”ja” och gick.', ['”ja”']], // Swedish: ” opens and closes
      ['Han sa ”ja och gick.', []], // … but only when a ” follows to close it
      ['Er sagte „ja“ und ging.', ['„ja“']],
      ['Er sagte „ja” und ging.', ['„ja”']],
      ['Er sagte „ja" und ging.', ['„ja"']],
      ['Er sagte ‟ja” und ging.', ['‟ja”']],
      ['He said "yes” and left.', ['"yes”']],
      ['He said ‘yes’ and left.', ['‘yes’']],
      ["He said ‘yes' and left.", ["‘yes'"]],
      ["He said 'yes’ and left.", ["'yes’"]],
      ['Er sagte ‚ja‘ und ging.', ['‚ja‘']],
      ['Er sagte ‚ja’ und ging.', ['‚ja’']],
      ["Er sagte ‚ja' und ging.", ["‚ja'"]],
      ['Er sagte ‛ja’ und ging.', ['‛ja’']],
      ['Il dit «oui» et part.', ['«oui»']],
      ['Il dit « oui » et part.', ['« oui »']],
      ['Il dit: « Bonjour! » et part.', ['« Bonjour! »']],
      ['Er sagte »ja« und ging.', ['»ja«']],
      ['Il dit ‹oui› et part.', ['‹oui›']],
      ['Er sagte ›ja‹ und ging.', ['›ja‹']],
      ['「abc』', []], // a corner bracket is not closed by a white one
      ['「abc」と『def』', ['「abc」', '『def』']],
      ['他说“好”然后走了', ['“好”']], // no spaces in Chinese: the glyph says which way it faces
      ['他说‘好’然后走了', ['‘好’']],
      ['他说“好”', ['“好”']],
      ['He (“yes”) left.', ['“yes”']],
      ['He said “a (” b” and left.', ['“a (” b”']], // a mark after ( does not close
      ['x ”y and z', []],
      ["He said 'tis true.", []],
      ["I said 'hello and left.", []], // a straight mark with nothing to close it
      ['a"b and c"d', []], // between letters: not a quotation
      ["don't 'x' y", ["'x'"]],
    ];
    for (const [body, expected] of cases) expect(texts(body), body).toEqual(expected);
  });

  it('nests each family in another, with levels', () => {
    expect(quotes('„Er sagte ‚ja‘ und ging“, sagte sie.')).toEqual([
      ['„Er sagte ‚ja‘ und ging“', 1],
      ['‚ja‘', 2],
    ]);
    expect(quotes('«Il dit ‹oui› et part», dit-elle.')).toEqual([
      ['«Il dit ‹oui› et part»', 1],
      ['‹oui›', 2],
    ]);
    expect(quotes('「彼は『はい』と言った」')).toEqual([
      ['「彼は『はい』と言った」', 1],
      ['『はい』', 2],
    ]);
  });

  it('tells primes and repeated openings from quotation marks', () => {
    expect(texts('She said "a 12" pipe" and left.')).toEqual(['"a 12" pipe"']);
    expect(texts('He is 6\'5" tall.')).toEqual([]);
    expect(texts("She said 'he is 6'5 tall' and left.")).toEqual(["'he is 6'5 tall'"]);
    // News copy that lost a paragraph break: the next paragraph's opening mark.
    expect(texts('"I saw a mongrel. "I don\'t know," he said.')).toEqual([
      '"I saw a mongrel. "I don\'t know,"',
    ]);
    // A broken-off speech whose dash was lost: the mark between spaces closes it, and the
    // next paragraph's speech is its own.
    expect(
      texts('"I was standing at a bookstall " Mr. Brown began.\n\n"Hold your tongue," said he.'),
    ).toEqual(['"I was standing at a bookstall "', '"Hold your tongue,"']);
    expect(texts('“Why, if he didn’t mind ” observed Tom, “we could go.”')).toEqual([
      '“Why, if he didn’t mind ”',
      '“we could go.”',
    ]);
    // (With nothing open, a mark between spaces is no quotation's.)
    expect(texts('He wrote 5 " and 6 " on the board.')).toEqual([]);
    // “ inside „…: the German closing mark, not a new quotation.
    expect(texts('Er sagte „Das ist “gut“, sagte er.')).toEqual(['„Das ist “gut“']);
  });

  it('reads a mark with Chinese or Japanese on one side only by the way it faces', () => {
    expect(texts('彼は‘OK’と言った。')).toEqual(['‘OK’']);
    expect(texts('彼は“OK”と言った。')).toEqual(['“OK”']);
    // Between two Latin letters a curly opening mark opens nothing.
    expect(texts('x“y z” w')).toEqual([]);
  });

  it('tells a possessive plural from a closing mark by what follows it', () => {
    // A capital after the space: the quotation ends there, whatever comes later.
    expect(texts('‘We met the Joneses’ Tom said, ‘and the others’ too.')).toEqual([
      '‘We met the Joneses’',
      '‘and the others’',
    ]);
    // Not a space after it: it closes, though a later mark could.
    expect(texts('‘Thanks, cousins’—said Ann, ‘see you’.')).toEqual([
      '‘Thanks, cousins’',
      '‘see you’',
    ]);
  });

  it('takes a straight single mark after a digit for a prime when a later one closes', () => {
    expect(texts("She said 'a 6' fence' and left.")).toEqual(["'a 6' fence'"]);
    // Curly marks are never primes: ″ is.
    expect(texts('“Route 66” runs east,” he said.')).toEqual(['“Route 66”']);
  });

  it('nests a repeated-looking straight mark inside curly quotation marks', () => {
    expect(quotes('“He left. "I don\'t know," she said”')).toEqual([
      ['“He left. "I don\'t know," she said”', 1],
      ['"I don\'t know,"', 2],
    ]);
  });

  it('opens no quotation with a ” that nothing after it closes', () => {
    expect(quotes('He said ”yes and ‘no’ today.')).toEqual([['‘no’', 1]]);
  });

  it('moves a quotation out a level when a mark around it never closes', () => {
    // ” opens here (a ” after it could close it), but what closes is “no”: ” is no quotation.
    expect(quotes('He said ”yes and “no” today.')).toEqual([['“no”', 1]]);
    const article = parseText('Title\n\nHe said ”yes and “no” today, and “maybe”.');
    const scanner = quotationScanner(article);
    scanner.scanThrough(Infinity);
    expect(scanner.top.map((q) => article.text.slice(q.start, q.end))).toEqual(['“no”', '“maybe”']);
    // An inner mark left open when the outer one closes: what it held moves out with it.
    expect(quotes('“a ‘b “c” d”')).toEqual([
      ['“a ‘b “c” d”', 1],
      ['“c”', 2],
    ]);
    // The same over paragraphs: ‘ carried on, “ never closed.
    expect(quotes('“a ‘b\n\n‘c’ d.\n\nAfter.')).toEqual([['‘b\n\n‘c’', 1]]);
  });

  it('leaves a stray closing guillemet alone', () => {
    expect(texts('Il dit oui » et « non ».')).toEqual(['« non »']);
    expect(texts('Il dit oui › et ‹ non ›.')).toEqual(['‹ non ›']);
  });

  it('reads guillemets by the style of each paragraph, context first where it is plain', () => {
    expect(texts('Il dit « oui », puis « non ». Er sagte »ja«.')).toEqual([
      '« oui »',
      '« non »',
      '»ja«',
    ]);
    expect(texts('«Bonjour», dit-il. »Ja«, sagte er.')).toEqual(['«Bonjour»', '»Ja«']);
    expect(texts('Was?« fragte er. »Nein.«')).toEqual(['»Nein.«']);
    expect(texts('»Ja«, sagte er.\n\n»Nein«, sagte sie.\n\n«Oui», dit-il.')).toEqual([
      '»Ja«',
      '»Nein«',
      '«Oui»',
    ]);
  });
});

describe('speakers, wherever the text names them', () => {
  it('are named for the outermost quotation only', () => {
    const article = parseText('Title\n\n“She told me ‘no’ twice,” Ann said.');
    const named = findQuotations(article).map((q) => [q.level, q.speaker]);
    expect(named).toContainEqual([1, 'Ann']);
    expect(named).toContainEqual([2, undefined]);
  });

  it('are named after the quotation, before it, or by “according to”', () => {
    expect(speakers('He said “yes,” Lavrov said.')).toEqual(['Lavrov']);
    expect(speakers('“Yes,” said Lavrov.')).toEqual(['Lavrov']);
    expect(speakers('“Yes,” said Mr. Smith.')).toEqual(['Mr. Smith']);
    expect(speakers('“Yes,” according to Lavrov.')).toEqual(['Lavrov']);
    expect(speakers('Lavrov said: “Yes.”')).toEqual(['Lavrov']);
    expect(speakers('The said “x”.')).toEqual([undefined]); // not a name
    expect(speakers('“No,” he said.')).toEqual([undefined]);
  });

  it('name a pronoun by the name said before it, or by the quotation just before when near', () => {
    expect(speakers('Putin said so. “Yes,” he said.')).toEqual(['Putin']);
    expect(speakers('“Go,” Lavrov said.\n\n“Now,” he said.')).toEqual(['Lavrov', 'Lavrov']);
    // Near means less than 1,500 characters from the end of the one before.
    const apart = (gap: number) => {
      const filler = 'x'.repeat(gap - '\n\n'.length - ' Lavrov said.\n\n'.length - 1);
      const article = parseText(`Title\n\n“Go,” Lavrov said.\n\n${filler}.\n\n“Now,” he said.`);
      const [first, second] = findQuotations(article);
      expect(second!.start - first!.end).toBe(gap);
      return second!.speaker;
    };
    expect(apart(1499)).toBe('Lavrov');
    expect(apart(1500)).toBeUndefined();
  });
});

describe('naming speakers as far as asked', () => {
  // Five conversations (a conversation is named whole: its later turns name its earlier ones).
  const apart = `\n\n${'Then nothing was said for a long while. '.repeat(40)}\n\n`;
  const body = Array.from({length: 5}, (_, i) => `“Line ${i},” said Speaker${'ABCDE'[i]}.`).join(
    apart,
  );

  it('counts what waits, up to and including a quotation starting at the offset', () => {
    const article = parseText(`Title\n\n${body}`);
    expect(speakersPending(article, Infinity)).toBe(Infinity); // not all found yet
    const {top} = quotationScanner(article);
    quotationScanner(article).scanThrough(Infinity);
    expect(top).toHaveLength(5);
    expect(speakersPending(article, Infinity)).toBe(5);
    expect(speakersPending(article, top[2]!.start)).toBe(3);
    expect(speakersPending(article, top[2]!.start - 1)).toBe(2);
    expect(speakersPending(article, -1)).toBe(0);
    expect(nameMoreSpeakers(article, 2)).toBe(false);
    expect(top.map((q) => q.speaker)).toEqual([
      'SpeakerA',
      'SpeakerB',
      undefined,
      undefined,
      undefined,
    ]);
    expect(speakersPending(article, Infinity)).toBe(3);
    expect(speakersPending(article, top[0]!.start)).toBe(0);
    expect(nameMoreSpeakers(article, 2)).toBe(false);
    expect(speakersPending(article, Infinity)).toBe(1);
    expect(nameMoreSpeakers(article, 2)).toBe(true);
    expect(top.map((q) => q.speaker)).toEqual([
      'SpeakerA',
      'SpeakerB',
      'SpeakerC',
      'SpeakerD',
      'SpeakerE',
    ]);
    expect(speakersPending(article, Infinity)).toBe(0);
    expect(nameMoreSpeakers(article, 2)).toBe(true);
  });

  it('names them all at once when asked for as many as there are', () => {
    const article = parseText(`Title\n\n${body}`);
    expect(nameMoreSpeakers(article, 5)).toBe(true);
    expect(speakersPending(article, Infinity)).toBe(0);
    const fresh = parseText(`Title\n\n${body}`);
    expect(nameMoreSpeakers(fresh, 4)).toBe(false);
    expect(speakersPending(fresh, Infinity)).toBe(1);
  });
});

describe('quotations over paragraphs, and the scanner that finds them as far as asked', () => {
  it('carries a quotation on when the next paragraph opens with its mark again', () => {
    expect(quotes('“First part.\n\n“Second part,” he said.')).toEqual([
      ['“First part.\n\n“Second part,”', 1],
    ]);
    expect(texts('„Eins.\n\n„Zwei.“')).toEqual(['„Eins.\n\n„Zwei.“']);
    expect(texts('«Un.\n\n«Deux.»')).toEqual(['«Un.\n\n«Deux.»']);
    expect(texts('"One.\n\n"Two."')).toEqual(['"One.\n\n"Two."']);
    expect(quotes('“Outer ‘inner.\n\n“‘Still inner,’ she said.”')).toEqual([
      ['“Outer ‘inner.\n\n“‘Still inner,’ she said.”', 1],
      ['‘Still inner,’', 2],
    ]);
    // A paragraph that does not open with the mark ends nothing it did not close.
    expect(texts('“One.\n\nTwo.” No.')).toEqual([]);
    expect(texts('“Open\n\nTitle-like\n\n“Again.”')).toEqual(['“Again.”']);
  });

  it('leaves out marks around nothing but punctuation', () => {
    expect(texts('He said “” and “...” and “a”.')).toEqual(['“a”']);
    // Marks that open and close by their glyph alone, right after a letter.
    expect(texts('他说「……」。她说『！』，„...“')).toEqual([]);
  });

  it('carries an inner quotation on with its own repeated mark, and ends it with its paragraph', () => {
    expect(quotes('“Outer ‘inner.\n\n‘Still inner,’ she said.”')).toEqual([
      ['“Outer ‘inner.\n\n‘Still inner,’ she said.”', 1],
      ['‘inner.\n\n‘Still inner,’', 2],
    ]);
    // The inner one carried over ends where its mark stops being repeated.
    expect(quotes('“A ‘b\n\n‘c\n\n“d.”')).toEqual([
      ['“A ‘b\n\n‘c\n\n“d.”', 1],
      ['‘b\n\n‘c', 2],
    ]);
    // An inner one never carried over is dropped, not ended.
    expect(quotes('“A ‘b\n\n“d.”')).toEqual([['“A ‘b\n\n“d.”', 1]]);
    // A carried quotation that is not closed ends with the last paragraph repeating its mark.
    expect(quotes('“A\n\n“B\n\nC.')).toEqual([['“A\n\n“B', 1]]);
  });

  it('keeps only the outermost quotations in the scanner’s top list, and finds one left open over paragraphs', () => {
    const article = parseText('Title\n\n“One ‘two’.\n\n“Three,” he said.\n\nAfter “four”.');
    const scanner = new QuotationScanner(article);
    scanner.scanThrough(article.blocks[1]!.start);
    const shown = (list: Array<{start: number; end: number}>) =>
      list.map((q) => article.text.slice(q.start, q.end));
    expect(shown(scanner.top)).toEqual(['“One ‘two’.\n\n“Three,”']);
    scanner.scanThrough(Infinity);
    expect(shown(scanner.top)).toEqual(['“One ‘two’.\n\n“Three,”', '“four”']);
    expect(scanner.top.every((q) => q.level === 1)).toBe(true);
  });

  it('reads paragraphs only as far as it is asked', () => {
    const body = Array.from({length: 10}, (_, i) => `Para ${i} “quote ${i}” end.`).join('\n\n');
    const article = parseText(`Title\n\n${body}`);
    const scanner = new QuotationScanner(article);
    expect(scanner.complete).toBe(false);
    expect(scanner.blocksTo(article.blocks[8]!.start)).toBe(9);
    scanner.scanThrough(article.blocks[3]!.start);
    expect(scanner.top).toHaveLength(3);
    expect(scanner.blocksTo(article.blocks[8]!.start)).toBe(5);
    expect(scanner.blocksTo(0)).toBe(0);
    scanner.scanThrough(article.blocks[2]!.start); // already read: nothing more
    expect(scanner.top).toHaveLength(3);
    scanner.scanBlocks(2);
    expect(scanner.top).toHaveLength(5);
    scanner.scanForTop(9);
    expect(scanner.top).toHaveLength(9);
    expect(scanner.complete).toBe(false);
    scanner.scanBlocks(100);
    expect(scanner.complete).toBe(true);
    expect(scanner.top).toHaveLength(10);
    expect(scanner.all().map((q) => article.text.slice(q.start, q.end))).toEqual(
      Array.from({length: 10}, (_, i) => `“quote ${i}”`),
    );
    scanner.scanBlocks(5); // nothing left
    expect(scanner.top).toHaveLength(10);
  });
});
