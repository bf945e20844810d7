// The edges of marks and links (found by mutation testing).
import {describe, expect, it} from 'vitest';
import {parseText} from '../../source/article/parse-text.js';
import {openReader, readerReducer} from '../../source/reader/reader-reducer.js';
import {isMarkLetter, marksInOrder, textAt} from '../../source/reader/marks.js';
import {isWebLink, linksOf, selectedLink} from '../../source/reader/links.js';

const article = parseText(
  `Edges\n\n${Array.from({length: 30}, (_, i) => `Paragraph ${i} has https://p${i}.example/a... in it.`).join('\n\n')}`,
);
const open = () => openReader(article, 60, 20);

describe('marks at their edges', () => {
  it('are single letters, either case', () => {
    expect(['a', 'z', 'A', 'Z'].every(isMarkLetter)).toBe(true);
    expect(['ab', '1', '', ' a', 'a ', undefined].some(isMarkLetter)).toBe(false);
  });

  it('list marks at one place in the order of their letters, and choose the one there', () => {
    let state = readerReducer(open(), {type: 'setMark'});
    state = readerReducer(state, {type: 'markLetter', letter: 'b'});
    state = readerReducer(state, {type: 'setMark'});
    state = readerReducer(state, {type: 'markLetter', letter: 'B'});
    state = readerReducer(state, {type: 'setMark'});
    state = readerReducer(state, {type: 'markLetter', letter: 'a'});
    expect(marksInOrder(state).map((mark) => mark.letter)).toEqual(['a', 'b', 'B']);
    // Opened at the place of the marks: the last of them there is selected.
    state = readerReducer(state, {type: 'openMarks'});
    expect(state.panel).toEqual({kind: 'marks', selected: 2});
    state = readerReducer(state, {type: 'panelMove', by: 10});
    expect(state.panel).toEqual({kind: 'marks', selected: 2});
    state = readerReducer(state, {type: 'panelMove', by: -10});
    expect(state.panel).toEqual({kind: 'marks', selected: 0});
    state = readerReducer(state, {type: 'panelChoose'});
    expect(state.message).toBe('mark a');
    expect(state.panel).toBeUndefined();
  });

  it("reads a mark's text from the mark, or from the next paragraph between two", () => {
    const state = open();
    const second = article.blocks[2]!;
    expect(textAt(state, second.start + 10)).toBe(
      article.text
        .slice(second.start + 10, second.end)
        .replace(/\s+/g, ' ')
        .trim(),
    );
    // In the gap between paragraphs: the next one, whole.
    expect(textAt(state, second.start - 1)).toBe(
      article.text.slice(second.start, second.end).replace(/\s+/g, ' ').trim(),
    );
    expect(textAt(state, second.start, 9)).toBe('Paragraph');
  });
});

describe('links at their edges', () => {
  it('leave every full stop after an address, and are anchored at http', () => {
    expect(linksOf(article)[0]!.url).toBe('https://p0.example/a');
    expect(isWebLink('http://x.example')).toBe(true);
    expect(isWebLink('xhttp://x.example')).toBe(false);
    expect(isWebLink('ftp://x.example/https://')).toBe(false);
  });

  it('open on the first link at the top of the screen or after it, else the last', () => {
    const links = linksOf(article);
    const at = readerReducer(open(), {type: 'openLinks'});
    expect(at.panel).toEqual({kind: 'links', selected: 0});
    const atLink = openReader(article, 60, 20, {anchor: links[3]!.at});
    // The anchor goes to its page's start, before the link: it is the first at or after it.
    const opened = readerReducer(atLink, {type: 'openLinks'});
    expect(links[opened.panel!.selected]!.at).toBeGreaterThanOrEqual(opened.anchor);
    expect(links[opened.panel!.selected - 1]?.at ?? -1).toBeLessThan(opened.anchor);
    const end = readerReducer(readerReducer(open(), {type: 'lastPage'}), {type: 'openLinks'});
    const lastAnchor = end.anchor;
    const expected = links.findIndex((link) => link.at >= lastAnchor);
    expect(end.panel!.selected).toBe(expected === -1 ? links.length - 1 : expected);
    let moved = readerReducer(at, {type: 'panelMove', by: 1000});
    expect(moved.panel!.selected).toBe(links.length - 1);
    expect(selectedLink(moved)).toBe(links.at(-1));
    moved = readerReducer(moved, {type: 'panelMove', by: -1000});
    expect(moved.panel!.selected).toBe(0);
    expect(selectedLink(open())).toBeUndefined();
  });
});
