import LineBreaker from 'linebreak';

/**
 * Line-break opportunities in `text` by the Unicode line breaking algorithm (UAX #14), as
 * UTF-16 offsets where a new line may begin; the end of the text is always one. The
 * `linebreak` package implements the rules (Unicode 13 data, tested against 15.0's suite).
 */
export function breakOpportunities(text: string): number[] {
  const positions: number[] = [];
  const breaker = new LineBreaker(text);
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) positions.push(bk.position);
  return positions;
}
