/**
 * Who is speaking: the speakers of quotations, named from the text around them. Quotations
 * come in as data (their offsets and nesting); naming sets their `speaker` and `speakerBy`.
 *
 * The rules, in the order they are tried for each outermost quotation:
 * - named: a verb beside it names a person ("…,” said Nora; Nora replied, “…”), or another
 *   quotation of its paragraph was so named (a paragraph is one speaker's turn);
 * - pronoun: "…,” she said, where a reader can be sure who she is (see resolvePronoun);
 * - narrator: "…,” I said: the narrator, once someone answering calls them by name;
 * - turn: a paragraph of speech that names nobody, in a run of such paragraphs: the one who
 *   was addressed by name just before, else the speaker two turns back (two people talk in
 *   alternate paragraphs); never the one it addresses by name.
 * When unsure, nobody is named: a wrong name is worse than none.
 *
 * Naming runs in order, but a speaker depends only on its conversation (quotations each less
 * than NEAR_PREVIOUS after the one before) and on the narration near it: naming
 * may start at any conversation's first quotation and give what naming from the start gives.
 */

/** The first-person narrator while the text has not named them (never shown). */
const NARRATOR = '\u0000I';

/** How a speaker was found (see above). */
export type SpeakerWay = 'named' | 'pronoun' | 'turn' | 'narrator';

/** A quotation as naming needs it: where it is, how deep, and who said it once known. */
export type Quoted = {
  start: number;
  end: number;
  level: number;
  speaker?: string;
  speakerBy?: SpeakerWay;
};

/** A quotation this soon after the one before it is in the same conversation. */
export const NEAR_PREVIOUS = 1500;
/** How much narration before a quotation is read for who is in it (the nearest counts). */
const READ_BEFORE = 300;
/** How many people named lately naming keeps in mind. */
const MENTIONS = 16;
/** How much text before a conversation is read for the people in it and their genders. */
const WINDOW = 400;

const VERBS = [
  'said|says|say|saying',
  'added|adds|add',
  'told|tells',
  'asked|asks|ask',
  'replied|replies|reply',
  'answered|answers|answer',
  'explained|explains',
  'continued|continues',
  'cried|cries',
  'exclaimed|exclaims|exclaim',
  'observed|observes',
  'remarked|remarks',
  'returned|rejoined|retorted|responded|resumed|repeated|pursued|persisted|insisted',
  'whispered|muttered|murmured|mumbled|shouted|called|screamed|shrieked|yelled|roared|growled',
  'sighed|groaned|gasped|sobbed|laughed|stammered|faltered|ventured|interposed|interrupted',
  'inquired|enquired|demanded|begged|urged|pleaded|protested|declared|announced|suggested',
  'admitted|agreed|conceded|concluded|went on|broke in|put in|began|thought|wrote|writes',
  'noted|notes|stated|states|argued|argues|warned|warns|claimed|claims|recalled|recalls',
  'sagte|fragte|rief|antwortete|сказал|сказала|заявил|заявила|говорит',
].join('|');

const TITLE = String.raw`(?:Mr|Mrs|Ms|Mme|Mlle|Dr|St|Prof|Gen|Col|Capt|Lt|Sgt|Rev|Sen|Rep|Gov)\.?|Miss|Sir|Lady|Lord|Madame|Madam|Monsieur|Mademoiselle|Mistress|Master|Captain|Colonel|Major|General|Doctor|Professor|Aunt|Uncle|Father|Mother|Brother|Sister|Prince|Princess|Count|Countess|King|Queen|Dame`;
const CAPITAL_WORD = String.raw`[\p{Lu}][\p{L}'’]*(?:-[\p{L}]+)*`;
/** A person's name: a title and names, or capitalised words (with an initial or a particle). */
// (An initial is never I: "said I. The next day…" names no one.)
const INITIAL = String.raw`(?:(?!I\.)[\p{Lu}]\.\s*)`;
const NAME = String.raw`(?:(?:${TITLE})\s+)?${INITIAL}*${CAPITAL_WORD}(?:\s+(?:(?:de|van|von|der|da|al|bin|le|la)\s+)?${INITIAL}*${CAPITAL_WORD}){0,2}`;
const PRONOUN = String.raw`(?:he|she|I|we|they|er|sie|он|она)`;
/** "her sister", "the old man", "the kindly Mrs. Ada Lowe": a person described (a name in it). */
const DESCRIBED = String.raw`(?:the|his|her|their|my|our|your|a|an)\s+(?:[\p{Ll}-]+\s+){0,3}?(?:(${NAME})|[\p{Ll}-]+)`;
/** "poor Tom", "little Jack": a name after a word that describes it (not "to Jack"). */
const DESCRIBING_WORD = String.raw`(?:(?!(?:to|of|with|at|for|from|by|on|upon|and|but|in)\s)\p{Ll}+\s+)?`;
const SUBJECT = String.raw`(?:${DESCRIBING_WORD}(${NAME})|(${PRONOUN})|${DESCRIBED})`;
const ADVERB = String.raw`(?:\s+\p{Ll}+ly)`;
const LEAD_IN = String.raw`^[\s,;:.!?—–-]*`;

