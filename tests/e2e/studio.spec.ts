/**
 * The studio (dev server only): paste an article, review its suggestions with the keyboard, edit one,
 * add an event by selecting a sentence, save, build, and check that the build has what was accepted
 * and nothing that was rejected. The studio runs on a dev server of its own over a copy of data/, so
 * the test never writes to the real documents.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { createServer, type ViteDevServer } from 'vite';
import { createDataBuilder } from '../../src/cli/build-data.js';
import { parseDocumentText } from '../../src/compiler/parse.js';
import { atlasStudio } from '../../src/vite/studio-plugin.js';
import { expect, test } from './fixtures.js';

// The studio's dev server takes any free port (PW_PORT + 1 may be another run's).
let PORT = 0;
let STUDIO = '';
const ARTICLE = readFileSync('tests/fixtures/seeds/004_6d3f3a4742a89974.txt', 'utf8');

let server: ViteDevServer;
let data: string;

test.beforeAll(async () => {
  data = join(mkdtempSync(join(tmpdir(), 'studio-e2e-')), 'data');
  cpSync('data/documents', join(data, 'documents'), { recursive: true });
  cpSync('data/areas', join(data, 'areas'), { recursive: true });
  server = await createServer({
    configFile: false,
    root: process.cwd(),
    logLevel: 'warn',
    plugins: [atlasStudio({ data })],
    server: { host: '127.0.0.1', port: 0 },
    // The parser's packages are found up front, as a page importing it statically would have them (else Vite re-optimizes mid-test).
    optimizeDeps: { entries: ['*.html', 'src/compiler/parse.ts'] },
  });
  await server.listen();
  PORT = (server.httpServer!.address() as AddressInfo).port;
  STUDIO = `http://127.0.0.1:${PORT}/studio.html`;
});
test.afterAll(async () => {
  await server?.close();
});

const pendingOf = (page: import('@playwright/test').Page) =>
  page.evaluate(() => window.studio.doc()!.annotations.filter((a) => a.attributes.review === 'pending').length);
const currentAnnotation = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const m = document.querySelector<HTMLElement>('#text mark.current');
    return m ? window.studio.doc()!.annotations[Number(m.dataset.i)] : null;
  });

test('the built site has no studio', async ({ request }) => {
  const dist = process.env.PW_DIST ?? 'dist';
  expect(existsSync(join(dist, 'studio.html'))).toBe(false);
  const files = readdirSync(join(dist, 'assets'));
  expect(files.filter((f) => /studio/i.test(f))).toEqual([]);
  for (const f of files.filter((f) => f.endsWith('.js')))
    expect(readFileSync(join(dist, 'assets', f), 'utf8'), f).not.toContain('__studio/api');
  const res = await request.get('./studio.html');
  expect(await res.text()).not.toContain('Source Atlas studio');
});

test('the compiler runs in the page as in Node (the dev server serves the parser to the browser)', async ({ page }) => {
  await page.goto(STUDIO);
  const text = 'Kyiv — Київ, 2024 ✓';
  const inPage = await page.evaluate(async (t) => {
    const parse = await import(/* @vite-ignore */ `${location.origin}/src/compiler/parse.ts`);
    return parse.textSha256(t) as string;
  }, text);
  expect(inPage).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
});

