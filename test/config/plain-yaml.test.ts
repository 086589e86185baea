/**
 * The quick YAML reader gives exactly the value the `yaml` library gives, or declines: on
 * edge cases of YAML 1.2's core schema, on every YAML file in the repository, and on thousands
 * of random edits of the sample config (most of them broken YAML, which it must decline).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { parseConfig } from '../../src/core/config/load.js';
import { readPlainYaml } from '../../src/core/validation/plain-yaml.js';
import { repoRoot } from '../support/shared.js';

/** `yaml`'s answer: the value, or undefined when the text has errors (as LocatedDocument has it). */
function reference(text: string): { value: unknown } | undefined {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  return doc.errors.length ? undefined : { value: doc.toJS({ maxAliasCount: 100 }) };
}

/** The quick reader's answer must be `yaml`'s; returns whether it answered. */
function agrees(text: string): boolean {
  const quick = readPlainYaml(text);
  if (!quick) return false;
  const ref = reference(text);
  assert.ok(ref, `the quick reader accepted text that yaml rejects:\n${text}`);
  assert.deepStrictEqual(quick.value ?? null, ref.value, `values differ for:\n${text}`);
  return true;
}

const SCALARS = [
  // numbers as YAML 1.2 core has them (and YAML 1.1 forms that are strings in 1.2)
  '007',
  '1_000',
  '0b101',
  '0o17',
  '0O17',
  '0x1F',
  '0X1F',
  '-0x1F',
  '+12',
  '-0',
  '1e3',
  '1E-3',
  '.5',
  '5.',
  '+.inf',
  '-.Inf',
  '.NaN',
  '.nan',
  '.NAN',
  'nan',
  'inf',
  '1.0',
  '1.50',
  '12345678901234567890',
  '0.1.2',
  '1:2',
  '60:30',
  '1,000',
  '- 1',
  '0.',
  '+.5e+3',
  '1e',
  'e3',
  // booleans and nulls
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'True',
  'TRUE',
  'tRue',
  'false',
  'FALSE',
  '~',
  'null',
  'Null',
  'NULL',
  'nUll',
  '',
  // dates and other 1.1 types
  '2026-01-01',
  '2026-01-01T10:00:00Z',
  '!!binary aGVsbG8=',
  // strings
  '"a\\tb\\u00e9\\x41"',
  "'it''s'",
  '"multi\n  line"',
  'plain # comment',
  'a#b',
  '"#not a comment"',
  'http://example.com:8080/x',
  'a: b',
  '"a: b"',
  "'[not, a, list]'",
  'été',
  '"\\"quoted\\""',
  '[1, 2, {a: b}]',
  '{a: 1, b: [x, y]}',
  '[1, 2,]',
  '[]',
  '{}',
  '[a, [b, [c]]]',
  '{a: {b: {c: d}}}',
  '|\n  one\n  two\n',
  '>-\n  folded\n  text\n',
  '|+\n  keep\n\n',
  '|2\n   indented\n',
  '>\n  a\n\n  b\n',
  '*alias',
  '&anchor value',
  '!tag x',
  '"trades_*.jsonl"',
  'data/live/trades_*.jsonl',
];

const DOCUMENTS = [
  'a: 1\nb: 2\n',
  'a:\n- 1\n- 2\n',
  'a:\n  - 1\n  -\n  - 3\n',
  '1: a\n1.0: b\n',
  'true: a\n',
  '"null": x\n',
  'null: x\n',
  '~: x\n',
  ': x\n',
  'a b: 1\n"c d": 2\n',
  'a: 1\na: 2\n',
  '---\na: 1\n',
  '---\na: 1\n...\n',
  '---\na: 1\n---\nb: 2\n',
  '%YAML 1.2\n---\na: 1\n',
  '? a\n: b\n',
  'a: &x 1\nb: *x\n',
  'base: &b {x: 1}\nuse:\n  <<: *b\n',
  '<<: {a: 1}\n',
  '__proto__: {polluted: true}\n',
  'a:\tb\n',
  'a:\n\tb: 1\n',
  'a: [1,\n2]\n',
  'a: [1,\n  2]\n',
  'a: {b: 1,\n  c: 2}\n',
  'a: [1, 2\n',
  'a: b: c\n',
  '- a\nb: c\n',
  'a:\n  b: 1\n c: 2\n',
  'a: "unterminated\n',
  "a: 'unterminated\n",
  'a:value\n',
  'a : 1\n',
  'a: 1 # comment\n# whole line\nb: 2\n',
  '\ufeffa: 1\n',
  'a: 1\r\nb:\r\n  - x\r\n',
  'a: |\n  line one\n  line two\nb: >\n  folded\n  more\n',
  'a:\n  b:\n    c:\n      d: [1, {e: f}]\n',
  'a: "x"y\n',
  'a: @reserved\n',
  'a: `reserved\n',
  '- - 1\n  - 2\n- - 3\n',
  '- a: 1\n  b: 2\n- c: 3\n',
  '# only a comment\n',
  '',
  '   \n',
  'plain\n',
  '[1, 2]\n',
  'a: -\n',
  'a: - b\n',
  'key with: colon: inside\n',
  'a: "line\\\n  continued"\n',
  "a: 'single\n  folded'\n",
  'a: plain\n  continued\n  lines\n',
  'a: >2\n   x\n',
  'a: |-\n\n  x\n',
];