/**
 * Right after a quotation, any verb in the past tense tags it ("…,” pouted Ada; “…,” Mrs.
 * Lowe considered), not only the verbs of speech.
 */
const TAG_VERB = String.raw`(?:${VERBS}|\p{Ll}{2,}ed)`;
/** After a quotation: a speech verb, then who ("…,” said Mr. Hale, feelingly). */
const VERB_THEN_WHO = new RegExp(
  String.raw`${LEAD_IN}${TAG_VERB}${ADVERB}?\s+${SUBJECT}(?![\p{L}])`,
  'u',
);
/** After a quotation: who, then a speech verb ("…,” Nora said; she warmly added). */
const WHO_THEN_VERB = new RegExp(
  String.raw`${LEAD_IN}${SUBJECT}${ADVERB}?(?:\s+(?:had|has|then|now|only|just|could|would|at last|at once))*\s+${TAG_VERB}(?![\p{L}])`,
  'u',
);
/** A name said to someone: "my dear Tom", "…, Mr. Jones,". */
const CALLED = new RegExp(
  String.raw`(?:(?:my\s+)?dear(?:est)?\s+|[,;]\s+)(${NAME})(?=\s*[,.!?;—–-])`,
  'gu',
);
const PRONOUN_ONLY = new RegExp(`^${PRONOUN}$`, 'u');
/** A speech verb next ("Putin said so"), for a name that opens a sentence. */
const SAYS = new RegExp(String.raw`^${ADVERB}?\s+(?:${VERBS})\b`, 'u');
const ACCORDING = new RegExp(String.raw`${LEAD_IN}according to\s+(${NAME})`, 'u');
/** Before a quotation, its clause: who … speech verb …, then the quotation. */
const VERB_AT_END = new RegExp(String.raw`\b(?:${VERBS})\b(?:[^.!?:;]{0,40})?[,:—–-]*\s*$`, 'u');
/** Names in a stretch of narration. */
const NAMED = new RegExp(String.raw`(?<![\p{L}])${NAME}(?![\p{L}])`, 'gu');
/** Names and pronouns that can be the subject of a verb, in order, in a stretch of text. */
const WHO = new RegExp(String.raw`(?<![\p{L}])(?:(${NAME})|(${PRONOUN}))(?![\p{L}])`, 'gu');
const PREPOSITION =
  /(?:^|\s)(?:to|with|at|for|of|from|by|on|upon|towards|toward|about|after|before|than|like|into|onto|over|under|near|beside|behind)\s+$/i;

/** Whether the word before `at` in `text` is a preposition ("to Nora": not who speaks). */
function afterPreposition(text: string, at: number): boolean {
  return PREPOSITION.test(text.slice(Math.max(0, at - 12), at));
}

/** Capitalised words that begin sentences and are never names. */
const NOT_NAMES = new Set(
  (
    'The A An But And Then When It Its This That These Those In On At As If What How Why Who ' +
    'Where Which Yes No Oh Ah Well So Now Not Do Did Does There Here He She They We You I My ' +
    'His Her Their Our Your One All Some Any Every Each Nothing Something Everything Nobody ' +
    'Everybody Perhaps Still Yet After Before While Though Although Because Since Until Upon ' +
    'For From To With Without Of Or Nor Let Poor Dear Good Very Only Just Even Again Once ' +
    'Whatever Whoever However Indeed Presently Suddenly Then Thus Hence Meanwhile Besides ' +
    'Chapter Volume Book Part God Heaven Lord Sir Madam Madame Miss Mrs Mr Mister ' +
    'January February March April June July August September October November December ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter'
  ).split(' '),
);

