// Who is speaking: each rule of source/text/speakers.ts on a passage written for it, and a
// property: naming speakers never moves, adds or drops a quotation.
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {parseText} from '../../source/article/parse-text.js';
import {findQuotations, marginSpeakers} from '../../source/text/quotes.js';
import {NAMED, namesOf, readForSpeakers, samePerson} from '../../source/text/speakers.js';
import {readFileSync} from 'node:fs';

/** Each outermost quotation's speaker and how it was found, as `speaker/way`. */
const named = (...paragraphs: string[]) =>
  findQuotations(parseText(`A Story\n\n${paragraphs.join('\n\n')}`))
    .filter((q) => q.level === 1)
    .map((q) => (q.speaker ? `${q.speaker}/${q.speakerBy}` : '-'));

describe('a speaker named beside the quotation', () => {
  it('takes a speech verb either side of the name, after the quotation', () => {
    expect(named('“Come in,” said Mr. Hale, feelingly.')).toEqual(['Mr. Hale/named']);
    expect(named('“Come in,” Tess replied.')).toEqual(['Tess/named']);
    expect(named('“Come in,” Mr. Crane warmly added.')).toEqual(['Mr. Crane/named']);
    expect(named('“Come in,” inquired poor Tom.')).toEqual(['Tom/named']);
  });

  it('takes an adverb before the verb, and speech going on (“Tom was saying”)', () => {
    expect(named('“Come back!” suddenly cried Sikes aloud.')).toEqual(['Sikes/named']);
    expect(named('“Not yet,” Dolokhov was saying.')).toEqual(['Dolokhov/named']);
    expect(named('“The surprise?” joined in Dahlia.')).toEqual(['Dahlia/named']);
    expect(named('“It would be a good scheme,” spoke Arobin.')).toEqual(['Arobin/named']);
    // (A colon and a dash leading in, as older books set it.)
    for (const lead of [
      'Mr. Kay turned to them with a grave face:--',
      'Mr. Kay turned to them with a grave face: —',
      'Mr. Kay--tall and grave--turned to them:--',
    ]) {
      expect(named('Mr. Ward came in.', lead, '“I am cold.”'), lead).toEqual(['Mr. Kay/named']);
    }
    // (Not a colon inside it, nor no colon at all: no lead-in.)
    for (const lead of [
      'Mr. Kay had two things: a hat and a coat,',
      'Mr. Kay waited for the rain',
    ]) {
      expect(named('Mr. Ward came in.', lead, '“Is it over?”'), lead).toEqual(['-']);
    }
    // (Only speech going on: someone pleased or asked is no one speaking.)
    expect(named('“Not yet,” Dolokhov was pleased to hear.')).toEqual(['-']);
    expect(named('“Not yet,” Dolokhov was asked.')).toEqual(['-']);
  });

  it('takes whose words, answer or voice a tag says the quotation was', () => {
    const tags: Array<[tag: string, speaker: string]> = [
      ['was Ada’s answer', 'Ada/named'],
      ['came Mr. Hale’s voice', 'Mr. Hale/named'],
      ['were Colonel Ward’s words', 'Colonel Ward/named'],
      // (A file that has lost its apostrophes: “Ada s answer”.)
      ['was Ada s answer', 'Ada/named'],
      ['was Ada sure', '-'],
    ];
    for (const [tag, speaker] of tags) expect(named(`“Come in,” ${tag}.`), tag).toEqual([speaker]);
  });

  it('takes a lead-in with its verb first (“Said Helen, …”)', () => {
    expect(named('Mr. Ward came in. Said Helen, “Come in.”')).toEqual(['Helen/named']);
    expect(named('Mr. Ward came in.', 'Cried Mr. Kay:', '“Come in.”')).toEqual(['Mr. Kay/named']);
    // (Only the whole clause: “Said Helen to herself that…” leads into nothing.)
    expect(named('Mr. Ward came in. Said Helen to the maid that “it was late”.')).toEqual(['-']);
  });

  it('takes a name set beside a described subject for the subject (“The officer, Priya Nand, said”)', () => {
    expect(
      named(
        'The finance officer, Priya Nand, said the roof could wait. She told them it was “safe for now.”',
      ),
    ).toEqual(['Priya Nand/pronoun']);
  });

  it('takes a name of known gender in the paragraph for a “he said”, subject or not', () => {
    expect(named('Everyone loved Mr. Kay. “Cold,” he said.')).toEqual(['Mr. Kay/pronoun']);
    // (Of several, only those known to be of its gender.)
    expect(
      named('A letter came for Ivo.', 'Then Ivo and Mr. Kay came in. “Cold,” he said.'),
    ).toEqual(['Mr. Kay/pronoun']);
  });

  it('takes a name of no known gender for a “he said” only as a subject in the paragraph', () => {
    expect(
      named('A letter came for Ivo.', 'Ivo sat down by the fire. “I was cold,” said he.'),
    ).toEqual(['Ivo/pronoun']);
    expect(
      named('He had loved a dancer named Nahenry, and often spoke of her. “I was cold,” said he.'),
    ).toEqual(['-']);
  });

  it('names no one for “said somebody” or “said another”, and the turns carry nothing to it', () => {
    for (const someone of ['shouted somebody', 'said another', 'cried someone']) {
      expect(
        named('“Who is there?” said Mr. Ward.', '“A friend,” said Tess.', `“Stop!” ${someone}.`),
        someone,
      ).toEqual(['Mr. Ward/named', 'Tess/named', '-']);
    }
  });

  it('takes “said a maid” for someone new, not whose turn it is', () => {
    const run = [
      '“Who is there?” said Mr. Ward.',
      '“A friend,” said Tess.',
      '“Where?” said Mr. Ward.',
    ];
    expect(named(...run, '“Please, sir!” whispered a maid.').at(-1)).toEqual('-');
    // (“cried the girl” may be one of them: the turns name her.)
    expect(named(...run, '“Here!” cried the girl.').at(-1)).toEqual('Tess/turn');
  });

  it('never takes for a “he said” the one the tag says it to', () => {
    for (const tag of ['he said suddenly to Jack', 'he said to Jack', 'he asked Jack']) {
      expect(named('“Good night,” said Jack.', `“Where are you off to?” ${tag}.`), tag).toEqual([
        'Jack/named',
        '-',
      ]);
    }
    // (Nor by the turns or the scene later; left a “he said”, not the woman's whose turn it is.)
    const ward = ['“Hello,” said Mrs. Lowe.', '“Good night,” said Mr. Ward.'];
    expect(named(...ward, '“Bed?” he said.')).toEqual([
      'Mrs. Lowe/named',
      'Mr. Ward/named',
      'Mr. Ward/pronoun',
    ]);
    expect(named(...ward, '“Bed?” he said to Mr. Ward.')).toEqual([
      'Mrs. Lowe/named',
      'Mr. Ward/named',
      '-',
    ]);
    // (Only the one said to: not another named after “to”.)
    const scene = ['Then Tom came by, and he knocked.', 'Mr. Kay sat down by the fire.'];
    expect(named(scene[0]!, `${scene[1]} “Sit down,” he said to Ann.`)).toEqual([
      'Mr. Kay/pronoun',
    ]);
  });

  it('takes a person the tag calls by what they do: “said the policeman”', () => {
    expect(named('“Move along,” said the policeman, stepping into the yard.')).toEqual([
      'the policeman/named',
    ]);
    expect(named('“Dinner,” the cook announced.')).toEqual(['the cook/named']);
    expect(named('“Dinner,” the cook gravely said.')).toEqual(['the cook/named']);
    expect(named('“I hope so,” said the dancer with a puzzled smile.')).toEqual([
      'the dancer/named',
    ]);
    // Carried by the turns as a name is.
    expect(
      named('“Who is there?” said the keeper.', '“A friend,” said Tess.', '“Prove it.”'),
    ).toEqual(['the keeper/named', 'Tess/named', 'the keeper/turn']);
    // (Whose “the” is no name a quotation calls them by.)
    expect(named('“Stop!” said the keeper.', '“Why?” said Tess.', '“Oh, the—”')).toEqual([
      'the keeper/named',
      'Tess/named',
      'the keeper/turn',
    ]);
  });

  it('takes no description that says nothing of who, nor words that are no one', () => {
    for (const tag of [
      'said the girl',
      'said the old man',
      'said the anaemic cabman',
      'said the hump-backed man',
      'said the doctor',
      'said the stranger',
      'the consideration checked him',
      'the absurd answer came',
    ]) {
      expect(named(`“Dinner,” ${tag}.`), tag).toEqual(['-']);
    }
    expect(named('Petulant cries of “Auntie!” severed the air.')).toEqual(['-']);
  });

  it('takes a name with its possessive mark for the name (Marius’ heart)', () => {
    for (const heart of ['Marius’ heart', 'Marius’s heart', "Marius' heart"]) {
      expect(
        named('A letter came for Marius.', `${heart} beat fast. “It is her,” he said.`),
        heart,
      ).toEqual(['Marius/pronoun']);
    }
  });

  it('takes the subject after a participle for whom narration is about (“Taking his hand, Mr. Kay…”)', () => {
    expect(
      named(
        'Mr. Ward stood by the door.',
        'Taking his hand and drawing him down, Mr. Kay kissed him on the cheek.',
        '“Go your way,” he said.',
      ),
    ).toEqual(['Mr. Kay/pronoun']);
  });

  it('takes a capitalised word after “a” or “the” for a thing, not a name (a Potsdam parade)', () => {
    const passage = [
      'Javert came in.',
      'Passing them in review with a glance of a Frederick at a Potsdam parade, he said: “Good day.”',
    ];
    expect(named(...passage)).not.toContain('Potsdam/pronoun');
  });

  it('takes no word that opens sentences for a name (“Having said this, he…”)', () => {
    for (const opener of ['Having', 'During the dance', 'Another']) {
      expect(named(`${opener} said this he turned away. “Good night,” he said.`), opener).toEqual([
        '-',
      ]);
    }
  });

  it('takes an epithet before a name for no part of it, and a nation’s adjective for no one', () => {
    expect(named('“Dinner,” said Old Stephen.')).toEqual(['Stephen/named']);
    expect(named('“Dinner,” said Young Cecil.')).toEqual(['Cecil/named']);
    // (“English” before “he”, read as a man's name, would answer “he said”.)
    const english = 'All that summer, in good plain English, he told them so, and he stayed.';
    expect(named(english, '“It is late,” he said.')).toEqual(['-']);
  });

  it('takes any past tense right after the quotation as the tag', () => {
    expect(named('“Don’t tell me,” pouted Ada.')).toEqual(['Ada/named']);
    expect(named('“Cold?” Mrs. Lowe considered.')).toEqual(['Mrs. Lowe/named']);
  });

  it('takes the clause that leads into it, and its subject, not its object', () => {
    // (Nora opens its sentence: a name, as the sentence before showed.)
    expect(
      named('The picture pleased Nora. Nora turned to Tess and said, “It is pretty.”'),
    ).toEqual(['Nora/named']);
    expect(named('A knock was heard, and Owen exclaimed: “It is only Mr. Pike.”')).toEqual([
      'Owen/named',
    ]);
    expect(named('At last, with some hesitation, Tess said-- “I am sure.”')).toEqual([
      'Tess/named',
    ]);
    // A word that may be a preposition, right before the one who speaks.
    expect(
      named('No sooner was she out of sight, than Owen exclaimed,', '“What a fine day it is.”'),
    ).toEqual(['Owen/named']);
    // (Not the one after a preposition who does not speak: "to Tess".)
    expect(named('The picture pleased Nora. Nora, turning to Tess, said, “It is pretty.”')).toEqual(
      ['Nora/named'],
    );
  });

  it('takes the clause that leads into it before what follows it', () => {
    // What follows is narration, or the next quotation's tag.
    expect(named('Dale said, “I was coming,” while Nora edged away.')).toEqual(['Dale/named']);
    expect(named('And when Mr. Pike said, “Take it,” she answered, “Thank you.”')).toEqual([
      'Mr. Pike/named',
      '-',
    ]);
    // (A clause set off by no mark leads into nothing.)
    expect(named('Tom looked up. Owen cries of “Help!” severed the air.')).toEqual(['-']);
    expect(named('Tom looked up, and Owen cries of “Help!” severed the air.')).toEqual(['-']);
  });

  it('finds the subject in the words between commas when none is before them', () => {
    expect(
      named('When they reached the room, Nora taking out the letter, said,', '“This is from Kit.”'),
    ).toEqual(['Nora/named']);
  });

  it('keeps the title of a name after a sentence’s first word', () => {
    expect(named('As Mrs. Lowe observed, “It is late.”')).toEqual(['Mrs. Lowe/named']);
    expect(named('Then Dr. Pike said: “It is late.”')).toEqual(['Dr. Pike/named']);
  });

  it('drops a word in capitals opening the name (a chapter’s first words)', () => {
    expect(named('WHEN Nora came in, the fire was lit.', '“Cold,” said Nora.')).toEqual([
      'Nora/named',
    ]);
    expect(named('“Cold,” said WHEN Nora.')).toEqual(['Nora/named']);
  });

  it('passes over an aside between the subject and the verb', () => {
    expect(
      named(
        'We asked Ian Reed. Ian Reed, one of the leading American voices on it, said he was “appalled”.',
      ),
    ).toEqual(['Ian Reed/named']);
    // (A name seen nowhere else counts right before its verb: the aside keeps its place.)
    expect(named('Kit Orme, a keeper of the light, said, “The lamp is lit.”')).toEqual([
      'Kit Orme/named',
    ]);
    // (Nor does a link's note after the name, as a web page's text has.)
    expect(
      named('Ian Reed[5], one of the leading American voices on it, said he was “appalled”.'),
    ).toEqual(['Ian Reed/named']);
  });

  it('names nobody for a description, and lets no other rule guess then', () => {
    expect(named('“Hello,” said Nora.', '“Hello,” said her sister.')).toEqual(['Nora/named', '-']);
  });

  it('takes no capitalised word for a name unless it is one', () => {
    // A word opening a sentence, far from the verb, is a name only once seen inside one.
    expect(named('Line 4 says “quote number 4” and goes on.')).toEqual(['-']);
    expect(named('They met in January. January came and said “snow”.')).toEqual(['-']);
    expect(named('“Yes,” said I. The next day it rained.')).toEqual(['-']);
    // (A way of calling someone titled is not their name.)
    expect(named('“It is late,” said her Ladyship.')).toEqual(['-']);
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
    expect(named('Mr. Marsh came in. “It is late,” he said.')).toEqual(['Mr. Marsh/pronoun']);
    // (Not a place or a thing called "the …", but a title so called.)
    expect(named('They turned into the Great North Road. “It is late,” he said.')).toEqual(['-']);
    expect(named('In came the Colonel. “It is late,” he said.')).toEqual(['Colonel/pronoun']);
  });

  it('takes, of two of its gender named before it in the paragraph, a sentence’s subject', () => {
    expect(named('Mr. Pike turned to where Mr. Noah slept. “Well!” he said.')).toEqual([
      'Mr. Pike/pronoun',
    ]);
    expect(named('So Mr. Pike turned to where Mr. Noah slept. “Well!” he said.')).toEqual([
      'Mr. Pike/pronoun',
    ]);
    expect(named('Mr. Pike woke. The rain fell on Mr. Noah. “Well!” he said.')).toEqual([
      'Mr. Pike/pronoun',
    ]);
    // (The later of two subjects; the last named when neither is one.)
    expect(named('Mr. Noah slept. Mr. Pike turned to him. “Well!” he said.')).toEqual([
      'Mr. Pike/pronoun',
    ]);
    expect(named('Mrs. Ada saw Mr. Noah and Mr. Pike. “Well!” he said.')).toEqual([
      'Mr. Pike/pronoun',
    ]);
  });

  it('takes the one of two speakers who is of its gender', () => {
    expect(
      named(
        '“Good morning,” said Mr. Marsh.',
        '“Good morning,” said Mrs. Crane.',
        '“Is it?” he said.',
      ),
    ).toEqual(['Mr. Marsh/named', 'Mrs. Crane/named', 'Mr. Marsh/pronoun']);
    // (Not after a page of narration, where someone else may have come in.)
    const page = `Mr. Kay came in. ${'The rain fell. '.repeat(70)}At last Mr. Kay sat down.`;
    expect(
      named(
        '“Good morning,” said Mr. Marsh.',
        '“Good morning,” said Mrs. Crane.',
        page,
        '“Is it?” he said.',
      ).at(-1),
    ).toBe('Mr. Kay/pronoun');
  });

  it('learns a gender from the pronouns after a name that is a subject, not a place', () => {
    expect(
      named(
        'It was Maud who saw it first. Maud walked up to Hill Farm and she smiled at the door.',
        '“Hello,” said Maud.',
        '“Hello,” said Walt.',
        '“Is this the house?” she said.',
      ),
    ).toEqual(['Maud/named', 'Walt/named', 'Maud/pronoun']);
  });

  it('reads “He” or “She” opening the sentence after a quotation as the pronoun it is', () => {
    // (Both women: whose turn it is tells which.)
    expect(
      named(
        '“Is it late?” said Mrs. Crane.',
        '“Not yet,” said Ivy.',
        '“Because you think—” She paused.',
        '“I think nothing.”',
      ),
    ).toEqual(['Mrs. Crane/named', 'Ivy/named', 'Mrs. Crane/pronoun', 'Ivy/turn']);
    expect(named('“Come in,” said Mr. Ward.', '“It is late.” She rose to go.')).toEqual([
      'Mr. Ward/named',
      '-',
    ]);
    expect(named('Mr. Marsh came in with Ivy.', '“It is late.” He nodded.')).toEqual([
      'Mr. Marsh/pronoun',
    ]);
    // (Names that begin or end so are names.)
    expect(named('“Come in,” said Helen.', '“Come in,” said Ashe.')).toEqual([
      'Helen/named',
      'Ashe/named',
    ]);
  });

  it('takes nobody for “she” whom the quotation itself names', () => {
    const ann = ['Tom met Ann Lowe at the gate, and she was cold.', 'Ann looked away.'];
    expect(named(...ann, '“Make Ann one of us,” she said.')).toEqual(['-']);
    expect(named(...ann, '“Ann,” she said.')).toEqual(['-']);
    expect(named(...ann, '“Make Tom one of us,” she said.')).toEqual(['Ann/pronoun']);
    expect(named(...ann, '“Make Annie one of us,” she said.')).toEqual(['Ann/pronoun']);
    expect(named(...ann, '“Make McAnn one of us,” she said.')).toEqual(['Ann/pronoun']);
    // (Any of a person's names: "Ann" is Ann Lowe's.)
    const lowe = ['Tom met Mrs. Ann Lowe at the gate.', 'Mrs. Ann Lowe looked away.'];
    expect(named(...lowe, '“Make Ann one of us,” she said.')).toEqual(['-']);
    // (A name beside the quotation is the speaker's, whatever the quotation says.)
    expect(named('“I am Ann,” said Ann.')).toEqual(['Ann/named']);
  });

  it('takes whom the narration just before is about over the one of two who spoke last', () => {
    const spoke = [
      'It was cold, and Ivy said she would walk, and Tom said he would not.',
      '“Is it far?” said Mrs. Crane.',
      '“Not very,” said Mr. Marsh.',
    ];
    const asked = '“Did you think I was afraid?” she asked him.';
    const ivy = 'Ivy had not gone a mile before she was overtaken by Tom.';
    expect(named(...spoke, ivy, asked).at(-1)).toBe('Ivy/pronoun');
    // (Back past a sentence about a man: the narration is still about her.)
    const tom = 'Ivy walked on. Tom caught her up, and he was out of breath.';
    expect(named(...spoke, tom, asked).at(-1)).toBe('Ivy/pronoun');
    // (Nothing about anyone: the one of the two who spoke last.)
    expect(named(...spoke, 'The road was long.', asked).at(-1)).toBe('Mrs. Crane/pronoun');
  });

  it('doubts a “he said” for the one the tag of the paragraph right after it names', () => {
    const spoke = [
      'Mr. Marsh came in, and Tom said he was cold.',
      '“Good morning,” said Mr. Marsh.',
    ];
    const crane = '“Good morning,” said Mrs. Crane.';
    const asked = '“Is it?” he said.';
    expect(named(...spoke, crane, asked, '“It is,” said Tom.')).toEqual([
      'Mr. Marsh/named',
      'Mrs. Crane/named',
      'Mr. Marsh/pronoun',
      'Tom/named',
    ]);
    expect(named(...spoke, crane, asked, '“It is,” said Mr. Marsh.')).toEqual([
      'Mr. Marsh/named',
      'Mrs. Crane/named',
      '-',
      'Mr. Marsh/named',
    ]);
    // (Only for a tag with the name: a "he said" after it is no doubt.)
    expect(named(...spoke, crane, asked, '“It is,” he said.')[2]).toBe('Mr. Marsh/pronoun');
    // (Another's quotation in the same paragraph keeps its own tag.)
    const tom = `${asked.slice(0, -1)}. “It is,” said Tom.`;
    expect(named(...spoke, crane, tom, '“It is,” said Mr. Marsh.')).toEqual([
      'Mr. Marsh/named',
      'Mrs. Crane/named',
      '-',
      'Tom/named',
      'Mr. Marsh/named',
    ]);
    // (Only right after it: narration between, and the "he" stands.)
    const between = [crane, 'The rain fell.', asked, 'He waited.', '“It is,” said Mr. Marsh.'];
    expect(named(...spoke, ...between)[2]).toBe('Mr. Marsh/pronoun');
  });

  it('keeps ten people named last in mind, as rivals for a “she said”', () => {
    const men = (count: number) =>
      `${['Cal', 'Dan', 'Gil', 'Hal', 'Jon', 'Lou', 'Mo', 'Ned', 'Oz', 'Pat']
        .slice(0, count)
        .map((name) => `Mr. ${name}`)
        .join(', ')} sat down.`;
    const passage = (count: number) =>
      named('“It is late,” Ann said.', 'Mrs. Bea came in.', men(count), '“Is it?” she said.');
    // (Mrs. Bea among the last ten named: not the one who spoke, but the one woman there.)
    expect(passage(9)).toEqual(['Ann/named', 'Mrs. Bea/pronoun']);
    expect(passage(10)).toEqual(['Ann/named', 'Ann/pronoun']);
  });

  it('names nobody when both could be meant, or neither is known', () => {
    expect(
      named(
        '“Good morning,” said Mr. Marsh.',
        '“Good morning,” said Mr. Crane.',
        'They walked on up the lane together.',
        '“Is it?” he said.',
      ),
    ).toEqual(['Mr. Marsh/named', 'Mr. Crane/named', '-']);
    expect(named('“No,” he said.')).toEqual(['-']);
  });
});

