// End to end: the record of how a day went. Log a mood with emotions and a craving with two
// triggers, write a journal entry, lock and unlock, find the entry by a word in it, and see
// the trigger counted in Insights.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { launchApp } from './lib/app.mjs';
import { readmeScreenshot, screenshot } from './lib/artifacts.mjs';
import { assertAccessible } from './lib/axe.mjs';
import { createJournal, lockAndUnlock } from './lib/flows.mjs';
import { waitUntil } from './lib/webdriver.mjs';

const PASSPHRASE = 'quiet river evening';
const JOURNAL_WORD = 'lighthouse';

describe('Moods, cravings, journal and insights, end to end', { concurrency: 1 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daybreak-e2e-record-'));
  let app;
  const s = () => app.session;

  before(async () => {
    app = await launchApp({ dataDir, name: 'record' });
    await createJournal(s(), PASSPHRASE);
  });

  after(async () => {
    if (app) await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Clicks the first `count` elements whose test id starts with `prefix` followed by a digit. */
  async function clickNumbered(prefix, count) {
    const clicked = await s().executeScript(
      `const els = [...document.querySelectorAll('[data-testid^="' + arguments[0] + '"]')]
         .filter((el) => /^\\d+$/.test(el.dataset.testid.slice(arguments[0].length)));
       els.slice(0, arguments[1]).forEach((el) => el.click());
       return els.slice(0, arguments[1]).map((el) => el.textContent.trim());`,
      [prefix, count],
    );
    assert.equal(clicked.length, count, `${count} ${prefix}* chips must be there to choose from`);
    return clicked;
  }

  test('log a mood with two emotions', { timeout: 120_000 }, async () => {
    await s().click('nav-mood');
    await s().click('log-mood-button');
    await s().waitFor('mood-form', { why: 'the log-mood button opens the mood form' });
    await s().click('mood-4');
    await s().waitFor('emotion-1', { why: 'the emotions load' });
    await clickNumbered('emotion-', 2);
    await s().click('mood-save');
    await s().waitFor('mood-saved', { why: 'saving a mood confirms it' });
    await s().waitForAbsent('mood-form', { why: 'the mood form closes after saving' });
  });

  test('log a craving with two triggers', { timeout: 120_000 }, async () => {
    await s().click('log-craving-button');
    await s().waitFor('craving-form', { why: 'the log-craving button opens the craving form' });
    await s().waitFor('trigger-6', { why: 'the trigger catalogue loads' });
    await s().click('trigger-6'); // Loneliness and isolation (seeded sixth)
    await s().click('trigger-9'); // Stress or anxiety (seeded ninth)
    await s().click('outcome-passed');
    await screenshot('record-01-craving-form');
    await s().click('craving-save');
    await s().waitFor('craving-saved', { why: 'saving a craving confirms it' });
  });

  test('write a journal entry, lock and unlock, find it by a word in it', { timeout: 180_000 }, async () => {
    await closeAnyDialog();
    await s().click('nav-journal');
    await s().click('journal-new');
    await s().type('journal-title', 'Evening walk');
    await s().type('journal-body', `Walked to the ${JOURNAL_WORD} with my sister. The wind helped.`);
    await s().waitForText('journal-save-state', /^Saved/, { why: 'autosave saves the entry while typing' });
    await screenshot('record-02-journal');

    await lockAndUnlock(s(), PASSPHRASE, { mustNotShow: [JOURNAL_WORD, 'Evening walk'] });
    await s().click('nav-journal');
    await s().click('journal-tab-search');
    await s().type('search-box', JOURNAL_WORD, { verify: false });
    const hit = await s().waitFor('search-result', { why: `searching "${JOURNAL_WORD}" finds the entry after unlocking` });
    assert.equal(await hit.attribute('data-kind'), 'journal');
    assert.match(await hit.text(), new RegExp(JOURNAL_WORD, 'i'));
    await screenshot('record-03-search');
  });

  test('the triggers are counted in Insights', { timeout: 120_000 }, async () => {
    await s().click('nav-insights');
    const chart = await s().waitFor('chart-triggers', { why: 'Insights shows trigger frequency' });
    const text = await chart.text();
    assert.match(text, /Loneliness and isolation/, `the trigger is in the chart: ${text}`);
    assert.match(text, /Stress or anxiety/, `the second trigger is in the chart: ${text}`);
    await screenshot('record-04-insights');
    await readmeScreenshot(s(), 'insights');
  });

  test('merging two triggers asks first, in a dialog that passes axe', { timeout: 120_000 }, async () => {
    await s().click('nav-mood');
    await s().waitFor('trigger-list', { why: 'the mood area lists the triggers' });
    await s().executeScript(`document.querySelector('[data-testid="trigger-merge"]').scrollIntoView({ block: 'center' });`);
    await s().click('trigger-merge');
    await s().waitFor('trigger-merge-target', { why: 'Merge opens its dialog' });
    await assertAccessible(s(), 'the trigger merge dialog');
    await s().click('trigger-merge-cancel');
    await s().waitForAbsent('trigger-merge-target', { why: 'Cancel closes the dialog, nothing merged' });
  });

  test('the timeline lists what was logged; a deleted mood comes back with Undo', { timeout: 120_000 }, async () => {
    await s().click('nav-journal');
    await s().click('journal-tab-timeline');
    await s().waitFor('timeline-item', { why: 'the timeline loads its first page' });
    const kinds = () =>
      s().executeScript(
        `return [...document.querySelectorAll('[data-testid="timeline-item"]')].map((el) => el.dataset.kind);`,
        [],
      );
    const before = await kinds();
    for (const kind of ['mood', 'craving', 'journal']) {
      assert.ok(before.includes(kind), `the timeline shows the ${kind} logged: ${before.join(', ')}`);
    }
    const deleted = await s().executeScript(
      `const row = document.querySelector('[data-testid="timeline-item"][data-kind="mood"]');
       row.querySelector('[data-testid="timeline-delete"]').click();
       return row.dataset.id;`,
      [],
    );
    await s().waitFor('undo-toast', { why: 'deleting a row offers Undo' });
    assert.equal((await kinds()).length, before.length - 1, 'the mood is gone from the list at once');
    await s().click('undo-button');
    await s().waitForAbsent('undo-toast', { why: 'Undo closes its toast' });
    // The toast closes at once; the row comes back when the restore has answered.
    await waitUntil(
      () =>
        s().executeScript(
          `return !!document.querySelector('[data-testid="timeline-item"][data-kind="mood"][data-id="' + arguments[0] + '"]');`,
          [deleted],
        ),
      { message: 'Undo puts the mood back in the timeline' },
    );
    assert.deepEqual(await kinds(), before, 'the timeline is as it was');
    assert.equal(await s().isShown('timeline-error'), false, 'no error line');
  });

  async function closeAnyDialog() {
    for (const id of ['craving-done', 'craving-cancel']) {
      if (await s().isShown(id)) {
        await s().click(id);
        return;
      }
    }
  }
});
