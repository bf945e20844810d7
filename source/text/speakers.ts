/**
 * Who is speaking: the speakers of quotations, named from the text around them. Quotations
 * come in as data (their offsets and nesting); naming sets their `speaker`.
 */

/** A quotation as naming needs it: where it is, how deep, and who said it once known. */
export type Quoted = {start: number; end: number; level: number; speaker?: string};

const SPEECH_VERBS =
  'said|says|say|added|adds|told|tells|asked|asks|replied|replies|explained|explains|wrote|writes|continued|noted|notes|stated|states|insisted|argued|argues|warned|warns|declared|declares|announced|announces|answered|cried|shouted|whispered|went on|recalled|recalls|admitted|claimed|claims|concluded|responded|remarked|observed|muttered|exclaimed|began|sagte|fragte|rief|antwortete|сказал|сказала|заявил|заявила|говорит';
// A capitalised word, a title with its full stop (Mr., Dr.) or an initial (E.).
const NAME_WORD = String.raw`(?:(?:Mr|Mrs|Ms|Dr|St|Sr|Jr|Prof|Gen|Col|Lt|Sgt|Rev|Sen|Rep|Gov)\.|[\p{Lu}]\.|[\p{Lu}][\p{L}'’-]*)`;
const NAME = String.raw`(?:${NAME_WORD}(?:\s+(?:de|van|von|der|da|al|bin|${NAME_WORD})){0,3})`;
const PRONOUN = String.raw`(?:he|she|they|I|we|er|sie|он|она)`;
const AFTER_NAME_VERB = new RegExp(
  String.raw`^[\s,.!?]*\s*(${NAME}|${PRONOUN})\s+(?:${SPEECH_VERBS})\b`,
  'u',
);
const AFTER_VERB_NAME = new RegExp(
  String.raw`^[\s,.!?]*\s*(?:${SPEECH_VERBS})\s+(?:\p{Ll}+\s+){0,2}(${NAME})`,
  'u',
);
const BEFORE = new RegExp(
  String.raw`(${NAME})(?:,[^,]{1,60},)?\s+(?:${SPEECH_VERBS})(?:\s+[\p{Ll}]+){0,4}\s*[:,]?\s*$`,
  'u',
);
const ACCORDING = new RegExp(String.raw`^[\s,]*according to\s+(${NAME})`, 'u');
const IS_PRONOUN = new RegExp(`^${PRONOUN}$`, 'iu');
/** The last "Name said" in a stretch of text, for a pronoun that follows it. */
const NAMED_SPEAKER = new RegExp(String.raw`(${NAME})\s+(?:${SPEECH_VERBS})\b`, 'gu');
const NOT_NAMES = new Set([
  'The',
  'A',
  'An',
  'But',
  'And',
  'Then',
  'When',
  'It',
  'This',
  'That',
  'In',
  'On',
]);

function cleanName(name: string | undefined): string | undefined {
  const trimmed = name?.trim().replace(/[.,]$/, '');
  if (!trimmed || NOT_NAMES.has(trimmed)) return undefined;
  return trimmed;
}

/**
 * Names the speaker where the text says it plainly. A pronoun ("he said") takes the speaker
 * of the quotation just before, when that one was named and close by; otherwise unknown.
 */
export function attributeSpeakers<Q extends Quoted>(text: string, quotations: Q[]): Q[] {
  const progress: NamingProgress = {next: 0, previous: undefined};
  attributeThrough(text, quotations, Infinity, progress);
  return quotations;
}

/** How far naming speakers in order has got: the next quotation, and the one before it. */
export type NamingProgress = {next: number; previous: Quoted | undefined};

/** A quotation this soon after the one before it may take that one's speaker (a pronoun's). */
export const NEAR_PREVIOUS = 1500;

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
    const after = text.slice(quotation.end, quotation.end + 80);
    const before = text.slice(Math.max(0, quotation.start - 120), quotation.start);
    const afterLine = after.split('\n')[0]!;
    let speaker =
      cleanName(AFTER_NAME_VERB.exec(afterLine)?.[1]) ??
      cleanName(AFTER_VERB_NAME.exec(afterLine)?.[1]) ??
      cleanName(ACCORDING.exec(afterLine)?.[1]) ??
      cleanName(BEFORE.exec(before.split('\n').at(-1) ?? '')?.[1]);
    if (speaker && IS_PRONOUN.test(speaker)) {
      // Whitfield said she would… “Tonight…,” she said: the name said earlier in the paragraph,
      // else the speaker of the quotation just before, when close by.
      const paragraph = before.slice(before.lastIndexOf('\n') + 1);
      const named = [...paragraph.matchAll(NAMED_SPEAKER)]
        .map((match) => cleanName(match[1]))
        .filter((name) => name && !IS_PRONOUN.test(name));
      const near = previous && quotation.start - previous.end < NEAR_PREVIOUS;
      speaker = named.at(-1) ?? (near ? previous!.speaker : undefined);
    }
    if (speaker) quotation.speaker = speaker;
    progress.previous = quotation;
  }
}

/**
 * Where naming speakers in order must start for top[index]'s to be known: where naming left
 * off (`named`), or the last quotation at or before it too far after the one before it to
 * take that one's speaker — from there on, a speaker depends on nothing earlier.
 */
export function namingStart(quotations: Quoted[], index: number, named: number): number {
  let start = index;
  while (start > named && quotations[start]!.start - quotations[start - 1]!.end < NEAR_PREVIOUS) {
    start--;
  }
  return start;
}