describe('the turn, in a run of paragraphs of speech', () => {
  it('gives an untagged paragraph the speaker two turns back', () => {
    expect(
      named(
        '“Where are you going?” said Mr. Ward.',
        '“To the village,” said Clara.',
        '“May I walk with you?”',
        '“If you like.”',
      ),
    ).toEqual(['Mr. Ward/named', 'Clara/named', 'Mr. Ward/turn', 'Clara/turn']);
  });

  it('gives it to the one the turn before called by name', () => {
    expect(
      named(
        'Clara sat down beside Ivy.',
        '“Good evening,” said Mr. Ward.',
        '“Good evening,” said Clara. “Ivy, will you pour the tea?”',
        '“Gladly.”',
      ),
    ).toEqual(['Mr. Ward/named', 'Clara/named', 'Clara/named', 'Ivy/turn']);
  });

  it('takes a name said alone with a full stop for an answer, calling no one', () => {
    const lead = 'Mr. Bingham had taken the Hall, and the Lowes talked of nothing else.';
    expect(
      named(
        lead,
        '“Have you heard who has taken the Hall?” said Mrs. Lowe.',
        '“I have not,” said Mr. Lowe.',
        '“Then ask me his name.”',
        '“What is his name?”',
        '“Mr. Bingham.”',
        '“Is he married?”',
      ),
    ).toEqual([
      'Mrs. Lowe/named',
      'Mr. Lowe/named',
      'Mrs. Lowe/turn',
      'Mr. Lowe/turn',
      'Mrs. Lowe/turn',
      'Mr. Lowe/turn',
    ]);
    // (Said alone as a call, it is one: the answer is theirs.)
    const call = (words: string) =>
      named(
        'Clara sat down beside Ivy.',
        '“Good evening,” said Mr. Ward.',
        '“Good evening,” said Clara.',
        words,
        '“Yes?”',
      ).at(-1);
    expect(call('“Ivy!”')).toEqual('Ivy/turn');
    expect(call('“Ivy?”')).toEqual('Ivy/turn');
  });

  it('never to someone the quotation calls by name', () => {
    expect(
      named(
        '“Where are you going?” said Mr. Ward.',
        '“To the village,” said Clara.',
        '“Mr. Ward, may I come?”',
      ),
    ).toEqual(['Mr. Ward/named', 'Clara/named', '-']);
  });

  it('stops at narration between the paragraphs', () => {
    expect(
      named(
        '“Where are you going?” said Mr. Ward.',
        '“To the village,” said Clara.',
        'The rain had stopped, and the road was drying in the sun.',
        '“May I walk with you?”',
      ),
    ).toEqual(['Mr. Ward/named', 'Clara/named', '-']);
  });
});

