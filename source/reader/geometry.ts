import {MIN_COLUMNS, MIN_ROWS} from '../ui/screen-size.js';

/** The widest measure of text by default, in cells: a comfortable line for reading. */
export const DEFAULT_MEASURE = 72;

/** The narrowest measure the - key goes to, in cells. */
export const MIN_MEASURE = 20;

/** The margin speakers are shown in (the S key), in cells: a name and a space. */
export const SPEAKER_MARGIN = 14;

/** Rows the reading view spends on other things than text: header, gap, status, spare row. */
const CHROME_ROWS = 4;

export type Geometry = {measure: number; height: number; margin: number};

/**
 * Where text goes in a terminal of columns × rows. Output stays one row short of the
 * terminal: Ink 6.8 clears the whole screen on every frame that fills it (flicker).
 */
export function geometry(
  columns: number,
  rows: number,
  cap = DEFAULT_MEASURE,
  speakers = false,
): Geometry {
  // A terminal too small to read in shows a notice, not text; the text is set as for the
  // smallest one that is not, so that keys typed meanwhile move through a real layout (one
  // a cell wide would make a page per letter, and G lay out the whole book letter by letter).
  const width = Math.max(columns, MIN_COLUMNS);
  const height = Math.max(1, Math.max(rows, MIN_ROWS) - CHROME_ROWS);
  const measure = Math.max(1, Math.min(cap, width - 2));
  const margin = Math.max(0, Math.floor((width - measure) / 2));
  // Speakers shown in the margin need room there: the text gives way, down to MIN_MEASURE.
  if (speakers && margin < SPEAKER_MARGIN) {
    const room = Math.min(SPEAKER_MARGIN, Math.max(0, width - 1 - MIN_MEASURE));
    const narrower = Math.max(1, Math.min(measure, width - 1 - room));
    return {measure: narrower, height, margin: Math.max(margin, room)};
  }
  return {measure, height, margin};
}
