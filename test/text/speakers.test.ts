// Who is speaking: each rule of source/text/speakers.ts on a passage written for it, and a
// property: naming speakers never moves, adds or drops a quotation.
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {parseText} from '../../source/article/parse-text.js';
import {findQuotations, marginSpeakers} from '../../source/text/quotes.js';
import {samePerson} from '../../source/text/speakers.js';

/** Each outermost quotation's speaker and how it was found, as `speaker/way`. */
const named = (...paragraphs: string[]) =>
  findQuotations(parseText(`A Story\n\n${paragraphs.join('\n\n')}`))
    .filter((q) => q.level === 1)
    .map((q) => (q.speaker ? `${q.speaker}/${q.speakerBy}` : '-'));

describe('a speaker named beside the quotation', () => {
  it('takes a speech verb either side of the name, after the quotation', () => {
    expect(named('“Come in,” said Mr. Knightley, feelingly.')).toEqual(['Mr. Knightley/named']);
    expect(named('“Come in,” Harriet replied.')).toEqual(['Harriet/named']);
    expect(named('“Come in,” Mr. Elton warmly added.')).toEqual(['Mr. Elton/named']);
    expect(named('“Come in,” inquired poor Oliver.')).toEqual(['Oliver/named']);
  });

  it('takes any past tense right after the quotation as the tag', () => {
    expect(named('“Don’t tell me,” pouted Louisa.')).toEqual(['Louisa/named']);
    expect(named('“Cold?” Mrs. Gradgrind considered.')).toEqual(['Mrs. Gradgrind/named']);
  });

  it('takes the clause that leads into it, and its subject, not its object', () => {
    // (Emma opens its sentence: a name, as the sentence before showed.)
    expect(
      named('The picture pleased Emma. Emma turned to Harriet and said, “It is pretty.”'),
    ).toEqual(['Emma/named']);
    expect(named('A knock was heard, and Ralph exclaimed: “It is only Mr. Turner.”')).toEqual([
      'Ralph/named',
    ]);
    expect(named('At last, with some hesitation, Harriet said-- “I am sure.”')).toEqual([
      'Harriet/named',
    ]);
  });

  it('names nobody for a description, and lets no other rule guess then', () => {
    expect(named('“Hello,” said Emma.', '“Hello,” said her sister.')).toEqual(['Emma/named', '-']);
  });

  it('takes no capitalised word for a name unless it is one', () => {
    // A word opening a sentence, far from the verb, is a name only once seen inside one.
    expect(named('Line 4 says “quote number 4” and goes on.')).toEqual(['-']);
    expect(named('They met in January. January came and said “snow”.')).toEqual(['-']);
    expect(named('“Yes,” said I. The next day it rained.')).toEqual(['-']);
  });
});

describe('a paragraph is one turn', () => {
  it('gives the paragraph’s other quotations its named speaker', () => {
    expect(named('“One,” said Anna. “Two.” “Three.”')).toEqual([
      'Anna/named',
      'Anna/named',
      'Anna/named',
    ]);
  });
});

describe('pronouns, where a reader can be sure', () => {
  it('takes the speaker of the quotation before it in the paragraph', () => {
    expect(named('“One,” Lavrov said. “Two,” he said.')).toEqual([
      'Lavrov/named',
      'Lavrov/pronoun',
    ]);
  });

  it('takes a person of its gender named in the paragraph before it', () => {
    expect(named('Mr. Weston came in. “It is late,” he said.')).toEqual(['Mr. Weston/pronoun']);
  });

  it('takes the one of two speakers who is of its gender', () => {
    expect(
      named(
        '“Good morning,” said Mr. Weston.',
        '“Good morning,” said Mrs. Elton.',
        '“Is it?” he said.',
      ),
    ).toEqual(['Mr. Weston/named', 'Mrs. Elton/named', 'Mr. Weston/pronoun']);
  });

  it('learns a gender from the pronouns after a name that is a subject, not a place', () => {
    expect(
      named(
        'It was Anne who saw it first. Anne walked up to Green Gables and she smiled at the door.',
        '“Hello,” said Anne.',
        '“Hello,” said Matthew.',
        '“Is this the house?” she said.',
      ),
    ).toEqual(['Anne/named', 'Matthew/named', 'Anne/pronoun']);
  });

  it('names nobody when both could be meant, or neither is known', () => {
    expect(
      named(
        '“Good morning,” said Mr. Weston.',
        '“Good morning,” said Mr. Elton.',
        '“Is it?” he said.',
      ),
    ).toEqual(['Mr. Weston/named', 'Mr. Elton/named', '-']);
    expect(named('“No,” he said.')).toEqual(['-']);
  });
});