describe('a conversation read whole', () => {
  it('carries a speaker back to the turn two before a named one, across an unnamed turn', () => {
    expect(
      named('“Where are you going?” said Mr. Ward.', '“To the village.”', '“May I walk with you?”'),
    ).toEqual(['Mr. Ward/named', '-', 'Mr. Ward/turn']);
  });

  it('gives a turn to the one the turn after it calls by name', () => {
    expect(
      named(
        'Mr. Ward met Clara at the gate.',
        '“Where to?” said Mr. Ward.',
        '“Home.”',
        '“Home already, Clara? It is early.”',
      ),
    ).toEqual(['Mr. Ward/named', 'Clara/turn', 'Mr. Ward/turn']);
  });

  it('resolves “he said” by whose turn it is when both are men', () => {
    expect(
      named(
        '“Good morning,” said Mr. Marsh.',
        '“Good morning,” said Mr. Crane.',
        '“Is it?” he said.',
      ),
    ).toEqual(['Mr. Marsh/named', 'Mr. Crane/named', 'Mr. Marsh/pronoun']);
  });

  it('counts who speaks about the turn, not who is only called by name', () => {
    expect(
      named(
        'Ned sat on the lawn by Minnie.',
        '“It is fine,” cried Ned, joining them. “Minnie, do not listen to her.”',
        '“It does not bounce.”',
        '“It bounces enough.”',
        '“No, it does not.”',
        '“Well, it bounces.”',
        '“Hush,” said Mrs. Lowe.',
      ),
    ).toEqual([
      'Ned/named',
      'Ned/named',
      'Minnie/turn',
      'Ned/turn',
      '-',
      'Ned/turn',
      'Mrs. Lowe/named',
    ]);
  });

  it('carries through a third speaker only where the turns either side alternate', () => {
    // (“Three.” cannot be named in order: the turn before it names no one yet.)
    const turns = (one: string, three: string, five: string) => [
      `“One${one},” said Mr. Ward.`,
      '“Two.”',
      `“Three${three}.”`,
      '“Four,” said Ivy.',
      `“Five,” said ${five}.`,
      '“Six,” said Clara.',
    ];
    // (X Y _ Y X, and Clara two turns on: X.)
    expect(named(...turns('', '', 'Mr. Ward'))).toEqual([
      'Mr. Ward/named',
      'Ivy/turn',
      'Mr. Ward/turn',
      'Ivy/named',
      'Mr. Ward/named',
      'Clara/named',
    ]);
    // (Not when the turns after it are not the same two's, nor when it calls X by name.)
    expect(named(...turns('', '', 'Clara'))[2]).toBe('-');
    // (Nor when narration parts X from the turn after it.)
    const parted = turns('', '', 'Mr. Ward');
    expect(named(parted[0]!, 'The rain fell.', ...parted.slice(1))[2]).toBe('-');
    expect(named(...turns(', Clara', '', 'Mr. Ward'))[1]).toBe('Clara/turn');
    expect(named(...turns(', Clara', '', 'Mr. Ward'))[2]).toBe('-');
    const calls = [...turns('', ', Mr. Ward', 'Mr. Ward')];
    calls[1] = '“Two,” said Ivy.';
    expect(named(...calls)[2]).toBe('-');
  });

  it('carries the turn through a sentence of the one who spoke two turns before acting', () => {
    const talk = ['“Is it far?” said Mr. Hale.', '“Not very,” said Ivy.'];
    const after = (beat: string, turn = '“Then we walk.”') => named(...talk, beat, turn).at(-1);
    expect(after('Mr. Hale put down his cup.')).toBe('Mr. Hale/turn');
    // (Two hundred characters at most.)
    const long = (length: number) =>
      `${`Mr. Hale put down his cup${' and saucer'.repeat(30)}`.slice(0, length - 1)}.`;
    expect(after(long(200))).toBe('Mr. Hale/turn');
    expect(after(long(201))).toBe('-');
    // (Not a silent answer, more than a sentence, one about someone else first, or a long one.)
    for (const beat of [
      'Mr. Hale nodded.',
      'The rain fell. Mr. Hale put down his cup.',
      'Ivy watched Mr. Hale put down his cup.',
      `Mr. Hale put down his cup${', and then'.repeat(20)} stood.`,
    ]) {
      expect(after(beat), beat).toBe('-');
    }
    // (Nor a turn that calls him by name, or a "she said".)
    const three = ['“Good day,” said Tom.', ...talk, 'Mr. Hale put down his cup.'];
    expect(named(...three, '“Then we walk.”').at(-1)).toBe('Mr. Hale/turn');
    expect(named(...three, '“Then we walk, Mr. Hale.”').at(-1)).toBe('-');
    expect(after('Mr. Hale put down his cup.', '“Then we walk,” she said.')).toBe('-');
    // (Nor one with narration of its own before it: someone else may act, then speak.)
    expect(after('Mr. Hale put down his cup.', 'The rain fell hard. “Then we walk.”')).toBe('-');
  });

  it('carries no one when three people speak within three turns of it', () => {
    const opening = ['“One,” said Mr. Ward.', '“Two.”', '“Three.”', '“Four,” said Ivy.'];
    expect(named(...opening, '“Five,” said Clara.')).toEqual([
      'Mr. Ward/named',
      '-',
      '-',
      'Ivy/named',
      'Clara/named',
    ]);
    // (A third four turns away may have come in later: the turn is carried. “Three.” has
    // Clara three turns away, but the two turns either side of it alternate, Mr. Ward and
    // Ivy, Ivy and Mr. Ward: it is Mr. Ward's.)
    expect(named(...opening, '“Five.”', '“Six,” said Clara.')).toEqual([
      'Mr. Ward/named',
      'Ivy/turn',
      'Mr. Ward/turn',
      'Ivy/named',
      'Mr. Ward/turn',
      'Clara/named',
    ]);
    // (Two only: the turn two back is theirs, and near a run's start, the turn two ahead.)
    expect(named('“One,” said Mr. Ward.', '“Two.”', '“Three.”', '“Four,” said Ivy.')).toEqual([
      'Mr. Ward/named',
      'Ivy/turn',
      'Mr. Ward/turn',
      'Ivy/named',
    ]);
  });

  it('carries no one into a paragraph that narrates before it quotes', () => {
    expect(
      named(
        '“Where are you going?” said Mr. Ward.',
        '“To the village,” said Clara.',
        'The sign on the gate read: “Keep out.”',
      ),
    ).toEqual(['Mr. Ward/named', 'Clara/named', '-']);
  });

  it('gives the turns a conversation taken up again does not name to the one who spoke before', () => {
    const talk = ({first = 'Ada', pause = 'The fire was low.', answer = '“I cannot.”'}) =>
      named(
        `“It is cold,” said ${first}.`,
        '“Will you come out?” asked Tom.',
        pause,
        answer,
        '“Why not?” said Tom.',
        '“Because it is late.”',
      );
    const taken = (who: string) => [
      `${who}/named`,
      'Tom/named',
      `${who}/turn`,
      'Tom/named',
      `${who}/turn`,
    ];
    const left = (who: string) => [`${who}/named`, 'Tom/named', '-', 'Tom/named', '-'];
    expect(talk({})).toEqual(taken('Ada'));
    // Not after a longer pause: a scene may have changed. (Her father unnamed in it: Ada and Tom
    // are not the only two there, who would have the turns otherwise.)
    const pause = `${'The fire was low. '.repeat(18)}Her father slept.`;
    expect(talk({pause})).toEqual(left('Ada'));
    // Nor to a man when a turn says "she".
    expect(talk({first: 'Mr. Hale', answer: '“I cannot,” she answered.'})).toEqual(
      left('Mr. Hale'),
    );
    // Nor to someone the turns call by name, by any name of theirs; a name said of them is no
    // call.
    expect(talk({answer: '“I cannot, Ada.”'})).toEqual(left('Ada'));
    expect(talk({first: 'Ada Lowe', answer: '“I cannot, Ada.”'})).toEqual(left('Ada Lowe'));
    expect(talk({first: 'Ada Lowe', answer: '“I cannot; Ada Lowe never does.”'})).toEqual(
      taken('Ada Lowe'),
    );
    // (Nor words quoted in narration, a game's name: no one's turn.)
    expect(talk({answer: 'They played at “Kings” by the fire.'})).toEqual([
      'Ada/named',
      'Tom/named',
      '-',
      'Tom/named',
      'Ada/turn',
    ]);
  });

  it('takes the one who acts in the sentence before, but not for words quoted inside one', () => {
    expect(named('Tom saw Clara come in. Clara looked up. “Is it late?”')).toEqual(['Clara/named']);
    expect(named('Tom saw Clara come in. Clara’s “diplomacy” failed.')).toEqual(['-']);
  });

  it('takes the one who acts after a word opening the sentence, before a title', () => {
    expect(named('Mr. Marsh looked up. “It is late.”')).toEqual(['Mr. Marsh/named']);
    expect(named('But Mr. Marsh looked up. “It is late.”')).toEqual(['Mr. Marsh/named']);
    expect(named('Then, Mr. Marsh and Tom Ward came. “It is late.”')).toEqual(['Mr. Marsh/named']);
  });

  it('takes the lead-in that ends the paragraph before', () => {
    expect(
      named('Clara came in. A pause followed, and then Clara began again:', '“It is late.”'),
    ).toEqual(['Clara/named']);
    // (Or with no mark at all, the sentence unfinished: its colon or dash lost from the file.)
    expect(named('There was a silence, and then Syme said in a small voice', '“Yes.”')).toEqual([
      'Syme/named',
    ]);
    // ("He" in it is whom that paragraph names.)
    expect(
      named('“Well,” said Ann. Mr. Knightley came in, and at once did he say,', '“How is Jane?”'),
    ).toEqual(['Ann/named', 'Mr. Knightley/pronoun']);
    // A colon after any verb: whom the sentence is about, when it opens with them alone.
    expect(named('Lucy went quiet. Mr. Eager addressed her gravely:', '“Be calm.”')).toEqual([
      'Mr. Eager/named',
    ]);
    expect(named('And Miss Bly, too, essayed the joke:', '“Let us go.”')).toEqual([
      'Miss Bly/named',
    ]);
    expect(
      named('Tom saw Nora. Nora made no answer, and Mrs. Lowe plunged on at once:', '“Well?”'),
    ).toEqual(['-']);
    // (Nor a word that opens sentences and is no one's name.)
    expect(named('Tom came in. Something stirred in the room:', '“Who is there?”')).toEqual(['-']);
  });

  it('takes a paragraph of narration that ends as someone begins to speak', () => {
    expect(named('The others went out, and Mr. Pike began.', '“It is late.”')).toEqual([
      'Mr. Pike/named',
    ]);
    expect(named('Ada herself answered, lifting her head.', '“No.”')).toEqual(['Ada/named']);
    // Not an answer to a question the paragraph asks, nor something said of before.
    expect(named('“Well?” Mr. Pike asked.', '“No.”')).toEqual(['Mr. Pike/named', '-']);
    expect(named('Ada said nothing to Mr. Pike.', '“No.”')).toEqual(['-']);
    // (The quotation's own tag first.)
    expect(named('Mr. Pike began.', '“It is late,” said Ada.')).toEqual(['Ada/named']);
  });

  it('knows a gender from anywhere in the text, not only near the conversation', () => {
    const far = 'The hills were quiet all that year. '.repeat(60);
    expect(
      named(
        'Dale met Robin Orme at the farm, and she was tired.',
        far,
        '“Good morning,” said Dale.',
        '“Good morning,” said Robin.',
        '“Is it?” she said.',
      ),
    ).toEqual(['Dale/named', 'Robin/named', 'Robin/pronoun']);
  });

  it('gives “said her mother” to the woman whose turn it is, and no one else', () => {
    const talk = (first: string) =>
      named(`“Is it far?” said ${first}.`, '“Not far,” said Tom.', '“Then go,” said her mother.');
    expect(talk('Mrs. Ward')).toEqual(['Mrs. Ward/named', 'Tom/named', 'Mrs. Ward/turn']);
    expect(talk('Mr. Ward')).toEqual(['Mr. Ward/named', 'Tom/named', '-']);
    // (A description of no gender, “said the doctor”: the turns carry to it as to any turn;
    // not to someone new, “said the stranger”, “said a doctor”, “said the first”.)
    const doctor = (tag: string) =>
      named('“Is it far?” said Mrs. Ward.', '“Not far,” said Tom.', `“Then go,” ${tag}.`);
    expect(doctor('said the doctor')).toEqual(['Mrs. Ward/named', 'Tom/named', 'Mrs. Ward/turn']);
    expect(doctor('replied his friend')).toEqual([
      'Mrs. Ward/named',
      'Tom/named',
      'Mrs. Ward/turn',
    ]);
    for (const tag of [
      'said the stranger',
      'said a doctor',
      'said the first',
      'said a man at the door',
    ]) {
      expect(doctor(tag), tag).toEqual(['Mrs. Ward/named', 'Tom/named', '-']);
    }
    // (A woman or a man a word or two after "the": "said the old lady, kindly".)
    const old = (first: string) =>
      named(
        `“Is it far?” said ${first}.`,
        '“Not far,” said Tom.',
        '“Then go,” said the old lady\nkindly; “go at once.”',
      );
    expect(old('Mrs. Ward')).toEqual([
      'Mrs. Ward/named',
      'Tom/named',
      'Mrs. Ward/turn',
      'Mrs. Ward/turn',
    ]);
    expect(old('Mr. Ward')).toEqual(['Mr. Ward/named', 'Tom/named', '-', '-']);
    expect(
      named('“Is it far?” said Mr. Ward.', '“Not far,” said Tom.', '“Go,” said the very old man.'),
    ).toEqual(['Mr. Ward/named', 'Tom/named', 'Mr. Ward/turn']);
  });

  it('gives a description the turns do not name whom it named twice in the conversation', () => {
    const turns = (ask: string, answer: string) => [
      `“${ask}?” said Tom.`,
      '“No,” said the girl.',
      '“Tired?”',
      `“${answer},” said Mrs. Lowe.`,
    ];
    const away = ['Tom looked away.', '“Well,” said the girl.'];
    // (“The girl” is Mrs. Lowe by the turns, twice: so she is where no turn says.)
    expect(
      named(...turns('Cold', 'Yes'), 'The fire was low.', ...turns('Hungry', 'No'), ...away).at(-1),
    ).toBe('Mrs. Lowe/turn');
    // Not once only, nor when it is named otherwise as often, nor one the quotation names.
    expect(named(...turns('Cold', 'Yes'), 'The fire was low.', ...away).at(-1)).toBe('-');
    const pause = 'The fire was low.';
    const twice = [...turns('Cold', 'Yes'), pause, ...turns('Hungry', 'No'), pause];
    const hart = ['“Warm?” said Tom.', '“No,” said the girl.', '“Sure?”', '“Yes,” said Miss Hart.'];
    expect(named(...twice, ...hart, pause, ...hart, ...away).at(-1)).toBe('-');
    const lowe = ['Tom looked away.', '“Mrs. Lowe is here,” said the girl.'];
    expect(named(...twice, ...lowe).at(-1)).toBe('-');
    // Two times in three is enough; a turn the turns named keeps its name.
    const thrice = named(...hart, pause, ...twice, ...away);
    expect([thrice[1], thrice.at(-1)]).toEqual(['Miss Hart/turn', 'Mrs. Lowe/turn']);
    // (The same words, however the lines fall or an adverb follows.)
    const wrapped = (ask: string, tag: string) => [
      `“${ask}?” said Tom.`,
      `“No,” said ${tag}.`,
      '“Tired?”',
      '“Yes,” said Mrs. Lowe.',
    ];
    const alike = [
      ...wrapped('Cold', 'the\n  girl'),
      pause,
      ...wrapped('Hungry', 'the girl quietly'),
      ...away,
    ];
    expect(named(...alike).at(-1)).toBe('Mrs. Lowe/turn');
  });

  it('takes “she said” to be whom the paragraph before called by name', () => {
    expect(
      named(
        'Mr. Ward met Ann at the gate.',
        '“Are you well, Ann?” said Mr. Ward.',
        '“Very well,” she said.',
        '“Good, Mr. Ward.”',
      ),
    ).toEqual(['Mr. Ward/named', 'Ann/pronoun', '-']);
  });

  it('takes “she said” to be who said something in the paragraph of narration before', () => {
    expect(named('Ann said it would rain.', '“Bring a coat,” she said.')).toEqual(['Ann/pronoun']);
    // (Not where the narration says it in passing.)
    expect(
      named('The sky darkened, and Ann said it would rain.', '“Bring a coat,” she said.'),
    ).toEqual(['-']);
  });

  it('takes “she said” to be who acts in the narration just before, known to be a woman', () => {
    const opening = 'Tom met Ann Lowe at the gate, and she was cold.';
    expect(named(opening, 'Ann looked away.', '“It is late,” she said.')).toEqual(['Ann/pronoun']);
    // (Not a place after a preposition opening the sentence: “To Kent she wrote”, nor after
    // one within it: “On the last day in Kent she wrote”.)
    // (Her sister, a woman unnamed, keeps the one woman named near from answering instead.)
    const kent = 'Tom met Kent at the gate, and she was cold. Her sister slept.';
    expect(named(kent, 'To Kent she wrote at once.', '“It is late,” she said.')).toEqual(['-']);
    expect(
      named(kent, 'On the last day of the year in Kent she wrote.', '“It is late,” she said.'),
    ).toEqual(['-']);
    // (Of no known gender, or a word opening sentences only, “Dropping her gaze, she…”.)
    expect(named('Ann looked away.', '“It is late,” she said.')).toEqual(['-']);
    expect(
      named(
        `${opening} Her sister slept.`,
        'Dropping her gaze, she sat.',
        'Dropping the cup, she wept.',
        '“No,” she said.',
      ),
    ).toEqual(['-']);
    // Back through sentences whose subject is hers ("she", or no one), to her name.
    expect(
      named(opening, 'Ann looked away. She was tired, and the fire was low.', '“No,” she said.'),
    ).toEqual(['Ann/pronoun']);
    // (Past a word opening the sentence before a title: "But Mrs. Lowe…", not "When Mrs. Lowe…".)
    const lowe = 'Tom met Mrs. Lowe at the gate.';
    expect(named(lowe, 'But Mrs. Lowe was tired.', '“No,” she said.')).toEqual([
      'Mrs. Lowe/pronoun',
    ]);
    expect(
      named(`${lowe} Her sister slept.`, 'When Mrs. Lowe was tired, it rained.', '“No,” she said.'),
    ).toEqual(['-']);
    // Not past a sentence about someone else.
    const sister = `${opening} Her sister slept.`;
    expect(named(sister, 'Ann looked away. Tom was tired. She wept.', '“No,” she said.')).toEqual([
      '-',
    ]);
  });

  it('leaves “he said” to the turns when a third person spoke lately', () => {
    const people = ['“One,” said Mr. Ward.', '“Two,” said Ivy.', '“Three,” said Mr. Pike.'];
    expect(named(...people, '“Four,” he said.')).toEqual([
      'Mr. Ward/named',
      'Ivy/named',
      'Mr. Pike/named',
      '-',
    ]);
    // (Two only: the one of them who is a man.)
    expect(named(...people.slice(1), '“Four,” he said.')).toEqual([
      'Ivy/named',
      'Mr. Pike/named',
      'Mr. Pike/pronoun',
    ]);
  });

  /** Narration that says Ann is a woman, and another who comes in. */
  const ann = 'That night Ann Lowe came in, and she sat down by the fire.';
  const ivy = 'The door opened, and Ivy Hart came in, and she stood by it.';

  it('takes a “she said” nothing near answers to be the one the story follows, in the scene', () => {
    // (Ada is whom the text has "she" after most, twenty times or more: the one it follows.)
    const storyOf = (times: number) => [
      Array.from({length: times}, () => 'At noon Ada woke, and she ate.').join(' '),
      'Tom came by, and he knocked.',
      'Nothing more happened that week. '.repeat(15),
    ];
    const story = storyOf(20);
    const scene = 'Ada and Tom sat by the fire.';
    const pause = 'He looked at her. She hardly knew what to say.';
    const said = '“It is late,” she said.';
    expect(named(...story, scene, pause, said)).toEqual(['Ada/pronoun']);
    // Not a person the text has "she" after fewer times: a page's, not a story's. (With her
    // mother in the scene, unnamed: the one woman named near would answer otherwise.)
    const mother = 'Ada and Tom sat by the fire, and her mother slept.';
    expect(named(...story, mother, pause, said)).toEqual(['Ada/pronoun']);
    expect(named(...storyOf(19), mother, pause, said)).toEqual(['-']);
    // Not when another woman was among the last three people named…
    const visit = 'Ada sat by the fire, and Mrs. Lowe came in with Tom and Ned.';
    expect(named(...story, visit, pause, said)).toEqual(['-']);
    // …only before them.
    const earlier = 'Mrs. Lowe left, and Ada sat by the fire with Tom and Ned.';
    expect(named(...story, earlier, pause, said)).toEqual(['Ada/pronoun']);
    // Nor when the scene does not name her.
    expect(named(...story, 'Tom sat by the fire, and her mother slept.', pause, said)).toEqual([
      '-',
    ]);
    // Nor for a pronoun of the other gender.
    expect(named(...story, scene, pause, '“It is late,” he said.')).toEqual(['-']);
  });

  it('takes a “she said” nothing else answers to be the one woman named in the narration before it', () => {
    // (Ann Lowe is a woman the text names twice with “she”: a person, not a word.)
    const lowe =
      'That night Ann Lowe came in, and she sat down. Ann Lowe was tired, and she slept.';
    // (And Tom a man: he is no one's rival for a “she said”.)
    const tom = 'That day Tom came by, and he knocked. At noon Tom was wet, and he sat.';
    const rain = 'The rain fell all night. It was cold, and the wind was high.';
    const said = '“It is late,” she said.';
    expect(named(lowe, tom, rain, said)).toEqual(['Ann Lowe/pronoun']);
    // (Or speaking there: one who spoke is in the scene.)
    expect(named('“Come in,” said Ann Lowe.', tom, rain, said)).toEqual([
      'Ann Lowe/named',
      'Ann Lowe/pronoun',
    ]);
    // (Not one named in a quotation, though it runs on over paragraphs; Ivy Hart is a woman the
    // text has named long before.)
    const far = 'The hills were quiet all that year. '.repeat(50);
    const hart = 'That day Ivy Hart came, and she sat. At noon Ivy Hart rose, and she left.';
    const letter = ['“Ivy Hart came today,', '“and she left at noon.”'];
    expect(named(hart, far, lowe, tom, ...letter, rain, said).at(-1)).toBe('Ann Lowe/pronoun');
    // (Nor one described, or speaking, before the 1,500 characters: in a paragraph that ends
    // within them, in a conversation that goes on.)
    const mother = `Her mother slept. ${`${rain} `.repeat(25)}`;
    expect(named(mother, lowe, rain, said)).toEqual(['Ann Lowe/pronoun']);
    const long = (who: string) => `“${'Yes. '.repeat(240)}” said ${who}.`;
    const hello = '“Hello,” said Mrs. Hart.';
    expect(named(hello, long('Tom'), long('Ned'), lowe, rain, said).at(-1)).toBe(
      'Ann Lowe/pronoun',
    );
    // (Not one named after it in its own paragraph: whom she speaks to.)
    const spoke = 'At last she looked up. “It is late,” she said, and';
    expect(named(hart, far, lowe, tom, rain, `${spoke} Ivy Hart nodded.`)).toEqual([
      'Ann Lowe/pronoun',
    ]);
    expect(named(lowe, tom, rain, `${spoke} her mother nodded.`)).toEqual(['Ann Lowe/pronoun']);
    // (Only one who acts there: a woman whose dog barks, or whom someone thinks of, is not
    // there; “the Hart cottage” is no one's; and a woman named in a paragraph only before the
    // 1,500 characters is not there.)
    for (const mention of ['That day Ivy Hart’s dog barked.', 'Everyone loved Ivy Hart.']) {
      expect(named(hart, far, lowe, mention, rain, said), mention).toEqual(['Ann Lowe/pronoun']);
    }
    expect(named(hart, far, lowe, 'That day Ivy Hart sat by the fire.', rain, said)).toEqual(['-']);
    expect(named(hart, far, lowe, 'They walked past the Hart cottage.', rain, said)).toEqual([
      'Ann Lowe/pronoun',
    ]);
    const waved = `Ivy Hart waved. ${`${rain} `.repeat(25)}`;
    expect(named(hart, far, waved, lowe, rain, said)).toEqual(['Ann Lowe/pronoun']);
    // Not with another woman named there, or speaking there (named before it)…
    expect(named(lowe, tom, ivy, rain, said)).toEqual(['-']);
    const speech = `Ivy Hart said: “${'It rained. '.repeat(150)}”`;
    expect(named(ivy, far, speech, lowe, rain, said)).toEqual(['Ivy Hart/named', '-']);
    expect(named(ivy, far, lowe, rain, said)).toEqual(['Ann Lowe/pronoun']);
    // …nor one described without her name: she may be the one speaking.
    expect(named(lowe, tom, 'Her mother was asleep upstairs.', rain, said)).toEqual(['-']);
    expect(named(lowe, tom, 'The old woman was asleep upstairs.', rain, said)).toEqual(['-']);
    // (Acting there: one only looked for is not.)
    expect(named(lowe, tom, 'Ann Lowe looked for her mother.', rain, said)).toEqual([
      'Ann Lowe/pronoun',
    ]);
    // Only within the 1,500 characters before it.
    const night = `${rain} `.repeat(22);
    const fromName = 'Ann Lowe was tired, and she slept.\n\n'.length;
    expect(fromName + `${tom}\n\n${night}\n\n`.length).toBeLessThan(1500);
    expect(fromName + `${tom}\n\n${rain} ${night}\n\n`.length).toBeGreaterThan(1500);
    expect(named(lowe, tom, night, said)).toEqual(['Ann Lowe/pronoun']);
    expect(named(lowe, tom, `${rain} ${night}`, said)).toEqual(['-']);
    // Of two women there, the one the quotation does not name.
    expect(named(lowe, hart, rain, '“Ivy Hart, come here,” she said.')).toEqual([
      'Ann Lowe/pronoun',
    ]);
    // Not a woman the quotation itself names, nor for a “he said”.
    expect(named(lowe, tom, rain, '“Ann Lowe is late,” she said.')).toEqual(['-']);
    expect(named(lowe, ivy, rain, '“It is late,” he said.')).toEqual(['-']);
  });

  it('gives the unnamed side of a run the one other person the narration before it names', () => {
    const lowe =
      'That night Ann Lowe came in, and she sat down. Ann Lowe was tired, and she slept.';
    const tom = 'That day Tom came by, and he knocked. At noon Tom was wet, and he sat.';
    const talk = ['“Cold?” said Tom.', '“No.”', '“Tired?”', '“A little.”'];
    expect(named(lowe, tom, ...talk)).toEqual([
      'Tom/named',
      'Ann Lowe/turn',
      'Tom/turn',
      'Ann Lowe/turn',
    ]);
    // Not with two others named there, or someone described without a name.
    expect(named(lowe, ivy, tom, ...talk)).toEqual(['Tom/named', '-', 'Tom/turn', '-']);
    expect(named(lowe, `${tom} His father slept.`, ...talk)).toEqual([
      'Tom/named',
      '-',
      'Tom/turn',
      '-',
    ]);
    // (Only mentioned, as well as acting: the scene of two counts every description.)
    expect(named(lowe, `${tom} He thought of his father.`, ...talk)).toEqual([
      'Tom/named',
      '-',
      'Tom/turn',
      '-',
    ]);
    // Not beyond the 1,500 characters before the run.
    const far = 'The hills were quiet all that year. '.repeat(42);
    expect(named(lowe, tom, far, ...talk)).toEqual(['Tom/named', '-', 'Tom/turn', '-']);
    // (Counting whom the run's own tags name.)
    expect(named(lowe, '“Cold?” said Mr. Pike.', '“No.”')).toEqual([
      'Mr. Pike/named',
      'Ann Lowe/turn',
    ]);
    // (The last turn's tag too; and a narrator who speaks is in the scene.)
    expect(named(lowe, '“Cold?”', '“No,” said Mr. Pike.')).toEqual([
      'Ann Lowe/turn',
      'Mr. Pike/named',
    ]);
    expect(named(lowe, '“Cold?” said I.', '“No.”')).toEqual(['-', 'Ann Lowe/turn']);
    // (Someone the narration has speaking is there, known or not: three people.)
    const ivySaid = 'At noon Ivy said that it was late.';
    expect(named(lowe, tom, ivySaid, '“Cold?” said Tom.', '“No.”')).toEqual(['Tom/named', '-']);
    // A run of one turn: of the two there, the one it does not name.
    const bed = 'That night Ann Lowe stood by the bed, and Tom lay on it.';
    expect(named(lowe, tom, bed, '“Tom, get up.”')).toEqual(['Ann Lowe/turn']);
    expect(named(lowe, tom, bed, '“Get up.”')).toEqual(['-']);
    // Both sides, when a turn calls one of them by name.
    expect(named(lowe, tom, '“Ann!”', '“Yes?”', '“Come here.”')).toEqual([
      'Tom/turn',
      'Ann Lowe/turn',
      'Tom/turn',
    ]);
    // Nor when her side has a description, or says her name.
    const girl = ['“Cold?” said Tom.', '“No,” said the girl.', '“Tired?”', '“A little.”'];
    expect(named(lowe, tom, ...girl).filter((_, k) => k % 2 === 1)).toEqual(['-', '-']);
    const hers = ['“Cold?” said Tom.', '“No.”', '“Tired?”', '“Ann Lowe is never tired.”'];
    expect(named(lowe, tom, ...hers).filter((_, k) => k % 2 === 1)).toEqual(['-', '-']);
  });

  it('gives the unnamed side of a run naming one the other who talks on with them after it', () => {
    const talk = ['“Cold?” said Tom.', '“No.”', '“Tired?”', '“A little.”'];
    const fire = 'The fire crackled.';
    const on = ['“Tea?” said Ann Lowe.', '“Yes,” said Tom.'];
    expect(named(...talk, fire, ...on)).toEqual([
      'Tom/named',
      'Ann Lowe/turn',
      'Tom/turn',
      'Ann Lowe/turn',
      'Ann Lowe/named',
      'Tom/named',
    ]);
    // (The other speaking twice there; a turn narrated before its quotation stays no one's.)
    expect(named(...talk, fire, ...on, '“More?” said Ann Lowe.').slice(0, 4)).toEqual([
      'Tom/named',
      'Ann Lowe/turn',
      'Tom/turn',
      'Ann Lowe/turn',
    ]);
    const narrated = ['The sign read: “Keep out.”', '“Is it?” said Tom.', '“Yes.”'];
    expect(named(...narrated, fire, ...on).slice(0, 3)).toEqual([
      '-',
      'Tom/named',
      'Ann Lowe/turn',
    ]);
    // Not when a third speaks there too, or the one named does not, or only far on.
    const ivy = '“Me too,” said Ivy.';
    expect(named(...talk, fire, ...on, ivy).slice(0, 4)).toEqual([
      'Tom/named',
      '-',
      'Tom/turn',
      '-',
    ]);
    expect(named(...talk, fire, on[0]!).slice(0, 4)).toEqual(['Tom/named', '-', 'Tom/turn', '-']);
    // (Within 300 characters of the run; further on, up to 2,000, only one the narration before
    // the run has acting there: by then the one may be talking with someone else.)
    const hills = (times: number) => 'The hills were quiet all that year. '.repeat(times);
    const unnamed = ['Tom/named', '-', 'Tom/turn', '-'];
    const annSide = ['Tom/named', 'Ann Lowe/turn', 'Tom/turn', 'Ann Lowe/turn'];
    expect(named(...talk, hills(7), ...on).slice(0, 4)).toEqual(annSide);
    expect(named(...talk, hills(9), ...on).slice(0, 4)).toEqual(unnamed);
    // (Three there, Mrs. Ward only missed: no scene of two to name the sides.)
    const came = 'That night Ann Lowe came in, and she sat down. Tom missed Mrs. Ward.';
    expect(named(came, ...talk, hills(9), ...on).slice(0, 4)).toEqual(annSide);
    const sign = 'The sign on the gate read: “Keep out.”';
    expect(named(came, ...talk, hills(20), sign, hills(20), ...on).slice(0, 4)).toEqual(annSide);
    expect(named(came, ...talk, hills(30), sign, hills(30), ...on).slice(0, 4)).toEqual(unnamed);
    // (Only mentioned there, not acting: “Tom missed Ann Lowe.”)
    const missed = 'That night Tom missed Ann Lowe and Mrs. Ward.';
    expect(named(missed, ...talk, hills(9), ...on).slice(0, 4)).toEqual(unnamed);
    // Nor on a side whose turns say her name.
    const hers = ['“Cold?” said Tom.', '“No.”', '“Tired?”', '“Ann Lowe is never tired.”'];
    expect(named(...hers, fire, ...on).slice(0, 4)).toEqual(['Tom/named', '-', 'Tom/turn', '-']);
  });

  it('follows the one the text has he or she after most, the first of two as often', () => {
    const times = (count: number, sentence: string) =>
      Array.from({length: count}, () => sentence).join(' ');
    const ada = times(25, 'At noon Ada woke, and she ate.');
    const tom = (count: number) => times(count, 'At noon Tom woke, and he ate.');
    const filler = 'Nothing more happened that week. '.repeat(15);
    const scene = 'Ada and Tom sat by the fire.';
    const pause = 'He looked at her. She hardly knew what to say.';
    const said = '“It is late,” she said.';
    expect(named(ada, tom(20), filler, scene, pause, said)).toEqual(['Ada/pronoun']);
    expect(
      named(times(20, 'At noon Ada woke, and she ate.'), tom(20), filler, scene, pause, said),
    ).toEqual(['Ada/pronoun']);
  });

  it('gives the one the story follows the unnamed side of a run just after narration naming her', () => {
    const story = [
      Array.from({length: 20}, () => 'At noon Ada woke, and she ate.').join(' '),
      'Nothing more happened that week. '.repeat(15),
    ];
    const talk = ['“Cold?” said Tom.', '“No.”', '“Tired?”', '“A little.”'];
    expect(named(...story, 'Ada and Tom sat down.', ...talk)).toEqual([
      'Tom/named',
      'Ada/turn',
      'Tom/turn',
      'Ada/turn',
    ]);
    // (Not when the narration just before does not name her, nor when her side's turns name
    // her; and the one the other side calls by name is theirs before her.)
    // (Her father unnamed there: the one other person named near would answer otherwise.)
    const quoted = ['Tom read “Ada is here” on the card.', 'The fire was low. Her father slept.'];
    expect(named(...story, ...quoted, ...talk)).toEqual(['-', 'Tom/named', '-', 'Tom/turn', '-']);
    // (Nor words quoted in narration, a game's name.)
    const game = [
      '“Cold?” said Tom.',
      'They played at “Kings” by the fire.',
      '“Tired?”',
      '“A little.”',
    ];
    expect(named(...story, 'Ada and Tom sat down.', ...game)[1]).toBe('-');
    const far = `Ada and Tom sat down. Her father slept. ${'The fire was low. '.repeat(20)}`;
    expect(named(...story, far, ...talk)).toEqual(['Tom/named', '-', 'Tom/turn', '-']);
    const ada = ['“Cold?” said Tom.', '“No.”', '“Tired?”', '“Ada is never tired.”'];
    expect(named(...story, 'Ada and Tom sat down.', ...ada)).toEqual([
      'Tom/named',
      '-',
      'Tom/turn',
      '-',
    ]);
    // (Nor for the followed one's own side, a "he said", or a description.)
    const hers = ['“Cold?” said Ada.', '“No.”', '“Tired?”', '“A little.”'];
    // (Her father there, unnamed: Tom is not the one other person named near.)
    expect(named(...story, 'Ada and Tom sat down. Her father slept.', ...hers)).toEqual([
      'Ada/named',
      '-',
      'Ada/turn',
      '-',
    ]);
    const he = ['“Cold?” said Mrs. Lowe.', '“No,” he said.', '“Tired?”', '“A little.”'];
    expect(named(...story, 'Ada and Mrs. Lowe sat down.', ...he).slice(1, 2)).toEqual(['-']);
    const girl = ['“Cold?” said Tom.', '“No,” said the girl.', '“Tired?”', '“A little.”'];
    expect(named(...story, 'Ada and Tom sat down.', ...girl).slice(1, 2)).toEqual(['-']);
    const ivy = ['“Cold?”', '“No,” said Tom.', '“Tired?”', '“Not at all, Ivy.”'];
    expect(named(...story, 'Ada, Ivy and Tom sat down.', ...ivy)).toEqual([
      'Ivy/turn',
      'Tom/named',
      'Ivy/turn',
      'Tom/turn',
    ]);
  });

  it('follows no family name that a man and a woman of the text share', () => {
    const lowe = Array.from({length: 25}, () => 'At noon Lowe woke, and he ate.').join(' ');
    const filler = 'Nothing more happened that week. '.repeat(15);
    const pause = 'She looked at him. He hardly knew what to say.';
    const said = '“It is late,” he said.';
    expect(named(lowe, filler, 'Ada and Lowe sat by the fire.', pause, said)).toEqual([
      'Lowe/pronoun',
    ]);
    const couple = 'Mr. Lowe and Mrs. Lowe came. Mr. Lowe and Mrs. Lowe went.';
    // (Her father in the scene, unnamed: the one man named near would answer otherwise.)
    const father = 'Ada and Lowe sat by the fire, and her father slept.';
    expect(named(lowe, filler, father, pause, said)).toEqual(['Lowe/pronoun']);
    expect(named(lowe, couple, filler, father, pause, said)).toEqual(['-']);
    // (Nor a pair of names seen once; but a family name men alone have is a name to follow.)
    const once = 'Mr. Lowe and Mrs. Lowe came.';
    expect(named(lowe, once, filler, 'Ada and Lowe sat by the fire.', pause, said)).toEqual([
      'Lowe/pronoun',
    ]);
    const men = 'Mr. Lowe and Tom Lowe came. Mr. Lowe and Tom Lowe went.';
    expect(named(lowe, men, filler, 'Ada and Lowe sat by the fire.', pause, said)).toEqual([
      'Lowe/pronoun',
    ]);
    // (First names tell a man and a woman as titles do.)
    const ann = 'At noon Ann woke, and she ate. At dusk Tom slept, and he dreamt.';
    const siblings = 'Ann Lowe and Tom Lowe came. Ann Lowe and Tom Lowe went.';
    expect(named(lowe, ann, siblings, filler, father, pause, said)).toEqual(['-']);
  });

  it('takes “she said” to be the one woman who has spoken, when no other is named lately', () => {
    const story = (...between: string[]) =>
      named(
        ann,
        '“Cold,” said Ann.',
        '“It is,” said Mr. Pike.',
        '“And the road?” asked Mr. Pike.',
        ...between,
        'He looked at the window for a long while, and then at the door.',
        '“Closed,” she said.',
      );
    expect(story()).toEqual(['Ann/named', 'Mr. Pike/named', 'Mr. Pike/named', 'Ann/pronoun']);
    // (Not when another woman is named lately, since the quotation before or earlier.)
    expect(story(ivy).at(-1)).toBe('-');
    const conversation = ['“Cold,” said Ann.', '“It is,” said Mr. Pike.', '“Far?” asked Mr. Pike.'];
    expect(named(ann, ivy, ...conversation, '“Closed,” she said.').at(-1)).toBe('-');
    // (Nor when she is not known to be a woman.)
    expect(named(...conversation, '“Closed,” she said.').at(-1)).toBe('-');
    // (Nor when two women have spoken; one woman by two names is one.)
    const two = ['“Cold,” said Ann.', '“Warm,” said Ivy.', '“Far?” asked Mr. Pike.'];
    expect(named(ann, ivy, ...two, '“Closed,” she said.').at(-1)).toBe('-');
    // (Even when the other woman spoke before the last eight people named.)
    const crowd =
      'Then Mr. Abel, Mr. Bond, Mr. Cole, Mr. Dunn, Mr. Eyre, Mr. Fox, Mr. Gray, Mr. Hale and Mr. Innes came in.';
    expect(
      named(ann, ivy, ...two.slice(0, 2), crowd, ...conversation.slice(1), '“No,” she said.').at(
        -1,
      ),
    ).toBe('-');
    // (A woman named only before the last eight named is no rival.)
    expect(named(ann, ivy, crowd, ...conversation, '“No,” she said.').at(-1)).toBe('Ann/pronoun');
    const once = [...conversation.slice(0, 1), '“Warm,” said Ann Lowe.', ...conversation.slice(1)];
    expect(named(ann, ...once, '“Closed,” she said.').at(-1)).toBe('Ann/pronoun');
    // (Named in order: a woman who speaks only later does not change it.)
    const later = named(ann, ...conversation, '“Closed,” she said.', ivy, '“Open,” said Ivy.');
    expect(later.slice(-2)).toEqual(['Ann/pronoun', 'Ivy/named']);
  });

  it('gives a “she said” left over to the one woman of the whole conversation, named later', () => {
    // (Her sister unnamed in the scene: the one woman named near would answer otherwise.)
    const story = (...more: string[]) =>
      named(
        ann,
        'The wind rose over the hill, and her sister slept.',
        '“Cold,” she said.',
        'The fire crackled for a long while, and the kettle sang.',
        '“It is,” said Mr. Pike.',
        ...more,
        '“Very,” said Ann.',
      );
    expect(story()).toEqual(['Ann/pronoun', 'Mr. Pike/named', 'Ann/named']);
    // (Not when the conversation names another woman.)
    expect(story(ivy)[0]).toBe('-');
  });

  it('takes “she said” from the turn two ahead only when she is known to be a woman', () => {
    const far = 'The hills were quiet all that year. '.repeat(60);
    const story = (who: string, called: string) =>
      named(
        `Dale met ${who} at the farm, and she was tired.`,
        far,
        '“Is it far?” she said.',
        '“Not far,” said Dale.',
        `“Good,” said ${called}.`,
      );
    expect(story('Robin Orme', 'Robin')).toEqual(['Robin/pronoun', 'Dale/named', 'Robin/named']);
    // (Nothing says Lee is a woman: the she of the farm is Robin.)
    expect(story('Robin Orme', 'Lee')).toEqual(['-', 'Dale/named', 'Lee/named']);
  });

  it('carries a speaker as far as sixteen turns, the first tag sixteen paragraphs in', () => {
    const untagged = [...'abcdefghijklmnop'].map((letter) => letter.toUpperCase());
    const turns = named(
      ...untagged.map((word) => `“${word}.”`),
      '“Q,” said Mr. Ward.',
      '“R,” said Clara.',
    );
    expect(turns.slice(0, 2)).toEqual(['Mr. Ward/turn', 'Clara/turn']);
    expect(turns.filter((turn) => turn === '-')).toEqual([]);
  });

  it('carries a speaker from ahead only near the start of a run', () => {
    // (The first turn from the last; then, a round later, the third from the first.)
    expect(named('“One.”', '“Two.”', '“Three.”', '“Four.”', '“Five,” said Ivy.')).toEqual([
      'Ivy/turn',
      '-',
      'Ivy/turn',
      '-',
      'Ivy/named',
    ]);
    // Not into the middle of a run whose ends disagree.
    expect(
      named(
        '“One,” said Tom.',
        '“Two,” said Ann.',
        'The clock struck.',
        '“Three,” said Tom.',
        '“Four.”',
        '“Five.”',
        '“Six.”',
        '“Seven,” said Ivy.',
      ),
    ).toEqual(['Tom/named', 'Ann/named', 'Tom/named', '-', '-', '-', 'Ivy/named']);
  });

  it('carries a speaker past a turn they took twice in a row, from the nearer one', () => {
    expect(
      named(
        '“Is she writing a book?” said Ann.',
        '“A novel, they say,” said Ann.',
        '“Is it?”',
        '“What is it about?”',
        '“Italy,” said Tom.',
        '“How nice.”',
      ),
    ).toEqual(['Ann/named', 'Ann/named', '-', 'Ann/turn', 'Tom/named', 'Ann/turn']);
  });

  it('rules a speaker out of a turn by their own turns one or three away, not further', () => {
    // (Tom at Eight, five turns on from Three: the turns may have shifted by then.)
    expect(
      named(
        '“One,” said Tom.',
        '“Two.”',
        '“Three.”',
        '“Four,” said Ann.',
        '“Five.”',
        '“Six.”',
        '“Seven.”',
        '“Eight,” said Tom.',
      ),
    ).toEqual(['Tom/named', 'Ann/turn', 'Tom/turn', 'Ann/named', '-', '-', '-', 'Tom/named']);
  });

  it('never carries a speaker to a turn next to one of theirs', () => {
    expect(named('“One,” said Mr. Ward.', '“Two.”', '“Three.”', '“Four,” said Mr. Ward.')).toEqual([
      'Mr. Ward/named',
      '-',
      '-',
      'Mr. Ward/named',
    ]);
  });

  it('takes no hint when the turns either side call two people', () => {
    const opening = 'Mr. Ward met Ann and Tom at the gate.';
    expect(named(opening, '“Where to, Ann?”', '“Home.”', '“Home, Tom? So soon?”')).toEqual([
      '-',
      '-',
      '-',
    ]);
    // (One called, the other turn calling no one: the hint holds.)
    expect(named(opening, '“Where to, Ann?”', '“Home.”', '“So soon?”')).toEqual([
      '-',
      'Ann/turn',
      '-',
    ]);
  });

  it('names a quotation the same whether its conversation is named alone or in order', () => {
    const text = [
      '“Where are you going?” said Mr. Ward.',
      '“To the village.”',
      '“May I walk with you?”',
    ];
    const article = parseText(`A Story\n\n${text.join('\n\n')}`);
    const starts = [...article.text.matchAll(/^“/gm)].map((match) => match.index);
    // (The margin names the first paragraph's conversation, whole.)
    expect(marginSpeakers(article, [starts[2]!]).get(starts[2]!)).toBe('Mr. Ward');
  });
});

