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

describe('SpanIndex.add', () => {
  it('finds the same spans as an index built at once, whatever order they come in', () => {
    const spans = Array.from({length: 300}, (_, i) => {
      const start = (i * 7919) % 3000;
      return {start, end: start + 5 + (i % 40), style: {quote: 1 + (i % 3)}};
    });
    const whole = new SpanIndex(spans);
    const grown = new SpanIndex();
    for (let i = 0; i < spans.length; i += 17) grown.add(spans.slice(i, i + 17));
    expect(grown.size).toBe(300);
    for (let from = 0; from < 3100; from += 37) {
      expect(grown.overlapping(from, from + 50)).toEqual(whole.overlapping(from, from + 50));
    }
  });
});
