/** Below this size the views show a notice instead of text. */
export const MIN_COLUMNS = 20;
export const MIN_ROWS = 6;

/** Whether a terminal is too small to read in (the list and the reader alike). */
export function tooSmall(columns: number, rows: number): boolean {
  return columns < MIN_COLUMNS || rows < MIN_ROWS;
}