describe('a spouse or parent a tag describes (“replied his wife”)', () => {
  const hales = 'Mr. Hale and Mrs. Hale came in with Tom, and Mr. Hale and Mrs. Hale sat down.';

  // (Each: the narration before, the two turns, and the speakers named.)
  const cases = (
    table: Array<[narration: string[], first: string, second: string, named: string[]]>,
  ) => {
    for (const [narration, first, second, speakers] of table) {
      expect(named(...narration, first, second), second).toEqual(speakers);
    }
  };

  it('is Mr. or Mrs. and the family name of one who speaks beside them', () => {
    // (As the text writes the title: “Mrs Hale” with no stop.)
    const plain = 'Mr Hale and Mrs Hale came in with Tom, and Mr Hale and Mrs Hale sat down.';
    // (A first name the text gives the family name twice: Ivy Hale's father.)
    const ivy = 'Ivy Hale came in with Tom, and Ivy Hale sat down.';
    cases([
      [
        [hales],
        '“Is it late?” said Mr. Hale.',
        '“No,” replied his wife.',
        ['Mr. Hale/named', 'Mrs. Hale/turn'],
      ],
      [
        [hales],
        '“Is it late?” said Mrs. Hale.',
        '“No,” said her husband.',
        ['Mrs. Hale/named', 'Mr. Hale/turn'],
      ],
      [
        [plain],
        '“Is it late?” said Mr Hale.',
        '“No,” replied his wife.',
        ['Mr Hale/named', 'Mrs Hale/turn'],
      ],
      // (A word after the relation; a speaker after the tag.)
      [
        [hales],
        '“Is it late?” said Mr. Hale.',
        '“No,” replied his wife again.',
        ['Mr. Hale/named', 'Mrs. Hale/turn'],
      ],
      [
        [hales],
        '“Is it late?” replied his wife.',
        '“No,” said Mr. Hale.',
        ['Mrs. Hale/turn', 'Mr. Hale/named'],
      ],
      [
        [hales, ivy],
        '“Is it late?” said Ivy.',
        '“No,” said her father.',
        ['Ivy/named', 'Mr. Hale/turn'],
      ],
    ]);
  });

  it('is no one when the text does not call anyone that twice, or “his” is not theirs', () => {
    const once = 'Mr. Hale and Mrs. Hale came in with Tom.';
    // (A first name the text gives two family names twice, or one only once.)
    const twice = 'Ivy Hale came in, and Ivy Hale and Ivy Lowe sat, and Ivy Lowe slept.';
    const single = 'Ivy Hale came in, and Ivy Hale sat down with Ivy Lowe.';
    const lowes = 'Mr. Lowe came, and Mr. Lowe sat.';
    // (A woman's father beside a man: Tom Hale's father is not "her father".)
    const tom = 'Tom Hale came in with Ivy, and Tom Hale said he was cold.';
    const asked = '“Is it late?” said Mr. Hale.';
    cases([
      [[once], asked, '“No,” replied his wife.', ['Mr. Hale/named', '-']],
      [
        [hales],
        '“Is it late?” said Mrs. Hale.',
        '“No,” replied his wife.',
        ['Mrs. Hale/named', '-'],
      ],
      // (Nor a son or daughter, nor one the quotation calls by name.)
      [[hales], asked, '“No,” said his son.', ['Mr. Hale/named', '-']],
      [[hales], asked, '“No, Mrs. Hale,” replied his wife.', ['Mr. Hale/named', '-']],
      [
        [hales, lowes, twice],
        '“Is it late?” said Ivy.',
        '“No,” said her father.',
        ['Ivy/named', '-'],
      ],
      [
        [hales, single],
        '“Is it late?” said Ivy.',
        '“No,” said her father.',
        ['Ivy/named', 'Mr. Hale/turn'],
      ],
      [[hales, tom], '“Is it late?” said Tom.', '“No,” said her father.', ['Tom/named', '-']],
    ]);
  });
});

