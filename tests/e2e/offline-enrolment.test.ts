// Issue 9 §3 done-when, against the real server: offline, a charge nurse enrols a relief
// colleague; the colleague signs in offline and writes a note; back online the note reaches the
// server as provisional with both names; an admin links the account; after its next sync the
// first tablet shows the link (byline, header, sync page) and no longer "à confirmer"; a second
// tablet shows the note with both names and the account.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { serverAndBrowser, newTablet, waitForServiceWorker, screenshot } from './harness';
import { signIn, openPatientByRow, writeNote, goOffline, syncNow } from './ward-tablet';

const suite = serverAndBrowser();

async function enrolMarie(page: Page) {
  await page.locator('.header-menu > summary').click();
  await page.getByRole('link', { name: 'Réglages' }).click();
  await page.getByRole('link', { name: 'Inscrire une collègue (hors ligne)' }).click();
  await page.getByLabel('Nom et prénom de la collègue').fill('Marie Relief');
  await page.getByLabel('Identifiant qu’elle tapera (ex. marie.dupont)').fill('marie.relief');
  await page.getByLabel('Mot de passe provisoire (tapé par elle, 8 caractères au moins)').fill('renfort-2026');
  await page.getByLabel('Le même mot de passe, encore (par elle)').fill('renfort-2026');
  await page.getByLabel('Votre propre mot de passe (pour ouvrir la tablette à son nom)').fill('demo');
  await screenshot(page, 'enrol-form-fr');
  await page.setViewportSize({ width: 800, height: 1280 });
  await screenshot(page, 'enrol-form-portrait-fr');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
  await page.getByText('Marie Relief est inscrite sur cette tablette.', { exact: false }).waitFor();
}

async function api<T>(path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${suite.server.url}${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

describe('relief staff enrolled offline', () => {
  it('the offline enrolment round trip against the real server', async () => {
    const tablet = await newTablet(suite.browser);
    const page = await tablet.newPage();
    await signIn(page, suite.server.url, 'demo-charge');
    await waitForServiceWorker(page);
    await goOffline(tablet, page);

    await enrolMarie(page);
    await page.getByRole('button', { name: 'Changer d’utilisateur' }).click();
    await page.waitForURL(/\/login$/);
    await page.getByLabel('Identifiant').fill('marie.relief');
    await page.getByLabel('Mot de passe').fill('renfort-2026');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.locator('.header-writer-name').filter({ hasText: 'Marie Relief' }).waitFor();
    await page.goto(new URL('/ward/MED', page.url()).toString());
    await openPatientByRow(page, 0);
    await writeNote(page, { target: 'Surveillance', data: 'Note de Marie, renfort de nuit' });
    await page.getByText(/Marie Relief, inscrite hors ligne par/).first().waitFor();

    await tablet.setOffline(false);
    await syncNow(page);
    const db = new Database(join(suite.server.dataDir, 'releve.sqlite'), { readonly: true });
    const row = db.prepare("select json, flags from entries where doc_type = 'note' and json like '%Note de Marie%'").get() as { json: string; flags: string | null } | undefined;
    const account = db.prepare('select id, status from provisional_accounts').get() as { id: string; status: string } | undefined;
    const realName = (db.prepare("select name from users where username = 'demo-nurse2'").get() as { name: string }).name;
    db.close();
    expect(row).toBeDefined();
    const author = (JSON.parse(row!.json) as { author: { name: string; enrolledBy?: { name: string } } }).author;
    expect(author.name).toBe('Marie Relief');
    expect(author.enrolledBy?.name).toBeTruthy();
    expect(JSON.parse(row!.flags ?? '[]')).toEqual(['author_provisional']);
    expect(account?.status).toBe('pending');
    const myByline = page.locator('.byline').filter({ hasText: 'Marie Relief' }).first();
    await expect.poll(() => myByline.innerText(), { timeout: 30_000 }).toContain('compte provisoire, à confirmer');
    await expect.poll(() => page.locator('.header-writer-account').innerText()).toContain('Compte provisoire, à confirmer');
    // Her entries go with her enroller's live session: no "session expired" for her, nothing blocked.
    await expect.poll(() => page.locator('.session-expired').count()).toBe(0);
    await expect.poll(() => page.locator('.status-bar').innerText()).not.toContain('envoi bloqué');

    // An admin links her to a real account.
    const admin = await api<{ token: string }>('/api/auth/login', { username: 'demo-admin', password: 'demo', deviceId: 'e2e-admin-desk' });
    const linked = await api<{ account: { status: string; linkedTo: string } }>(`/api/admin/provisional/${account!.id}`, { action: 'link', username: 'demo-nurse2' }, admin.token);
    expect(linked.account).toMatchObject({ status: 'linked', linkedTo: 'demo-nurse2' });

    // The first tablet learns it at its next sync: the link is shown and "à confirmer" is gone.
    await syncNow(page);
    const linkedByline = new RegExp(`^(?![\\s\\S]*à confirmer)[\\s\\S]*Marie Relief \\(compte de ${realName}\\), inscrite hors ligne par ${author.enrolledBy!.name}`);
    await expect.poll(() => myByline.innerText(), { timeout: 30_000 }).toMatch(linkedByline);
    await expect.poll(() => page.locator('.header-writer-account').innerText()).toContain(`Compte de ${realName}`);
    await myByline.scrollIntoViewIfNeeded();
    await screenshot(page, 'enrol-byline-linked-fr');
    await page.locator('a.status-counts').click();
    await page.waitForURL(/\/sync$/);
    await expect.poll(() => page.locator('.enrolments-on-tablet li').first().innerText(), { timeout: 30_000 }).toContain(`rattachée au compte de ${realName}`);
    await screenshot(page, 'enrol-sync-page-linked-fr');

    // A second tablet shows the note with both names.
    const second = await newTablet(suite.browser, { landscape: false });
    const page2 = await second.newPage();
    await signIn(page2, suite.server.url, 'demo-nurse');
    await openPatientByRow(page2, 0);
    await page2.getByText('Note de Marie, renfort de nuit').waitFor();
    const byline = page2.locator('.byline').filter({ hasText: 'Marie Relief' }).first();
    await expect.poll(() => byline.innerText(), { timeout: 30_000 }).toMatch(linkedByline);
    await byline.scrollIntoViewIfNeeded();
    await screenshot(page2, 'enrol-byline-second-tablet-portrait-fr');
    await tablet.close();
    await second.close();
  }, 180_000);
});
