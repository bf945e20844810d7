import {describe, expect, it} from 'vitest';
import {lineRuns, SpanIndex} from '../../source/text/runs.js';

const text = 'He said “she told me ‘no’ twice” and left.';
const outer = {start: text.indexOf('“'), end: text.indexOf('”') + 1, style: {quote: 1}};
const inner = {start: text.indexOf('‘'), end: text.indexOf('’') + 1, style: {quote: 2}};

describe('lineRuns', () => {
  it('cuts a line where nested spans begin and end, innermost level winning', () => {
    const runs = lineRuns(
      text,
      {start: 0, end: text.length, shown: text.length, kind: 'paragraph'},
      new SpanIndex([inner, outer]),
    );
    expect(runs).toEqual([
      {text: 'He said ', style: {}},
      {text: '“she told me ', style: {quote: 1}},
      {text: '‘no’', style: {quote: 2}},
      {text: ' twice”', style: {quote: 1}},
      {text: ' and left.', style: {}},
    ]);
  });

  it('styles a line inside a span that began on an earlier line', () => {
    const start = text.indexOf('told');
    const runs = lineRuns(
      text,
      {start, end: start + 8, shown: start + 7, kind: 'paragraph'},
      new SpanIndex([outer]),
    );
    expect(runs).toEqual([{text: 'told me', style: {quote: 1}}]);
  });

  it('marks the current search hit over the others', () => {
    const spans = new SpanIndex([
      {start: 0, end: 2, style: {hit: 'other'}},
      {start: 0, end: 2, style: {hit: 'current'}},
    ]);
    expect(lineRuns('He', {start: 0, end: 2, shown: 2, kind: 'paragraph'}, spans)).toEqual([
      {text: 'He', style: {hit: 'current'}},
    ]);
  });

  it('finds overlapping spans without scanning past the line', () => {
    const many = Array.from({length: 1000}, (_, i) => ({
      start: i * 10,
      end: i * 10 + 5,
      style: {quote: 1},
    }));
    const index = new SpanIndex(many);
    expect(index.overlapping(5002, 5030).map((span) => span.start)).toEqual([5000, 5010, 5020]);
  });
});