describe('other names people are called by (“Meg”)', () => {
  const apart = 'The road went on and on. '.repeat(70);
  const visit = ['“Is it late, Meg?” said Helen.', '“It is,” said Margaret.', apart];
  const called = ['Helen and Tom sat down.', '“Meg, is it cold?” said Helen.', '“It is.”'];

  it('are whose the tags beside the calls name three times or more', () => {
    expect(named(...visit, ...visit, ...visit, ...called).at(-1)).toBe('Margaret/turn');
    expect(named(...visit, ...visit, ...called).at(-1)).not.toBe('Margaret/turn');
  });

  it('are not a name a tag names anyone by, a rank, or a cry', () => {
    const named3 = (call: string, answer = 'Margaret') => {
      const one = [`“Is it late, ${call}?” said Helen.`, `“It is,” said ${answer}.`, apart];
      const last = ['Helen and Tom sat down.', `“${call}, is it cold?” said Helen.`, '“It is.”'];
      return named(...one, ...one, ...one, ...last).at(-1);
    };
    expect(named3('Meg')).toBe('Margaret/turn');
    // (Called first in the quotation, or after the first call an answer by someone else.)
    const first = ['“Meg, is it late?” said Helen.', '“It is,” said Margaret.', apart];
    expect(named(...first, ...first, ...first, ...called).at(-1)).toBe('Margaret/turn');
    const byAnn = ['“Is it late, Meg?” said Helen.', '“It is,” said Ann.', apart];
    expect(named(...byAnn, ...visit, ...visit, ...visit, ...called).at(-1)).toBe('Margaret/turn');
    // (Not the caller's own name: Helen answering her own call.)
    const own = ['“Is it late, Meg?” said Helen.', '“It is,” said Helen.', apart];
    const tom = ['Helen and Tom sat down.', '“Meg, is it cold?” said Tom.', '“It is.”'];
    expect(named(...own, ...own, ...own, ...tom).at(-1)).toBe('-');
    // (Nor a title a tag gives alone: “said Prince Andrew” is not Andrew's name.)
    const prince = ['“Is it late, Andrew?” said Helen.', '“It is,” said Prince Andrew.', apart];
    const andrew = ['Helen and Tom sat down.', '“Andrew, is it cold?” said Helen.', '“It is.”'];
    expect(named(...prince, ...prince, ...prince, ...andrew).at(-1)).not.toBe('Prince/turn');
    // (A call by both names is one call: “Meg, …, Margaret?” / “…,” she said.)
    const both = [
      'Helen and Ann sat down, and Margaret said she was cold, and Ann said she was not.',
      '“Meg, is it cold, Margaret?” said Helen.',
      '“It is,” she said.',
    ];
    expect(named(...visit, ...visit, ...visit, ...both).at(-1)).toBe('Margaret/pronoun');
    expect(named3('Sire')).not.toBe('Margaret/turn');
    expect(named3('O Lord')).not.toBe('Margaret/turn');
    // (Kit is a tag's name: Kit's own, whoever answers when Kit is called.)
    const kit = ['“Is it late, Kit?” said Helen.', '“It is,” said Margaret.', apart];
    const last = ['Helen and Tom sat down.', '“Kit, is it cold?” said Helen.', '“It is.”'];
    expect(named(...kit, ...kit, ...kit, ...last).at(-1)).toBe('Margaret/turn');
    const tagged = ['“Yes,” said Kit.', apart];
    expect(named(...kit, ...kit, ...kit, ...tagged, ...last).at(-1)).not.toBe('Margaret/turn');
    // (Nor when one answers fewer than two calls in three: “Meg” is not Margaret's then.)
    const ann = ['“Is it late, Meg?” said Helen.', '“It is,” said Ann.', apart];
    expect(named(...visit, ...visit, ...visit, ...ann, ...called).at(-1)).toBe('Margaret/turn');
    expect(named(...visit, ...visit, ...visit, ...ann, ...ann, ...called).at(-1)).not.toBe(
      'Margaret/turn',
    );
    // (A tag after words leading into the answer counts: “Then, “It is,” said Margaret.”)
    const lead = ['“Is it late, Meg?” said Helen.', 'Then, “It is,” said Margaret.', apart];
    expect(named(...lead, ...lead, ...lead, ...called).at(-1)).toBe('Margaret/turn');
    // (Two in three exactly: theirs.)
    const four = [...visit, ...visit, ...visit, ...visit, ...ann, ...ann];
    expect(named(...four, ...called).at(-1)).toBe('Margaret/turn');
  });
});

