// Issue 11 §6, end to end at 1280×800: the ward board shows at least eight patients, and once a
// patient page or a form is scrolled the sticky chrome (status bar and downtime banner) folds to
// at most 12 % of the height, the identity banner keeping both identifiers.
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { serverAndBrowser, newTablet, screenshot } from './harness';
import { signIn, openPatientByRow } from './ward-tablet';
import { declareDowntime, signInAs } from './downtime-steps';

const suite = serverAndBrowser();
const HEIGHT = 800;

async function chromeHeight(page: Page): Promise<number> {
  return (await page.locator('.sticky-top').boundingBox())!.height;
}

/** The header's boxes: none past the right edge, none overlapping another, and how many rows. */
async function headerLayout(page: Page): Promise<{ overflow: number; overlaps: string[]; height: number }> {
  return page.locator('.app-header').evaluate((header) => {
    const parts = [...header.querySelectorAll('.app-name, .header-ward, .header-nav > a, .header-writer-name, .header-switch, .header-menu summary')];
    const boxes = parts.map((p) => ({ name: (p.textContent ?? '').trim(), r: p.getBoundingClientRect() }));
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r, b = boxes[j]!.r;
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps.push(`${boxes[i]!.name} / ${boxes[j]!.name}`);
      }
    const right = Math.max(...boxes.map((b) => b.r.right));
    return { overflow: Math.max(0, right - window.innerWidth, header.scrollWidth - header.clientWidth), overlaps, height: header.getBoundingClientRect().height };
  });
}

/** Folded, nothing of the status row is cut off: every piece shown lies inside the row and the screen. */
async function cutStatusPieces(page: Page): Promise<string[]> {
  return page.locator('.status-row').evaluate((row) => {
    const box = row.getBoundingClientRect();
    const right = Math.min(box.right, window.innerWidth);
    const out: string[] = [];
    for (const el of row.querySelectorAll('.status-item, .status-count, .status-sync, .status-sync svg')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue; // folded away
      // Its left edge, middle and right edge are each its own on screen, not under a neighbour.
      const hits = [r.left + 2, r.left + r.width / 2, r.right - 2].map((x) => document.elementFromPoint(x, r.top + r.height / 2));
      const own = hits.every((h) => h !== null && (el.contains(h) || h.contains(el)));
      if (r.left < box.left - 1 || r.right > right + 1 || !own) out.push(`${el.getAttribute('class') ?? el.tagName} "${(el.textContent ?? '').trim()}"`);
    }
    return out;
  });
}

async function scrollDown(page: Page): Promise<void> {
  await page.mouse.move(640, 600);
  await page.mouse.wheel(0, 400);
  await page.waitForFunction(() => document.documentElement.dataset.chrome === 'compact', undefined, { timeout: 10_000 });
  await page.waitForTimeout(200);
}

describe('screen economy on a 10-inch landscape tablet', () => {
  it('shows eight patients on the board, and folds the chrome to 12 % on a scrolled patient page and form', async () => {
    const a = await newTablet(suite.browser);
    const page = await a.newPage();
    // A ward tablet as installed, whose browser keeps its storage: headless Chromium refuses
    // persistence, and the board then rightly gives two lines to that alarm.
    await page.addInitScript(() => {
      navigator.storage.persist = () => Promise.resolve(true);
      navigator.storage.persisted = () => Promise.resolve(true);
    });
    await signIn(page, suite.server.url, 'demo-charge');
    expect(await page.locator('.persist-refused').count()).toBe(0);
    // The charge nurse's header (her name and role, "Changer d’utilisateur", Reprise) on one row.
    const header = await headerLayout(page);
    expect(header.overflow).toBe(0);
    expect(header.overlaps).toEqual([]);
    expect(header.height).toBeLessThanOrEqual(64);
    await page.locator('.ward-row').nth(8).waitFor();
    const bottoms = await page.locator('.ward-row').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().bottom));
    const fullyShown = bottoms.filter((b) => b <= HEIGHT).length;
    expect(fullyShown).toBeGreaterThanOrEqual(8);
    await screenshot(page, 'economy-board');

    await declareDowntime(page, 'Panne du réseau', []);
    await page.goto(`${suite.server.url}/ward/MED`);
    const who = await openPatientByRow(page, 0);
    await page.getByRole('region', { name: 'Mode dégradé en cours' }).waitFor();
    const unfolded = await chromeHeight(page);
    await scrollDown(page);
    const folded = await chromeHeight(page);
    expect(folded).toBeLessThanOrEqual(0.12 * HEIGHT);
    expect(folded).toBeLessThan(unfolded);
    // Still visible once folded: the downtime, the sync state and both identifiers.
    expect(await page.getByRole('region', { name: 'Mode dégradé en cours' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Synchroniser' }).isVisible()).toBe(true);
    // Beside the banner, the folded status bar is cut nowhere (it once hid "0 en conflit" and the
    // sync button's icon): zero refused and conflicts step aside, what waits to be sent stays.
    expect(await cutStatusPieces(page)).toEqual([]);
    expect(await page.getByText('0 en conflit').isVisible()).toBe(false);
    expect(await page.getByText(/\d+ en attente d’envoi/).isVisible()).toBe(true);
    const banner = page.locator('section.identity');
    expect((await banner.boundingBox())!.y).toBeLessThanOrEqual(folded + 1);
    const ids = await banner.innerText();
    expect(ids).toContain(who.name);
    expect(ids).toContain(who.ipp);
    await screenshot(page, 'economy-patient-scrolled');

    // Back at the top, everything unfolds.
    await page.mouse.wheel(0, -5000);
    await page.waitForFunction(() => document.documentElement.dataset.chrome === undefined, undefined, { timeout: 10_000 });

    await page.getByRole('button', { name: 'Nouveau formulaire' }).click();
    await page.getByRole('link', { name: /Surveillance des constantes/ }).first().click();
    await page.locator('form.form-editor').waitFor();
    await scrollDown(page);
    expect(await chromeHeight(page)).toBeLessThanOrEqual(0.12 * HEIGHT);
    await screenshot(page, 'economy-form-scrolled');
    await a.close();
  });

  it('never lets the header overflow or overlap, for an admin at 1280 px and in portrait', async () => {
    for (const [who, landscape] of [['demo-admin', true], ['demo-charge', false], ['demo-admin', false]] as const) {
      const tablet = await newTablet(suite.browser, { landscape });
      const page = await tablet.newPage();
      await signInAs(page, suite.server.url, who);
      await page.goto(`${suite.server.url}/ward/MED`);
      await page.locator('.ward-row').first().waitFor({ timeout: 30_000 });
      const header = await headerLayout(page);
      expect(header.overflow, who).toBe(0);
      expect(header.overlaps, who).toEqual([]);
      await screenshot(page, `economy-board-${who}-${landscape ? 'landscape' : 'portrait'}`);
      if (!landscape) {
        await openPatientByRow(page, 0);
        await screenshot(page, `economy-patient-${who}-portrait`);
      }
      await tablet.close();
    }
  });
});
