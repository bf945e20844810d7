import {startingUpTo} from './search.js';

/**
 * Who is speaking: the speakers of quotations, named from the text around them. Quotations
 * come in as data (their offsets and nesting) with the article's paragraphs; naming sets
 * their `speaker` and `speakerBy`.
 *
 * The rules, in the order they are tried for each outermost quotation:
 * - named: a verb beside it names a person ("…,” said Nora; Nora replied, “…”), or the
 *   paragraph before ends leading into it, or the sentence before it has someone act
 *   (actorBefore), or another quotation of its paragraph was so named (a paragraph is one
 *   speaker's turn);
 * - pronoun: "…,” she said, where a reader can be sure who she is (see resolvePronoun);
 * - narrator: "…,” I said: the narrator, once someone answering calls them by name;
 * - turn: a paragraph of speech that names nobody, in a run of such paragraphs: the one who
 *   was addressed by name just before, else the speaker two turns back (two people talk in
 *   alternate paragraphs); never the one it addresses by name.
 * Then, once its conversation is read whole (settle), the turns and pronouns still unnamed
 * take the speaker of the nearest turn of the same parity, either way.
 * When unsure, nobody is named: a wrong name is worse than none.
 *
 * A speaker depends only on its conversation (quotations each less than NEAR_PREVIOUS after
 * the one before), the narration near it and the genders the whole text gives (readCast):
 * naming may start at any conversation's first quotation and give what naming from the
 * start gives.
 */

/** The first-person narrator while the text has not named them (never shown). */
const NARRATOR = '\u0000I';

/** An article's paragraphs (its blocks), in order: the turns of a conversation. */
export type Paragraphs = ReadonlyArray<{start: number; end: number}>;

/** The index of the paragraph holding `offset` (the last starting at or before it). */
function paragraphAt(paragraphs: Paragraphs, offset: number): number {
  return startingUpTo(paragraphs, offset) - 1;
}

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
/**
 * How many people named lately naming keeps in mind (ten: more kept those of a scene gone by
 * as rivals for a "he said", and as whom a quotation might call by name).
 */
const MENTIONS = 10;
/** How much text before a conversation is read for the people in it. */
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
  'spoke|speaks',
  'noted|notes|stated|states|argued|argues|warned|warns|claimed|claims|recalled|recalls',
  'sagte|fragte|rief|antwortete|сказал|сказала|заявил|заявила|говорит',
].join('|');

const TITLE = String.raw`(?:Mr|Mrs|Ms|Mme|Mlle|Dr|St|Prof|Gen|Col|Capt|Lt|Sgt|Rev|Sen|Rep|Gov)\.?|Miss|Sir|Lady|Lord|Madame|Madam|Monsieur|Mademoiselle|Mistress|Master|Captain|Colonel|Major|General|Doctor|Professor|Aunt|Uncle|Father|Mother|Brother|Sister|Prince|Princess|Count|Countess|King|Queen|Dame`;
const CAPITAL_WORD = String.raw`[\p{Lu}][\p{L}'’]*(?:-[\p{L}]+)*`;
/** A person's name: a title and names, or capitalised words (with an initial or a particle). */
// (An initial is never I: "said I. The next day…" names no one.)
const INITIAL = String.raw`(?:(?!I\.)[\p{Lu}]\.\s*)`;
// (Its words are on one line: a name never runs from a heading into the paragraph after it.)
// (A title's abbreviation starts a name of its own: "When Mr. Hale came" names Mr. Hale,
// not "When Mr" and "Hale".)
const ABBREVIATED_TITLE = String.raw`(?:Mr|Mrs|Ms|Mme|Mlle|Dr|St|Prof|Gen|Col|Capt|Lt|Sgt|Rev|Sen|Rep|Gov)\.`;
const NAME = String.raw`(?:(?:${TITLE})[^\S\n]+)?${INITIAL}*${CAPITAL_WORD}(?:[^\S\n]+(?:(?:de|van|von|der|da|al|bin|le|la)[^\S\n]+)?(?!${ABBREVIATED_TITLE})${INITIAL}*${CAPITAL_WORD}){0,2}`;
const PRONOUN = String.raw`(?:he|she|I|we|they|er|sie|он|она)`;
/** "her sister", "the old man", "the kindly Mrs. Ada Lowe": a person described (a name in it). */
// (A name after the describing words is taken first: "the gallant Mr. Hale" is Mr. Hale.)
const DESCRIBED = String.raw`(?:the|his|her|their|my|our|your|a|an)\s+(?:(?:(?!(?:to|of|with|at|for|from|by|on|upon|and|but|in|as)\s)[\p{Ll}-]+\s+){0,3}(${NAME})|(?:[\p{Ll}-]+\s+){0,3}?[\p{Ll}-]+)`;
/** "poor Tom", "little Jack": a name after a word that describes it (not "to Jack"). */
const DESCRIBING_WORD = String.raw`(?:(?!(?:to|of|with|at|for|from|by|on|upon|and|but|in)\s)\p{Ll}+\s+)?`;
/** Someone the tag does not say ("…,” said somebody; said another): no one to name. */
const SOMEONE = String.raw`(?:somebody|someone|anybody|anyone|nobody|everybody|everyone|another)`;
const SUBJECT = String.raw`(?:${DESCRIBING_WORD}(${NAME})|(${PRONOUN})|${DESCRIBED}|${SOMEONE})`;
const ADVERB = String.raw`(?:\s+\p{Ll}+ly)`;
const LEAD_IN = String.raw`^[\s,;:.!?—–-]*`;

/**
 * Right after a quotation, any verb in the past tense tags it ("…,” pouted Ada; “…,” Mrs.
 * Lowe considered), not only the verbs of speech.
 */
const TAG_VERB = String.raw`(?:${VERBS}|\p{Ll}{2,}ed)`;
/** After a quotation: a speech verb, then who ("…,” said Mr. Hale, feelingly). */
// (An adverb before the verb too, and a particle after it: "…,” suddenly cried Sikes; "…,”
// joined in Dahlia.)
const VERB_THEN_WHO = new RegExp(
  String.raw`${LEAD_IN}(?:\p{Ll}+ly\s+)?${TAG_VERB}(?:\s+(?:in|out|up|back|forth))?${ADVERB}?\s+${SUBJECT}(?![\p{L}])`,
  'u',
);
/** Speech going on: "…,” Tom was saying. (Not "was pleased": only these verbs.) */
const SAYING =
  'saying|asking|crying|shouting|whispering|repeating|muttering|murmuring|explaining|calling|answering|replying|exclaiming';
/** After a quotation: who, then a speech verb ("…,” Nora said; she warmly added). */
const WHO_THEN_VERB = new RegExp(
  String.raw`${LEAD_IN}${SUBJECT}${ADVERB}?(?:\s+(?:had|has|then|now|only|just|could|would|at last|at once))*\s+(?:${TAG_VERB}|(?:was|were)\s+(?:${SAYING}))(?![\p{L}])`,
  'u',
);
/** A name said to someone: "my dear Tom", "…, Mr. Jones,". */
const CALLED = new RegExp(
  String.raw`(?:(?:my\s+)?dear(?:est)?\s+|[,;]\s+)(${NAME})(?=\s*[,.!?;—–-])`,
  'gu',
);
const PRONOUN_ONLY = new RegExp(`^${PRONOUN}$`, 'u');
/** A speech verb next ("Putin said so"), for a name that opens a sentence. */
// (Past a link's note, as a web page's text has them: "Ian Reed[5] said".)
const SAYS = new RegExp(String.raw`^(?:\[\d+\])?${ADVERB}?\s+(?:${VERBS})\b`, 'u');
const ACCORDING = new RegExp(String.raw`${LEAD_IN}according to\s+(${NAME})`, 'u');
/** "…,” was Ada's answer; "…,” came Ada's voice. */
// (Or "were Ada's words"; "Ada s", where a file has lost its apostrophes.)
const WHOSE = new RegExp(
  String.raw`${LEAD_IN}(?:was|were|came)\s+(${NAME})(?:(?<=['’]s)|\s+s(?=\s))\s`,
  'u',
);
/** Before a quotation, its clause: who … speech verb …, then the quotation. */
const VERB_AT_END = new RegExp(String.raw`\b(?:${VERBS})\b(?:[^.!?:;]{0,40})?[,:—–-]*\s*$`, 'u');
/**
 * A sentence that ends as someone named starts to speak: "Mr. Pike began again." (Verbs that
 * open speech only: "Tom thought of it." or "Ada wrote." leads into nothing.)
 */
const SPEAKS_AT_END = new RegExp(
  String.raw`(?<![\p{L}])(${NAME})(?:\s+(?:\p{Ll}+ly|then|again|herself|himself|at last|at length))*\s+(?:said|asked|answered|replied|added|continued|began|went on|spoke|resumed|inquired|enquired|exclaimed|cried|observed|remarked|returned|rejoined|retorted|whispered|muttered|murmured|interposed|interrupted|persisted|pursued|repeated|demanded|explained|ventured|protested|declared|announced|suggested|urged|pleaded|broke in|put in)(?:\s+(?:\p{Ll}+ly|again|at once|at last|at length|first))*(?:,[^.!?;:]{0,60})?\.\s*$`,
  'u',
);
/** Names in a stretch of narration. */
export const NAMED = new RegExp(String.raw`(?<![\p{L}])${NAME}(?![\p{L}])`, 'gu');
/** NAMED, tried where it is asked to be found (at lastIndex). */
const NAMED_HERE = new RegExp(NAMED.source, 'uy');

/**
 * The matches of NAMED in a text, in order: the pattern tried only where a capital opens a
 * word (every name starts so), which is most of the time saved on narration.
 */
export function* namesOf(text: string): Generator<RegExpExecArray> {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // (A capital outside the BMP is tried as it stands: the pattern itself decides.)
    const astral = code >= 0xd800 && code <= 0xdbff;
    if (code < 128 ? code < 65 || code > 90 : !astral && !isCapital(text, index)) continue;
    if (index > 0 && isLetter(text, index - 1)) continue;
    NAMED_HERE.lastIndex = index;
    const match = NAMED_HERE.exec(text);
    if (!match) continue;
    yield match;
    index += match[0].length - 1;
  }
}
/** Names and pronouns that can be the subject of a verb, in order, in a stretch of text. */
const WHO = new RegExp(String.raw`(?<![\p{L}])(?:(${NAME})|(${PRONOUN}))(?![\p{L}])`, 'gu');
/** WHO, where it is asked to be found (at lastIndex). */
const WHO_HERE = new RegExp(WHO.source, 'uy');
const PREPOSITIONS =
  'to|with|at|for|of|from|by|on|upon|towards|toward|about|after|before|than|like|into|onto|over|under|near|beside|behind|in|through|across|around|within|among|between|beyond|against|along';
const PREPOSITION = new RegExp(`(?:^|\\s)(?:${PREPOSITIONS})\\s+$`, 'i');
const OPENING_PREPOSITION = new RegExp(`^(?:${PREPOSITIONS})\\s`, 'i');

/**
 * Whether the word before `at` in `text` is a preposition ("to Nora": not who speaks), or
 * the words at `at` open with one ("To Rosings he went": a capital starts the sentence).
 */
function afterPreposition(text: string, at: number): boolean {
  return (
    PREPOSITION.test(text.slice(Math.max(0, at - 12), at)) ||
    OPENING_PREPOSITION.test(text.slice(at, at + 12))
  );
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
    'Afterwards Afterward Sometimes Later Soon Next Often Instead Otherwise Therefore Also ' +
    'Anyhow Anyway Certainly Surely Really Almost Already Always Never Sometime Somehow ' +
    'Finally Immediately Instantly Slowly Quickly Gradually Evidently Apparently Probably ' +
    'Ladyship Lordship Majesty Highness Excellency Honour Worship Reverence ' +
    'Chapter Volume Book Part God Heaven Lord Sir Madam Madame Miss Mrs Mr Mister ' +
    'January February March April June July August September October November December ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter ' +
    'Old Young Little English French Italian American German Irish Scotch Scottish Spanish ' +
    'Russian Dutch Swiss British Polish Austrian Prussian Swedish Greek Turkish ' +
    'Having Being During Another Most Someone Somebody Anyone Anybody Everyone Such Both ' +
    'Either Neither Many Several Few Much More Like Through Towards Toward Among Between ' +
    'Behind Beside Within About Whenever Wherever Whether Unless Twice Can Right Men People'
  ).split(' '),
);

const MALE_TITLE =
  /^(?:Mr|Sir|Lord|Monsieur|Master|Captain|Colonel|Major|General|Uncle|Father|Brother|Prince|Count|King)\b/;
const FEMALE_TITLE =
  /^(?:Mrs|Miss|Ms|Mme|Mlle|Lady|Madame|Madam|Mademoiselle|Mistress|Aunt|Mother|Sister|Princess|Countess|Queen|Dame)\b/;
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

/**
 * Whether two names may be the same person: one's words among the other's, titles agreeing;
 * a title alone is the one who bears it ("the Professor" is Professor de Worms).
 */