describe('relations called by what they are (papa, mother, uncle…)', () => {
  const apart = 'The road went on and on. '.repeat(70);
  const visit = (call: string) => [
    `“Is it late${call}?” said Ada.`,
    '“It is,” said Mr. Ward.',
    apart,
  ];
  const night = ['“Good night, papa.”', '“Good night, my dear.”'];

  it('are whom the tags beside the call name three times or more', () => {
    expect(named(...visit(', papa'), ...visit(', papa'), ...visit(', papa'), ...night).at(-1)).toBe(
      'Mr. Ward/turn',
    );
    expect(named(...visit(', papa'), ...visit(', papa'), ...night).at(-1)).toBe('-');
  });

  it('are nobody when the tags beside the calls name no one half the time', () => {
    const by = (name: string) => [`“Is it late, papa?” said Ada.`, `“It is,” said ${name}.`, apart];
    const votes = [...by('Mr. Ward'), ...by('Mr. Ward'), ...by('Mr. Ward')];
    const others = [...by('Mr. Pike'), ...by('Mr. Pike'), ...by('Mr. Hale'), ...by('Mr. Hale')];
    expect(named(...votes, ...others, ...night).at(-1)).toBe('-');
    // (A tag after words leading into the quotation counts: “Then, “It is,” said Mr. Ward.”)
    const lead = ['“Is it late, papa?” said Ada.', 'Then, “It is,” said Mr. Ward.', apart];
    expect(named(...lead, ...lead, ...lead, ...night).at(-1)).toBe('Mr. Ward/turn');
  });

  it('are called only as one calls someone', () => {
    const told = visit(' for my papa');
    expect(named(...told, ...told, ...told, ...night).at(-1)).toBe('-');
    // (Nor by the one who called: “…, papa?” said Ada. / “…?” said Ada.)
    const again = ['“Is it late, papa?” said Ada.', '“Is it?” said Ada.', apart];
    expect(named(...again, ...again, ...again, ...night).at(-1)).toBe('-');
    const dear = visit(', dear papa');
    expect(named(...dear, ...dear, ...dear, ...night).at(-1)).toBe('Mr. Ward/turn');
  });
});

