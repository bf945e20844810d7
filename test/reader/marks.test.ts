import {describe, expect, it} from 'vitest';
import {parseText} from '../../source/article/parse-text.js';
import {openReader, readerReducer, type ReaderState} from '../../source/reader/reader-reducer.js';
import {readerCommand} from '../../source/reader/reader-keys.js';
import {decodeAll} from '../../source/input/key-decoder.js';
import {marksInOrder, textAt} from '../../source/reader/marks.js';

const text = `The Lighthouse Log\n\n${Array.from(
  {length: 120},
  (_, index) =>
    `Entry ${index + 1}: the keeper wrote down the wind, the swell and the ships that passed the point before dawn.`,
).join('\n\n')}`;
const article = parseText(text);

/** The state after typing `keys` (decoded as the terminal sends them) from `state`. */
function type(state: ReaderState, keys: string): ReaderState {
  for (const key of decodeAll(keys)) {
    const command = readerCommand(state, key);
    if (
      command &&
      command.type !== 'back' &&
      command.type !== 'quit' &&
      command.type !== 'nextArticle' &&
      command.type !== 'previousArticle' &&
      command.type !== 'followLink' &&
      command.type !== 'openOutside' &&
      command.type !== 'cycleTheme'
    ) {
      state = readerReducer(state, command);
    }
  }
  return state;
}

const open = () => openReader(article, 60, 20);

describe('marks and the jump back', () => {
  it("marks a place with m and a letter, and goes back to it with ' and the letter", () => {
    let state = type(open(), '   ');
    const marked = state.anchor;
    expect(marked).toBeGreaterThan(0);
    state = type(state, 'ma');
    expect(state.marks).toEqual({a: marked});
    expect(state.message).toBe('mark a set');
    state = type(state, 'G');
    expect(state.anchor).toBeGreaterThan(marked);
    state = type(state, "'a");
    expect(state.anchor).toBe(marked);
    expect(state.message).toBe('mark a');
    expect(state.markKey).toBeUndefined();
  });

  it("'' goes back to where the last jump started, and again undoes that", () => {
    let state = type(open(), '  ');
    const before = state.anchor;
    state = type(state, 'G');
    const end = state.anchor;
    expect(state.jumpedFrom).toBe(before);
    state = type(state, "''");
    expect(state.anchor).toBe(before);
    state = type(state, "''");
    expect(state.anchor).toBe(end);
  });

  it('counts %, a search and g as jumps, but not paging or scrolling', () => {
    let state = type(open(), '  ');
    expect(state.jumpedFrom).toBeUndefined();
    const here = state.anchor;
    state = type(state, '50%');
    expect(state.jumpedFrom).toBe(here);
    const half = state.anchor;
    state = type(state, '/Entry 99\r');
    expect(state.jumpedFrom).toBe(half);
    const found = state.anchor;
    state = type(state, 'g');
    expect(state.jumpedFrom).toBe(found);
    state = type(state, ' j');
    expect(state.jumpedFrom).toBe(found);
  });

  it("says what is wrong with a key after m or ', and lets it go", () => {
    let state = type(open(), "'b");
    expect(state.message).toBe('no mark b (mb sets it)');
    expect(state.anchor).toBe(0);
    state = type(state, 'm5');
    expect(state.message).toBe('a mark is a letter: a to z');
    expect(state.marks).toBeUndefined();
    state = type(state, "''");
    expect(state.message).toBe('no jump to go back from');
    // Esc after m sets nothing and the next key is a key again.
    state = type(state, 'm\u001B ');
    expect(state.marks).toBeUndefined();
    expect(state.page).toBe(1);
  });

  it('the same keys in one write do what they do one at a time', () => {
    const keys = "  ma G 'a  mb gg 'b";
    let oneByOne = open();
    for (const key of [...keys]) oneByOne = type(oneByOne, key);
    const together = type(open(), keys);
    expect(together.anchor).toBe(oneByOne.anchor);
    expect(together.marks).toEqual(oneByOne.marks);
    expect(Object.keys(together.marks ?? {})).toEqual(['a', 'b']);
  });

  it('lists the marks with M in the order of the article, and goes to the one chosen', () => {
    let state = type(open(), '     mz');
    const z = state.anchor;
    state = type(state, 'gma   mq');
    const q = state.anchor;
    expect(marksInOrder(state).map((mark) => mark.letter)).toEqual(['a', 'q', 'z']);
    state = type(state, 'G');
    state = type(state, 'M');
    // On the last mark before the screen: z.
    expect(state.panel).toEqual({kind: 'marks', selected: 2});
    state = type(state, 'k\r');
    expect(state.panel).toBeUndefined();
    expect(state.anchor).toBe(q);
    state = type(state, "''");
    expect(state.anchor).toBeGreaterThan(z);
    // A mark's row reads on from the mark, within its paragraph.
    const line = textAt(state, q);
    expect(line.length).toBeGreaterThan(10);
    expect(article.text.slice(q).replace(/\s+/g, ' ')).toMatch(new RegExp(`^${line.slice(0, 20)}`));
  });

  it('says there are no marks when M finds none', () => {
    const state = type(open(), 'M');
    expect(state.panel).toBeUndefined();
    expect(state.message).toBe('no marks yet: m then a letter sets one');
  });
});
