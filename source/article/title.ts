/** A first line longer than this is body text, not a title (a headline is rarely longer). */
export const MAX_TITLE_LENGTH = 160;

/**
 * The title a first line gives an article: the line itself when it is of title length;
 * otherwise the line is body text, and the title is its first sentence when that is short
 * enough, else the fallback (the file name).
 */
export function titleFromFirstLine(
  line: string,
  fallback: string,
): {title: string; isTitleLine: boolean} {
  const trimmed = line.trim();
  if (trimmed === '') return {title: fallback, isTitleLine: false};
  if (trimmed.length <= MAX_TITLE_LENGTH) return {title: trimmed, isTitleLine: true};
  const sentence = /^.{1,160}?[.!?…](?=\s)/su.exec(trimmed)?.[0];
  return {title: sentence ?? fallback, isTitleLine: false};
}