const MALE_TITLE =
  /^(?:Mr|Sir|Lord|Monsieur|Master|Captain|Colonel|Major|General|Uncle|Father|Brother|Prince|Count|King)\b/;
const FEMALE_TITLE =
  /^(?:Mrs|Miss|Ms|Mme|Mlle|Lady|Madame|Madam|Mademoiselle|Mistress|Aunt|Mother|Sister|Princess|Countess|Queen|Dame)\b/;
const MALE_PRONOUN = /^(?:he|him|his|himself|er|он)$/i;
const FEMALE_PRONOUN = /^(?:she|her|hers|herself|sie|она)$/i;
// (Not "him" or "her": "Ward looked at her" says nothing of Ward.)
const PRONOUN_WORD = /(?<![\p{L}])(?:he|his|himself|she|herself)(?![\p{L}])/giu;
/** How far after a name a pronoun may be to count as that name's. */
const PRONOUN_REACH = 80;

type Gender = 'm' | 'f';

/** A name as a person is known by: without a leading title, for comparing. */
function bareName(name: string): string {
  let bare = bareNames.get(name);
  if (bare === undefined) {
    bare = name.replace(LEADING_TITLE, '').replace(/\s+/g, ' ').trim();
    if (bareNames.size > 5000) bareNames.clear();
    bareNames.set(name, bare);
  }
  return bare;
}

const LEADING_TITLE = new RegExp(`^(?:${TITLE})\\s+`, 'u');
const bareNames = new Map<string, string>();

/** Whether two names may be the same person: one's words among the other's, titles agreeing. */
export function samePerson(a: string, b: string): boolean {
  if (a === b) return true;
  const genderA = titleGender(a);
  const genderB = titleGender(b);
  if (genderA && genderB && genderA !== genderB) return false;
  const wordsA = bareName(a).split(' ');
  const wordsB = bareName(b).split(' ');
  const [shorter, longer] = wordsA.length <= wordsB.length ? [wordsA, wordsB] : [wordsB, wordsA];
  return shorter.every((word) => longer.includes(word));
}

function titleGender(name: string): Gender | undefined {
  if (MALE_TITLE.test(name)) return 'm';
  if (FEMALE_TITLE.test(name)) return 'f';
  return undefined;
}

