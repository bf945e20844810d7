/** Where the list's cursor is, and the first row of the window of rows on screen. */
export type ListPlace = {selected: number; top: number};

/** Rows the library gives its list: the rest holds the header, the status and gaps. */
export function listHeight(terminalRows: number): number {
  return Math.max(1, terminalRows - 5);
}

/**
 * Moves the cursor to `index` (kept within the list) and scrolls the window of `height`
 * consecutive rows only as far as it takes to keep the cursor in view.
 */
export function moveList(
  place: ListPlace,
  index: number,
  count: number,
  height: number,
): ListPlace {
  const selected = Math.max(0, Math.min(count - 1, index));
  const lastTop = Math.max(0, count - height);
  let top = Math.min(place.top, lastTop);
  if (selected < top) top = selected;
  else if (selected >= top + height) top = selected - height + 1;
  top = Math.max(0, top);
  return selected === place.selected && top === place.top
    ? place
    : {selected: Math.max(0, selected), top};
}
