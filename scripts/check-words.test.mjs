// Tests for scripts/check-words.mjs: it finds each word where a person would read it, and only
// there. Run by scripts/test.sh; on its own: node --test scripts/check-words.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFile, findWords, kindOf } from './check-words.mjs';

const words = (text) => findWords(text).map((h) => h.word.toLowerCase());

test('each word on the list is found', () => {
  for (const [text, word] of [
    ['He is an addict.', 'addict'],
    ['Addicts deserve care.', 'addicts'],
    ['No junkie talk here.', 'junkie'],
    ['A drug abuser.', 'abuser'],
    ['Help with substance abuse.', 'substance abuse'],
    ['She wants to stay clean.', 'stay clean'],
    ['I got clean last year.', 'got clean'],
    ['Clean for 30 days!', 'clean for'],
    ['He had 90 days clean.', '90 days clean'],
    ['A dirty urine test.', 'dirty urine'],
    ['My dad is an alcoholic.', 'an alcoholic'],
    ['Alcoholics need support.', 'alcoholics'],
    ['Opioid users are at risk.', 'opioid users'],
    ['He is a drug user.', 'drug user'],
    ['Users of heroin.', 'users of'],
    ['I feel like a failure.', 'failure'],
    ['No eres un adicto.', 'adicto'],
    ['Ayuda para el abuso de sustancias.', 'abuso de sustancias'],
    ['Llevo 30 días limpio.', 'días limpio'],
    ['Mi padre es alcohólico.', 'es alcohólico'],
    ['Consumidores de drogas.', 'consumidores de drogas'],
    ['No eres un fracaso.', 'fracaso'],
  ]) {
    assert.deepEqual(words(text), [word], text);
  }
});

test('harmless uses and allowed names pass', () => {
  for (const text of [
    'Clean up the kitchen, then use clean needles.',
    'Alcoholics Anonymous meets on Tuesdays.',
    'Alcohólicos Anónimos se reúne los martes.',
    'La recuperación de la adicción es posible. La cocina está limpia.',
    'Substance Abuse and Mental Health Services Administration (SAMHSA)',
    'National Institute on Drug Abuse (NIDA)',
    'National Institute on Alcohol Abuse and Alcoholism',
    'A person with a substance use disorder, in recovery, 30 days sober.',
    'Alcoholic drinks and sleeping pills do not mix.',
    'Could not save. Nothing was lost.',
    'failure', // a code, not a sentence
    'user-menu',
  ]) {
    assert.deepEqual(words(text), [], text);
  }
});

test('Rust: string literals are read, comments and names are not', () => {
  const src = [
    '// an addict in a comment',
    'fn failure() -> &\'static str {',
    '    let c = \'"\';',
    '    "You are not a failure"',
    '}',
    'const RAW: &str = r#"Stay clean, they said"#;',
  ].join('\n');
  const problems = checkFile('src-tauri/core/src/x.rs', src, 'rust');
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.match(problems[0], /x\.rs:4: "failure"/);
  assert.match(problems[1], /x\.rs:6: "Stay clean"/);
});

test('Svelte: markup text, seen attributes and strings in expressions; not names or test ids', () => {
  const src = [
    '<script lang="ts">',
    "  let failure = $state(false); // a failure here is a name",
    "  const msg = 'You are not an addict.';",
    '</script>',
    '',
    '<section data-testid="failure-banner" class:failure>',
    '  <p>Counting days clean since March</p>',
    '  <button aria-label="Junkie button" onclick={() => say(`Drug users ${n} welcome`)}>Go</button>',
    '  {#if failure}<p>{failure ? \'Saved\' : "Not a failure"}</p>{/if}',
    '</section>',
    '<style>.failure { color: red; }</style>',
  ].join('\n');
  const found = checkFile('ui/src/components/x/X.svelte', src, 'svelte').map(
    (p) => `${p.split(': ')[0].split(':')[1]} ${p.split('"')[1]}`,
  );
  assert.deepEqual(found.sort(), ['3 addict', '7 clean since', '8 Drug users', '8 Junkie', '9 failure']);
});

test('TypeScript: strings and templates, past regular expressions', () => {
  const src = [
    "const re = /['\"]/g;",
    "export const text = 'Keep your notes clean and short';",
    'export const t = `Every user of this app`;',
    "if (kind === 'failure') fail();",
  ].join('\n');
  const problems = checkFile('ui/src/lib/x.ts', src, 'script');
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.match(problems[0], /x\.ts:3: "user of"/);
});

test('message catalogues: values are read, keys are not', () => {
  const src = JSON.stringify({ failure: 'Saved.', slip: { title: 'You are not a failure' } }, null, 2);
  const problems = checkFile('ui/messages/en.json', src, 'json');
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.match(problems[0], /en\.json:4: "failure"/);
});

test('which files are read', () => {
  assert.equal(kindOf('src-tauri/core/library/articles/08-after-a-slip.md'), 'text');
  assert.equal(kindOf('src-tauri/core/library/articles/es/08-after-a-slip.md'), 'text');
  assert.equal(kindOf('src-tauri/core/src/report/mod.rs'), 'rust');
  assert.equal(kindOf('src-tauri/src/commands/vault.rs'), 'rust');
  assert.equal(kindOf('ui/src/components/record/SlipFlow.svelte'), 'svelte');
  assert.equal(kindOf('ui/src/lib/errors.ts'), 'script');
  assert.equal(kindOf('ui/src/lib/errors.test.ts'), null);
  assert.equal(kindOf('ui/src/testing/sos.ts'), null);
  assert.equal(kindOf('ui/messages/fr.json'), 'json');
  assert.equal(kindOf('ui/src/lib/i18n/messages/en.json'), 'json');
  assert.equal(kindOf('ui/src/lib/locales/de.json'), 'json');
  assert.equal(kindOf('ui/package.json'), null);
  assert.equal(kindOf('src-tauri/core/tests/library.rs'), null);
});