test('the quick reader agrees with yaml on edge cases of the core schema, or declines them', () => {
  let answered = 0;
  for (const scalar of SCALARS) {
    for (const text of [`v: ${scalar}\n`, `- ${scalar}\n`, `{v: ${scalar}}\n`]) if (agrees(text)) answered++;
  }
  for (const text of DOCUMENTS) if (agrees(text)) answered++;
  // Most of these are plain enough to answer; a reader that declined everything would pass the loop above.
  assert.ok(answered > 150, `only ${answered} answered`);
});

test('the quick reader declines anchors, aliases, tags, directives, duplicate keys and broken YAML', () => {
  for (const text of [
    'a: plain\n  continued\n',
    'a: |+\n  keep\n',
    'a: |2\n   indented\n',
    '#no space\na: 1\n',
    'a: "x"#c\n',
    'a:\r\n  b: 1\r\n',
    '\ufeffa: 1\n',
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    '%YAML 1.2\n---\na: 1\n',
    'a: 1\na: 2\n',
    '? a\n: b\n',
    'null: x\n',
    'a: [1, 2\n',
    'a: b: c\n',
    'a:\n\tb: 1\n',
    '---\na: 1\n---\nb: 2\n',
  ])
    assert.equal(readPlainYaml(text), undefined, `accepted:\n${text}`);
});

test('the quick reader agrees with yaml on every YAML file in the repository', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (
        e.name === 'node_modules' ||
        e.name === 'dist' ||
        (e.name.startsWith('.git') && e.name !== '.github')
      )
        continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) files.push(p);
    }
  };
  walk(repoRoot);
  assert.ok(files.length >= 8, `found ${files.length} YAML files`);
  for (const file of files) agrees(readFileSync(file, 'utf8'));
  // The sample config (a glob with `*` in it) is read quickly: that is the point of the reader.
  assert.ok(readPlainYaml(readFileSync(path.join(repoRoot, 'samples', 'modelgate.yml'), 'utf8')));
});

/** Block forms a config may use, beside the sample's flow maps, all inside the quick reader's subset. */
const BLOCK_FORMS = `# a document with the block forms a config may use
name: release one
notes: |
  first line
    indented more

  after a blank
folded: >-
  folded text that
  goes on
literal: |-
  kept as is: # not a comment
list:
- one
- two: 2
  three: [3, 3.0, 0x3]
- - nested
  - seq
map:
  quoted: 'single ''quoted'''
  other: "double \\"quoted\\" \\u00e9 \\x41"
  empty:
  tilde: ~
  bools: [true, False, TRUE, yes]
  nums: {a: 1e3, b: -.inf, c: .5, d: +7, e: 0o17}
  url: http://example.com:80/path?q=1#frag
  hash: value # a comment
  dash: -1
`;

/**
 * What a review found where two parsers of the full language differ (each read differently, or
 * accepted by js-yaml and refused by yaml): the quick reader must decline them or agree.
 */
