/**
 * Chinese and Japanese are written without spaces between words: their length is counted in
 * characters, and read at a rate in characters a minute. Rates from the International Reading
 * Speed Texts (Trauzettel-Klosinski, Dietz et al., Investigative Ophthalmology & Visual
 * Science 53(9), 2012): adults read Chinese at 255 and Japanese at 357 characters a minute.
 */
export const CHARACTERS_PER_MINUTE = {zh: 255, ja: 357} as const;

/** A script counted by characters. */
export type CharacterScript = keyof typeof CHARACTERS_PER_MINUTE;

/** Whether a UTF-16 code unit is a character of Chinese or Japanese (Han, kana). */
export function isCountedCharacter(code: number): boolean {
  return (
    (code >= 0x3041 && code <= 0x30ff) || // hiragana, katakana
    (code >= 0x3400 && code <= 0x4dbf) || // Han, extension A
    (code >= 0x4e00 && code <= 0x9fff) || // Han
    (code >= 0xf900 && code <= 0xfaff) || // Han compatibility
    (code >= 0xff66 && code <= 0xff9d) || // half-width katakana
    (code >= 0xd840 && code <= 0xd87f) // the first half of a Han character beyond (B to H)
  );
}

function isKana(code: number): boolean {
  return (code >= 0x3041 && code <= 0x30ff) || (code >= 0xff66 && code <= 0xff9d);
}

/** Characters of a text sampled to tell its script (its start tells as well as the whole). */
const SAMPLE = 64 * 1024;

/**
 * Whether a text is written in Chinese or Japanese (counted characters are most of what it
 * has to read: its words between spaces are fewer), and which: Japanese if it has kana.
 */
export function characterScript(
  text: string,
  start = 0,
  end = text.length,
): CharacterScript | undefined {
  const stop = Math.min(end, start + SAMPLE);
  let counted = 0;
  let kana = 0;
  let words = 0;
  let inWord = false;
  for (let at = start; at < stop; at++) {
    const code = text.charCodeAt(at);
    if (isCountedCharacter(code)) {
      counted++;
      if (isKana(code)) kana++;
      inWord = false;
    } else if (
      code <= 0x20 ||
      code === 0xa0 ||
      code === 0x3000 ||
      (code >= 0x3001 && code <= 0x303f)
    ) {
      inWord = false;
    } else if (!inWord && !(code >= 0xdc00 && code <= 0xdfff)) {
      words++;
      inWord = true;
    }
  }
  if (counted === 0 || counted < words) return undefined;
  return kana > 0 ? 'ja' : 'zh';
}