export function samePerson(a: string, b: string): boolean {
  if (a === b) return true;
  if (b.startsWith(`${a} `) ? TITLE_WORD.test(a) : a.startsWith(`${b} `) && TITLE_WORD.test(b)) {
    return true;
  }
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
    .replace(/['’]s$/, '')
    .replace(/(?<=s)['’]$/, '');
  if (!trimmed) return undefined;
  const words = trimmed.split(/\s+/);
  // "Then Nora": a sentence's opening word is dropped, not the name after it; so is a word in
  // capitals opening it ("WHEN Nora came", a chapter's first words set in capitals).
  while (
    words.length > 1 &&
    ((NOT_NAMES.has(words[0]!) && !titleGender(words[0]!)) || /^\p{Lu}{2,}$/u.test(words[0]!))
  ) {
    words.shift();
  }
  if (words.length === 1 && NOT_NAMES.has(words[0]!)) return undefined;
  return words.join(' ');
}

/** One paragraph's speaker in a conversation. */
type Turn = {
  /** Where its paragraph starts. */
  paragraph: number;
  /** Its paragraph's index, and that of the paragraph its last quotation ends in. */
  first: number;
  last: number;
  /** Where its last quotation ends. */
  end: number;
  speaker?: string;
  way?: SpeakerWay;
  /** What its quotations say (for the names said in them, read only when needed). */
  words: string;
  /** Its quotations. */
  quotations: Quoted[];
  /** The gender of the pronoun that tags it, while no one is found for it. */
  pronoun?: Gender;
  /** Whether a description tags it ("said her sister"), and its words. */
  described?: boolean;
  describedBy?: string;
  /** Whether narration comes before its first quotation, with no tag. */
  narrated?: boolean;
  /** Whom its tag says it to ("he said to Tom"): never its speaker. */
  saidTo?: string;
};

/** What naming knows of the conversation under way. */
type Talk = {
  paragraphs: Paragraphs;
  /** Where the conversation's last quotation ended. */
  previousEnd: number;
  /** The last few turns. */
  turns: Turn[];
  /** Every turn of the conversation, in order. */
  all: Turn[];
  /** People named in the narration, latest last. */
  mentions: string[];
  /** The genders the whole text gives its people (see readCast). */
  cast: Map<string, {m: number; f: number}>;
  /** The fuller names the whole text gives its family names (see readPairs, shownName). */
  families: Families;
  /** Narration read up to here. */
  readTo: number;
  /** The first-person narrator, once the text names them. */
  narrator?: string;
  /** Names seen inside a sentence (a capitalised word opening one may be any word). */
  known: Set<string>;
  /** Whom the text's people call papa, mother… (see kinOf). */
  kin: Map<string, string>;
  /** The other names the text's people are called by, and whose they are (see readAliases). */
  aliases: Map<string, string>;
  /** The one the story follows (see followedOf). */
  followed?: string;
};

/** How far naming speakers in order has got: the next quotation, and the one before it. */
export type NamingProgress = {next: number; previous: Quoted | undefined; talk?: Talk};

/** Names every speaker it can (see the top of this file). */
export function attributeSpeakers<Q extends Quoted>(
  text: string,
  paragraphs: Paragraphs,
  quotations: Q[],
): Q[] {
  attributeThrough(text, paragraphs, quotations, Infinity, {next: 0, previous: undefined});
  return quotations;
}

/**
 * attributeSpeakers for the quotations starting up to `offset`, from where it left off: each
 * conversation whole (its later turns name its earlier ones). `more(offset)` is asked to find
 * the quotations starting up to `offset` when `quotations` may not hold them yet.
 */
export function attributeThrough(
  text: string,
  paragraphs: Paragraphs,
  quotations: Quoted[],
  offset: number,
  progress: NamingProgress,
  more: (offset: number) => void = () => undefined,
): void {
  for (; progress.next < quotations.length; progress.next++) {
    const quotation = quotations[progress.next]!;
    if (quotation.level !== 1) continue;
    const {previous} = progress;
    const starts = !previous || !progress.talk || quotation.start - previous.end >= NEAR_PREVIOUS;
    if (starts) {
      if (quotation.start > offset) return;
      progress.talk = startTalk(text, paragraphs, quotation.start);
    }
    nameOne(text, quotation, progress.talk!);
    progress.previous = quotation;
    if (!continues(quotations, progress.next, more)) settle(progress.talk!, text);
  }
}

/** Whether an outermost quotation follows quotations[index] in its conversation. */
function continues(quotations: Quoted[], index: number, more: (offset: number) => void): boolean {
  const {end} = quotations[index]!;
  more(end + NEAR_PREVIOUS);
  for (let next = index + 1; next < quotations.length; next++) {
    const quotation = quotations[next]!;
    if (quotation.level === 1) return quotation.start - end < NEAR_PREVIOUS;
  }
  return false;
}

/** A new conversation, knowing the people of the text just before it. */
function startTalk(text: string, paragraphs: Paragraphs, start: number): Talk {
  const reading = readForSpeakers(text, paragraphs);
  const talk: Talk = {
    paragraphs,
    turns: [],
    all: [],
    mentions: [],
    cast: reading.cast,
    families: reading,
    // (The narration "since" the first quotation's predecessor: whatever is before it.)
    previousEnd: 0,
    readTo: start,
    known: new Set(),
    narrator: reading.narrator ?? undefined,
    kin: reading.kin ?? new Map(),
    aliases: reading.aliases ?? new Map(),
    followed: reading.followed ?? undefined,
  };
  const before = text.slice(Math.max(0, start - WINDOW), start);
  readNarration(talk, narrationOf(before));
  return talk;
}

/**
 * Of names and how often each was found, the one found most, when it was found three times
 * or more and at least half of `all` the times (all the names' by default).
 */
function majority(
  found: Array<[string, number]>,
  all = found.reduce((sum, [, count]) => sum + count, 0),
): string | undefined {
  const [most] = found.sort((a, b) => b[1] - a[1]);
  return most && most[1] >= CALLED_AT_LEAST && 2 * most[1] >= all ? most[0] : undefined;
}

/** Counts a name found once more, as the same person's as any name like it. */
function countName(found: Array<[string, number]>, name: string): void {
  const same = found.find(([other]) => samePerson(other, name));
  if (same) same[1]++;
  else found.push([name, 1]);
}

/** How many times the text must call someone by the same name for it to be theirs. */
const CALLED_AT_LEAST = 3;

/**
 * The commonest speech verbs of a tag, for the patterns read over a whole text (quick to make
 * ready, unlike the naming rules' VERBS).
 */
const COMMON_VERBS =
  'said|asked|answered|cried|replied|remarked|observed|exclaimed|returned|continued|added|rejoined';
/** A first-person tag after a quotation: “…,” I said; “…,” said I. */
const FIRST_PERSON_TAG = new RegExp(
  String.raw`[”"»]\s*(?:(?:${COMMON_VERBS})\s+I|I\s+(?:${COMMON_VERBS}))\b`,
  'g',
);
/** A quotation in a paragraph. */
const QUOTED = /[“"]([^“”"]*)[”"]/g;

/**
 * The name of a text's first-person narrator: the name that the paragraphs either side of
 * those the narrator speaks in ("…,” said I) most often call someone by, three times or more
 * and at least half the times they call anyone.
 */
function narratorOf(text: string, paragraphs: Paragraphs): string | undefined {
  const spoken = new Set<number>();
  for (const match of text.matchAll(FIRST_PERSON_TAG)) {
    spoken.add(paragraphAt(paragraphs, match.index));
  }
  const called: Array<[string, number]> = [];
  let all = 0;
  const heard = new Set<number>();
  for (const k of spoken) {
    for (const near of [k - 1, k + 1]) {
      const paragraph = paragraphs[near];
      // (Each answer once, and not the narrator's own words.)
      if (!paragraph || spoken.has(near) || heard.has(near)) continue;
      heard.add(near);
      for (const quoted of text.slice(paragraph.start, paragraph.end).matchAll(QUOTED)) {
        for (const match of quoted[1]!.matchAll(CALLED)) {
          const name = cleanName(match[1]);
          if (!name) continue;
          all++;
          countName(called, name);
        }
      }
    }
  }
  return majority(called, all);
}

/** A stretch of text with its quoted words blanked, keeping offsets: its narration. */
function narrationOf(text: string): string {
  return text.replace(/[“"«„][^“”"«»„]*[”"»]/g, (quoted) => ' '.repeat(quoted.length));
}

/**
 * For each word that ends a name of two words ("Mr. Orme", "Dale Orme"), the names it ends
 * and how often each is seen; and the names shown for it, once worked out.
 */
type Families = {names: Map<string, Map<string, number>>; shown: Map<string, string>};

/**
 * What naming speakers reads once from a whole text, a stretch at a time so that a reader can
 * do it between keys: its people's genders (readCast), its names of two words (readPairs), and
 * then its narrator's name, whom its people call papa or mother, and the one it follows.
 */
type TextReading = Families & {
  /**
   * The genders of the text's people: he or she after a name that is a subject, in its
   * sentence, with no other name between (a person's gender is the same in every
   * conversation).
   */
  cast: Map<string, {m: number; f: number}>;
  /** First words of names seen inside a sentence, and names opening one (see readCast). */
  inside: Set<string>;
  opening: Array<{bare: string; first: string; male: boolean}>;
  /** Where each search has got to in the text. */
  castAt: number;
  pairsAt: number;
  /** Read once the rest is (null: none): see narratorOf, kinOf, readAliases, followedOf. */
  narrator?: string | null;
  kin?: Map<string, string>;
  aliases?: Map<string, string>;
  aliasReading?: AliasReading;
  followed?: string | null;
};
const readings = new WeakMap<Paragraphs, TextReading>();
/** How much text is read between asks whether to go on. */
const READING_STRETCH = 65_536;

/**
 * Reads on through the text for naming its speakers while `keepGoing()` says so (to its end
 * by default); whether it has read it all.
 */
export function readForSpeakers(
  text: string,
  paragraphs: Paragraphs,
  keepGoing: () => boolean = () => true,
  stretch = READING_STRETCH,
): TextReading & {done: boolean} {
  let reading = readings.get(paragraphs);
  if (!reading) {
    reading = {
      cast: new Map(),
      inside: new Set(),
      opening: [],
      names: new Map(),
      shown: new Map(),
      castAt: 0,
      pairsAt: 0,
    };
    readings.set(paragraphs, reading);
  }
  while (!readThrough(text, reading)) {
    if (reading.castAt < text.length) {
      reading.castAt = readCast(text, reading, reading.castAt + stretch);
      // (Names that open sentences count once the whole text is read: see readCast.)
      if (reading.castAt >= text.length) {
        for (const {bare, first, male} of reading.opening) {
          if (reading.inside.has(first)) countGender(reading.cast, bare, male);
        }
      }
    } else if (reading.pairsAt < text.length) {
      reading.pairsAt = readPairs(text, reading.names, reading.pairsAt, reading.pairsAt + stretch);
    } else if (reading.narrator === undefined) {
      reading.narrator = narratorOf(text, paragraphs) ?? null;
    } else if (reading.kin === undefined) {
      reading.kin = kinOf(text, paragraphs);
    } else if (reading.aliases === undefined) {
      reading.aliases = readAliases(text, paragraphs, reading, stretch);
    } else {
      reading.followed = followedOf(reading) ?? null;
    }
    if (!keepGoing()) break;
  }
  return {...reading, done: readThrough(text, reading)};
}

/** Whether readForSpeakers has read the whole text. */
export function readForSpeakersDone(text: string, paragraphs: Paragraphs): boolean {
  const reading = readings.get(paragraphs);
  return reading !== undefined && readThrough(text, reading);
}

function readThrough(text: string, reading: TextReading): boolean {
  return (
    reading.castAt >= text.length &&
    reading.pairsAt >= text.length &&
    reading.narrator !== undefined &&
    reading.kin !== undefined &&
    reading.aliases !== undefined &&
    reading.followed !== undefined
  );
}

function countGender(cast: TextReading['cast'], bare: string, male: boolean): void {
  // (Under each word of the name too: "Ada Lowe" tells of "Ada".)
  for (const key of new Set([bare, ...bare.split(' ')])) {
    const counts = cast.get(key) ?? {m: 0, f: 0};
    if (male) counts.m++;
    else counts.f++;
    cast.set(key, counts);
  }
}

/** A pronoun in small letters (one opening a sentence is never after a name in it). */
const CAST_PRONOUN = /\b(?:he|his|himself|she|herself)\b/g;
/** What ends the stretch from a name to a pronoun of its: a sentence, a line, a quotation. */
const CAST_BREAKS = new Set([...'.!?\n“”"'].map((char) => char.charCodeAt(0)));

/**
 * The genders' reading of the text from where it got to, to about `to` (the pronouns before it):
 * where it stopped. Names opening a sentence wait: "Dropping her head, she…" may be any word.
 * They count once the same word is seen before a pronoun inside a sentence somewhere. (From
 * each pronoun back to the capitalised word before it: a book has fewer pronouns than words.)
 */
function readCast(text: string, reading: TextReading, to: number): number {
  CAST_PRONOUN.lastIndex = reading.castAt;
  for (let match = CAST_PRONOUN.exec(text); match; match = CAST_PRONOUN.exec(text)) {
    if (match.index >= to) return match.index;
    const name = nameBefore(text, match.index);
    if (!name || NOT_NAMES.has(name.text) || afterPreposition(text, name.at)) continue;
    const cleaned = cleanName(name.text);
    const bare = cleaned && bareName(cleaned);
    if (!bare || NOT_NAMES.has(bare)) continue;
    const male = match[0].startsWith('h') && match[0] !== 'herself';
    const first = cleaned.split(' ')[0]!;
    if (opensSentence(text, name.at)) {
      reading.opening.push({bare, first, male});
      continue;
    }
    reading.inside.add(first);
    countGender(reading.cast, bare, male);
  }
  return text.length;
}

/**
 * A capitalised word (a title's full stop after it) and, on the same line, another: in the
 * Latin, Greek and Cyrillic alphabets, written out (a pattern of Unicode properties runs
 * through a long book's 3 MB eight times slower). A match is checked to start with capitals.
 */
const CAPITAL_LETTER = 'A-Z\\u00c0-\\u00de\\u0100-\\u017f\\u0391-\\u03a9\\u0400-\\u042f';
const ANY_LETTER = "A-Za-z\\u00c0-\\u024f\\u0370-\\u03ff\\u0400-\\u04ff'’-";
const WORD_PAIR = new RegExp(
  `[${CAPITAL_LETTER}][${ANY_LETTER}]*\\.?[ \\t]+[${CAPITAL_LETTER}]`,
  'g',
);

/**
 * The names of two words in a text ("Mr. Orme", "Dale Orme"), under their second
 * word, with how often each is seen: a title or a capitalised word, then a capitalised word,
 * on one line.
 */
function readPairs(
  text: string,
  names: Map<string, Map<string, number>>,
  from: number,
  to: number,
): number {
  WORD_PAIR.lastIndex = from;
  for (let match = WORD_PAIR.exec(text); match; match = WORD_PAIR.exec(text)) {
    if (match.index >= to) return match.index;
    const second = WORD_PAIR.lastIndex - 1;
    // (The second word is read again as the next name's first: "Mr. Dale Orme".)
    WORD_PAIR.lastIndex = second;
    // (A word's start only, not "McCoy"'s C; capitals only, not the pattern's ā or ×.)
    if (match.index > 0 && isNameCharacter(text, match.index - 1)) continue;
    if (!isCapital(text, match.index) || !isCapital(text, second)) continue;
    let first = match[0].slice(0, match[0].search(/[ \t]/));
    // (A full stop after a title only: "…said Dale. Orme came" is two sentences.)
    if (first.endsWith('.')) {
      if (!TITLE_WORD.test(first)) continue;
    } else if (first.endsWith('-')) continue;
    if (NOT_NAMES.has(first) && !titleGender(first)) continue;
    let end = second + 1;
    while (end < text.length && isNameCharacter(text, end)) end++;
    const family = text.slice(second, end).replace(/['’]s$/, '');
    const forms = names.get(family) ?? new Map<string, number>();
    first = `${first} ${family}`;
    forms.set(first, (forms.get(first) ?? 0) + 1);
    names.set(family, forms);
  }
  return text.length;
}

const LETTER = /\p{L}/u;
const CAPITAL = /\p{Lu}/u;

function isLetter(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER.test(text[index]!);
}

function isCapital(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return code >= 65 && code <= 90;
  return CAPITAL.test(text[index]!);
}

function isNameCharacter(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 39 || code === 45;
  }
  return code === 0x2019 || LETTER.test(text[index]!);
}

/**
 * The capitalised words (up to three, on one line) nearest before `pronoun`, within
 * PRONOUN_REACH and its sentence.
 */
function nameBefore(text: string, pronoun: number): {text: string; at: number} | undefined {
  const limit = Math.max(0, pronoun - PRONOUN_REACH);
  for (let index = pronoun - 1; index >= limit; index--) {
    const code = text.charCodeAt(index);
    // (Small letters and spaces first, inline: most of what is passed over.)
    if ((code >= 97 && code <= 122) || code === 32) continue;
    if (CAST_BREAKS.has(code)) return undefined;
    // (A word's first letter, and a capital.)
    if (!isCapital(text, index) || (index > 0 && isNameCharacter(text, index - 1))) continue;
    let end = index;
    while (end < pronoun && isNameCharacter(text, end)) end++;
    let start = index;
    for (let words = 1; words < 3; words++) {
      let space = start - 1;
      while (space >= 0 && (text[space] === ' ' || text[space] === '\t')) space--;
      if (space === start - 1 || space < 0 || !isLetter(text, space)) break;
      let previous = space;
      while (previous > 0 && isNameCharacter(text, previous - 1)) previous--;
      if (!isCapital(text, previous)) break;
      start = previous;
    }
    return {text: text.slice(start, end), at: start};
  }
  return undefined;
}

/** Learns from narration who is named in it (their genders come from the whole text). */
function readNarration(talk: Talk, narration: string): void {
  for (const match of namesOf(narration)) {
    // (Most capitalised words open sentences and are no names: answered before anything else.)
    if (NOT_NAMES.has(match[0])) continue;
    const name = cleanName(match[0]);
    if (!name) continue;
    const opening = opensSentence(narration, match.index);
    if (!opening) talk.known.add(bareName(name));
    else if (!isKnown(talk, name)) continue;
    mention(talk, name);
  }
}

/** Whether the word at `at` opens a sentence (only quotation marks or dashes before it). */
function opensSentence(text: string, at: number): boolean {
  for (let index = at - 1; index >= 0; index--) {
    const char = text[index]!;
    if (char === '.' || char === '!' || char === '?') return true;
    // (A line break inside a paragraph wrapped in the file is a space.)
    if (char === '\n' && (index === 0 || text[index - 1] === '\n')) return true;
    if (!/[\s“"‘'(—–-]/.test(char)) return false;
  }
  return true;
}

/** Whether a name is a person's: titled, or seen inside a sentence. */
function isKnown(talk: Talk, name: string): boolean {
  if (titleGender(name) !== undefined || talk.known.has(bareName(name))) return true;
  // (Or one the whole text has he or she after, more often one than the other: a person.)
  const counts = talk.cast.get(bareName(name));
  if (!counts) return false;
  const [most, least] = [Math.max(counts.m, counts.f), Math.min(counts.m, counts.f)];
  if (most >= 2 * least + 2) return true;
  // (Or very often, one of them half as often again: a heroine whose scenes are full of "he",
  // Emma or Katharine, is a person too; a word opening sentences, "Looking", is not.)
  return most + least >= PERSON_PRONOUNS && most >= 1.5 * least && !/ing$/.test(bareName(name));
}

/** How often he or she after a word makes it a person's name, though both follow it. */
const PERSON_PRONOUNS = 20;

function mention(talk: Talk, name: string): void {
  const at = talk.mentions.lastIndexOf(name);
  if (at !== -1) talk.mentions.splice(at, 1);
  talk.mentions.push(name);
  if (talk.mentions.length > MENTIONS) talk.mentions.shift();
}

/**
 * The name a speaker is shown by: a family name that several people of the text share (Mr.
 * and Mrs. Orme; Dale, Kit and Mrs. Orme) with the first name or the title that
 * tells which one is meant — the only one of the speaker's gender the text gives, the more
 * often seen of the two when it gives one of each; any other name as found. Worked out once
 * per name and text.
 */
function shownName(talk: Talk, speaker: string): string {
  if (/\s/.test(speaker)) return speaker;
  const {names, shown} = talk.families;
  let name = shown.get(speaker);
  if (name !== undefined) return name;
  name = speaker;
  // (A fuller name seen once may be a sentence's first word before the family name.)
  const fuller = [...(names.get(speaker) ?? [])].filter(([, seen]) => seen >= 2);
  const first = (full: string) => full.split(' ')[0]!;
  const titled = fuller.filter(([full]) => TITLE_WORD.test(first(full)));
  const given = fuller.filter(([full]) => !TITLE_WORD.test(first(full)));
  const genderOfName = (full: string) => titleGender(full) ?? genderOf(talk, first(full));
  const genders = new Set(fuller.map(([full]) => genderOfName(full)));
  // (A family name: someone has it after a first name. Not "Mr. Charles", a first name.)
  const shared = given.length > 1 || (given.length > 0 && genders.has('m') && genders.has('f'));
  const gender = genderOf(talk, speaker);
  if (gender && shared) {
    // (A first name of no known gender may be of the speaker's: two brothers, Dale and Jude
    // Orme, with only Dale known to be a man.)
    const givenOfGender = given.filter(([full]) => (genderOfName(full) ?? gender) === gender);
    const titledOfGender = titled.filter(([full]) => titleGender(full) === gender);
    const one = (forms: Array<[string, number]>) => (forms.length === 1 ? forms[0] : undefined);
    const known = one(givenOfGender);
    const byFirstName = known && genderOfName(known[0]) === gender ? known : undefined;
    const byTitle = givenOfGender.length > 1 ? undefined : one(titledOfGender);
    const [pick] = [byFirstName, byTitle]
      .filter((form): form is [string, number] => form !== undefined)
      .sort((a, b) => b[1] - a[1]);
    if (pick) name = pick[0];
  }
  if (shown.size > 5000) shown.clear();
  shown.set(speaker, name);
  return name;
}

function genderOf(talk: Pick<Talk, 'cast'>, name: string): Gender | undefined {
  const titled = titleGender(name);
  if (titled) return titled;
  const counts = talk.cast.get(bareName(name));
  if (!counts) return undefined;
  if (counts.m >= 1.5 * counts.f + 1) return 'm';
  if (counts.f >= 1.5 * counts.m + 1) return 'f';
  return undefined;
}

/** What naming a quotation knows besides the conversation: its paragraph's narration. */
type Scene = {
  talk: Talk;
  /** The narration of its paragraph before it (since the quotation before, if any). */
  lead: string;
  /** Whether the quotation before it is in its paragraph. */
  sameParagraph: boolean;
  /** The narration since the quotation before it (read when needed). */
  since: () => string;
  /** Its paragraph's index. */
  paragraph: number;
  /** The article's text. */
  text: string;
  /** The gender of the description that tags it ("said her mother"), once read. */
  describedAs?: Gender;
  /** That description's words ("her mother"), once read. */
  describedBy?: string;
};

const AFTER_ARTICLE = /(?:^|[^\p{L}])(?:the|an?)\s+$/iu;

/**
 * "the Great North Road", "the Forest", "a Potsdam parade": a place or a thing, unless a title
 * ("the Colonel").
 */
function afterArticle(text: string, at: number, name: string): boolean {
  return (
    AFTER_ARTICLE.test(text.slice(Math.max(0, at - 5), at)) && !TITLE_WORD.test(name.split(' ')[0]!)
  );
}

/** The people a stretch of narration names, in order. */
function namesIn(talk: Talk, narration: string): string[] {
  const names: string[] = [];
  for (const match of narration.matchAll(WHO)) {
    const name = match[1] && cleanName(match[1]);
    if (!name || afterPreposition(narration, match.index)) continue;
    if (afterArticle(narration, match.index, name)) continue;
    const speaking = SAYS.test(narration.slice(match.index + match[0].length));
    if (isKnown(talk, name) || speaking) names.push(name);
  }
  return names;
}

/**
 * Who "he" or "she" is, when a reader can be sure: the speaker of the paragraph's quotation
 * before it; someone named before it in the paragraph (of several, the one known to be of
 * its gender); whom a paragraph of narration just before has saying something ("Lavrov said
 * Russia is ready"); the one the paragraph just before called by name; who acts in the
 * paragraph of narration just before, known to be of its gender; of the two who spoke last,
 * the one of that gender when the other is not (unless a third spoke lately); of all who
 * have spoken in the conversation, the only one of that gender (unless another of it is
 * among the last people named); the one person who has spoken, when no one else of that
 * gender is named (an article quoting one person).
 * A name of no known gender counts as either where it is the paragraph's own, a subject of
 * one of its sentences. Otherwise nobody for now: the conversation's turns may tell once it
 * is read (see settle). (The last person of that gender named anywhere was right less than
 * half the time.)
 */
function resolvePronoun(scene: Scene, pronoun: string): string | undefined {
  const gender = genderOfPronoun(pronoun);
  if (!gender) return undefined;
  const {talk} = scene;
  const matches = (name: string | undefined): name is string =>
    name !== undefined && genderOf(talk, name) === gender;
  // (A name of no known gender may be anyone's: in the paragraph itself, it is theirs.)
  const maybe = (name: string | undefined): name is string =>
    name !== undefined && (genderOf(talk, name) ?? gender) === gender;
  const last = talk.turns.at(-1)?.speaker;
  if (scene.sameParagraph && maybe(last)) return last;
  const named = namesIn(talk, scene.lead);
  // (Of several named, only one known to be of its gender.)
  let here = named.filter(named.length === 1 ? maybe : matches);
  // (Of no known gender, only as a sentence's subject: "a dancer named Nahenry" is not "he".)
  if (here.length === 1 && !matches(here[0]) && !subjectsOf(scene.lead).includes(here[0]!)) {
    here = [];
  }
  // (Of two of its gender, a sentence's subject before an object: "Sikes turned to where Noah
  // slept. “Well!” he said.")
  const subject =
    here.length > 1 ? subjectsOf(scene.lead).find((name) => here.includes(name)) : undefined;
  if (subject) return subject;
  if (here.length > 0) return here.at(-1);
  // "Lavrov said Russia is ready. … “…,” he said": who the narration since said something.
  // (Opening a paragraph of narration, as news reports: in a novel's narration, it was
  // someone else speaking as often as not.)
  const since = scene.since();
  let saying: string | undefined;
  for (let at = 0; at !== -1 && at < since.length; at = since.indexOf('\n', at)) {
    if (since[at] === '\n') at++;
    WHO_HERE.lastIndex = at;
    const match = WHO_HERE.exec(since);
    if (!match?.[1] || !SAYS.test(since.slice(at + match[0].length))) continue;
    const name = cleanName(match[1]);
    if (name && maybe(name)) saying = name;
  }
  if (saying) return saying;
  // "“…, Tom?” / “…,” he said": the one the paragraph just before called by name.
  const previous = talk.turns.at(-1);
  if (previous && adjacent(previous, scene.paragraph)) {
    const called = addressedIn(talk, previous.words).filter(
      (person) => maybe(person) && (!previous.speaker || !samePerson(person, previous.speaker)),
    );
    if (called.length === 1) return called[0];
  }
  // "Ada looked away. She was tired. / “…,” she said": who the paragraph of narration just
  // before is about, known to be of its gender: the subject of its last sentence, or of one
  // before it through sentences whose subject is "she" (or another's pronoun, or a name
  // known to be of the other gender). (Before the two who spoke last: "Edna was overtaken by
  // Robert. / “…?” she asked him" is Edna's, though Madame Lebrun spoke last.)
  const before = talk.paragraphs[scene.paragraph - 1];
  const narration = before && scene.text.slice(before.start, before.end);
  if (narration && !holdsQuotation(narration)) {
    const topic = topicOf(talk, narration, gender);
    if (topic) return topic;
  }
  // The two who spoke last: when just one of them is of the pronoun's gender, it is them.
  const pair = talk.turns
    .slice(-2)
    .map((turn) => turn.speaker)
    .filter((speaker): speaker is string => speaker !== undefined);
  const ofGender = pair.filter(matches);
  // (Not when a third has spoken lately: the two last are not the only ones talking.)
  const lately = talk.turns
    .slice(-4)
    .map((turn) => turn.speaker)
    .filter((speaker): speaker is string => speaker !== undefined);
  const crowd = distinctPeople(lately).length > 2;
  // (Not after a page of narration: the scene may have moved to someone else.)
  const lastEnd = talk.turns.at(-1)?.end ?? 0;
  const near = lastEnd >= talk.paragraphs[scene.paragraph]!.start - LAST_TWO_WITHIN;
  if (pair.length === 2 && ofGender.length === 1 && !crowd && near) return ofGender[0];
  // Of all who have spoken in the conversation, the only one of its gender, when no one else
  // of it is among the last people named (the narration since the quotation before included).
  const only = onlyOfGender(talk, gender);
  if (
    only &&
    !talk.mentions.slice(-RIVALS_NAMED).some((name) => matches(name) && !samePerson(name, only))
  ) {
    return only;
  }
  // One person has spoken so far and no one else of the gender is named ("…,” Lavrov said.
  // … “…,” he said): them.
  const spoken = talk.turns.filter((turn) => turn.speaker !== undefined);
  const [first] = spoken;
  const alone = (name: string) =>
    spoken.every((turn) => samePerson(turn.speaker!, name)) &&
    talk.mentions.every((other) => !maybe(other) || samePerson(other, name));
  if (first && maybe(first.speaker) && alone(first.speaker)) return first.speaker;
  // "He looked at her. She hardly knew what to say. … / “…,” she said": a pronoun no name
  // near it answers is, as often as not, the one the story follows, if they are in the scene
  // (named in it lately) and no one else of the gender was among the last few named.
  const {followed} = talk;
  if (
    followed &&
    genderOf(talk, followed) === gender &&
    talk.mentions.some((name) => samePerson(name, followed)) &&
    !talk.mentions
      .slice(-RIVALS_OF_FOLLOWED)
      .some((name) => matches(name) && !samePerson(name, followed))
  ) {
    return followed;
  }
  return undefined;
}

/** How much narration may come between the two who spoke last and a "he said" they answer. */
const LAST_TWO_WITHIN = 1000;

/** How many of the people named last may not be of a pronoun's gender for the one followed. */
const RIVALS_OF_FOLLOWED = 3;

/** How often the text must have he or she after the one it follows (a story's, not a page's). */
const FOLLOWED_AT_LEAST = 20;

/**
 * The one the story follows: of a known gender, the person the text has he or she after
 * most often, twenty times or more.
 */
function followedOf(reading: TextReading): string | undefined {
  let most = 0;
  let person: string | undefined;
  for (const [name, {m, f}] of reading.cast) {
    if (m + f < FOLLOWED_AT_LEAST || m + f <= most || !genderOf(reading, name)) continue;
    // (Not a family name a man and a woman share: Mr. and Mrs. Pontellier.)
    const genders = new Set(
      [...(reading.names.get(name) ?? [])]
        .filter(([, seen]) => seen >= 2)
        .map(([full]) => titleGender(full) ?? genderOf(reading, full.split(' ')[0]!)),
    );
    if (genders.has('m') && genders.has('f')) continue;
    person = name;
    most = m + f;
  }
  return person;
}

/** Whether a stretch of text has a quotation mark in it (narration alone has none). */
function holdsQuotation(text: string): boolean {
  return /[“”"«»„]/u.test(text);
}

/**
 * Each sentence's subject in a stretch of text, the last sentence's first: the first name or
 * pronoun not after a preposition (undefined for a pronoun, or for no one).
 */
function* sentenceSubjects(text: string): Generator<string | undefined> {
  let rest = text;
  for (let sentences = 0; sentences < TOPIC_SENTENCES; sentences++) {
    rest = rest.replace(/[\s.!?:;,—–-]+$/u, '');
    if (rest === '') return;
    const start = sentenceStart(rest);
    const sentence = rest.slice(start);
    rest = rest.slice(0, start);
    // ("The council's finance officer, Priya Nand, said…": the name set beside the subject.)
    const beside = APPOSITION.exec(sentence.trimStart());
    let subject: string | undefined = beside ? cleanName(beside[1]) : undefined;
    for (const match of beside ? [] : sentence.matchAll(WHO)) {
      if (afterPreposition(sentence, match.index)) continue;
      subject = match[1] && cleanName(match[1]);
      if (!subject && OPENERS.has(match[0])) continue;
      // ("Taking his hand, Kutúzov…": a participle opening the sentence is not its subject.)
      if (PARTICIPLE.test(sentence.slice(match.index))) {
        subject = undefined;
        continue;
      }
      break;
    }
    yield subject;
  }
}

/** A description opening a sentence, then a name set beside it between commas. */
const APPOSITION = new RegExp(
  String.raw`^(?:The|A|An|His|Her|Their|Our|My)\s[^,.;:!?“”"]{1,60},\s+(${NAME}),`,
  'u',
);

/** A word in -ing opening a clause, before a small letter: "Taking his hand, …". */
const PARTICIPLE = /^\p{Lu}\p{Ll}+ing\s+\p{Ll}/u;

/** The names that are the subjects of a stretch of text's sentences, the last sentence's first. */
function subjectsOf(text: string): string[] {
  return [...sentenceSubjects(text)].filter((name): name is string => name !== undefined);
}

/** How many sentences back a paragraph of narration is read for whom it is about. */
const TOPIC_SENTENCES = 8;

/**
 * Whom a paragraph of narration is about, of a gender: going back a sentence at a time past
 * those whose subject is known to be of the other gender ("Edna had not gone far before she
 * was overtaken by Robert. He…": a "she" is still Edna), the first subject that is a name,
 * when it is one of that gender (a name of no known gender is someone else: nobody).
 */
function topicOf(talk: Talk, narration: string, gender: Gender): string | undefined {
  for (const name of sentenceSubjects(narration)) {
    if (!name) continue;
    const known = genderOf(talk, name);
    if (known === gender) return name;
    if (!known) return undefined;
  }
  return undefined;
}

/**
 * Words that open a sentence before its subject, which the name pattern takes apart from a
 * title after them ("But Mr. Emerson was…"): passed over for the subject. (Not "When" or
 * "If": the subject after them is a clause's, not the sentence's.)
 */
const OPENERS = new Set(
  (
    'And But Then So Yet Now Still Thus Hence Indeed Presently Suddenly Meanwhile Afterwards ' +
    'Afterward Soon Again Only Even Perhaps Instead Finally Later Next Also Often Sometimes ' +
    'Besides Immediately Instantly Slowly Quickly Gradually Evidently Apparently Probably ' +
    'Certainly Surely Really Almost Already Always Never Nor Or Oh Ah Well Yes No Poor Dear ' +
    'Good Very Just Once Therefore Otherwise Anyhow Anyway Somehow Here There'
  ).split(' '),
);

/** How many of the people named last may not be of a pronoun's gender for its one speaker. */
const RIVALS_NAMED = 8;

/** The one person of `gender` who has spoken in the conversation, if just one has. */
function onlyOfGender(talk: Talk, gender: Gender): string | undefined {
  let only: string | undefined;
  const seen = new Set<string>();
  for (const {speaker} of talk.all) {
    // (Each name is looked at once: a long conversation repeats a few names.)
    if (speaker === undefined || speaker === NARRATOR || seen.has(speaker)) continue;
    seen.add(speaker);
    if (genderOf(talk, speaker) !== gender) continue;
    if (only === undefined) only = speaker;
    else if (!samePerson(only, speaker)) return undefined;
  }
  return only;
}

/** `people` without a second name for the same person, in order. */
function distinctPeople(people: string[]): string[] {
  return people.filter(
    (one, index) => people.findIndex((other) => samePerson(one, other)) === index,
  );
}

const WOMAN_WORDS =
  'mother|sister|wife|aunt|daughter|niece|girl|woman|lady|maid|widow|grandmother|queen|princess|duchess|countess|hostess|governess|bride|mistress|mamma|mama';
const MAN_WORDS =
  'father|brother|husband|uncle|son|nephew|boy|man|gentleman|lord|king|prince|duke|count|grandfather|host|fellow|lad|papa|master';
const FEMALE_NOUN = new RegExp(String.raw`\b(?:${WOMAN_WORDS})\b[^\p{L}]*$`, 'u');
const MALE_NOUN = new RegExp(String.raw`\b(?:${MAN_WORDS})\b[^\p{L}]*$`, 'u');
/** The words that open a description of someone ("the old man", "her sister"). */
const DETERMINERS = 'the|her|his|their|my|our|your';
/** DETERMINERS, opening a sentence or not ("Her mother slept."). */
const CAPITALISED_DETERMINERS = DETERMINERS.replace(
  /\b(\p{Ll})/gu,
  (first) => `[${first.toUpperCase()}${first}]`,
);
/** A description's words, up to the first that is not one of them ("the old man with…"). */
const DESCRIPTION_WORDS = new RegExp(
  String.raw`\b(?:${DETERMINERS})(?:\s+(?!(?:to|of|with|at|for|from|by|on|upon|and|but|in|as|who|that|which)\b)[\p{Ll}-]+){1,3}`,
  'u',
);
/** A description's word for a woman or a man, a word or two after "the" ("the old gentleman"). */
const DESCRIPTION_NOUN = new RegExp(
  String.raw`\b(?:${DETERMINERS})\s+(?:[\p{Ll}-]+\s+){0,2}?(${WOMAN_WORDS}|${MAN_WORDS})\b`,
  'u',
);

/**
 * The speech verbs in the past tense, for tags that describe their speaker ("the absurd
 * answer" is no one answering; "cries severed the air", no one crying).
 */
const SAID = VERBS.split('|')
  .filter(
    (verb) => verb.endsWith('ed') || /^(?:said|told|began|went on|broke in|put in)$/.test(verb),
  )
  .join('|');
/**
 * A tag that describes its speaker by "the" and one word: "said the policeman," or "said the
 * dancer with a smile".
 */
const ROLE_AFTER = new RegExp(
  String.raw`${LEAD_IN}(?:${SAID})${ADVERB}?\s+the\s+(\p{Ll}[\p{Ll}-]*)(?![\p{L}-])(?=\s*[,.;:!?—–]|\s*--|\s*$|\s+(?:with|in|as|and|to|from|at|who|whose|looking|turning|without)\b)`,
  'u',
);
/** "the cook cried", "the keeper eagerly said" (a speech verb: "the consideration checked"). */
const ROLE_BEFORE = new RegExp(
  String.raw`${LEAD_IN}the\s+(\p{Ll}[\p{Ll}-]*)(?![\p{L}-])${ADVERB}?\s+(?:${SAID})(?![\p{L}])`,
  'u',
);
/**
 * Words for people that say nothing of which one: sex, age, kin, company, place in a row, and
 * the doctor every story has (a role, but so often a named person's that it tells no one).
 */
const PEOPLE = new Set(
  (
    'man woman male female girl boy lady gentleman child baby young old elder younger little ' +
    'new other first second third last latter former person people fellow lad lass maid ' +
    'youth stranger voice mother father husband wife son daughter sister brother aunt uncle ' +
    'cousin niece nephew grandmother grandfather friend companion visitor guest host ' +
    'hostess master mistress servant doctor same one two three others'
  ).split(' '),
);

/** Where the one a tag speaks to ends: a mark, or a full stop not after a title or initial. */
const OBJECT_END = /[,;!?:"“”]|(?<!\b(?:Mr|Mrs|Ms|Mme|Dr|St|Prof|Rev|\p{Lu}))\.(?=\s|$)/u;

/** A description of someone not met before: "a maid", "an officer". */
const INDEFINITE = /(?:^|[^\p{L}])[Aa]n?\s+[\p{Ll}-]/u;

/** The gender a description's last word gives ("her mother", "the old man"), if any. */
function genderOfDescription(description: string): Gender | undefined {
  if (FEMALE_NOUN.test(description)) return 'f';
  if (MALE_NOUN.test(description)) return 'm';
  return undefined;
}

function genderOfPronoun(pronoun: string): Gender | undefined {
  if (/^(?:he|er|он)$/i.test(pronoun)) return 'm';
  if (/^(?:she|sie|она)$/i.test(pronoun)) return 'f';
  return undefined;
}

/** The speaker a tag names, and how: a name, a pronoun resolved, or the narrator. */
type Tagged = {speaker?: string; way: SpeakerWay; pronoun?: Gender; saidTo?: string} | undefined;

function tagOf(scene: Scene, name: string | undefined, pronoun: string | undefined): Tagged {
  // ("said I": the capitalised pronoun is taken for a name first.)
  if (name !== undefined && PRONOUN_ONLY.test(name.trim()))
    return tagOf(scene, undefined, name.trim());
  // ("…” She paused.": a pronoun that opens a sentence is no name.)
  if (name !== undefined && /^(?:He|She)$/.test(name)) return tagOf(scene, undefined, name);
  const cleaned = cleanName(name);
  if (cleaned) return {speaker: cleaned, way: 'named'};
  if (!pronoun) return undefined;
  if (/^(?:I|we)$/.test(pronoun)) return {speaker: NARRATOR, way: 'narrator'};
  return {
    speaker: resolvePronoun(scene, pronoun),
    way: 'pronoun',
    pronoun: genderOfPronoun(pronoun),
  };
}

/**
 * The speaker the text beside a quotation names: a clause leading into it ("Tom turned and
 * said, “…”"), else after it, else any clause before it.
 */
function taggedSpeaker(scene: Scene, after: string, before: string): Tagged | 'described' {
  // (What follows a quotation so introduced is narration or the next one's tag: "Tom said,
  // “…” while Ada edged away"; "Tom said, “…” she answered, “…”".)
  // (Set off by its mark: "Petulant cries of “Auntie!” severed the air" is no one's tag.)
  const setOff = /[,:—–-]\s*$/u.test(before);
  const leading = setOff ? leadingClause(scene, before) : undefined;
  if (leading?.speaker) return leading;
  for (const pattern of [VERB_THEN_WHO, WHO_THEN_VERB]) {
    const match = pattern.exec(after);
    if (!match) continue;
    const tag = tagOf(scene, match[1] ?? match[3], match[2]);
    // ("“…?” he said suddenly to Prince Andrew": not Prince Andrew, whom the tag says it to.)
    if (tag?.way === 'pronoun' && tag.speaker && tag.speaker !== NARRATOR) {
      const object = after
        .slice(match[0].length)
        .replace(/^(?:\s+\p{Ll}+ly)*\s+(?:(?:to|of|at)\s+)?/u, '')
        .split(OBJECT_END)[0]!;
      if (/^\p{Lu}/u.test(object) && saysName(object, tag.speaker)) {
        return {...tag, speaker: undefined, saidTo: tag.speaker};
      }
    }
    if (tag) return tag;
    // "said the policeman": a person the text calls by what they do, as a reader knows them.
    const role = ROLE_AFTER.exec(after)?.[1] ?? ROLE_BEFORE.exec(after)?.[1];
    if (role && !PEOPLE.has(role)) return {speaker: `the ${role}`, way: 'named'};
    // "said her sister", "said the old man": someone naming cannot name (descriptions, tried
    // as names, were wrong three times in four against the novels' annotations); a woman or
    // a man, though, the turns may tell who (see settle).
    // (The tag pattern takes the fewest words: "said the old" of "said the old gentleman".)
    const clause = after
      .slice(0, match[0].length + 40)
      .split(/[,;.!?:—–"“”]/u)[0]!
      .replace(/\s+/g, ' ');
    const noun = DESCRIPTION_NOUN.exec(clause);
    // ("whispered a maid": someone new, not whose turn it is.)
    const someoneNew = INDEFINITE.test(match[0]);
    scene.describedAs = someoneNew ? undefined : genderOfDescription(noun?.[1] ?? match[0]);
    scene.describedBy = someoneNew
      ? undefined
      : DESCRIPTION_WORDS.exec(clause)?.[0].replace(/(?:\s+\p{Ll}+ly)+$/u, '');
    return 'described';
  }
  const according = ACCORDING.exec(after) ?? WHOSE.exec(after);
  if (according) return tagOf(scene, according[1], undefined);
  return setOff ? leading : leadingClause(scene, before);
}

/**
 * The clause that leads into a quotation, ending in a speech verb and a comma, colon or dash;
 * its speaker is the last name or pronoun before the verb that is not an object ("Nora
 * turned to Tom and said, …": Nora).
 */
function leadingClause(scene: Scene, before: string): Tagged {
  const clause = before.slice(sentenceStart(before));
  // ("Said Helen, “…”": the verb first.)
  const inverted = INVERTED_LEAD.exec(clause);
  if (inverted) return tagOf(scene, inverted[1], undefined);
  const verb = VERB_AT_END.exec(clause);
  if (!verb) return undefined;
  // (An aside between commas just before the verb describes the subject: "Eric Reeves, one
  // of the leading American voices on Sudan, said": not American. Unless the subject is in
  // it: "When they came in, Ada taking out the letter, said".)
  const whole = clause.slice(0, verb.index);
  const lead = whole.replace(/,[^,]{1,80},\s*$/, (aside) => ' '.repeat(aside.length));
  const found = subjectOf(scene, clause, lead);
  if (lead === whole || found?.speaker) return found;
  return subjectOf(scene, clause, whole) ?? found;
}

/** A lead-in with its verb first: "Said Helen," "Cried Mr. Kay:" (a SAID verb, capitalised). */
const INVERTED_LEAD = new RegExp(
  String.raw`^\s*(?:${SAID.replace(/(^|\|)(\p{Ll})/gu, (_, bar: string, first: string) => bar + first.toUpperCase())})\s+(${NAME})\s*[,:—–-]*\s*$`,
  'u',
);

/** Who speaks in a clause leading into a quotation: the last subject in `lead`, its start. */
function subjectOf(scene: Scene, clause: string, lead: string): Tagged {
  let found: Tagged;
  for (const match of lead.matchAll(WHO)) {
    // ("Line 0 says": a capitalised word far from the verb, an aside apart, must be known as
    // a name.)
    const adjacent = SAYS.test(
      lead.slice(match.index + match[0].length) + clause.slice(lead.length),
    );
    // ("than Ada exclaimed": a word that may be a preposition, but the verb is hers.)
    if (!adjacent && afterPreposition(lead, match.index)) continue;
    const name = match[1] && cleanName(match[1]);
    if (name && !isKnown(scene.talk, name) && !adjacent) continue;
    found = tagOf(scene, match[1], match[2]) ?? found;
  }
  return found;
}

/**
 * "Ada looked up. “…”": the one who acts in the sentence just before an untagged quotation
 * that opens no paragraph (its subject: the first name or pronoun not after a preposition).
 */
function actorBefore(scene: Scene, before: string): Tagged {
  // (Only a quotation that opens a sentence: "Ada's “steroid diplomacy”" is no one's speech.)
  if (!/[.!?:—–-]['’”"]?\s*$/u.test(before)) return undefined;
  const sentence = lastSentence(before);
  for (const match of sentence.matchAll(WHO)) {
    if (afterPreposition(sentence, match.index)) continue;
    const name = match[1] && cleanName(match[1]);
    if (name && !isKnown(scene.talk, name)) continue;
    if (!name && OPENERS.has(match[0])) continue;
    return tagOf(scene, match[1], match[2]);
  }
  return undefined;
}

/** A name that opens a sentence ("And Mr. Hale, too, …"): its subject. */
const OPENING_NAME = new RegExp(
  String.raw`^(?:(?:And|But|Then|So|Now)\s+)?(${NAME})(?![\p{L}])`,
  'u',
);

/**
 * The subject of a sentence that opens with a known name and names no one else ("Ada made no
 * answer, and Mrs. Lowe plunged on:" is not Ada's).
 */
function subjectOfSentence(scene: Scene, sentence: string): Tagged {
  const opening = OPENING_NAME.exec(sentence.trimStart());
  const cleaned = cleanName(opening?.[1]);
  if (!opening || !cleaned || !isKnown(scene.talk, cleaned)) return undefined;
  const rest = sentence.trimStart().slice(opening[0].length);
  return namesIn(scene.talk, rest).length === 0 ? tagOf(scene, opening[1], undefined) : undefined;
}

/** The last sentence of a stretch of narration, without the marks that end it. */
function lastSentence(narration: string): string {
  const ended = narration.replace(/[\s.!?:;,—–-]+$/u, '');
  return ended.slice(sentenceStart(ended));
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
    // (Names only: "the policeman" is not called "the", nor "policeman", in what is said.)
    known = [...new Set([person, bare, words.at(-1)!, words[0]!])].filter(
      (form) => form.length >= 2 && !NOT_NAMES.has(form) && isCapital(form, 0),
    );
    if (forms.size > 5000) forms.clear();
    forms.set(person, known);
  }
  return known;
}

const vocatives = new Map<string, RegExp>();

/**
 * "…, Nora." "Dear Nora, …" "Nora!": a name said to someone. (Not a name that opens a
 * quotation with a full stop: "“What is his name?” / “Bingley.”" is an answer.)
 */
function vocativeOf(name: string): RegExp {
  let vocative = vocatives.get(name);
  if (!vocative) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    vocative = new RegExp(
      String.raw`(?:^[“"‘'«]?${escaped}(?=\s*[,!?;—–-]|\s*[”"’'»]?$)|(?:[,;—–-]\s*|(?:dear|my dear|dearest|oh|O)\s+)${escaped}(?=\s*[,.!?;—–-]|\s*[”"’'»]?$))`,
      'mu', // (a turn's quotations are read a line each)
    );
    if (vocatives.size > 1000) vocatives.clear();
    vocatives.set(name, vocative);
  }
  return vocative;
}

/** Whether a quotation says a name of someone's anywhere ("Make Lucy one of us"). */
function saysName(words: string, person: string): boolean {
  return formsOf(person).some((form) => {
    for (let at = words.indexOf(form); at !== -1; at = words.indexOf(form, at + 1)) {
      if (!isLetter(words, at - 1) && !isLetter(words, at + form.length)) return true;
    }
    return false;
  });
}

/** Whether a quotation calls someone by a name of theirs ("Not at all, Nora."). */
function callsByName(words: string, person: string): boolean {
  return formsOf(person).some((form) => words.includes(form) && vocativeOf(form).test(words));
}

/** Names a conversation's people addressed in a quotation ("Not at all, Nora."). */
function addressedIn(talk: Talk, words: string): string[] {
  const people = [...new Set([...talk.mentions, ...talk.turns.map((turn) => turn.speaker)])];
  const found = people.filter(
    (person): person is string => person !== undefined && callsByName(words, person),
  );
  for (const [alias, person] of talk.aliases) {
    if (!callsByName(words, alias) || found.some((other) => samePerson(other, person))) continue;
    found.push(person);
  }
  if (talk.kin.size > 0) {
    for (const match of words.matchAll(KIN)) {
      const person = talk.kin.get(match[1]!.toLowerCase());
      if (person && !found.some((other) => samePerson(other, person))) found.push(person);
    }
  }
  return found;
}

/** "Yes, papa." "Dear mother, …": a relation called. */
const KIN =
  /(?:^[“"‘']|[,;]\s+|dear(?:est)?\s+)(papa|mamma|mama|father|mother|uncle|aunt|grandpapa|grandmamma)(?=\s*[,.!?;—–-])/giu;
/** A tag right after a quotation: a name either side of a common speech verb. */
const KIN_TAG = new RegExp(
  String.raw`^[\s,]*(?:(?:${COMMON_VERBS})\s+((?:(?:Mr|Mrs|Miss|Dr)\.?\s+)?\p{Lu}\p{Ll}+)|((?:(?:Mr|Mrs|Miss|Dr)\.?\s+)?\p{Lu}\p{Ll}+)\s+(?:${COMMON_VERBS}))(?![\p{L}])`,
  'u',
);

/**
 * Whom a text's people call papa, mother, uncle…: the one the tags of the paragraphs either
 * side of the calls name most (see majority), not the caller.
 */
function kinOf(text: string, paragraphs: Paragraphs): Map<string, string> {
  const votes = new Map<string, Array<[string, number]>>();
  for (const match of text.matchAll(KIN)) {
    const k = paragraphAt(paragraphs, match.index);
    const own = taggedAfterFirst(text, paragraphs, k);
    const kin = match[1]!.toLowerCase();
    for (const near of [k - 1, k + 1]) {
      const name = taggedAfterFirst(text, paragraphs, near);
      if (!name || (own && samePerson(own, name))) continue;
      const list = votes.get(kin) ?? [];
      countName(list, name);
      votes.set(kin, list);
    }
  }
  const known = new Map<string, string>();
  for (const [kin, list] of votes) {
    const person = majority(list);
    if (person) known.set(kin, person);
  }
  return known;
}

/** A paragraph's first quotation's words, and the text just after it (for its tag). */
function firstQuotation(
  text: string,
  paragraphs: Paragraphs,
  k: number,
): {words: string; after: string} | undefined {
  const paragraph = paragraphs[k];
  if (!paragraph) return undefined;
  const end = Math.min(paragraph.end, paragraph.start + 2000);
  const open = markAt(text, paragraph.start, end, OPENING_MARKS);
  const close = markAt(text, open + 1, end, CLOSING_MARKS);
  if (close >= end) return undefined;
  return {words: text.slice(open + 1, close), after: text.slice(close + 1, close + 121)};
}

/** The marks a paragraph's first quotation opens and closes with: “ or ", ” or ". */
const OPENING_MARKS = /[“"]/g;
const CLOSING_MARKS = /[”"]/g;

/** The last mark found by each pattern, where its search began (see markAt). */
const marksFound = new Map<RegExp, {text: string; from: number; at: number}>();

/**
 * Where the first of a pattern's marks is in text[from, to), or `to`. (Paragraphs are read in
 * order: a mark found past `from` answers every search from before it, so the text is
 * searched once over.)
 */
function markAt(text: string, from: number, to: number, marks: RegExp): number {
  let found = marksFound.get(marks);
  if (!found || found.text !== text || found.from > from || (found.at < from && found.at !== -1)) {
    marks.lastIndex = from;
    found = {text, from, at: marks.exec(text)?.index ?? -1};
    marksFound.set(marks, found);
  }
  return found.at === -1 || found.at >= to ? to : found.at;
}

/** Who the tag after a paragraph's first quotation names (KIN_TAG). */
function taggedAfterFirst(text: string, paragraphs: Paragraphs, k: number): string | undefined {
  const quotation = firstQuotation(text, paragraphs, k);
  const match = quotation && KIN_TAG.exec(quotation.after);
  return cleanName(match?.[1] ?? match?.[2]);
}

/**
 * A name called in a quotation: at its start or after a comma (CALL_START), then a stop
 * ("Meg, …"). (Where a call may start is found first: the name pattern is slow to try.)
 */
const CALL_START = /(?:^|[,;]\s+|dear(?:est)?\s+)(?=\p{Lu})/gu;
const CALLED_NAME_HERE = new RegExp(String.raw`(${NAME})(?=\s*[,.!?;])`, 'uy');

/** Words people are called by that are no one's name: a rank, a cry ("Sire", "O Lord"). */
const NOT_ALIASES =
  /^(?:(?:O|Oh)\s.*|Sire|Majesty|Highness|Excellency|Eminence|Reverence|Honour|Honor|Madam|Sir)$/u;

/** How many of the calls of a name must be answered by one person for it to be theirs. */
const ALIAS_AT_LEAST = 3;

/** Where reading a text for the other names its people are called by has got to. */
type AliasReading = {
  /** Who the tag after each paragraph's first quotation names. */
  tags: Array<string | undefined>;
  /** The tags by each word of theirs, as written and without a title. */
  tagsByWord: Map<string, string[]>;
  /** The next paragraph to read, and whether the tags are all read (then, the calls). */
  at: number;
  calls: boolean;
  votes: Map<string, Array<[string, number]>>;
  /** Each word called, and the name it is if it may be another name of someone's ('' if not). */
  callable: Map<string, string>;
};

/**
 * The other names a text's people are called by ("Meg", "Miss Eliza", "Monsieur le Baron"),
 * read a stretch of the text at a time (the tags first, then the calls): a name called in a
 * paragraph's first quotation, that no tag names anyone by, is the name of whom the tags of
 * the paragraphs either side name (but the caller), when they name one person three times
 * or more and two times in three. (Whom a quotation calls by such a name is then that
 * person: see addressedIn.) Undefined until the whole text is read.
 */
function readAliases(
  text: string,
  paragraphs: Paragraphs,
  reading: TextReading,
  stretch: number,
): Map<string, string> | undefined {
  const state: AliasReading = reading.aliasReading ?? {
    tags: [],
    tagsByWord: new Map(),
    at: 0,
    calls: false,
    votes: new Map(),
    callable: new Map(),
  };
  reading.aliasReading = state;
  const {tags, tagsByWord, votes} = state;
  const to = (paragraphs[state.at]?.start ?? 0) + stretch;
  let k = state.at;
  if (!state.calls) {
    for (; k < paragraphs.length && paragraphs[k]!.start < to; k++) {
      const tag = taggedAfterFirst(text, paragraphs, k);
      tags[k] = tag;
      // (Each tag listed once: one seen already is listed under its first word.)
      if (tag === undefined || tagsByWord.get(tag.split(' ')[0]!)?.includes(tag)) continue;
      for (const word of new Set([...tag.split(' '), ...bareName(tag).split(' ')])) {
        const list = tagsByWord.get(word) ?? [];
        list.push(tag);
        tagsByWord.set(word, list);
      }
    }
    state.calls = k >= paragraphs.length;
    state.at = state.calls ? 0 : k;
    return undefined;
  }
  // (A name is a tag's when they share a word and are the same person's.)
  const isTagged = (name: string) =>
    [...name.split(' '), ...bareName(name).split(' ')].some((word) =>
      tagsByWord.get(word)?.some((tag) => samePerson(tag, name)),
    );
  // (What each word called comes to, once: the same few are called again and again.)
  const callable = (called: string) => {
    let name = state.callable.get(called);
    if (name === undefined) {
      const cleaned = cleanName(called);
      const no = !cleaned || NOT_ALIASES.test(cleaned) || TITLE_WORD.test(cleaned);
      name = no || isTagged(cleaned) ? '' : cleaned;
      state.callable.set(called, name);
    }
    return name;
  };
  for (; k < paragraphs.length && paragraphs[k]!.start < to; k++) {
    const quotation = firstQuotation(text, paragraphs, k);
    if (!quotation) continue;
    const own = tags[k];
    const {words} = quotation;
    for (const start of words.matchAll(CALL_START)) {
      CALLED_NAME_HERE.lastIndex = start.index + start[0].length;
      const match = CALLED_NAME_HERE.exec(words);
      const name = match && callable(match[1]!);
      if (!name) continue;
      for (const near of [tags[k - 1], tags[k + 1]]) {
        if (!near || (own && samePerson(own, near))) continue;
        const list = votes.get(name) ?? [];
        countName(list, near);
        votes.set(name, list);
      }
    }
  }
  state.at = k;
  if (k < paragraphs.length) return undefined;
  reading.aliasReading = undefined;
  const aliases = new Map<string, string>();
  for (const [name, list] of votes) {
    const all = list.reduce((sum, [, count]) => sum + count, 0);
    const [most] = list.sort((a, b) => b[1] - a[1]);
    if (!most || most[1] < ALIAS_AT_LEAST || most[1] * 3 < all * 2) continue;
    if (TITLE_WORD.test(most[0])) continue;
    aliases.set(name, most[0]);
  }
  return aliases;
}

/** Names one outermost quotation's speaker and records its turn in the conversation. */
function nameOne(text: string, quotation: Quoted, talk: Talk): void {
  const first = paragraphAt(talk.paragraphs, quotation.start);
  const lastParagraph = paragraphAt(talk.paragraphs, quotation.end - 1);
  const paragraph = talk.paragraphs[first]?.start ?? 0;
  const paragraphEnd = talk.paragraphs[lastParagraph]?.end ?? text.length;
  // Narration since the quotation before: who it names.
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
  const sameParagraph = last !== undefined && last.last === first;
  const before = text.slice(
    Math.max(paragraph, sameParagraph ? last.end : paragraph, quotation.start - 200),
    quotation.start,
  );
  // (Lines of a paragraph wrapped in the file are one line of speech.)
  const words = text.slice(quotation.start, quotation.end).replace(/\s*\n\s*/g, ' ');
  const sinceFrom = Math.max(talk.previousEnd, quotation.start - 600);
  talk.previousEnd = quotation.end;
  const scene: Scene = {
    talk,
    lead: before,
    sameParagraph,
    since: () => text.slice(sinceFrom, quotation.start),
    paragraph: first,
    text,
  };
  let tagged = taggedSpeaker(scene, after, before);
  const opensParagraph = blankBetween(text, paragraph, quotation.start);
  const narrated = !sameParagraph && !opensParagraph;
  if (!tagged && narrated) tagged = actorBefore(scene, before);
  // ("…, and Ada began again:" ending the paragraph before: its lead-in.)
  const opening = !sameParagraph && !narrated;
  const previous = talk.paragraphs[first - 1];
  const tail = previous && text.slice(Math.max(previous.start, previous.end - 200), previous.end);
  // (Or no mark at all: a sentence left unfinished, its colon or dash lost from the file.)
  if (!tagged && opening && previous && tail && /(?:[:,—–-]|\p{Ll})\s*$/u.test(tail)) {
    const lastQuote = Math.max(tail.lastIndexOf('”'), tail.lastIndexOf('"'), tail.lastIndexOf('»'));
    // (A "she" in it is whom that paragraph names: it is the lead-in.)
    const leadIn = tail.slice(lastQuote + 1);
    tagged = taggedSpeaker({...scene, lead: leadIn}, '', leadIn);
    if (tagged === 'described') tagged = undefined;
    // ("Mr. Hale addressed her gravely: / “…”": whoever a sentence ending in a colon is about.)
    // (A colon and a dash, “spoke:--”, as older books set it, is a colon.)
    if (!tagged && lastQuote === -1 && /:(?:\s*(?:--|—|–))?\s*$/u.test(tail)) {
      tagged = subjectOfSentence(scene, lastSentence(tail.replace(/(?:--|—|–)\s*$/u, '')));
    }
  } else if (!tagged && opening && previous && tail) {
    // ("Mr. Pike began again. / “…”": a paragraph of narration that ends as someone speaks.)
    // (Of narration alone: "“…?” he asked. / “…”" is an answer.)
    const speaking = SPEAKS_AT_END.exec(tail.slice(sentenceStart(tail)));
    if (speaking && !holdsQuotation(text.slice(previous.start, previous.end))) {
      tagged = tagOf(scene, speaking[1], undefined);
    }
  }
  let speaker: string | undefined;
  let way: SpeakerWay | undefined;
  if (tagged && tagged !== 'described') {
    ({speaker, way} = tagged);
  } else if (sameParagraph) {
    // A paragraph is one speaker's turn.
    speaker = last.speaker;
    way = last.way;
  } else if (tagged !== 'described' && opensParagraph) {
    // (A paragraph of speech: one that opens with the quotation.)
    ({speaker, way} = turnTaking(talk, first, words));
  }
  if (speaker === NARRATOR && talk.narrator) speaker = talk.narrator;
  // ("Make Lucy one of us," she said: not Lucy. Left to the turns, as an unresolved "she".)
  if (way === 'pronoun' && speaker && speaker !== NARRATOR && saysName(words, speaker)) {
    speaker = undefined;
    way = undefined;
  }
  const turn: Turn = sameParagraph
    ? last
    : {
        paragraph,
        first,
        last: lastParagraph,
        end: quotation.end,
        speaker,
        way,
        words: '',
        quotations: [],
      };
  if (sameParagraph) {
    last.end = quotation.end;
    last.last = lastParagraph;
    if (!last.speaker && speaker) {
      last.speaker = speaker;
      last.way = way;
    }
  } else {
    talk.turns.push(turn);
    talk.all.push(turn);
    if (talk.turns.length > 8) talk.turns.shift();
  }
  if (!turn.speaker) {
    if (tagged === 'described') {
      turn.described = true;
      // (Settled as "she said" is, by the turns: "said her mother" is a woman.)
      turn.pronoun = scene.describedAs;
      turn.describedBy = scene.describedBy;
    } else if (tagged?.pronoun) turn.pronoun = tagged.pronoun;
    if (tagged && tagged !== 'described' && tagged.saidTo) turn.saidTo = tagged.saidTo;
  }
  // (Narration before its first quotation and no tag: someone acts, then speaks, or the text
  // quotes something read or written; either way, the alternation is not carried through it.)
  if (narrated && !tagged) turn.narrated = true;
  turn.words = turn.words ? `${turn.words}\n${words}` : words;
  turn.quotations.push(quotation);
  if (speaker && speaker !== NARRATOR) {
    quotation.speaker = shownName(talk, speaker);
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
      quotation.speaker = shownName(talk, name);
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
  talk: Talk,
  paragraph: number,
  words: string,
): {speaker?: string; way?: SpeakerWay} {
  const [older, last] = talk.turns.slice(-2);
  if (!last || !adjacent(last, paragraph)) return {};
  const addressed = addressedIn(talk, words);
  const unaddressed = (name: string | undefined) =>
    name && !addressed.some((person) => samePerson(person, name)) ? name : undefined;
  const called = addressedIn(talk, last.words).find(
    (person) => !last.speaker || !samePerson(person, last.speaker),
  );
  if (called) return {speaker: unaddressed(called), way: 'turn'};
  if (!older || !adjacent(older, last.first)) return {};
  if (!older.speaker || !last.speaker || samePerson(older.speaker, last.speaker)) return {};
  return {speaker: unaddressed(older.speaker), way: 'turn'};
}

/**
 * How many turns either side a speaker's own turn rules them out of this one (one or three
 * away: further, the alternation may have shifted).
 */
const OWN_TURNS_APART = 3;

/** How many turns apart the turn may carry a speaker (the same parity: A B A B …). */
const TURN_REACH = 16;

/**
 * Once a conversation is read whole: its paragraphs of speech that no rule named, and those
 * tagged "he said" or "said her sister" that naming in order could not resolve, take the
 * speaker of the nearest turn of the same parity in their run of adjacent paragraphs, either
 * way (two people talk in alternate paragraphs), when nothing between breaks the alternation;
 * a "he said" left over is the one man who speaks in the conversation, if no other is named.
 */
function settle(talk: Talk, text: string): void {
  doubtEchoedPronouns(talk);
  if (talk.all.every((turn) => turn.speaker)) return;
  const run = runOf(talk);
  const turns = run.turns;
  const assign = (turn: Turn, speaker: string, way: SpeakerWay) => {
    const named = speaker === NARRATOR && talk.narrator ? talk.narrator : speaker;
    turn.speaker = named;
    turn.way = way;
    for (const quotation of turn.quotations) {
      if (quotation.speaker) continue;
      if (named === NARRATOR) quotation.speakerBy = 'narrator';
      else {
        quotation.speaker = shownName(talk, named);
        quotation.speakerBy = way;
      }
    }
  };
  describedKin(talk, run, assign);
  let named = true;
  const carry = (turn: Turn, speaker: string, way: SpeakerWay) => {
    if (turn.saidTo && samePerson(turn.saidTo, speaker)) return;
    assign(turn, speaker, way);
    named = true;
  };
  // (Round after round while one names anyone: a turn named late carries to those before.)
  for (let round = 0; round < SETTLE_ROUNDS && named; round++) {
    named = false;
    for (let pass = round === 0 ? 0 : 1; pass < 2; pass++) {
      run.known = turns.map((turn) => turn.speaker);
      turns.forEach((turn, k) => {
        if (turn.speaker || !turn.pronoun) return;
        // (A speaker only ahead, when the pronoun is known to be theirs.)
        const candidate = carried(run, k, (name) => genderOf(talk, name) === turn.pronoun);
        if (candidate && (genderOf(talk, candidate) ?? turn.pronoun) === turn.pronoun) {
          carry(turn, candidate, turn.described ? 'turn' : 'pronoun');
        }
      });
    }
    // "She said" still unresolved: the one woman who speaks in the whole conversation (before
    // it or after), when no other is among the people it names.
    for (const turn of talk.all) {
      if (round > 0 || turn.speaker || !turn.pronoun || turn.described) continue;
      const only = onlyOfGender(talk, turn.pronoun);
      const rival = (name: string) =>
        genderOf(talk, name) === turn.pronoun && !samePerson(name, only!);
      if (only && !talk.mentions.some(rival)) carry(turn, only, 'pronoun');
    }
    run.known = turns.map((turn) => turn.speaker);
    turns.forEach((turn, k) => {
      if (turn.speaker || turn.pronoun || turn.narrated) return;
      // ("said the doctor", "replied his friend": of no gender known, a turn as any other; not
      // "said the stranger", someone new to the conversation.)
      if (turn.described && (!turn.describedBy || NEWCOMER.test(turn.describedBy))) return;
      // (A speaker only ahead, at the start of a run: tags often come a turn or two in.)
      const opens = !run.linked[k] || !run.linked[k - 1];
      const candidate = carried(run, k, () => opens);
      if (candidate) carry(turn, candidate, 'turn');
    });
    resumed(talk, run, carry);
    followedAnswers(talk, text, run, carry);
    if (round === 0) {
      onlyOneNear(talk, text, carry);
      twoNear(talk, text, run, carry);
      talkedOn(talk, text, run, carry);
      describedAlike(talk, carry);
      actedBetween(talk, text, run, carry);
    }
  }
}

/**
 * A "he said" the pronoun named someone whom the tag of the paragraph right after it names
 * by name ("“…,” he said. / “…,” said Tom."): two paragraphs running are seldom one person's,
 * so the "he" is likely another's; it is left to the turns (see settle). Right after a tag
 * that names someone, "he said" named them wrongly more often than not.
 */
function doubtEchoedPronouns(talk: Talk): void {
  const turns = talk.all;
  for (let k = 0; k + 1 < turns.length; k++) {
    const turn = turns[k]!;
    const next = turns[k + 1]!;
    const {speaker} = turn;
    if (turn.way !== 'pronoun' || !speaker) continue;
    if (next.way !== 'named' || !next.speaker || !adjacent(turn, next.first)) continue;
    if (!samePerson(next.speaker, speaker)) continue;
    turn.speaker = undefined;
    turn.way = undefined;
    turn.pronoun = genderOf(talk, speaker);
    for (const quotation of turn.quotations) {
      if (quotation.speakerBy !== 'pronoun') continue;
      quotation.speaker = undefined;
      quotation.speakerBy = undefined;
    }
  }
}

/**
 * A tag that describes its speaker as a spouse or parent of another ("replied his wife",
 * "said her father") names them, before the turns are settled: Mr. or Mrs. and the family
 * name of one who speaks in a turn beside it, when the text calls someone that twice or more
 * ("Mr. Bennet" / "…,” cried his wife: Mrs. Bennet).
 */
function describedKin(talk: Talk, run: Run, assign: Assign): void {
  const {turns} = run;
  turns.forEach((turn, k) => {
    // ("his wife again": the word after "his".)
    const relation = turn.describedBy && /^(his|her) (\p{Ll}+)/u.exec(turn.describedBy);
    if (turn.speaker || !relation) return;
    const [, whose, word] = relation;
    const beside = [turns[k - 1]?.speaker, turns[k + 1]?.speaker];
    const found = familyKin(talk, word!, whose === 'his' ? 'm' : 'f', beside);
    if (!found || callsByName(turn.words, found)) return;
    assign(turn, found, 'turn');
  });
}

/** The title a spouse or parent bears with the family name. */
const FAMILY_TITLES = new Map([
  ['father', 'Mr'],
  ['husband', 'Mr'],
  ['mother', 'Mrs'],
  ['wife', 'Mrs'],
]);

/**
 * Mr. or Mrs. and the family name of one of `others` (of the gender "his" or "her" gives),
 * for their father, mother, husband or wife, when the text calls someone that twice or more.
 */
function familyKin(
  talk: Talk,
  word: string,
  gender: Gender,
  others: Array<string | undefined>,
): string | undefined {
  const title = FAMILY_TITLES.get(word);
  if (!title) return undefined;
  const {names} = talk.families;
  for (const other of others) {
    if (!other) continue;
    const known = genderOf(talk, other) ?? titleGender(other);
    if (known && known !== gender) continue;
    const family = familyNameOf(talk, other);
    if (!family) continue;
    // (As the text writes the title: "Mrs. Hale", or "Mrs Hale".)
    for (const person of [`${title}. ${family}`, `${title} ${family}`]) {
      if ((names.get(family)?.get(person) ?? 0) >= 2 && !samePerson(person, other)) return person;
    }
  }
  return undefined;
}

/**
 * The family name of someone as a speaker is called: "Mr. Bennet", or a first name alone that
 * the text gives one family name twice or more ("Lucy").
 */
function familyNameOf(talk: Talk, person: string): string | undefined {
  const titled = /^(?:Mr|Mrs|Miss|Ms)\.? (\p{Lu}[\p{L}'’-]+)$/u.exec(person);
  if (titled) return titled[1];
  let found: string | undefined;
  for (const [family, forms] of talk.families.names) {
    if ((forms.get(`${person} ${family}`) ?? 0) < 2) continue;
    if (found) return undefined;
    found = family;
  }
  return found;
}

/**
 * The runs of a scene of two: when the narration of the 1,500 characters before a run names
 * or has speaking two people only, with the run's own speakers, and describes no one unnamed
 * there ("the girl", "his father": who may be one of them), the run's two sides are theirs,
 * the one way round its turns allow (see sideFits). A run of one turn too: "“Anne, get
 * up.”" with Anne and Marilla there is Marilla's.
 */
function twoNear(talk: Talk, text: string, run: Run, assign: Assign): void {
  const {turns} = run;
  for (const {from, to} of stretches(run)) {
    let open = false;
    for (let k = from; k <= to && !open; k++) open = !turns[k]!.speaker && !turns[k]!.narrated;
    if (!open) continue;
    // (A narrator who speaks is in the scene as anyone is.)
    const speakers: string[] = [];
    for (let k = from; k <= to; k++) {
      const {speaker} = turns[k]!;
      if (speaker) speakers.push(speaker);
    }
    // (Three who speak in it already: no scene of two, and its narration need not be read.)
    if (distinctPeople(speakers).length > 2) continue;
    const near = peopleNear(talk, text, turns[from]!.quotations[0]!.start, from);
    const two = distinctPeople([...near.people, ...speakers]);
    if (two.length !== 2 || near.describes('f') || near.describes('m')) continue;
    const [x, y] = two as [string, string];
    const side = (first: number, person: string) =>
      sideFits(turns, first, to, person, genderOf(talk, person));
    const xFirst = side(from, x) && side(from + 1, y);
    if (xFirst === (side(from, y) && side(from + 1, x))) continue;
    // (Not a turn narrated before its quotation with no tag: a sign read, a letter.)
    giveSide(turns, from, to, xFirst ? x : y, assign);
    giveSide(turns, from + 1, to, xFirst ? y : x, assign);
  }
}

/**
 * Gives someone the turns of a side (every other one) that no rule named, but for those
 * narrated before their quotation with no tag.
 */
function giveSide(
  turns: Turn[],
  first: number,
  last: number,
  person: string,
  assign: Assign,
): void {
  for (let k = first; k <= last; k += 2) {
    if (!turns[k]!.speaker && !turns[k]!.narrated) assign(turns[k]!, person, 'turn');
  }
}

/** How far after a run the conversation going on may tell its unnamed side (see talkedOn). */
const TALKED_ON_WITHIN = 2000;

/**
 * A run of turns whose one side's turns name one person and the other side's nobody, after
 * which the conversation goes on (within 2,000 characters) with that one and one other
 * speaking, no third: the other side is that other, when the turns allow it (see sideFits)
 * and, if the other first speaks more than a few words of narration on (300 characters), the
 * narration before the run has them acting or speaking there (further on, the one may be
 * talking with someone else by then).
 */
function talkedOn(talk: Talk, text: string, run: Run, assign: Assign): void {
  const {turns} = run;
  for (const {from, to, unknown, one} of oneSided(run)) {
    let other: string | undefined;
    let otherFrom = 0;
    let oneAgain = false;
    const {end} = turns[to]!;
    for (let k = to + 1; k < turns.length && turns[k]!.paragraph <= end + TALKED_ON_WITHIN; k++) {
      const {speaker, paragraph} = turns[k]!;
      if (!speaker || speaker === NARRATOR) continue;
      if (samePerson(speaker, one)) oneAgain = true;
      else if (other === undefined) {
        other = speaker;
        otherFrom = paragraph;
      } else if (!samePerson(other, speaker)) other = '';
    }
    if (!other || !oneAgain || !sideFits(turns, unknown, to, other, genderOf(talk, other))) {
      continue;
    }
    if (otherFrom > end + RESUMED_WITHIN) {
      const near = peopleNear(talk, text, turns[from]!.quotations[0]!.start, from, true);
      if (!near.people.some((person) => samePerson(person, other))) continue;
    }
    giveSide(turns, unknown, to, other, assign);
  }
}

/** How long a sentence of narration between two turns may be, for acting before speaking. */
const ACTED_WITHIN = 200;

/** Verbs of a silent answer: one who nods, smiles or is silent has had their turn. */
const SILENT_ANSWER =
  /\b(?:nodded|bowed|shook (?:his|her) head|smiled|laughed|listened|was silent|made no (?:answer|reply)|did not (?:answer|reply)|hesitated|shrugged|swore|groaned|sighed|blushed|coloured|colored|read|paused|looked)\b/u;

/**
 * A turn after a sentence of narration that has the one who spoke two turns before act
 * ("“…?” / “…” / Ivy put down her cup. / “…”"): theirs, the alternation going on through
 * what they did, when the sentence opens with their name and is not a silent answer ("Ivy
 * nodded": the other speaks next), and the turn neither calls them by name nor is a "he
 * said" for someone of the other gender.
 */
function actedBetween(talk: Talk, text: string, run: Run, assign: Assign): void {
  const {turns} = run;
  turns.forEach((turn, k) => {
    if (k < 2 || turn.speaker || turn.described || turn.narrated) return;
    const acting = turns[k - 2]!.speaker;
    const answered = turns[k - 1]!.speaker;
    if (!acting || !answered || samePerson(acting, answered)) return;
    const {start, end} = talk.paragraphs[turn.first - 1]!;
    const narration = text.slice(start, end);
    if (narration.length > ACTED_WITHIN) return;
    // (One sentence, opening with their name.)
    const sentence = lastSentence(narration);
    if (!narration.startsWith(sentence)) return;
    const name = cleanName(OPENING_NAME.exec(sentence)?.[1]);
    if (!name || !samePerson(name, acting)) return;
    if (SILENT_ANSWER.test(sentence)) return;
    if (turn.pronoun && genderOf(talk, acting) !== turn.pronoun) return;
    if (run.addressed(k).some((person) => samePerson(person, acting))) return;
    assign(turn, acting, 'turn');
  });
}

/** Words a description uses for someone new to a conversation, or for one of several. */
const NEWCOMER =
  /\b(?:stranger|strangers|newcomer|voice|first|second|third|former|latter|two|three|others|members|group)\b/;

/** How often, at least, a description must name someone in a conversation to name them. */
const DESCRIBED_AT_LEAST = 2;

/**
 * A description the turns did not name ("said the girl"): whom the same words name in the
 * conversation's other turns, twice or more and two times in three (“the girl” is who she was
 * a few turns before, in the same conversation).
 */
function describedAlike(talk: Talk, assign: Assign): void {
  const named = new Map<string, Array<[string, number]>>();
  for (const {describedBy, speaker} of talk.all) {
    if (!describedBy || !speaker) continue;
    const found = named.get(describedBy) ?? [];
    countName(found, speaker);
    named.set(describedBy, found);
  }
  for (const turn of talk.all) {
    if (turn.speaker || !turn.describedBy) continue;
    const found = named.get(turn.describedBy);
    const all = found?.reduce((sum, [, seen]) => sum + seen, 0) ?? 0;
    const [name, seen] = found?.reduce((most, one) => (one[1] > most[1] ? one : most)) ?? ['', 0];
    if (seen >= DESCRIBED_AT_LEAST && seen * 3 >= all * 2 && !saysName(turn.words, name)) {
      assign(turn, name, 'turn');
    }
  }
}

/** How far back the scene is read for the people in it (see peopleNear). */
const NEAR_REACH = 1500;

/** Someone of a gender described, not named ("her mother", "the old man", "the child"). */
const DESCRIBED_PEOPLE = {
  f: new RegExp(
    String.raw`\b(?:${CAPITALISED_DETERMINERS})\s+(?:[\p{Ll}-]+\s+)?(?:${WOMAN_WORDS}|child)\b`,
    'gu',
  ),
  m: new RegExp(
    String.raw`\b(?:${CAPITALISED_DETERMINERS})\s+(?:[\p{Ll}-]+\s+)?(?:${MAN_WORDS}|child|stranger)\b`,
    'gu',
  ),
} as const;

/**
 * A "she said" that neither the words near it nor the turns resolve: the one woman the
 * narration of the 1,500 characters before it has acting or speaking, but for any the
 * quotation itself names ("“Ivy, come here,” she said": not Ivy), when it has no woman
 * described without her name acting there either ("her mother said", "the girl laughed":
 * someone else is in the scene). A chapter of narration may go on about her by "she" alone.
 */
function onlyOneNear(talk: Talk, text: string, assign: Assign): void {
  talk.all.forEach((turn, k) => {
    const gender = turn.pronoun;
    if (turn.speaker || !gender || turn.described) return;
    // (Those who act there, not whom someone thinks of: “He thought of Hilda…”.)
    const near = peopleNear(talk, text, turn.quotations[0]!.start, k, true);
    const people = distinctPeople(near.people.filter((name) => genderOf(talk, name) === gender));
    const unnamed = people.filter((person) => !saysName(turn.words, person));
    // (Acting there, as the people counted: "the girl laughed", not "she thought of her mother".)
    if (unnamed.length !== 1 || near.describes(gender, true)) return;
    assign(turn, unnamed[0]!, 'pronoun');
  });
}

/** What a paragraph's narration (its quotations blanked) says of who is there. */
type ParagraphPeople = {
  /** The names in it that may be people's, where each is, and whether a speech verb follows. */
  names: Array<{name: string; at: number; speaking: boolean; acting: boolean}>;
  /** Where it describes a woman or a man without a name ("her mother"), once asked. */
  described?: {f: Described[]; m: Described[]};
};

/** Where a description of someone is, and whether a verb follows it ("the girl laughed"). */
type Described = {at: number; acting: boolean};

/** Each text's paragraphs' people, read when a scene around them is first asked about. */
const paragraphsPeople = new WeakMap<Paragraphs, Array<ParagraphPeople | undefined>>();

/** A paragraph's narration: its quotations blanked, and one left open to the next. */
function paragraphNarration(text: string, {start, end}: {start: number; end: number}): string {
  return narrationOf(text.slice(start, end)).replace(/[“"«„][^“”"«»„]*$/u, (open) =>
    ' '.repeat(open.length),
  );
}

function paragraphPeople(text: string, paragraphs: Paragraphs, index: number): ParagraphPeople {
  let read = paragraphsPeople.get(paragraphs);
  if (!read) {
    read = [];
    paragraphsPeople.set(paragraphs, read);
  }
  let found = read[index];
  if (!found) {
    const {start} = paragraphs[index]!;
    const narration = paragraphNarration(text, paragraphs[index]!);
    found = {names: []};
    // (Names only, each tried where a capital opens a word: a pass over a book's narration.)
    for (const match of namesOf(narration)) {
      const name = cleanName(match[0]);
      if (!name || afterPreposition(narration, match.index)) continue;
      if (afterArticle(narration, match.index, name)) continue;
      const rest = narration.slice(match.index + match[0].length);
      found.names.push({
        name,
        at: start + match.index,
        speaking: SAYS.test(rest),
        acting: ACTING.test(rest),
      });
    }
    read[index] = found;
  }
  return found;
}

/** Verbs in the past that do not end in -ed: "Ivy came in", "Tom sat". */
const IRREGULAR_PAST = (
  'came went sat stood took saw ran rose spoke knew felt left got gave made thought said ' +
  'told began heard held kept brought sought found lay led met put read set shook struck ' +
  'threw wore wrote woke drew drank ate fell flew grew hid hung laid lit lost meant paid ' +
  'rode rang sang sank slept stole swung taught tore understood won wept bent broke bit ' +
  'bought caught chose crept fled flung forgot froze knelt leapt shot shut spent sprang ' +
  'stuck strode swore swept thrust became sent turned'
)
  .split(' ')
  .join('|');
/** A verb right after a name: someone who acts ("Joan flushed", "Ralph was pleased"). */
const ACTING = new RegExp(
  String.raw`^(?:\s+\p{Ll}+ly)?\s+(?:was|were|had|did|could|would|might|must|should|\p{Ll}+ed|\p{Ll}+s|${IRREGULAR_PAST})\b`,
  'u',
);

/** Where a paragraph describes a woman or a man without a name (read once, when asked). */
function paragraphDescribed(
  text: string,
  paragraphs: Paragraphs,
  index: number,
): {f: Described[]; m: Described[]} {
  const found = paragraphPeople(text, paragraphs, index);
  if (!found.described) {
    const narration = paragraphNarration(text, paragraphs[index]!);
    const {start} = paragraphs[index]!;
    found.described = {f: [], m: []};
    for (const gender of ['f', 'm'] as const) {
      for (const match of narration.matchAll(DESCRIBED_PEOPLE[gender])) {
        const after = narration.slice(match.index + match[0].length);
        const acting = ACTING.test(after) || SAYS.test(after);
        found.described[gender].push({at: start + match.index, acting});
      }
    }
  }
  return found.described;
}

/**
 * The scene before a place in the text (the 1,500 characters before it): the people its
 * narration names or has speaking there (`actingOnly`: only those a verb follows, who act
 * there), in no set order (`upTo`: the index in talk.all of the first turn from the place
 * on), and whether it describes someone unnamed of a gender (`acting`: a verb after the
 * description), read only when asked.
 */
function peopleNear(
  talk: Talk,
  text: string,
  at: number,
  upTo: number,
  actingOnly = false,
): {people: string[]; describes: (gender: Gender, acting?: boolean) => boolean} {
  const from = Math.max(0, at - NEAR_REACH);
  const people: string[] = [];
  const first = Math.max(0, paragraphAt(talk.paragraphs, from));
  let last = first;
  for (; last < talk.paragraphs.length && talk.paragraphs[last]!.start < at; last++) {
    for (const {name, at: where, speaking, acting} of paragraphPeople(text, talk.paragraphs, last)
      .names) {
      if (actingOnly && !speaking && !acting) continue;
      if (where >= from && where < at && (speaking || isKnown(talk, name))) people.push(name);
    }
  }
  // (Turns end in order: the last few before the place are the ones near it.)
  for (let k = upTo - 1; k >= 0 && talk.all[k]!.end > from; k--) {
    const {speaker} = talk.all[k]!;
    if (speaker) people.push(speaker);
  }
  const describes = (gender: Gender, acting = false) => {
    for (let index = first; index < last; index++) {
      const described = paragraphDescribed(text, talk.paragraphs, index)[gender];
      const there = (one: Described) => one.at >= from && one.at < at && (!acting || one.acting);
      if (described.some(there)) return true;
    }
    return false;
  };
  return {people, describes};
}

/** Names a turn's speaker, as settling a conversation does (see settle). */
type Assign = (turn: Turn, speaker: string, way: SpeakerWay) => void;

/** How many times settling goes over a conversation, at most. */
const SETTLE_ROUNDS = 3;

/** How much narration may part a run of turns from the speech it carries on. */
const RESUMED_WITHIN = 300;

/**
 * A conversation taken up again after a few words of narration, in which the turns name only
 * one of the two who alternate ("“…?” / He looked away. / “…,” said Tom. / “…” / “…”"):
 * the other is the last one to have spoken to them just before, of the gender any "she said"
 * among their turns gives, and called by name by none of them.
 */
function resumed(talk: Talk, run: Run, assign: Assign): void {
  const {turns} = run;
  for (const {from, to, known, unknown, one} of oneSided(run)) {
    if (from === 0) continue;
    // (Turns end in order: only the last few can be near enough.)
    let other: string | undefined;
    const reach = turns[from]!.paragraph - RESUMED_WITHIN;
    for (let k = from - 1; k >= 0 && turns[k]!.end >= reach && !other; k--) {
      const {speaker} = turns[k]!;
      if (speaker !== undefined && !samePerson(speaker, one)) other = speaker;
    }
    if (!other || other === NARRATOR) continue;
    const gender = genderOf(talk, other);
    let fits = true;
    for (let k = unknown; k <= to && fits; k += 2) {
      const {pronoun, words} = turns[k]!;
      // (Of the gender any "she said" among their turns gives, called by name by none.)
      fits = (!pronoun || pronoun === gender) && !callsByName(words, other);
    }
    for (let k = known; k <= to && fits; k += 2) fits = !callsByName(turns[k]!.words, one);
    if (!fits) continue;
    giveSide(turns, unknown, to, other, assign);
  }
}

/**
 * A run of turns that names only one of the two who alternate, just after narration that
 * names the one the story follows ("Margaret and Helen sat down. / “Cold?” / “No,” said
 * Helen. / …"): the other's turns are the followed one's, when none is a "he said" for a
 * woman or a description, or names her. (Someone the turns call by name has had their turns
 * given first: see carried.)
 */
function followedAnswers(talk: Talk, text: string, run: Run, assign: Assign): void {
  const {followed} = talk;
  if (!followed) return;
  const gender = genderOf(talk, followed);
  const {turns} = run;
  for (const {from, to, unknown, one} of oneSided(run)) {
    if (samePerson(one, followed)) continue;
    const start = turns[from]!.paragraph;
    const before = text.slice(Math.max(0, start - RESUMED_WITHIN), start);
    if (!saysName(narrationOf(before), followed)) continue;
    if (!sideFits(turns, unknown, to, followed, gender)) continue;
    giveSide(turns, unknown, to, followed, assign);
  }
}

/**
 * Whether turns[first], turns[first + 2] … up to turns[last] may all be someone's: any named
 * theirs, and of the others none a "he said" for a woman, a description, or a quotation that
 * says their name.
 */
function sideFits(
  turns: Turn[],
  first: number,
  last: number,
  person: string,
  gender: Gender | undefined,
): boolean {
  for (let k = first; k <= last; k += 2) {
    const {speaker, pronoun, words, described} = turns[k]!;
    if (speaker) {
      if (!samePerson(speaker, person)) return false;
    } else if ((pronoun && pronoun !== gender) || described || saysName(words, person)) {
      return false;
    }
  }
  return true;
}

/**
 * The runs of adjacent turns (turns[from] to turns[to]) of which one side's turns (every
 * other one: A B A B …, from `known`) name one person and the other side's (from `unknown`)
 * nobody.
 */
function* oneSided(
  run: Run,
): Generator<{from: number; to: number; known: number; unknown: number; one: string}> {
  const {turns} = run;
  for (const {from, to} of stretches(run)) {
    for (const [known, unknown] of [
      [from, from + 1],
      [from + 1, from],
    ] as const) {
      const one = onlySpeaker(turns, known, to);
      if (!one || one === NARRATOR || onlySpeaker(turns, unknown, to) !== undefined) continue;
      yield {from, to, known, unknown, one};
    }
  }
}

/** The stretches of adjacent turns in a conversation (turns[from] to turns[to]), in order. */
function* stretches(run: Run): Generator<{from: number; to: number}> {
  const {turns, linked} = run;
  for (let from = 0, to = 0; from < turns.length; from = to + 1) {
    to = from;
    while (to + 1 < turns.length && linked[to + 1]) to++;
    yield {from, to};
  }
}

/**
 * The one person who speaks in turns[first], turns[first + 2] … up to turns[last]: undefined
 * when none does, '' when two or more do.
 */
function onlySpeaker(turns: Turn[], first: number, last: number): string | undefined {
  let one: string | undefined;
  for (let k = first; k <= last; k += 2) {
    const {speaker} = turns[k]!;
    if (speaker === undefined) continue;
    if (one === undefined) one = speaker;
    else if (!samePerson(one, speaker)) return '';
  }
  return one;
}

/** What settling a conversation knows of each turn. */
type Run = {
  turns: Turn[];
  /** Whether each turn's paragraph follows the turn before's with no narration between. */
  linked: boolean[];
  /** The people a turn calls by name. */
  addressed: (k: number) => string[];
  /** Whom the turns either side call by name (not their own speakers): who speaks here. */
  hint: (k: number) => string | undefined;
  /** Each turn's speaker before the round of settling under way. */
  known: Array<string | undefined>;
};

function runOf(talk: Talk): Run {
  const turns = talk.all;
  const linked = turns.map((turn, k) => k > 0 && adjacent(turns[k - 1]!, turn.first));
  // (Worked out for the turns asked about only: most turns of a book are named already.)
  const addressedCache: Array<string[] | undefined> = [];
  const addressed = (k: number) => (addressedCache[k] ??= addressedIn(talk, turns[k]!.words));
  const hintCache = new Map<number, string | undefined>();
  const hint = (k: number): string | undefined => {
    if (hintCache.has(k)) return hintCache.get(k);
    const called: string[] = [];
    for (const near of [linked[k] ? k - 1 : -1, linked[k + 1] ? k + 1 : -1]) {
      if (near === -1) continue;
      const speaker = turns[near]!.speaker;
      for (const person of addressed(near)) {
        if (speaker && samePerson(speaker, person)) continue;
        if (addressed(k).some((own) => samePerson(own, person))) continue;
        if (!called.some((other) => samePerson(other, person))) called.push(person);
      }
    }
    const found = called.length === 1 ? called[0] : undefined;
    hintCache.set(k, found);
    return found;
  };
  return {turns, linked, addressed, hint, known: []};
}

/**
 * How many turns either side of a turn a third speaker breaks its alternation (three: one
 * four turns away may have come in later, or left).
 */
const ALTERNATION_REACH = 3;

/** How many people speak in the turns of turns[k]'s run up to three either side of it. */
function speakersAround(run: Run, k: number): number {
  const people: string[] = [];
  for (const step of [-1, 1]) {
    for (let j = k + step, d = 1; d <= ALTERNATION_REACH; j += step, d++) {
      if (j < 0 || j >= run.turns.length || !run.linked[step < 0 ? j + 1 : j]) break;
      // (Those who speak: someone only called by name may not be there.)
      const speaker = run.known[j];
      if (speaker && !people.some((person) => samePerson(person, speaker))) people.push(speaker);
    }
  }
  return people.length;
}

/** The speaker the alternation of turns gives turns[k] (see settle), if one is clear. */
function carried(run: Run, k: number, aheadOnly?: (name: string) => boolean): string | undefined {
  const {turns, linked, addressed} = run;
  const anchor = (j: number) => run.known[j] ?? run.hint(j);
  // (Someone who speaks an odd number of turns away, in the same run, is not the one here.)
  const fits = (name: string) => {
    if (addressed(k).some((person) => samePerson(person, name))) return false;
    for (const step of [-1, 1]) {
      // (Past the turn it is carried from, the alternation may have shifted: that side's turns
      // up to it were checked as it was found.)
      const source = step < 0 ? back : ahead;
      if (source && samePerson(source, name)) continue;
      for (let j = k + step, d = 1; d <= OWN_TURNS_APART; j += step, d++) {
        if (j < 0 || j >= turns.length || !linked[step < 0 ? j + 1 : j]) break;
        const said = d % 2 === 1 ? anchor(j) : undefined;
        if (said && samePerson(said, name)) return false;
      }
    }
    return true;
  };
  const from = (step: 1 | -1): string | undefined => {
    for (let j = k + 2 * step, d = 2; d <= TURN_REACH; j += 2 * step, d += 2) {
      const between = step < 0 ? linked[j + 1] && linked[j + 2] : linked[j - 1] && linked[j];
      if (j < 0 || j >= turns.length || !between) return undefined;
      const speaker = anchor(j);
      if (!speaker) continue;
      // (The other side's turns between must not be theirs: that would break the alternation.)
      for (let other = Math.min(j, k) + 1; other < Math.max(j, k); other += 2) {
        const said = anchor(other);
        if (said && samePerson(said, speaker)) return undefined;
      }
      return speaker;
    }
    return undefined;
  };
  // (Three people or more speaking about it: the turns do not simply alternate, unless they
  // do just here: X Y _ Y X.)
  if (speakersAround(run, k) > 2) return alternatingHere(run, k, anchor);
  const hint = run.hint(k);
  const back = from(-1);
  const ahead = from(1);
  const candidate =
    hint ??
    (back && (!ahead || samePerson(back, ahead))
      ? back
      : !back && ahead && aheadOnly?.(ahead)
        ? ahead
        : undefined);
  return candidate && fits(candidate) ? candidate : undefined;
}

/**
 * The speaker of turns[k] when the two turns either side of it alternate between two people,
 * X Y _ Y X, though a third speaks further off: X (not one it calls by name).
 */
function alternatingHere(
  run: Run,
  k: number,
  anchor: (j: number) => string | undefined,
): string | undefined {
  const {linked, addressed} = run;
  if (!linked[k - 1] || !linked[k] || !linked[k + 1] || !linked[k + 2]) return undefined;
  const [before, after] = [anchor(k - 2), anchor(k + 2)];
  const [left, right] = [anchor(k - 1), anchor(k + 1)];
  if (!before || !after || !left || !right) return undefined;
  if (!samePerson(before, after) || !samePerson(left, right) || samePerson(before, left)) {
    return undefined;
  }
  return addressed(k).some((person) => samePerson(person, before)) ? undefined : before;
}

/** Whether text[from, to) is all white space. */
function blankBetween(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code > 32 && (code < 128 || !/\s/.test(text[index]!))) return false;
  }
  return true;
}

/** Whether a paragraph follows a turn's paragraph with no narration between. */
function adjacent(turn: Turn, paragraph: number): boolean {
  return paragraph === turn.last + 1;
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
    twice(CAST_PRONOUN, 'and he said'),
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
  attributeSpeakers(text, paragraphsOf(text), quotations);
}

/** The paragraphs of a text whose paragraphs are lines between blank lines. */
function paragraphsOf(text: string): Paragraphs {
  return [...text.matchAll(/[^\n]+(?:\n[^\n]+)*/g)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
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
