// Issue 15: the ward board a tablet opens on is drawn once, with its rows. The session, the
// nurse's wards and the board are read before React's first render (data/first-screen.ts), not
// one live query after another behind a "Chargement" line; the board then stays live, and a
// locked tablet still opens on its lock screen with no patient in the page.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newTablet, screenshot, serverAndBrowser, waitForServiceWorker } from './harness';
import { lockTablet, openPatientByRow, signIn, writeNote } from './ward-tablet';

const suite = serverAndBrowser();

/**
 * Watches the page from its first node: whether the app's first drawing already had the board's
 * rows, and whether a loading line or the lock screen showed before them.
 */
const WATCH_FIRST_DRAW = `
  window.firstDraw = null;
  new MutationObserver((_, observer) => {
    const root = document.getElementById('root');
    if (!root || root.childElementCount === 0) return;
    window.firstDraw = {
      rows: document.querySelectorAll('.ward-list a').length,
      loading: document.querySelectorAll('#root .loading').length,
      firstRow: document.querySelector('.ward-list a')?.innerText ?? '',
      text: root.innerText,
    };
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
`;

interface FirstDraw {
  rows: number;
  loading: number;
  firstRow: string;
  text: string;
}

async function openCold(page: Page, url: string): Promise<FirstDraw> {
  await page.addInitScript({ content: WATCH_FIRST_DRAW });
  await page.goto(url);
  const draw = await page.waitForFunction(() => (window as unknown as { firstDraw: unknown }).firstDraw, undefined, { timeout: 30_000 });
  return (await draw.jsonValue()) as FirstDraw;
}

describe('the screen a tablet opens on', () => {
  it('is the board with its rows from the first drawing, offline, and stays live', async () => {
    const tablet = await newTablet(suite.browser);
    const first = await tablet.newPage();
    await signIn(first, suite.server.url, 'demo-nurse');
    const rowsOnline = await first.locator('.ward-list a').count();
    await waitForServiceWorker(first);
    await tablet.setOffline(true);

    // A cold start, from the service worker: the first thing React puts in the page has every row.
    const board = await tablet.newPage();
    const draw = await openCold(board, `${suite.server.url}/ward/MED`);
    expect(draw.loading).toBe(0);
    expect(draw.rows).toBe(rowsOnline);
    expect(draw.firstRow).toMatch(/IPP \d+/); // both identifiers from the start: name and IPP
    await screenshot(board, 'first-screen-board');

    // Still live: a note written in the other tab reaches this board's row without a reload.
    const row = board.locator('.ward-list a').first();
    const before = await row.innerText();
    await first.goto(`${suite.server.url}/ward/MED`);
    await openPatientByRow(first, 0);
    await writeNote(first, { target: 'Surveillance', data: 'Écrit dans l’autre onglet' });
    await expect.poll(() => row.innerText(), { timeout: 15_000 }).not.toBe(before);
    expect(await row.innerText()).toMatch(/à l’instant/);

    // A ward that is not hers is refused, as before, with no row of it in the page.
    const other = await tablet.newPage();
    const refused = await openCold(other, `${suite.server.url}/ward/CHIR`);
    expect(refused.rows).toBe(0);
    await other.getByText(/CHIR/).first().waitFor();
    expect(await other.locator('.ward-list a').count()).toBe(0);
    await tablet.close();
  });

  it('opens on the lock screen when the tablet is locked, with no patient in the page', async () => {
    const tablet = await newTablet(suite.browser);
    const page = await tablet.newPage();
    await signIn(page, suite.server.url, 'demo-nurse');
    await waitForServiceWorker(page);
    await lockTablet(page);
    await tablet.setOffline(true);

    const cold = await tablet.newPage();
    const draw = await openCold(cold, `${suite.server.url}/ward/MED`);
    expect(draw.rows).toBe(0);
    expect(draw.text).not.toMatch(/IPP \d+/);
    await cold.getByRole('heading', { name: 'Tablette verrouillée' }).waitFor();
    expect(await cold.locator('main').innerText()).not.toMatch(/IPP \d+/);
    await tablet.close();
  });
});