const REVIEW_CASES = [
  '- ?\n',
  '[? ]',
  '{? }',
  '- ? "a\n  b"',
  '- ? [a,\n  b]\n',
  '{:}',
  '[:]',
  '{~:}',
  '{null}',
  '{a, ~}',
  '{"a":!<!> x}',
  `{"a":&x [1, 2], ${Array.from({ length: 101 }, (_, i) => `"k${i}":*x`).join(', ')}}`,
  'a: 1\rb: 2',
  'a: b\r',
  '"a\rb"',
  'a: b\n\t\n  c\n',
  '\t1\n',
  '"a"#c\n',
  'a: [b]#c\n',
  '{a: b}#c\n',
  '[#]\n]\n',
  '[a,#]\n]\n',
  '"\\U00110000"',
  '"\\UFFFFFFFF"',
  `${'k'.repeat(1025)}: 1\n`,
  `"${'k'.repeat(1025)}": 1\n`,
  `[${'k'.repeat(1025)}: 1]\n`,
  '---a\n',
  '----\n',
  '---#\n',
  '---\u2028',
  '--- a: 1\n',
  '--- - a\n',
  '--- [a]: 1\n',
  '\ufeff- a\n',
  '\ufeff[a]: 1\n',
  '|1\n  x\n',
  '|2\n a',
  'a: |1\n  \n',
  ' |\n#\n',
  '|\n \n#',
  'a: |\n    \n  #c\n',
  'a: |+\n  x\n  ',
  ' -\n-\n',
  'a:\n -\n-\n',
  '- -\n -\n',
  '-\n#c\n  z\n- b\n',
  'a:\n#old\n  text\nb: 1\n',
  '-\n\n# c\n  z\n- b\n',
  'x:\n  -\n  #c\n    z\n  - b\n',
  'a:\n\n# c\n  text\nb: 1\n',
  'a: b\n#c\n  d\n',
  'a: "x\n  y"\n',
  'a:\u00a0b\n',
  'a: b #\u00a0c\n',
  '- a\n  - b\n',
  'a: 1\n  b: 2\n',
];

test('the quick reader declines or agrees on what a review of it found', () => {
  for (const text of REVIEW_CASES) agrees(text);
});

test('the quick reader agrees with yaml on random edits of the sample config and of block forms', () => {
  const sample = readFileSync(path.join(repoRoot, 'samples', 'modelgate.yml'), 'utf8');
  assert.ok(readPlainYaml(BLOCK_FORMS), 'the block forms are plain YAML');
  // A fixed seed: the same edits every run, so a failure reproduces.
  let seed = 0x5eed;
  const random = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  // Inserted at random places: YAML's indicators, scalars of the core schema, line breaks.
  const pieces = [
    '*',
    '&',
    '!',
    '? ',
    '%',
    '@',
    '`',
    '--- ',
    '...',
    '<<',
    'True',
    '0o7',
    '.inf',
    'é',
    '\n  ',
    '\n- ',
    ':',
    ': ',
    '-',
    '- ',
    '"',
    "'",
    '[',
    ']',
    '{',
    '}',
    ',',
    '#',
    ' #',
    ' ',
    '  ',
    '\t',
    '\n',
    '|',
    '>',
    '0x1',
    '.5',
    '~',
    'null',
    'yes',
    '1e3',
    '\\',
  ];
  for (const base of [sample, BLOCK_FORMS]) {
    let answered = 0;
    for (let i = 0; i < 1000; i++) {
      let text = base;
      for (let edits = 1 + random(3); edits > 0; edits--) {
        const at = random(text.length);
        if (random(2)) text = text.slice(0, at) + pieces[random(pieces.length)]! + text.slice(at);
        else text = text.slice(0, at) + text.slice(at + 1 + random(4));
      }
      if (agrees(text)) answered++;
    }
    assert.ok(answered > 300, `only ${answered} of 1000 answered`);
  }
});

test('a config read by the quick reader still reports errors at their line', () => {
  const text = readFileSync(path.join(repoRoot, 'samples', 'modelgate.yml'), 'utf8').replace(
    /^(\s*)port: 22222$/m,
    '$1port: twenty-two',
  );
  assert.ok(readPlainYaml(text), 'the edited sample is still plain YAML');
  const line = text.split('\n').findIndex((l) => l.includes('port: twenty-two')) + 1;
  assert.throws(
    () => parseConfig(text, 'modelgate.yml'),
    (error: Error) => error.message.startsWith(`modelgate.yml:${line} deploy.port: expected a number`),
  );
});