describe('the narrator', () => {
  it('is named once someone answering them calls them by name', () => {
    expect(
      named(
        '“It is a long way,” said I.',
        '“It is, my dear Ned,” said Rudd. “But we shall go.”',
        '“Very well,” I answered.',
      ),
    ).toEqual(['Ned/narrator', 'Rudd/named', 'Rudd/named', 'Ned/narrator']);
  });

  it('is carried by the turns as anyone is, and named once known', () => {
    const ways = (...paragraphs: string[]) =>
      findQuotations(parseText(`A Story\n\n${paragraphs.join('\n\n')}`))
        .filter((q) => q.level === 1)
        .map((q) => `${q.speaker ?? '-'}/${q.speakerBy ?? ''}`);
    expect(ways('“Is it far?” said I.', '“No.”', '“Then I walk.”')).toEqual([
      '-/narrator',
      '-/',
      '-/narrator',
    ]);
    expect(
      ways('“Is it far?” said I.', '“No, my dear Ned,” said Rudd.', '“Then I walk.”', '“Go.”'),
    ).toEqual(['Ned/narrator', 'Rudd/named', 'Ned/turn', 'Rudd/turn']);
  });

  it('is nobody until then', () => {
    expect(named('“It is a long way,” said I.')).toEqual(['-']);
  });

  it('is named in every conversation once the text calls them by one name three times', () => {
    // (Conversations apart: each starts knowing nothing of the one before.)
    const apart = 'The road went on and on. '.repeat(70);
    const answered = (name: string) => [
      '“Shall we go?” said I.',
      `“Yes, ${name},” said Rudd.`,
      apart,
    ];
    const alone = '“It is late,” I said.';
    expect(named(...answered('Ned'), ...answered('Ned'), ...answered('Ned'), alone).at(-1)).toBe(
      'Ned/narrator',
    );
    // (Not twice, nor a name called less than half the times anyone is.)
    expect(named(...answered('Ned'), ...answered('Ned'), alone).at(-1)).toBe('-');
    const others = [...answered('Ada'), ...answered('Tom'), ...answered('Kit'), ...answered('Bo')];
    expect(
      named(...answered('Ned'), ...answered('Ned'), ...answered('Ned'), ...others, alone).at(-1),
    ).toBe('-');
    // (Nor names the narrator calls others by: “…, Rudd,” said I.)
    const asking = ['“Shall we go, Rudd?” said I.', '“Now, Rudd!” I cried.', apart];
    expect(named(...asking, ...asking, ...asking, alone).at(-1)).toBe('-');
    // (An answer between two of the narrator's paragraphs counts once.)
    const between = ['“Go?” said I.', '“Yes, Ned.”', '“Now?” said I.', apart];
    expect(named(...between, ...between, alone).at(-1)).toBe('-');
    // (Answered before or after; the name called most, not first; half the calls will do;
    // words that are no names are no calls.)
    const before = ['“Are you ready, Ned?” said Rudd.', '“I am,” said I.', apart];
    const ned = [...answered('Ned'), ...before, ...answered('Ned')];
    expect(named(...answered('Ada'), ...ned, alone).at(-1)).toBe('Ned/narrator');
    const three = [...answered('Ada'), ...answered('Tom'), ...answered('Kit')];
    expect(named(...ned, ...three, alone).at(-1)).toBe('Ned/narrator');
    const sir = answered('Sir');
    expect(named(...ned, ...sir, ...sir, ...sir, ...sir, alone).at(-1)).toBe('Ned/narrator');
  });
});

