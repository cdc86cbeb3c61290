/**
 * The studio (dev server only): paste an article, review its suggestions with the keyboard, edit one,
 * add an event by selecting a sentence, save, build, and check that the build has what was accepted
 * and nothing that was rejected. The studio runs on a dev server of its own over a copy of data/, so
 * the test never writes to the real documents.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { createServer, type ViteDevServer } from 'vite';
import { createDataBuilder } from '../../src/cli/build-data.js';
import { atlasStudio } from '../../src/vite/studio-plugin.js';
import { expect, test } from './fixtures.js';

const PORT = Number(process.env.PW_PORT ?? 4317) + 1;
const STUDIO = `http://127.0.0.1:${PORT}/studio.html`;
const ARTICLE = readFileSync('tests/fixtures/seeds/004_6d3f3a4742a89974.txt', 'utf8');

let server: ViteDevServer;
let data: string;

test.beforeAll(async () => {
  data = join(mkdtempSync(join(tmpdir(), 'studio-e2e-')), 'data');
  cpSync('data/documents', join(data, 'documents'), { recursive: true });
  cpSync('data/areas', join(data, 'areas'), { recursive: true });
  server = await createServer({ configFile: false, root: process.cwd(), logLevel: 'warn', plugins: [atlasStudio({ data })], server: { host: '127.0.0.1', port: PORT, strictPort: true } });
  await server.listen();
});
test.afterAll(async () => { await server?.close(); });

const pendingOf = (page: import('@playwright/test').Page) => page.evaluate(() => window.studio.doc()!.annotations.filter((a) => a.attributes.review === 'pending').length);
const currentAnnotation = (page: import('@playwright/test').Page) => page.evaluate(() => {
  const m = document.querySelector<HTMLElement>('#text mark.current');
  return m ? window.studio.doc()!.annotations[Number(m.dataset.i)] : null;
});

test('the built site has no studio', async ({ request }) => {
  const dist = process.env.PW_DIST ?? 'dist';
  expect(existsSync(join(dist, 'studio.html'))).toBe(false);
  const files = readdirSync(join(dist, 'assets'));
  expect(files.filter((f) => /studio/i.test(f))).toEqual([]);
  for (const f of files.filter((f) => f.endsWith('.js'))) expect(readFileSync(join(dist, 'assets', f), 'utf8'), f).not.toContain('__studio/api');
  const res = await request.get('./studio.html');
  expect(await res.text()).not.toContain('Source Atlas studio');
});

test('paste, review by keyboard, edit, add an event, save; the build has what was accepted, not what was rejected', async ({ page }) => {
  await page.goto(STUDIO);
  await page.getByText('New from an article…').click();
  await page.getByLabel('Article text or HTML').fill(ARTICLE);
  await page.getByLabel('Title', { exact: true }).fill('Asia alert');
  await page.getByLabel('Publisher', { exact: true }).fill('Test Daily');
  await page.getByLabel('Published', { exact: true }).fill('2024-11-22');
  await page.getByLabel('URL', { exact: true }).fill('https://example.org/asia-alert');
  await page.getByRole('button', { name: 'Suggest annotations' }).click();
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
  await page.locator('#text').focus();
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  let rejected: { kind: string; start: number; end: number; attributes: Record<string, string> } | null = null;
  const started = Date.now();
  for (let n = await pendingOf(page); n > 0; n = await pendingOf(page)) {
    const cur = await currentAnnotation(page);
    expect(cur, 'a pending suggestion is current').not.toBeNull();
    if (!rejected && cur!.kind === 'event') {
      rejected = cur;
      await page.keyboard.press('x');
    } else await page.keyboard.press('a');
    await expect.poll(() => pendingOf(page)).toBe(n - 1);
  }
  console.log(`studio: reviewed ${total} suggestions by keyboard in ${Date.now() - started} ms`);
  expect(rejected, 'an event was suggested, and rejected').not.toBeNull();
  await expect(page.locator('#text mark.pending')).toHaveCount(0);

  // Edit a place's name in the form (mouse: click it in the text).
  const place = page.locator('#text mark.k-place').first();
  await place.click();
  await expect(page.locator('#edit-heading')).toContainText('Place');
  const placeWords = (await place.textContent())!;

  // Add an event: select a few words of the rejected event's sentence; it snaps to the sentence.
  await page.evaluate(([from, to]) => {
    // A few words inside the sentence, by their offsets in the text.
    const walker = document.createTreeWalker(document.getElementById('text')!, NodeFilter.SHOW_TEXT);
    const r = document.createRange();
    let n = 0;
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const len = (t as Text).length;
      if (from >= n && from < n + len) r.setStart(t, from - n);
      if (to > n && to <= n + len) { r.setEnd(t, to - n); break; }
      n += len;
    }
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(r);
  }, [rejected!.start + 4, rejected!.start + 18]);
  await page.getByRole('button', { name: 'Event (whole sentence)' }).click();
  await expect(page.locator('#edit-heading')).toContainText('Event');
  const added = (await currentAnnotation(page))!;
  expect(added.start).toBe(rejected!.start);
  expect(added.end).toBe(rejected!.end);
  await page.getByLabel('Event type').fill('policy');
  await page.getByLabel('Summary').fill('Added in the studio');
  await page.getByLabel('Date (YYYY-MM-DD)').fill('2024-11-21');
  await page.getByLabel('Claimant').fill('the article (unattributed)');
  await page.getByLabel('Status').selectOption('reported');
  const checked = await page.locator('#map').getAttribute('data-checked');
  await page.getByRole('button', { name: 'Apply changes' }).click();
  await expect(page.locator('#map')).not.toHaveAttribute('data-checked', checked!);
  await expect(page.locator('#map')).toHaveAttribute('data-checked', /^\d+$/);
  await expect(page.locator('#problems li.error')).toHaveCount(0);

  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#status')).toContainText(/Saved to .*data\/documents\/draft_[0-9a-f]{16}\.md/);
  console.log(`studio: ${await page.evaluate(() => window.studio.actions())} reviewer actions from paste to save (${total} suggestions)`);
  await page.screenshot({ path: 'test-results/studio.png', fullPage: true });

  // The build (as npm run data, pending left out) has the accepted, the added, and not the rejected.
  const built = await createDataBuilder(join(data, 'documents')).build();
  expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const events = JSON.parse(built.files!['events.geojson']).features as Array<{ properties: { id: string; summary: string; claims: Array<{ document: string; excerpt: string }> } }>;
  const ours = events.filter((f) => f.properties.claims.some((c) => c.document.startsWith('draft_')));
  expect(ours.map((f) => f.properties.id)).toContain(added.attributes.id);
  expect(ours.map((f) => f.properties.id)).not.toContain(rejected!.attributes.id);
  expect(ours.find((f) => f.properties.id === added.attributes.id)!.properties.summary).toBe('Added in the studio');
  const saved = readdirSync(join(data, 'documents')).find((f) => f.startsWith('draft_'))!;
  const source = readFileSync(join(data, 'documents', saved), 'utf8');
  expect(source).not.toContain('review=pending');
  expect(source).toContain(`:place[${placeWords}]`);
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
