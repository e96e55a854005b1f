// What a charge nurse and her colleagues do in downtime mode, as steps the downtime end-to-end
// test shares. Selectors are the labels a nurse reads (French unless said otherwise).
import type { Page } from 'playwright-core';

export interface StoredEntry {
  id: string;
  docId: string;
  docType: string;
  kind: string;
  downtimeId?: string;
  body: unknown;
}

/** The entries in the tablet's own IndexedDB, read with the raw API (not through the app). */
export async function tabletEntries(page: Page): Promise<StoredEntry[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('releve');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = await new Promise<StoredEntry[]>((resolve, reject) => {
      const req = db.transaction('entries').objectStore('entries').getAll();
      req.onsuccess = () => resolve(req.result as StoredEntry[]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return all.map((e) => ({ id: e.id, docId: e.docId, docType: e.docType, kind: e.kind, body: e.body, ...(e.downtimeId ? { downtimeId: e.downtimeId } : {}) }));
  });
}

export async function declareDowntime(page: Page, reason: string, down: string[], area?: string): Promise<void> {
  // "Declare" is on the downtime page, one tap from the header.
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mode dégradé' }).click();
  await page.getByRole('link', { name: 'Déclarer un mode dégradé' }).click();
  await page.getByRole('heading', { name: 'Déclarer un mode dégradé' }).waitFor();
  if (area) await page.getByRole('radio', { name: area }).check();
  await page.getByRole('radio', { name: reason }).check();
  for (const d of down) await page.getByRole('checkbox', { name: d }).check();
  await page.getByRole('button', { name: 'Déclarer le mode dégradé' }).click();
  await page.waitForURL(/\/downtime$/);
}

/** Signs in any account (an admin lands on the ward choice, not on MED). */
export async function signInAs(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel(/Identifiant|Username/).fill(username);
  await page.getByLabel(/Mot de passe|Password/).fill('demo');
  await page.getByRole('button', { name: /Se connecter|Sign in/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30_000 });
}

export async function switchLanguage(page: Page, lang: 'FR' | 'EN'): Promise<void> {
  // The language switch is in the header's menu (which stays open after a switch).
  if ((await page.locator('.header-menu[open]').count()) === 0) await page.locator('.header-menu > summary').click();
  await page.locator('.app-header').getByRole('button', { name: new RegExp(`^${lang}`) }).click();
}
