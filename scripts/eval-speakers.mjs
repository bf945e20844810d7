// `npm run eval:speakers`: who Broadsheet says is speaking, against the Project Dialogism Novel
// Corpus (../shared/suites/dialogue, research data beside the checkout, never in the project).
// Each novel is read by the built CLI (`quotes --json`), as a reader's scripts would read it.
// Usage: eval-speakers.mjs [FOLDER] [--only NAME] [--errors N]
import {execFileSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {performance} from 'node:perf_hooks';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args.splice(at, 2)[1];
};
const only = option('--only');
const showErrors = Number(option('--errors') ?? 0);
// Quotations of this type given no speaker, with the text after them (to study the rules).
const showMissed = option('--missed');
const suite = path.resolve(args[0] ?? path.join(root, '../shared/suites/dialogue'));
if (!existsSync(suite)) {
  console.log(`(${suite} is not here: nothing to measure)`);
  process.exit(0);
}

/** RFC 4180 rows: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  const [header, ...body] = rows;
  return body
    .filter((cells) => cells.length === header.length)
    .map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index]])));
}

/** The strings of a Python literal (a set or list of names). */
const pythonStrings = (literal) =>
  [...literal.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((match) =>
    (match[1] ?? match[2]).replace(/\\(.)/g, '$1'),
  );

const normal = (name) => name.toLowerCase().replace(/\s+/g, ' ').trim();
const tokens = (name) =>
  normal(name)
    .split(/[\s.]+/)
    .filter(Boolean);
const TITLES = new Set(['mr', 'mrs', 'miss', 'ms', 'dr', 'sir', 'lady', 'lord', 'madame', 'mme']);

/** Whether `part` is a run of whole words of `whole`. */
function within(part, whole) {
  for (let start = 0; start + part.length <= whole.length; start++) {
    if (part.every((word, index) => whole[start + index] === word)) return true;
  }
  return false;
}

function characters(folder) {
  const rows = parseCsv(readFileSync(path.join(folder, 'character_info.csv'), 'utf8'));
  return rows.map((row) => ({
    name: row['Main Name'],
    names: [row['Main Name'], ...pythonStrings(row['Aliases'])].map(normal),
  }));
}

/**
 * The character a quotation's speaker label means: the one of that main name, or else the one
 * character that has it among its aliases (the annotations label some speakers by an alias:
 * "Henry" is the character "Mr. Wilcox", "Kemp" is "Dr. Kemp", "Lucy" is "Lucy Honeychurch").
 */
function characterOf(speaker, people) {
  const byName = people.find((candidate) => candidate.name === speaker);
  if (byName) return byName;
  const byAlias = people.filter((candidate) => candidate.names.includes(normal(speaker)));
  return byAlias.length === 1 ? byAlias[0] : undefined;
}

/**
 * Whether `given` names `speaker`: one of the character's names or aliases, or a name (not a
 * bare title) that is part of that character's names and of no other character's.
 */
function names(given, speaker, people) {
  if (!given) return false;
  const person = characterOf(speaker, people);
  if (!person) return normal(given) === normal(speaker);
  if (person.names.includes(normal(given))) return true;
  const words = tokens(given);
  if (words.length === 0 || words.every((word) => TITLES.has(word))) return false;
  if (!person.names.some((name) => within(words, tokens(name)))) return false;
  return !people.some(
    (other) => other !== person && other.names.some((name) => within(words, tokens(name))),
  );
}

const TYPES = ['Explicit', 'Anaphoric', 'Implicit'];
const cli = path.join(root, 'dist/cli.js');
const novels = readdirSync(suite)
  .filter((name) => existsSync(path.join(suite, name, 'novel_text.txt')))
  .filter((name) => !only || name === only);

const total = {gold: 0, found: 0, outer: 0, outerRight: 0, named: 0, right: 0, ms: 0};
const byType = Object.fromEntries(TYPES.map((type) => [type, {all: 0, right: 0}]));
const byWay = {};
const lines = [];
for (const novel of novels) {
  const folder = path.join(suite, novel);
  const people = characters(folder);
  const gold = parseCsv(readFileSync(path.join(folder, 'quotation_info.csv'), 'utf8'));
  const novelText = readFileSync(path.join(folder, 'novel_text.txt'), 'utf8');
  const started = performance.now();
  const found = JSON.parse(
    execFileSync(process.execPath, [cli, 'quotes', '--json', path.join(folder, 'novel_text.txt')], {
      maxBuffer: 1 << 28,
      encoding: 'utf8',
    }),
  );
  const ms = performance.now() - started;
  const outer = found.filter((quotation) => quotation.level === 1);
  const spans = gold.flatMap((row) => JSON.parse(row.quoteByteSpans));
  const overlaps = (q, [start, end]) => q.start < end && start < q.end;
  const outerRight = outer.filter((q) => spans.some((span) => overlaps(q, span))).length;
  let goldFound = 0;
  let goldCount = 0;
  let named = 0;
  let right = 0;
  const errors = [];
  for (const row of gold) {
    const type = row.quoteType;
    const covering = JSON.parse(row.quoteByteSpans).map(([start, end]) => {
      goldCount++;
      // A quotation that covers at least 90 % of the span finds it; its outermost one speaks.
      const cover = found.find(
        (q) => Math.min(q.end, end) - Math.max(q.start, start) >= 0.9 * (end - start),
      );
      if (cover) goldFound++;
      return cover && outer.find((q) => q.start <= cover.start && cover.end <= q.end);
    });
    const speaking = covering.find(Boolean);
    const given = speaking?.speaker ?? undefined;
    const isRight = names(given, row.speaker, people);
    if (speaking) {
      if (given) named++;
      if (given) {
        const way = speaking.speakerBy ?? 'named';
        byWay[way] ??= {named: 0, right: 0};
        byWay[way].named++;
        if (isRight) byWay[way].right++;
      }
    }
    if (isRight) right++;
    if (TYPES.includes(type)) {
      byType[type].all++;
      if (isRight) byType[type].right++;
    }
    if (!given && showMissed === type && errors.length < 40) {
      const spans = JSON.parse(row.quoteByteSpans);
      const around = (from, to) => novelText.slice(Math.max(0, from), to).replace(/\s+/g, ' ');
      const before = around(spans[0][0] - 60, spans[0][0]);
      const after = around(spans.at(-1)[1], spans.at(-1)[1] + 60);
      errors.push(
        `  ${row.quoteID} ${row.speaker} (${row.referringExpression}) …${before}|…|${after}`,
      );
    }
    if (given && !isRight && errors.length < showErrors) {
      errors.push(
        `  ${row.quoteID} [${type}] said ${row.speaker}, given ${given} (${speaking.speakerBy}): ${row.quoteText.slice(0, 70).replace(/\s+/g, ' ')}`,
      );
    }
  }
  total.gold += gold.length;
  total.outer += outer.length;
  total.outerRight += outerRight;
  total.named += named;
  total.right += right;
  total.ms += ms;
  total.recallFound = (total.recallFound ?? 0) + goldFound;
  total.recallAll = (total.recallAll ?? 0) + goldCount;
  const recall = goldFound / goldCount;
  const precision = outerRight / outer.length;
  lines.push(
    [
      novel.padEnd(22),
      (recall * 100).toFixed(1).padStart(6),
      (precision * 100).toFixed(1).padStart(6),
      ((right / gold.length) * 100).toFixed(1).padStart(6),
      ((named / gold.length) * 100).toFixed(1).padStart(6),
      named ? ((right / named) * 100).toFixed(1).padStart(6) : '     -',
      String(gold.length).padStart(6),
    ].join(' '),
  );
  if (errors.length > 0) lines.push(...errors);
}

const recall = total.recallFound / total.recallAll;
const precision = total.outerRight / total.outer;
console.log(`Speakers against ${suite} (${novels.length} novels, ${total.gold} quotations)\n`);
console.log(`${'novel'.padEnd(22)} recall  prec.  right  named  r/named  gold`);
for (const line of lines) console.log(line);
console.log(
  `\nquotations: recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}, F1 ${((2 * recall * precision) / (recall + precision)).toFixed(3)}`,
);
console.log(
  `accuracy ${(total.right / total.gold).toFixed(3)} (${TYPES.map((type) => `${type} ${(byType[type].right / byType[type].all).toFixed(3)}`).join(', ')})`,
);
// (named: quotations given a speaker among those whose quotation was found.)
console.log(
  `named ${(total.named / total.gold).toFixed(3)}, right when named ${(total.right / total.named).toFixed(4)}`,
);
console.log(
  `by way: ${Object.entries(byWay)
    .map(([way, {named, right}]) => `${way} ${named} named, ${(right / named).toFixed(3)} right`)
    .join('; ')}`,
);
console.log(`(quotes --json over every novel: ${(total.ms / 1000).toFixed(1)} s)`);
