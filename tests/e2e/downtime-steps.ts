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

/**
 * The entries in the tablet's own IndexedDB, read with the raw API (not through the app). Their
 * clinical part is sealed at rest (db/vault): it is opened here with the data key the unlocked
 * tablet keeps in its keyring ('open' row), as the vault does (AES-GCM, IV first, table and id
 * bound in).
 */
export async function tabletEntries(page: Page): Promise<StoredEntry[]> {
  return page.evaluate(async () => {
    const readAll = (name: string, store: string) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as Record<string, unknown>[]);
          };
          req.onerror = () => reject(req.error);
        };
      });
    const key = (await readAll('releve-keyring', 'state')).find((r) => r.key === 'open')?.dataKey as CryptoKey | undefined;
    if (!key) throw new Error('the tablet is locked: its entries cannot be read');
    const opened = await Promise.all(
      (await readAll('releve', 'entries')).map(async ({ $sealed, ...clear }) => {
        if (!($sealed instanceof Uint8Array)) return clear;
        const sealed = $sealed as Uint8Array<ArrayBuffer>;
        const context = new TextEncoder().encode(`entries\u0000${JSON.stringify(clear.id)}`);
        const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.subarray(0, 12), additionalData: context }, key, sealed.subarray(12));
        return { ...(JSON.parse(new TextDecoder().decode(plain)) as Record<string, unknown>), ...clear };
      }),
    );
    return opened.map((e) => ({
      id: e.id as string, docId: e.docId as string, docType: e.docType as string, kind: e.kind as string, body: e.body,
      ...(e.downtimeId ? { downtimeId: e.downtimeId as string } : {}),
    }));
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
