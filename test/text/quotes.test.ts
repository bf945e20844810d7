import {describe, expect, it} from 'vitest';
import {parseText} from '../../source/article/parse-text.js';
import {findQuotations} from '../../source/text/quotes.js';

/** The quotations of a text as the strings they cover, with their levels. */
function quotes(body: string): Array<[string, number]> {
  const article = parseText(`Title\n\n${body}`);
  return findQuotations(article).map((q) => [article.text.slice(q.start, q.end), q.level]);
}
const texts = (body: string) => quotes(body).map(([text]) => text);

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
  const speakers = (body: string) => {
    const article = parseText(`Title\n\n${body}`);
    return findQuotations(article).map((q) => q.speaker);
  };

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

  it('gives a pronoun the last named speaker, and leaves the rest unknown', () => {
    expect(speakers('“One,” Lavrov said. “Two,” he said. “Three.”')).toEqual([
      'Lavrov',
      'Lavrov',
      undefined,
    ]);
  });
});