describe('the turn, in a run of paragraphs of speech', () => {
  it('gives an untagged paragraph the speaker two turns back', () => {
    expect(
      named(
        '“Where are you going?” said Mr. Darcy.',
        '“To the village,” said Elizabeth.',
        '“May I walk with you?”',
        '“If you like.”',
      ),
    ).toEqual(['Mr. Darcy/named', 'Elizabeth/named', 'Mr. Darcy/turn', 'Elizabeth/turn']);
  });

  it('gives it to the one the turn before called by name', () => {
    expect(
      named(
        'Elizabeth sat down beside Jane.',
        '“Good evening,” said Mr. Darcy.',
        '“Good evening,” said Elizabeth. “Jane, will you pour the tea?”',
        '“Gladly.”',
      ),
    ).toEqual(['Mr. Darcy/named', 'Elizabeth/named', 'Elizabeth/named', 'Jane/turn']);
  });

  it('never to someone the quotation calls by name', () => {
    expect(
      named(
        '“Where are you going?” said Mr. Darcy.',
        '“To the village,” said Elizabeth.',
        '“Mr. Darcy, may I come?”',
      ),
    ).toEqual(['Mr. Darcy/named', 'Elizabeth/named', '-']);
  });

  it('stops at narration between the paragraphs', () => {
    expect(
      named(
        '“Where are you going?” said Mr. Darcy.',
        '“To the village,” said Elizabeth.',
        'The rain had stopped, and the road was drying in the sun.',
        '“May I walk with you?”',
      ),
    ).toEqual(['Mr. Darcy/named', 'Elizabeth/named', '-']);
  });
});

describe('the narrator', () => {
  it('is named once someone answering them calls them by name', () => {
    expect(
      named(
        '“It is a long way,” said I.',
        '“It is, my dear Watson,” said Holmes. “But we shall go.”',
        '“Very well,” I answered.',
      ),
    ).toEqual(['Watson/narrator', 'Holmes/named', 'Holmes/named', 'Watson/narrator']);
  });

  it('is nobody until then', () => {
    expect(named('“It is a long way,” said I.')).toEqual(['-']);
  });
});

describe('speakers in the margin (S)', () => {
  it('are those of paragraphs that do not name their speaker', () => {
    const article = parseText(
      `A Story\n\n“Where are you going?” said Mr. Darcy.\n\n“To the village,” said Elizabeth.\n\n“May I walk with you?”`,
    );
    const starts = [...article.text.matchAll(/^“/gm)].map((match) => match.index);
    const shown = marginSpeakers(article, starts);
    expect([...shown.values()]).toEqual(['Mr. Darcy']);
    expect(shown.get(starts[2]!)).toBe('Mr. Darcy');
    expect(marginSpeakers(article, [])).toEqual(new Map());
  });
});

describe('names of one person', () => {
  it('are the same when one’s words are among the other’s and titles agree', () => {
    expect(samePerson('Darcy', 'Mr. Darcy')).toBe(true);
    expect(samePerson('Fitzwilliam Darcy', 'Darcy')).toBe(true);
    expect(samePerson('Mr. Bennet', 'Mrs. Bennet')).toBe(false);
    expect(samePerson('Jane', 'Elizabeth')).toBe(false);
  });
});

describe('naming speakers', () => {
  const pieces = [
    '“Yes,” said Anna.',
    '“No,” he said.',
    '“Perhaps.”',
    'Mr. Weston came in.',
    'She said “never” twice.',
    '“Come, Jane,” cried Mrs. Elton, “we are late.”',
    '‘Quite,’ said I.',
    'The rain went on.',
    '“Unclosed',
    '“He said ‘go’ and went,” Harriet replied.',
  ];
  it('never moves, adds or drops a quotation, however the text runs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), {maxLength: 14}),
        fc.array(fc.boolean(), {maxLength: 14}),
        (chosen, breaks) => {
          const body = chosen
            .map((piece, index) => piece + (breaks[index] ? '\n\n' : ' '))
            .join('');
          const article = parseText(`A Story\n\n${body}`);
          const key = (q: {start: number; end: number; level: number}) =>
            `${q.start}-${q.end}-${q.level}`;
          const plain = findQuotations(article, {speakers: false}).map(key);
          const withSpeakers = findQuotations(parseText(`A Story\n\n${body}`));
          expect(withSpeakers.map(key)).toEqual(plain);
          // Only outermost quotations have speakers.
          expect(withSpeakers.filter((q) => q.level > 1 && q.speaker)).toEqual([]);
        },
      ),
      {numRuns: 300},
    );
  });
});
