// Issue 9 §3 done-when, against the real server: offline, a charge nurse enrols two relief
// colleagues; each signs in offline and writes a note; back online the notes reach the server as
// provisional with both names. An admin, on the admin screen, refuses one and links the other,
// reading in words what will happen first, and creates an account for a third, who then signs in
// with it; a second admin desk that read the list before is told nothing was changed. After its
// next sync the tablet shows the refusal and the link in the bylines, the header and the sync
// page; a second tablet shows the link.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { serverAndBrowser, newTablet, waitForServiceWorker, screenshot } from './harness';
import { signIn, openPatientByRow, writeNote, goOffline, syncNow } from './ward-tablet';
import { signInAs, switchLanguage } from './downtime-steps';
import { accountCard, createOnScreen, linkOnScreen, linkTooLate, refuseOnScreen } from './provisional-desk';

const suite = serverAndBrowser();

async function enrol(page: Page, who: { name: string; username: string; password: string }, shots = false) {
  await page.locator('.header-menu > summary').click();
  await page.getByRole('link', { name: 'Réglages' }).click();
  await page.getByRole('link', { name: 'Inscrire une collègue (hors ligne)' }).click();
  await page.getByLabel('Nom et prénom de la collègue').fill(who.name);
  await page.getByLabel('Identifiant qu’elle tapera (ex. marie.dupont)').fill(who.username);
  await page.getByLabel('Mot de passe provisoire (tapé par elle, 8 caractères au moins)').fill(who.password);
  await page.getByLabel('Le même mot de passe, encore (par elle)').fill(who.password);
  await page.getByLabel('Votre propre mot de passe (pour ouvrir la tablette à son nom)').fill('demo');
  if (shots) {
    await screenshot(page, 'enrol-form-fr');
    await page.setViewportSize({ width: 800, height: 1280 });
    await screenshot(page, 'enrol-form-portrait-fr');
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
  await page.getByText(`${who.name} est inscrite sur cette tablette.`, { exact: false }).waitFor();
}

/** She signs in on the tablet (offline) and writes a note on the patient of the given row. */
async function writesAs(page: Page, who: { name: string; username: string; password: string }, row: number, note: string) {
  await page.getByRole('button', { name: 'Changer d’utilisateur' }).click();
  await page.waitForURL(/\/login$/);
  await page.getByLabel('Identifiant').fill(who.username);
  await page.getByLabel('Mot de passe').fill(who.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.locator('.header-writer-name').filter({ hasText: who.name }).waitFor();
  await page.goto(new URL('/ward/MED', page.url()).toString());
  await openPatientByRow(page, row);
  await writeNote(page, { target: 'Surveillance', data: note });
  await page.getByText(new RegExp(`${who.name}, inscrite hors ligne par`)).first().waitFor();
}

const marie = { name: 'Marie Relief', username: 'marie.relief', password: 'renfort-2026' };
const lea = { name: 'Léa Renfort', username: 'lea.renfort', password: 'renfort-2027' };
// Enrolled, then called away before writing anything: the admin gives her an account of her own.
const ines = { name: 'Inès Appoint', username: 'ines.appoint', password: 'renfort-2028' };
const inesAccount = { username: 'ines.appoint2', password: 'nouveau-2026' };
const flat = (s: string) => s.replace(/\s+/g, ' ');

async function adminDecides(enroller: string, realName: string) {
  const desk = await newTablet(suite.browser);
  const page = await desk.newPage();
  await signInAs(page, suite.server.url, 'demo-admin');
  await page.goto(`${suite.server.url}/admin`);
  await page.getByRole('link', { name: 'Comptes inscrits hors ligne' }).click();
  await page.getByRole('heading', { name: 'À décider (3)' }).waitFor({ timeout: 30_000 });
  // A second desk opened the list before any decision: it will be too late for Léa.
  const stale = await desk.newPage();
  await stale.goto(page.url());
  await stale.getByRole('heading', { name: 'À décider (3)' }).waitFor({ timeout: 30_000 });
  await expect.poll(() => accountCard(page, marie.name).innerText()).toMatch(new RegExp(`Inscrite par ${enroller}, service MED[\\s\\S]*1 saisie[\\s\\S]*En attente d’une décision`));
  await screenshot(page, 'provisional-pending-fr');

  await page.setViewportSize({ width: 800, height: 1280 }); // the refusal at the portrait size
  const refusal = await refuseOnScreen(page, lea.name, 'Inconnue du service');
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(flat(refusal)).toContain(`Ce qu’elle a écrit (1 saisie) reste au dossier sous son nom, avec la mention « inscrite hors ligne par ${enroller} »`);
  await expect.poll(() => accountCard(page, lea.name).innerText(), { timeout: 30_000 }).toMatch(/Refusée\s:\sInconnue du service/);

  const link = await linkOnScreen(page, marie.name, 'lefe', realName);
  expect(flat(link)).toContain(`Ce qu’a écrit ${marie.name} (1 saisie) sera attribué au compte de ${realName} ; ses saisies gardent la mention « inscrite hors ligne par ${enroller} »`);
  await expect.poll(() => accountCard(page, marie.name).innerText(), { timeout: 30_000 }).toContain(`Rattachée au compte de ${realName}`);

  const created = await createOnScreen(page, ines.name, inesAccount);
  expect(flat(created)).toContain(`ce qu’elle a écrit (0 saisie) lui sera attribué`);
  await expect.poll(() => accountCard(page, ines.name).innerText(), { timeout: 30_000 }).toContain('Rattachée au compte de');

  // The second desk, too late: nothing is changed, it says why, and its list shows the refusal.
  const said = await linkTooLate(stale, lea.name, 'lefe', realName);
  expect(flat(said)).toContain(`une décision a déjà été prise pour ${lea.name}`);
  await expect.poll(() => accountCard(stale, lea.name).innerText(), { timeout: 30_000 }).toMatch(/Refusée\s:\sInconnue du service/);
  await stale.close();
  await page.getByRole('heading', { name: 'Déjà décidés (3)' }).waitFor();
  await screenshot(page, 'provisional-decided-fr');
  await page.setViewportSize({ width: 800, height: 1280 });
  await screenshot(page, 'provisional-decided-portrait-fr');
  await switchLanguage(page, 'EN');
  await page.getByRole('heading', { name: 'Accounts enrolled offline' }).waitFor();
  await page.locator('.header-menu > summary').click(); // the menu stays open after a switch
  // The result reads in the language now shown.
  await expect.poll(() => page.locator('.provisional-outcome').innerText()).toContain(`The account “${inesAccount.username}” is created for ${ines.name}`);
  await screenshot(page, 'provisional-decided-portrait-en');
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, 'provisional-decided-en');
  // Without the network the screen says it needs it.
  await desk.setOffline(true);
  await page.locator('.app-header').getByRole('link', { name: 'Admin', exact: true }).click();
  await page.getByRole('link', { name: 'Accounts enrolled offline' }).click();
  await expect.poll(() => page.locator('.notice--warning').first().innerText(), { timeout: 30_000 }).toContain('This list is kept on the server');
  await desk.close();
}

describe('relief staff enrolled offline', () => {
  it('the offline enrolment round trip against the real server, decided on the admin screen', async () => {
    const tablet = await newTablet(suite.browser);
    const page = await tablet.newPage();
    await signIn(page, suite.server.url, 'demo-charge');
    await waitForServiceWorker(page);
    await goOffline(tablet, page);

    await enrol(page, marie, true);
    await enrol(page, lea);
    await enrol(page, ines);
    await writesAs(page, marie, 0, 'Note de Marie, renfort de nuit');
    await writesAs(page, lea, 1, 'Note de Léa, renfort de jour');

    await tablet.setOffline(false);
    await syncNow(page);
    const db = new Database(join(suite.server.dataDir, 'releve.sqlite'), { readonly: true });
    const row = db.prepare("select json, flags from entries where doc_type = 'note' and json like '%Note de Marie%'").get() as { json: string; flags: string | null } | undefined;
    const pending = db.prepare("select count(*) as n from provisional_accounts where status = 'pending'").get() as { n: number };
    const realName = (db.prepare("select name from users where username = 'demo-nurse2'").get() as { name: string }).name;
    db.close();
    expect(row).toBeDefined();
    const author = (JSON.parse(row!.json) as { author: { name: string; enrolledBy?: { name: string } } }).author;
    expect(author.name).toBe('Marie Relief');
    const enroller = author.enrolledBy!.name;
    expect(enroller).toBeTruthy();
    expect(JSON.parse(row!.flags ?? '[]')).toEqual(['author_provisional']);
    expect(pending.n).toBe(3);
    const leaByline = page.locator('.byline').filter({ hasText: lea.name }).first();
    await expect.poll(() => leaByline.innerText(), { timeout: 30_000 }).toContain('compte provisoire, à confirmer');
    await expect.poll(() => page.locator('.header-writer-account').innerText()).toContain('Compte provisoire, à confirmer');
    // Her entries go with her enroller's live session: no "session expired" for her, nothing blocked.
    await expect.poll(() => page.locator('.session-expired').count()).toBe(0);
    await expect.poll(() => page.locator('.status-bar').innerText()).not.toContain('envoi bloqué');

    await adminDecides(enroller, realName);

    // Inès signs in online with the account the admin created, under her own name.
    const hers = await newTablet(suite.browser);
    const inesPage = await hers.newPage();
    await inesPage.goto(`${suite.server.url}/login`);
    await inesPage.getByLabel('Identifiant').fill(inesAccount.username);
    await inesPage.getByLabel('Mot de passe').fill(inesAccount.password);
    await inesPage.getByRole('button', { name: 'Se connecter' }).click();
    await inesPage.locator('.header-writer-name').filter({ hasText: ines.name }).waitFor({ timeout: 30_000 });
    await hers.close();

    // The tablet learns both decisions at its next sync: Léa's byline says she was refused and
    // why, her header too; Marie's byline shows the link and no longer "à confirmer".
    await syncNow(page);
    await expect.poll(() => leaByline.innerText(), { timeout: 30_000 }).toMatch(new RegExp(`${lea.name}, inscrite hors ligne par ${enroller}[\\s\\S]*compte provisoire refusé\\s:\\sInconnue du service`));
    await expect.poll(() => page.locator('.header-writer-account').innerText()).toContain('Compte provisoire refusé');
    await leaByline.scrollIntoViewIfNeeded();
    await screenshot(page, 'enrol-byline-refused-fr');
    await page.goto(new URL('/ward/MED', page.url()).toString());
    await openPatientByRow(page, 0);
    const linkedByline = new RegExp(`^(?![\\s\\S]*à confirmer)[\\s\\S]*Marie Relief \\(compte de ${realName}\\), inscrite hors ligne par ${enroller}`);
    const marieByline = page.locator('.byline').filter({ hasText: marie.name }).first();
    await expect.poll(() => marieByline.innerText(), { timeout: 30_000 }).toMatch(linkedByline);
    await marieByline.scrollIntoViewIfNeeded();
    await screenshot(page, 'enrol-byline-linked-fr');
    await page.locator('a.status-counts').click();
    await page.waitForURL(/\/sync$/);
    const onTablet = page.locator('.enrolments-on-tablet');
    await expect.poll(() => onTablet.innerText(), { timeout: 30_000 }).toContain(`rattachée au compte de ${realName}`);
    await expect.poll(() => onTablet.innerText(), { timeout: 30_000 }).toMatch(/refusée\s:\sInconnue du service/);
    await screenshot(page, 'enrol-sync-page-decided-fr');

    // A second tablet shows Marie's note with both names and her account.
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
  }, 300_000);
});