test('paste, review by keyboard, choose another candidate, add an event, save; the build has what was accepted, not what was rejected', async ({
  page,
  request,
}) => {
  // Every click, key press, field filled and selection the user makes, counted here (the "time the task").
  let userActions = 0;
  const user = <T>(action: Promise<T>): Promise<T> => {
    userActions++;
    return action;
  };
  await page.goto(STUDIO);
  await user(page.getByText('New from an article…').click());
  await user(page.getByLabel('Article text or HTML').fill(ARTICLE));
  await user(page.getByLabel('Title', { exact: true }).fill('Asia alert'));
  await user(page.getByLabel('Publisher', { exact: true }).fill('Test Daily'));
  await user(page.getByLabel('Published', { exact: true }).fill('2024-11-22'));
  await user(page.getByLabel('URL', { exact: true }).fill('https://example.org/asia-alert'));
  await user(page.getByRole('button', { name: 'Suggest annotations' }).click());
  await expect(page.locator('#status')).toContainText('suggestions, all pending');
  await expect(page.locator('#map')).toHaveAttribute('data-checked', /^\d+$/);
  const total = await pendingOf(page);
  expect(total).toBeGreaterThan(3);
  await expect(page.locator('#text mark.pending')).toHaveCount(total);

  // axe on the page with a document open and the form shown.
  const axe = await new AxeBuilder({ page }).exclude('#map canvas').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);

  // Keyboard only: the text view takes focus, then J/K/A/X.
  await user(page.locator('#text').focus());
  await user(page.keyboard.press('j'));
  await user(page.keyboard.press('k'));
  let rejected: { kind: string; start: number; end: number; attributes: Record<string, string> } | null = null;
  const started = Date.now();
  for (let n = await pendingOf(page); n > 0; n = await pendingOf(page)) {
    const cur = await currentAnnotation(page);
    expect(cur, 'a pending suggestion is current').not.toBeNull();
    if (!rejected && cur!.kind === 'event') {
      rejected = cur;
      await user(page.keyboard.press('x'));
    } else await user(page.keyboard.press('a'));
    await expect.poll(() => pendingOf(page)).toBe(n - 1);
  }
  console.log(`studio: reviewed ${total} suggestions by keyboard in ${Date.now() - started} ms`);
  expect(rejected, 'an event was suggested, and rejected').not.toBeNull();
  await expect(page.locator('#text mark.pending')).toHaveCount(0);

  // Choose another gazetteer candidate for a place (click it in the text, then the keyboard in the list).
  const candidates = page.locator('#place-candidates input[type=radio]');
  let placeWords = '';
  let pin = '';
  for (const mark of await page.locator('#text mark.k-place').all()) {
    const words = (await mark.textContent())!;
    await mark.click();
    await expect(page.locator('#edit-heading')).toContainText(`Place: “${words}”`);
    const a = (await currentAnnotation(page))!;
    if (a.attributes.of) continue;
    const query = a.attributes.name ?? words;
    await expect(page.locator('#place-candidates')).toHaveAttribute('data-query', query);
    // The same lookup as npm run place, asked of the server by the test itself.
    const lookup = (await (
      await request.get(
        `http://127.0.0.1:${PORT}/__studio/api/place?name=${encodeURIComponent(query)}&kind=${a.attributes.kind ?? ''}`,
      )
    ).json()) as { rows: Array<{ name: string; kind: string; population: number; pin: string }> };
    if (lookup.rows.length < 2) continue;
    await expect(candidates).toHaveCount(lookup.rows.length);
    // Each candidate with its kind and population, and on the small map.
    for (const [i, r] of lookup.rows.entries())
      await expect(page.locator('#place-candidates label').nth(i)).toContainText(`${r.name}`);
    await expect(page.locator('#place-candidates label').first()).toContainText(`${lookup.rows[0].kind}, `);
    await expect(page.locator('#place-candidates label').first()).toContainText(
      lookup.rows[0].population > 0
        ? `population ${lookup.rows[0].population.toLocaleString('en')}`
        : 'population unknown',
    );
    await expect(page.locator('#place-candidates .candidate-map')).toHaveAttribute('data-drawn', query);
    const drawn = await page.locator('#place-candidates .candidate-map canvas').boundingBox();
    expect(drawn!.height).toBeGreaterThan(100);
    const checkedNow = await candidates.evaluateAll((inputs) =>
      inputs.findIndex((i) => (i as HTMLInputElement).checked),
    );
    const target = checkedNow === 1 ? 0 : 1;
    await user(candidates.nth(target).focus());
    await user(page.keyboard.press('Space'));
    placeWords = words;
    pin = lookup.rows[target].pin;
    break;
  }
  expect(pin, 'a suggested place with two candidates or more').not.toBe('');
  await expect(page.locator('#status')).toContainText(`pinned with ${pin}`);
  await expect(
    candidates.nth(await candidates.evaluateAll((inputs) => inputs.findIndex((i) => (i as HTMLInputElement).checked))),
  ).toBeFocused();
  const axeCandidates = await new AxeBuilder({ page }).exclude('#map canvas').analyze();
  expect(
    axeCandidates.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`),
  ).toEqual([]);

  // Add an event: select a few words of the rejected event's sentence; it snaps to the sentence.
  await page.evaluate(
    ([from, to]) => {
      // A few words inside the sentence, by their offsets in the text.
      const walker = document.createTreeWalker(document.getElementById('text')!, NodeFilter.SHOW_TEXT);
      const r = document.createRange();
      let n = 0;
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const len = (t as Text).length;
        if (from >= n && from < n + len) r.setStart(t, from - n);
        if (to > n && to <= n + len) {
          r.setEnd(t, to - n);
          break;
        }
        n += len;
      }
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
    },
    [rejected!.start + 4, rejected!.start + 18],
  );
  userActions++; // the selection
  await user(page.getByRole('button', { name: 'Event (whole sentence)' }).click());
  await expect(page.locator('#edit-heading')).toContainText('Event');
  const added = (await currentAnnotation(page))!;
  expect(added.start).toBe(rejected!.start);
  expect(added.end).toBe(rejected!.end);
  await user(page.getByLabel('Event type').fill('policy'));
  await user(page.getByLabel('Summary').fill('Added in the studio'));
  await user(page.getByLabel('Date (YYYY-MM-DD)').fill('2024-11-21'));
  await user(page.getByLabel('Claimant').fill('the article (unattributed)'));
  await user(page.getByLabel('Status').selectOption('reported'));
  const checked = await page.locator('#map').getAttribute('data-checked');
  await user(page.getByRole('button', { name: 'Apply changes' }).click());
  await expect(page.locator('#map')).not.toHaveAttribute('data-checked', checked!);
  await expect(page.locator('#map')).toHaveAttribute('data-checked', /^\d+$/);
  await expect(page.locator('#problems li.error')).toHaveCount(0);

  await user(page.getByRole('button', { name: 'Save' }).click());
  await expect(page.locator('#status')).toContainText(/Saved to .*data\/documents\/draft_[0-9a-f]{16}\.md/);
  const words = ARTICLE.split(/\s+/).filter(Boolean).length;
  console.log(
    `studio: ${userActions} user actions from paste to save for a ${words}-word article with ${total} suggestions (${await page.evaluate(() => window.studio.actions())} of them in the editor: keys, buttons, forms)`,
  );
  await page.screenshot({ path: 'test-results/studio.png', fullPage: true });

  // The build (as npm run data, pending left out) has the accepted, the added, and not the rejected.
  const built = await createDataBuilder(join(data, 'documents')).build();
  expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const events = JSON.parse(built.files!['events.geojson']).features as Array<{
    properties: { id: string; summary: string; claims: Array<{ document: string; excerpt: string }> };
  }>;
  const ours = events.filter((f) => f.properties.claims.some((c) => c.document.startsWith('draft_')));
  expect(ours.map((f) => f.properties.id)).toContain(added.attributes.id);
  expect(ours.map((f) => f.properties.id)).not.toContain(rejected!.attributes.id);
  expect(ours.find((f) => f.properties.id === added.attributes.id)!.properties.summary).toBe('Added in the studio');
  const saved = readdirSync(join(data, 'documents')).find((f) => f.startsWith('draft_'))!;
  const source = readFileSync(join(data, 'documents', saved), 'utf8');
  expect(source).not.toContain('review=pending');
  // The place chosen is the one saved: its words carry the candidate's pin.
  expect(source).toMatch(
    new RegExp(`:place\\[${placeWords.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\]\\{[^}]*\\b${pin}\\b`),
  );
});

test('keyboard only: draft an article, review every suggestion, pin a place to another candidate, save', async ({
  page,
}) => {
  const fixture = readFileSync('tests/fixtures/articles/dev-14-storm-shadow-kursk.md', 'utf8');
  const text = parseDocumentText('dev-14.md', fixture).text;
  const focused = () =>
    page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return a
        ? `${a.tagName.toLowerCase()}#${a.id}|${a.getAttribute('type') ?? ''}|${a.textContent?.trim().slice(0, 40) ?? ''}`
        : '';
    });
  /** Tab (or Shift+Tab) until the focused element matches; fails after 80 presses. */
  const tabTo = async (match: RegExp, back = false) => {
    for (let n = 0; n < 80; n++) {
      if (match.test(await focused())) return;
      await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`no focusable element matching ${match} (at ${await focused()})`);
  };
  await page.goto(STUDIO);
  await tabTo(/^summary#\|\|New from an article/);
  await page.keyboard.press('Enter');
  await tabTo(/^textarea#paste-content/);
  await page.keyboard.insertText(text);
  await tabTo(/^input#paste-title/);
  await page.keyboard.insertText('Storm Shadow on Kursk');
  await tabTo(/^button#\|submit\|Suggest annotations/);
  await page.keyboard.press('Enter');
  await expect(page.locator('#status')).toContainText('suggestions, all pending');
  await expect(page.locator('#map')).toHaveAttribute('data-checked', /^\d+$/);

  let pinned = '';
  for (let n = await pendingOf(page); n > 0; n = await pendingOf(page)) {
    const cur = (await currentAnnotation(page))!;
    if (!pinned && cur.kind === 'place' && !cur.attributes.of) {
      const query = cur.attributes.name ?? text.slice(cur.start, cur.end);
      await expect(page.locator('#place-candidates')).toHaveAttribute('data-query', query);
      if ((await page.locator('#place-candidates input[type=radio]').count()) >= 2) {
        // Into the candidates, to the second one, and back to the review keys from there.
        await tabTo(/^input#\|radio\|/);
        await page.keyboard.press('ArrowDown');
        await expect(page.locator('#status')).toContainText('pinned with');
        pinned = (await page.locator('#status').textContent())!.replace(/^.*pinned with (\S+)\.$/, '$1');
        await expect(page.locator('#place-candidates input[type=radio]:checked')).toBeFocused();
      }
    }
    await page.keyboard.press(cur.kind === 'weapon' ? 'x' : 'a');
    await expect.poll(() => pendingOf(page)).toBe(n - 1);
  }
  expect(pinned, 'a place with two candidates or more was suggested').toMatch(/^(geonames=\d+|wikidata=Q\d+)$/);
  await expect(page.locator('#map')).toHaveAttribute('data-checked', /^\d+$/);
  await tabTo(/^button#save\|/, true);
  await page.keyboard.press('Enter');
  await expect(page.locator('#status')).toContainText(/Saved to .*data\/documents\/draft_[0-9a-f]{16}\.md/);
  const savedPath = (await page.locator('#status').textContent())!.match(
    /data\/documents\/(draft_[0-9a-f]{16}\.md)/,
  )![1];
  const saved = readFileSync(join(data, 'documents', savedPath), 'utf8');
  expect(saved).not.toContain('review=pending');
  expect(saved).not.toMatch(/:weapon\[/);
  expect(saved).toMatch(new RegExp(`:place\\[[^\\]]+\\]\\{[^}]*\\b${pinned}\\b`));
});

test('a problem beside the text moves the cursor to its annotation; the preview follows an edit', async ({ page }) => {
  await page.goto(STUDIO);
  await page.getByLabel('Document', { exact: true }).selectOption({ index: 0 });
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.locator('#map')).toHaveAttribute('data-checked', /^\d+$/);
  const events = Number(await page.locator('#map').getAttribute('data-events'));
  expect(events).toBeGreaterThan(0);
  await page.evaluate(() => window.studio.session.ready);
  // Break an event: an unknown type format.
  const ev = page.locator('#text mark.k-event').first();
  await ev.click();
  await page.getByLabel('Date (YYYY-MM-DD)').fill('not a date');
  const before = await page.locator('#map').getAttribute('data-checked');
  await page.getByRole('button', { name: 'Apply changes' }).click();
  await expect(page.locator('#map')).not.toHaveAttribute('data-checked', before!);
  const problem = page.locator('#problems li.error button').first();
  await expect(problem).toContainText(/data\/documents\/.*:\d+:\d+: error: /);
  // Elsewhere first, then back by the problem.
  await page.locator('#text mark.k-place').last().click();
  await problem.click();
  await expect(page.locator('#edit-heading')).toContainText('Event');
  await expect(page.getByLabel('Date (YYYY-MM-DD)')).toHaveValue('not a date');
  await expect(page.getByLabel('Event type')).toBeFocused();
  // Saving is refused while it does not build.
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#status')).toContainText('not saved');
});