/** A name as found, or undefined for a capitalised word that is no name. */
function cleanName(name: string | undefined): string | undefined {
  const trimmed = name
    ?.trim()
    .replace(/[.,]$/, '')
    .replace(/['’]s$/, '');
  if (!trimmed) return undefined;
  const words = trimmed.split(/\s+/);
  // "Then Nora": a sentence's opening word is dropped, not the name after it.
  while (words.length > 1 && NOT_NAMES.has(words[0]!) && !titleGender(words[0]!)) words.shift();
  if (words.length === 1 && NOT_NAMES.has(words[0]!)) return undefined;
  return words.join(' ');
}

/** One paragraph's speaker in a conversation. */
type Turn = {
  /** Where its paragraph starts. */
  paragraph: number;
  /** Where its last quotation ends. */
  end: number;
  speaker?: string;
  way?: SpeakerWay;
  /** What its quotations say (for the names said in them, read only when needed). */
  words: string;
  /** Its quotations. */
  quotations: Quoted[];
};

/** What naming knows of the conversation under way. */
type Talk = {
  turns: Turn[];
  /** People named in the narration, latest last, with the gender known of them. */
  mentions: string[];
  genders: Map<string, {m: number; f: number}>;
  /** Narration read up to here. */
  readTo: number;
  /** The first-person narrator, once the text names them. */
  narrator?: string;
  /** Names seen inside a sentence (a capitalised word opening one may be any word). */
  known: Set<string>;
  /** Where the conversation's last quotation ended. */
  previousEnd: number;
};

/** How far naming speakers in order has got: the next quotation, and the one before it. */
export type NamingProgress = {next: number; previous: Quoted | undefined; talk?: Talk};

/** Names every speaker it can (see the top of this file). */
export function attributeSpeakers<Q extends Quoted>(text: string, quotations: Q[]): Q[] {
  attributeThrough(text, quotations, Infinity, {next: 0, previous: undefined});
  return quotations;
}

/** attributeSpeakers for the quotations starting up to `offset`, from where it left off. */
export function attributeThrough(
  text: string,
  quotations: Quoted[],
  offset: number,
  progress: NamingProgress,
): void {
  for (; progress.next < quotations.length; progress.next++) {
    const quotation = quotations[progress.next]!;
    if (quotation.start > offset) return;
    if (quotation.level !== 1) continue;
    const {previous} = progress;
    if (!previous || !progress.talk || quotation.start - previous.end >= NEAR_PREVIOUS) {
      progress.talk = startTalk(text, quotation.start);
    }
    nameOne(text, quotation, progress.talk);
    progress.previous = quotation;
  }
}

/** A new conversation, knowing the people of the text just before it. */
function startTalk(text: string, start: number): Talk {
  const talk: Talk = {
    turns: [],
    mentions: [],
    genders: new Map(),
    readTo: start,
    known: new Set(),
    previousEnd: start,
  };
  const before = text.slice(Math.max(0, start - WINDOW), start);
  // (Quoted words are not narration: blank them, keeping offsets.)
  readNarration(
    talk,
    before.replace(/[“"«„][^“”"«»„]*[”"»]/g, (quoted) => ' '.repeat(quoted.length)),
  );
  return talk;
}

/** Learns from narration who is named in it, and the genders its pronouns give them. */
function readNarration(talk: Talk, narration: string): void {
  const names: Array<{name: string; at: number; end: number}> = [];
  for (const match of narration.matchAll(NAMED)) {
    // (Most capitalised words open sentences and are no names: answered before anything else.)
    if (NOT_NAMES.has(match[0])) continue;
    const name = cleanName(match[0]);
    if (!name) continue;
    const opening = opensSentence(narration, match.index);
    if (!opening) talk.known.add(bareName(name));
    else if (!isKnown(talk, name)) continue;
    mention(talk, name);
    // (Only a subject takes the pronouns after it: "at Mill Cove she …" is not the river.)
    if (!afterPreposition(narration, match.index)) {
      names.push({name, at: match.index, end: match.index + match[0].length});
    }
  }
  if (names.length === 0) return;
  // A pronoun after a name in its sentence, with no other name between, is that name's.
  let index = 0;
  let last: (typeof names)[number] | undefined;
  for (const match of narration.matchAll(PRONOUN_WORD)) {
    while (index < names.length && names[index]!.at < match.index) last = names[index++]!;
    if (!last || titleGender(last.name) || match.index - last.at > PRONOUN_REACH) continue;
    if (/[.!?\n]/.test(narration.slice(last.end, match.index))) continue;
    const bare = bareName(last.name);
    const counts = talk.genders.get(bare) ?? {m: 0, f: 0};
    if (MALE_PRONOUN.test(match[0])) counts.m++;
    else if (FEMALE_PRONOUN.test(match[0])) counts.f++;
    talk.genders.set(bare, counts);
  }
}

/** Whether the word at `at` opens a sentence (only quotation marks or dashes before it). */
function opensSentence(text: string, at: number): boolean {
  for (let index = at - 1; index >= 0; index--) {
    const char = text[index]!;
    if (char === '\n' || char === '.' || char === '!' || char === '?') return true;
    if (!/[\s“"‘'(—–-]/.test(char)) return false;
  }
  return true;
}

/** Whether a name is a person's: titled, or seen inside a sentence. */
function isKnown(talk: Talk, name: string): boolean {
  return titleGender(name) !== undefined || talk.known.has(bareName(name));
}

function mention(talk: Talk, name: string): void {
  const at = talk.mentions.lastIndexOf(name);
  if (at !== -1) talk.mentions.splice(at, 1);
  talk.mentions.push(name);
  if (talk.mentions.length > MENTIONS) talk.mentions.shift();
}

function genderOf(talk: Talk, name: string): Gender | undefined {
  const titled = titleGender(name);
  if (titled) return titled;
  const counts = talk.genders.get(bareName(name));
  if (!counts) return undefined;
  if (counts.m >= 2 * counts.f + 1) return 'm';
  if (counts.f >= 2 * counts.m + 1) return 'f';
  return undefined;
}

/** What naming a quotation knows besides the conversation: its paragraph's narration. */
type Scene = {
  talk: Talk;
  /** The narration of its paragraph before it (since the quotation before, if any). */
  lead: string;
  /** Whether the quotation before it is in its paragraph. */
  sameParagraph: boolean;
  /** The narration since the quotation before it. */
  since: string;
};

/** The people a stretch of narration names, in order. */
function namesIn(talk: Talk, narration: string): string[] {
  const names: string[] = [];
  for (const match of narration.matchAll(WHO)) {
    const name = match[1] && cleanName(match[1]);
    if (!name || afterPreposition(narration, match.index)) continue;
    const speaking = SAYS.test(narration.slice(match.index + match[0].length));
    if (isKnown(talk, name) || speaking) names.push(name);
  }
  return names;
}

/**
 * Who "he" or "she" is, when a reader can be sure: the speaker of the paragraph's quotation
 * before it; someone named before it in the paragraph; whom the narration since the last
 * quotation has saying something ("Lavrov said Russia is ready"); of the two who spoke last,
 * the one of that gender when the other is not; the one person who has spoken, when no one
 * else of that gender is named (a name of no known gender counts as either where it is the
 * paragraph's own). Otherwise nobody (the last person of that gender named anywhere was right less than half
 * the time).
 */
function resolvePronoun(scene: Scene, pronoun: string): string | undefined {
  const gender = /^(?:he|er|он)$/i.test(pronoun)
    ? 'm'
    : /^(?:she|sie|она)$/i.test(pronoun)
      ? 'f'
      : undefined;
  if (!gender) return undefined;
  const {talk} = scene;
  const matches = (name: string | undefined): name is string =>
    name !== undefined && genderOf(talk, name) === gender;
  // (A name of no known gender may be anyone's: in the paragraph itself, it is theirs.)
  const maybe = (name: string | undefined): name is string =>
    name !== undefined && (genderOf(talk, name) ?? gender) === gender;
  const last = talk.turns.at(-1)?.speaker;
  if (scene.sameParagraph && maybe(last)) return last;
  const here = namesIn(talk, scene.lead).filter(maybe);
  if (here.length > 0) return here.at(-1);
  // "Lavrov said Russia is ready. … “…,” he said": who the narration since said something.
  const saying = [...scene.since.matchAll(WHO)]
    .filter((match) => SAYS.test(scene.since.slice(match.index + match[0].length)))
    .map((match) => match[1] && cleanName(match[1]))
    .filter((name): name is string => Boolean(name) && maybe(name as string));
  if (saying.length > 0) return saying.at(-1);
  // The two who spoke last: when just one of them is of the pronoun's gender, it is them.
  const pair = talk.turns
    .slice(-2)
    .map((turn) => turn.speaker)
    .filter((speaker): speaker is string => speaker !== undefined);
  const ofGender = pair.filter(matches);
  if (pair.length === 2 && ofGender.length === 1) return ofGender[0];
  // One person has spoken so far and no one else of the gender is named ("…,” Lavrov said.
  // … “…,” he said): them.
  const spoken = talk.turns.filter((turn) => turn.speaker !== undefined);
  const [first] = spoken;
  const alone = (name: string) =>
    spoken.every((turn) => samePerson(turn.speaker!, name)) &&
    talk.mentions.every((other) => !maybe(other) || samePerson(other, name));
  if (first && maybe(first.speaker) && alone(first.speaker)) return first.speaker;
  return undefined;
}

/** The speaker a tag names, and how: a name, a pronoun resolved, or the narrator. */
type Tagged = {speaker?: string; way: SpeakerWay} | undefined;

function tagOf(scene: Scene, name: string | undefined, pronoun: string | undefined): Tagged {
  // ("said I": the capitalised pronoun is taken for a name first.)
  if (name !== undefined && PRONOUN_ONLY.test(name.trim()))
    return tagOf(scene, undefined, name.trim());
  const cleaned = cleanName(name);
  if (cleaned) return {speaker: cleaned, way: 'named'};
  if (!pronoun) return undefined;
  if (/^(?:I|we)$/.test(pronoun)) return {speaker: NARRATOR, way: 'narrator'};
  return {speaker: resolvePronoun(scene, pronoun), way: 'pronoun'};
}

/** The speaker the text beside a quotation names: after it first, then before it. */
function taggedSpeaker(scene: Scene, after: string, before: string): Tagged | 'described' {
  for (const pattern of [VERB_THEN_WHO, WHO_THEN_VERB]) {
    const match = pattern.exec(after);
    if (!match) continue;
    const tag = tagOf(scene, match[1] ?? match[3], match[2]);
    if (tag) return tag;
    // "said her sister", "said the doctor": someone naming cannot name (descriptions, tried
    // as names, were wrong three times in four against the novels' annotations).
    return 'described';
  }
  const according = ACCORDING.exec(after);
  if (according) return tagOf(scene, according[1], undefined);
  // Before: the clause that leads into the quotation, ending in a speech verb and a comma,
  // colon or dash; its speaker is the last name or pronoun before the verb that is not an
  // object ("Nora turned to Tom and said, …": Nora).
  const clause = before.slice(sentenceStart(before));
  const verb = VERB_AT_END.exec(clause);
  if (!verb) return undefined;
  // (An aside between commas just before the verb describes the subject: "Eric Reeves, one
  // of the leading American voices on Sudan, said": not American.)
  const lead = clause
    .slice(0, verb.index)
    .replace(/,[^,]{1,80},\s*$/, (aside) => ' '.repeat(aside.length));
  let found: Tagged;
  for (const match of lead.matchAll(WHO)) {
    if (afterPreposition(lead, match.index)) continue;
    const name = match[1] && cleanName(match[1]);
    // ("Line 0 says": a capitalised word far from the verb must be known as a name.)
    const adjacent = SAYS.test(clause.slice(match.index + match[0].length));
    if (name && !isKnown(scene.talk, name) && !adjacent) continue;
    found = tagOf(scene, match[1], match[2]) ?? found;
  }
  return found;
}

const TITLE_WORD = new RegExp(`^(?:${TITLE})$`, 'u');

/** Where the last sentence of a stretch of text starts (a title's full stop ends none). */
function sentenceStart(text: string): number {
  let start = 0;
  for (const match of text.matchAll(/[.!?]+[”"’]?\s+/g)) {
    const word = /(?:^|\s)(\S+)$/.exec(text.slice(0, match.index + 1))?.[1] ?? '';
    if (TITLE_WORD.test(word) || /^\p{Lu}\.$/u.test(word)) continue;
    start = match.index + match[0].length;
  }
  return start;
}

const forms = new Map<string, string[]>();

/** The ways a person may be called: the whole name, without a title, first or last name. */
function formsOf(person: string): string[] {
  let known = forms.get(person);
  if (!known) {
    const bare = bareName(person);
    const words = bare.split(' ');
    known = [...new Set([person, bare, words.at(-1)!, words[0]!])].filter(
      (form) => form.length >= 2 && !NOT_NAMES.has(form),
    );
    if (forms.size > 5000) forms.clear();
    forms.set(person, known);
  }
  return known;
}

const vocatives = new Map<string, RegExp>();

/** "…, Nora." "Dear Nora, …": a name said to someone. */
function vocativeOf(name: string): RegExp {
  let vocative = vocatives.get(name);
  if (!vocative) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    vocative = new RegExp(
      String.raw`(?:^[“"‘'«]?|[,;—–-]\s*|(?:dear|my dear|dearest|oh|O)\s+)${escaped}(?=\s*[,.!?;—–-]|\s*[”"’'»]?$)`,
      'mu', // (a turn's quotations are read a line each)
    );
    if (vocatives.size > 1000) vocatives.clear();
    vocatives.set(name, vocative);
  }
  return vocative;
}

/** Names a conversation's people addressed in a quotation ("Not at all, Nora."). */
function addressedIn(talk: Talk, words: string): string[] {
  const people = [...new Set([...talk.mentions, ...talk.turns.map((turn) => turn.speaker)])];
  const addressed: string[] = [];
  for (const person of people) {
    if (!person) continue;
    for (const form of formsOf(person)) {
      if (!words.includes(form)) continue;
      if (vocativeOf(form).test(words)) {
        addressed.push(person);
        break;
      }
    }
  }
  return addressed;
}

/** Names one outermost quotation's speaker and records its turn in the conversation. */
function nameOne(text: string, quotation: Quoted, talk: Talk): void {
  const paragraph = text.lastIndexOf('\n', quotation.start - 1) + 1;
  const lineEnd = text.indexOf('\n', quotation.end);
  const paragraphEnd = lineEnd === -1 ? text.length : lineEnd;
  // Narration since the quotation before: who it names, and the genders it gives them.
  if (talk.readTo < quotation.start) {
    readNarration(
      talk,
      text.slice(Math.max(talk.readTo, quotation.start - READ_BEFORE), quotation.start),
    );
  }
  talk.readTo = Math.max(talk.readTo, quotation.end);
  // After it: up to the next quotation's mark, within its paragraph. (Not up to the next
  // quotation found: naming as far as asked may not have found it yet.)
  const rest = text.slice(quotation.end, Math.min(paragraphEnd, quotation.end + 120));
  const after = rest.slice(0, Math.max(0, rest.search(/[“"«„]/)) || rest.length);
  const last = talk.turns.at(-1);
  const sameParagraph = last !== undefined && last.paragraph === paragraph;
  const before = text.slice(
    Math.max(paragraph, sameParagraph ? last.end : paragraph, quotation.start - 200),
    quotation.start,
  );
  const words = text.slice(quotation.start, quotation.end);
  const since = text.slice(Math.max(talk.previousEnd, quotation.start - 600), quotation.start);
  const tagged = taggedSpeaker({talk, lead: before, sameParagraph, since}, after, before);
  talk.previousEnd = quotation.end;
  let speaker: string | undefined;
  let way: SpeakerWay | undefined;
  if (tagged && tagged !== 'described') {
    ({speaker, way} = tagged);
  } else if (sameParagraph) {
    // A paragraph is one speaker's turn.
    speaker = last.speaker;
    way = last.way;
  } else if (tagged !== 'described' && text.slice(paragraph, quotation.start).trim() === '') {
    // (A paragraph of speech: one that opens with the quotation.)
    ({speaker, way} = turnTaking(text, talk, paragraph, words));
  }
  if (speaker === NARRATOR && talk.narrator) speaker = talk.narrator;
  const turn: Turn = sameParagraph
    ? last
    : {paragraph, end: quotation.end, speaker, way, words: '', quotations: []};
  if (sameParagraph) {
    last.end = quotation.end;
    if (!last.speaker && speaker) {
      last.speaker = speaker;
      last.way = way;
    }
  } else {
    talk.turns.push(turn);
    if (talk.turns.length > 8) talk.turns.shift();
  }
  turn.words = turn.words ? `${turn.words}\n${words}` : words;
  turn.quotations.push(quotation);
  if (speaker && speaker !== NARRATOR) {
    quotation.speaker = speaker;
    quotation.speakerBy = way;
    mention(talk, speaker);
  } else if (speaker === NARRATOR) {
    quotation.speakerBy = 'narrator';
  }
  learnNarrator(talk);
}

/**
 * "…,” said I. “…, Tom.”: the narrator is whom the one answering them calls by name (or
 * whom they answer). Once known, the narrator's quotations of the conversation are named.
 */
function learnNarrator(talk: Talk): void {
  if (talk.narrator) return;
  const [older, last] = talk.turns.slice(-2);
  if (!older || !last) return;
  const [narrating, other] =
    older.speaker === NARRATOR ? [older, last] : last.speaker === NARRATOR ? [last, older] : [];
  if (!narrating || !other?.speaker || other.speaker === NARRATOR) return;
  const name = calledIn(talk, other.words).find((called) => !samePerson(called, other.speaker!));
  if (!name) return;
  talk.narrator = name;
  for (const turn of talk.turns) {
    if (turn.speaker !== NARRATOR) continue;
    turn.speaker = name;
    for (const quotation of turn.quotations) {
      quotation.speaker = name;
      quotation.speakerBy = 'narrator';
    }
  }
}

/** Names said to someone in a quotation ("my dear Tom", "…, Mr. Jones."), known or not. */
function calledIn(talk: Talk, words: string): string[] {
  const called: string[] = [];
  for (const match of words.matchAll(CALLED)) {
    const name = cleanName(match[1]);
    if (name && (match[0].includes('dear') || isKnown(talk, name) || titleGender(name))) {
      called.push(name);
    }
  }
  return called;
}

/**
 * The speaker of a paragraph of speech the text does not name: in a run of paragraphs of
 * speech, the one the turn before addressed by name, else the speaker two turns back (when
 * the last two differ); never someone this quotation addresses.
 */
function turnTaking(
  text: string,
  talk: Talk,
  paragraph: number,
  words: string,
): {speaker?: string; way?: SpeakerWay} {
  const [older, last] = talk.turns.slice(-2);
  if (!last || !adjacent(text, last, paragraph)) return {};
  const addressed = addressedIn(talk, words);
  const unaddressed = (name: string | undefined) =>
    name && !addressed.some((person) => samePerson(person, name)) ? name : undefined;
  const called = addressedIn(talk, last.words).find(
    (person) => !last.speaker || !samePerson(person, last.speaker),
  );
  if (called) return {speaker: unaddressed(called), way: 'turn'};
  if (!older || !adjacent(text, older, last.paragraph)) return {};
  if (!older.speaker || !last.speaker || samePerson(older.speaker, last.speaker)) return {};
  return {speaker: unaddressed(older.speaker), way: 'turn'};
}

/** Whether a paragraph follows a turn's paragraph with no narration between. */
function adjacent(text: string, turn: Turn, paragraph: number): boolean {
  const lineEnd = text.indexOf('\n', turn.end);
  if (lineEnd === -1 || lineEnd >= paragraph) return false;
  return text.slice(lineEnd, paragraph).trim() === '';
}

/**
 * Steps that make the naming rules' regular expressions ready (V8 compiles one on its first
 * run and again, to machine code, on its second: tens of milliseconds for these). Run in
 * idle moments after the first frame, a step at a time, so that the first key that names a
 * speaker (", ], S) does not pay for it at once.
 */
export function speakerWarmUps(): Array<() => void> {
  const steps = warmUpSteps();
  warmUpsLeft = steps.length;
  return steps.map((step) => () => {
    step();
    warmUpsLeft = Math.max(0, warmUpsLeft - 1);
  });
}

/** Warm-up steps not yet run (see speakerWarmUps). */
let warmUpsLeft = 0;

/**
 * Whether naming's patterns are being made ready: a view that names speakers only to show
 * them (the " list) may show its rows without them meanwhile, and name them once ready.
 */
export function speakersWarming(): boolean {
  return warmUpsLeft > 0;
}

function warmUpSteps(): Array<() => void> {
  const twice = (pattern: RegExp, text: string) => () => {
    for (let run = 0; run < 2; run++) {
      pattern.lastIndex = 0;
      pattern.exec(text);
    }
    pattern.lastIndex = 0;
  };
  return [
    twice(VERB_THEN_WHO, ' said Mr. Hale, feelingly.'),
    twice(WHO_THEN_VERB, ' Mr. Hale warmly added.'),
    twice(VERB_AT_END, 'Nora turned to Tom and said, '),
    twice(SAYS, ' warmly said'),
    twice(ACCORDING, ' according to Reyes'),
    twice(NAMED, 'when Mr. Hale came in'),
    twice(WHO, 'and she told Mr. Hale'),
    twice(CALLED, 'Well, my dear Tom, go.'),
    twice(PRONOUN_WORD, 'and he said'),
    twice(LEADING_TITLE, 'Mr. Hale'),
    twice(TITLE_WORD, 'Mr.'),
    twice(PRONOUN_ONLY, 'she'),
    // Every rule once, twice over, on a conversation of its own (the rest of the patterns),
    // a step each time.
    nameWarmUp,
    nameWarmUp,
  ];
}

function nameWarmUp(): void {
  const text = WARM_UP.join('\n\n');
  const quotations: Quoted[] = [];
  for (const match of text.matchAll(/“[^”]*”/g)) {
    quotations.push({start: match.index, end: match.index + match[0].length, level: 1});
  }
  attributeSpeakers(text, quotations);
}

const WARM_UP = [
  'It was late when Mr. Hale came in to see Nora.',
  '“Good evening,” said Mr. Hale. “Nora, is your father well?”',
  'Nora turned to him and said, “He is.”',
  '“I am glad,” he said.',
  '“And you, Mr. Hale?”',
  '“It is a long way,” said I.',
];

/**
 * Where naming speakers in order must start for top[index]'s to be known: where naming left
 * off (`named`), or the first quotation of its conversation (one too far after the one before
 * it to be part of the same) — from there on, a speaker depends on nothing earlier.
 */
export function namingStart(quotations: Quoted[], index: number, named: number): number {
  let start = index;
  while (start > named && quotations[start]!.start - quotations[start - 1]!.end < NEAR_PREVIOUS) {
    start--;
  }
  return start;
}