describe('speakers in the margin (S)', () => {
  it('are those of paragraphs that do not name their speaker', () => {
    const article = parseText(
      `A Story\n\n“Where are you going?” said Mr. Ward.\n\n“To the village,” said Clara.\n\n“May I walk with you?”`,
    );
    const starts = [...article.text.matchAll(/^“/gm)].map((match) => match.index);
    const shown = marginSpeakers(article, starts);
    expect([...shown.values()]).toEqual(['Mr. Ward']);
    expect(shown.get(starts[2]!)).toBe('Mr. Ward');
    expect(marginSpeakers(article, [])).toEqual(new Map());
  });
});

describe('a name that only opens sentences', () => {
  const lead = (name: string, she: number, he: number, opening = '') =>
    named(
      // (Seen inside a sentence once, far back: its openings count for its gender.)
      `That day ${name} sat down, and she smiled.`,
      ...Array.from({length: she - 1}, () => `${opening}${name} sat down, and she smiled.`),
      ...Array.from({length: he}, () => `${opening}${name} sat down, and he smiled.`),
      'The hills were quiet all that year. '.repeat(60),
      `${name} stopped, and said:`,
      '“Do not light the fire.”',
    ).at(-1);

  it('is a person’s when he or she follows it twice as often as the other', () => {
    expect(lead('Kit', 6, 2)).toBe('Kit/named');
    expect(lead('Kit', 5, 2)).toBe('-');
    // (Its openings after a word that opens sentences too: “Then Kit sat down”.)
    expect(lead('Kit', 6, 2, 'Then ')).toBe('Kit/named');
  });

  it('is a person’s when he or she follows it twenty times, one half as often again', () => {
    // (A heroine whose scenes are full of "he": Emma, Katharine.)
    expect(lead('Kit', 12, 8)).toBe('Kit/named');
    expect(lead('Kit', 11, 8)).toBe('-');
    expect(lead('Kit', 11, 9)).toBe('-');
    // (Not a word in -ing that opens sentences.)
    expect(lead('Looking', 12, 8)).toBe('-');
    expect(lead('Bingley', 12, 8)).toBe('Bingley/named');
  });
});

describe('genders, from the whole text', () => {
  // “Is it far?” she said, two turns before Robin is named: hers when Robin is a woman.
  const story = (...narration: string[]) =>
    named(
      ...narration,
      'The hills were quiet all that year. '.repeat(60),
      '“Is it far?” she said.',
      '“Not far,” said Dale.',
      '“Good,” said Robin.',
    )[0];

  it('take he or she after a name in its sentence', () => {
    expect(story('Dale met Robin at the farm, and she was tired.')).toBe('Robin/pronoun');
    expect(story('Dale met Robin Orme at the farm, and she was tired.')).toBe('Robin/pronoun');
    expect(story('Dale met Robin at the farm; herself tired, she sat.')).toBe('Robin/pronoun');
  });

  it('take nothing across a sentence, a line, a quotation, another name or a preposition', () => {
    expect(story('Dale met Robin at the farm. She was tired.')).toBe('-');
    expect(story('Dale met Robin at the farm,\n\nand she was tired.')).toBe('-');
    expect(story('Dale met Robin at the farm, “and she was tired.”')).toBe('-');
    expect(story('Dale met Robin at the farm with Kit, and she was tired.')).toBe('-');
    expect(story('Dale went to Robin at the farm, and she was tired.')).toBe('-');
  });

  it('take a pronoun only near the name', () => {
    const far = 'over the long hills and the wide fields beyond the river and the mill';
    expect(story(`Dale met Robin ${far}, and she was tired.`)).toBe('-');
  });

  it('take the name more often he than she, or she than he', () => {
    const she = 'Dale met Robin at the farm, and she was tired.';
    const he = 'Dale met Robin at the mill, and he was cold.';
    expect(story(she, she, he)).toBe('-');
    expect(story(she, she, she, he)).toBe('Robin/pronoun');
  });
});

describe('a family name several people share', () => {
  // “Is it far?” said Orme: which Orme, when the text has Mr., Mrs. and Kit Orme?
  const shown = (...narration: string[]) => named(...narration, '“Is it far?” said Orme.')[0];
  const he = 'At dusk Orme came to the farm, and he was cold.';
  const mister = 'Mr. Orme sat by the fire.';
  const missus = 'Mrs. Orme sat by the window.';
  const kit = 'At noon Kit Orme came in, and she was tired.';
  const dale = 'At last Dale Orme walked in, and he smiled.';
  const five = (sentence: string) => Array<string>(5).fill(sentence);

  it('is shown with the title of the speaker’s gender, the only one the text gives', () => {
    expect(shown(...five(he), mister, mister, missus, missus, kit, kit)).toBe('Mr. Orme/named');
  });

  it('is shown with the first name of the speaker’s gender, when seen more than the title', () => {
    expect(shown(...five(he), mister, mister, missus, missus, kit, dale, dale, dale)).toBe(
      'Dale Orme/named',
    );
  });

  it('is shown as found when one person has it, or two of the gender, or none by a first name', () => {
    // Only men: Mr. Orme and Dale Orme may be one.
    expect(shown(...five(he), mister, mister, dale, dale)).toBe('Orme/named');
    // Two men by their first names: Dale and Kit (and Mr. Orme may be either).
    const kitHe = 'At noon Kit Orme came in, and he was tired.';
    expect(shown(...five(he), mister, mister, missus, missus, dale, dale, kitHe, kitHe)).toBe(
      'Orme/named',
    );
    // Dale, a man, and Jude, who may be one: either.
    const jude = 'At noon Jude Orme came in.';
    expect(shown(...five(he), missus, missus, dale, dale, dale, jude, jude)).toBe('Orme/named');
    // Mr. and Mrs. Orme, but no one is called Orme after a first name: a first name itself.
    expect(shown(...five(he), mister, mister, missus, missus)).toBe('Orme/named');
    // Nor after a word seen once, a sentence that ends, or a word in small letters.
    const titled = [...five(he), mister, mister, missus, missus];
    expect(shown(...titled, 'Ask Orme to come.')).toBe('Orme/named');
    expect(shown(...titled, 'It was Dale. Orme came in.', 'It was Dale. Orme came in.')).toBe(
      'Orme/named',
    );
    expect(shown(...titled, 'The ōda Orme sang.', 'The ōda Orme sang.')).toBe('Orme/named');
  });
});

describe('names of one person', () => {
  it('are the same when one’s words are among the other’s and titles agree', () => {
    expect(samePerson('Ward', 'Mr. Ward')).toBe(true);
    expect(samePerson('Fitzwilliam Ward', 'Ward')).toBe(true);
    expect(samePerson('Mr. Ward', 'Mrs. Ward')).toBe(false);
    expect(samePerson('Ivy', 'Clara')).toBe(false);
    // (A title alone is the one who bears it: “the Professor”, Professor de Worms.)
    expect(samePerson('Professor', 'Professor de Worms')).toBe(true);
    expect(samePerson('Colonel Ducroix', 'Colonel')).toBe(true);
    expect(samePerson('Professor', 'Colonel Ducroix')).toBe(false);
    expect(samePerson('Ivy', 'Professor')).toBe(false);
    expect(samePerson('Ward', 'Wardley Hall')).toBe(false);
  });
});

describe('naming speakers', () => {
  const pieces = [
    '“Yes,” said Anna.',
    '“No,” he said.',
    '“Perhaps.”',
    'Mr. Marsh came in.',
    'She said “never” twice.',
    '“Come, Ivy,” cried Mrs. Crane, “we are late.”',
    '‘Quite,’ said I.',
    'The rain went on.',
    '“Unclosed',
    '“He said ‘go’ and went,” Tess replied.',
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

describe('finding names in narration', () => {
  it('finds what the name pattern finds, trying it only where a capital opens a word', () => {
    const pieces = [
      'Mr. Hale',
      'hale',
      'Hale',
      'J. R. Ward',
      'de la Cruz',
      'Émile',
      'éclair',
      'Ωmega',
      'Жанна',
      '𐐔𐐯𐑅',
      'x𝐀',
      'McDonald’s',
      'O’Brien',
      'Anne-Marie',
      'THE',
      'I',
      'Dr.',
      ' ',
      '. ',
      ', ',
      '\n',
      '“',
      '-',
      '3',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 16}), (chosen) => {
        const text = chosen.join('');
        const found = (matches: Iterable<RegExpExecArray>) =>
          [...matches].map((match) => `${match.index}:${match[0]}`);
        expect(found(namesOf(text))).toEqual(found(text.matchAll(NAMED)));
      }),
      {numRuns: 500},
    );
  });
});

describe('reading a text for its people, a stretch at a time', () => {
  it('finds the same genders and names as reading it at once', () => {
    const text = readFileSync('test/fixtures/books/war-and-peace_pg2600.txt', 'utf8');
    const at = (article: ReturnType<typeof parseText>) => {
      const {cast, names, narrator, kin, aliases, followed} = readForSpeakers(
        article.text,
        article.blocks,
      );
      return {
        cast: [...cast],
        names: [...names].map(([family, forms]) => [family, [...forms]]),
        narrator,
        kin: [...(kin ?? [])],
        aliases: [...(aliases ?? [])],
        followed,
      };
    };
    const whole = parseText(text);
    readForSpeakers(whole.text, whole.blocks, () => true, Infinity);
    const inStretches = parseText(text);
    let steps = 0;
    // (Stretches of 9,999 characters: they end anywhere, in the middle of a name or a word.)
    while (!readForSpeakers(inStretches.text, inStretches.blocks, () => false, 9999).done) {
      steps++;
    }
    expect(steps).toBeGreaterThan(300);
    expect(at(inStretches)).toEqual(at(whole));
    expect(at(whole).cast.length).toBeGreaterThan(100);
    // (The last things read, once the rest is: War and Peace follows Pierre, has no narrator.)
    expect(at(whole)).toMatchObject({narrator: null, followed: 'Pierre'});
    // (Princess Mary calls Dron “Drónushka”; the tags beside her calls name him.)
    expect(at(whole).aliases).toContainEqual(['Drónushka', 'Dron']);
  });
});
