// The frame (the downtime banner, the header, the status bar) stays on screen while a tablet locks
// and opens again, and reads sealed rows. Locked, those read as absent; the frame must read them
// again when the tablet opens, not keep what it saw while locked (data/lock-aware-live-query.ts).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newTablet, screenshot, serverAndBrowser } from './harness';
import { lockTablet, signIn, unlockTablet } from './ward-tablet';
import { declareDowntime } from './downtime-steps';

const suite = serverAndBrowser();

describe('the frame of a tablet that locks and opens again', () => {
  it('shows a downtime declared in another tab while this one was locked, once it opens', async () => {
    const tablet = await newTablet(suite.browser);
    const first = await tablet.newPage();
    await signIn(first, suite.server.url, 'demo-charge'); // a charge nurse declares a downtime
    const second = await tablet.newPage();
    await second.goto(`${suite.server.url}/ward/MED`);
    await second.locator('.ward-list a').first().waitFor();

    // A lock in one tab locks the other; the second tab opens again, the first stays locked.
    await lockTablet(first);
    await second.getByRole('heading', { name: 'Tablette verrouillée' }).waitFor();
    await unlockTablet(second);
    await second.locator('.ward-list a').first().waitFor();

    // Declared in the open tab: the locked one's banner reads the new episode as absent (sealed).
    await declareDowntime(second, 'Cyberattaque', ['Dossier patient (DPI)']);
    const banner = (page: Page) => page.getByRole('region', { name: 'Mode dégradé en cours' });
    await banner(second).waitFor();
    await first.waitForTimeout(1_000); // the locked tab has heard of the write by now
    expect(await banner(first).count()).toBe(0);

    // Opened: the frame reads again, and the banner shows without any further write.
    await unlockTablet(first);
    await banner(first).waitFor({ timeout: 10_000 });
    expect(await banner(first).innerText()).toContain('Cyberattaque');
    await screenshot(first, 'frame-after-unlock');
    await tablet.close();
  });
});
