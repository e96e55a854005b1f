// Issue 9, done-when: one ward tablet, offline from the moment after two first sign-ins. Nurse
// A and nurse B alternate three times (sign-out, PIN, lock), each writes a note, and after
// reconnection every note reaches the server under its true author. On the way: a person who
// never signed in here is told why she cannot, a wrong password shows the tries left, and a
// locked tablet has no patient data in its DOM and unlocks back to the same page.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { serverAndBrowser, newTablet, waitForServiceWorker, screenshot } from './harness';
import { signIn, openPatientByRow, writeNote, goOffline, syncNow, lockTablet } from './ward-tablet';
import { signInAs } from './downtime-steps';

const suite = serverAndBrowser();

async function typeSignIn(page: Page, username: string, secret: string, how: 'password' | 'pin' = 'password') {
  await page.waitForURL(/\/login$/);
  if (how === 'pin') await page.getByRole('button', { name: 'Utiliser mon code PIN' }).click();
  await page.getByLabel('Identifiant').fill(username);
  await page.getByLabel(how === 'pin' ? 'Code PIN' : 'Mot de passe').fill(secret);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

async function expectWriter(page: Page, name: string) {
  await page.locator('.header-writer-name').filter({ hasText: name }).waitFor();
}

async function openSettings(page: Page) {
  await page.locator('.header-menu > summary').click();
  await page.getByRole('link', { name: 'Réglages' }).click();
}

async function setPin(page: Page, pin: string) {
  await openSettings(page);
  await page.getByLabel('Votre mot de passe').fill('demo');
  await page.getByLabel('Nouveau code PIN (4 à 8 chiffres)').fill(pin);
  await page.getByRole('button', { name: 'Enregistrer le code PIN' }).click();
  await page.getByText('Code PIN enregistré sur cette tablette.').waitFor();
}

async function signOut(page: Page) {
  await openSettings(page);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Oui, me déconnecter' }).click();
  await page.waitForURL(/\/login$/);
}

const switchUser = (page: Page) => page.getByRole('button', { name: 'Changer d’utilisateur' }).click();

async function noteOn(page: Page, row: number, data: string) {
  await page.goto(new URL('/ward/MED', page.url()).toString());
  const patient = await openPatientByRow(page, row);
  await writeNote(page, { target: 'Surveillance', data });
  return patient;
}

describe('one shared tablet, two nurses, no network', () => {
  it('A and B alternate three times (sign-out, PIN, lock); every note reaches the server under its true author', async () => {
    const tablet = await newTablet(suite.browser);
    const page = await tablet.newPage();
    // The two first sign-ins, online.
    await signIn(page, suite.server.url, 'demo-nurse');
    await waitForServiceWorker(page);
    await expectWriter(page, 'Camille Martin · IDE');
    await setPin(page, '1357');
    await switchUser(page);
    await typeSignIn(page, 'demo-nurse2', 'demo');
    await page.waitForURL(/\/ward\/MED$/);
    await expectWriter(page, 'Julien Lefèvre · IDE');
    await setPin(page, '2468');
    await screenshot(page, 'sessions-header-fr');

    await goOffline(tablet, page);
    // Someone who never signed in here is told why, and what to do.
    await switchUser(page);
    await typeSignIn(page, 'demo-charge', 'demo');
    await page.getByText(/jamais connecté·e sur cette tablette/).waitFor();
    await screenshot(page, 'sessions-not-enrolled-fr');
    await typeSignIn(page, 'demo-nurse2', '2468', 'pin');
    await expectWriter(page, 'Julien Lefèvre');

    // 1. Sign-out: B writes, signs out; A signs in with her password, offline.
    await noteOn(page, 0, 'B1 tour de 22 h');
    await signOut(page);
    await typeSignIn(page, 'demo-nurse', 'faux');
    await page.getByText('Mot de passe incorrect. Encore 9 essais sur cette tablette avant blocage.').waitFor();
    await typeSignIn(page, 'demo-nurse', 'demo');
    await expectWriter(page, 'Camille Martin');
    await noteOn(page, 1, 'A1 tour de 23 h');

    // 2. PIN: A hands over to B, who signs in with her PIN, then back.
    await switchUser(page);
    await typeSignIn(page, 'demo-nurse2', '2468', 'pin');
    await expectWriter(page, 'Julien Lefèvre');
    await noteOn(page, 2, 'B2 tour de 0 h');
    await switchUser(page);
    await typeSignIn(page, 'demo-nurse', '1357', 'pin');
    await expectWriter(page, 'Camille Martin');
    const a2 = await noteOn(page, 3, 'A2 tour de 1 h');

    // 3. Lock: locked, the page's patient is gone from the DOM.
    await lockTablet(page);
    await screenshot(page, 'sessions-locked-fr');
    const locked = await page.content();
    expect(locked).not.toContain(a2.name);
    expect(locked).not.toContain(a2.ipp);
    expect(locked).not.toContain('A2 tour de 1 h');
    expect(await page.locator('.lock-who').innerText()).toContain('Camille Martin');
    await page.getByRole('button', { name: 'Une autre personne se connecte' }).click();
    await typeSignIn(page, 'demo-nurse2', 'demo');
    await expectWriter(page, 'Julien Lefèvre');
    await noteOn(page, 4, 'B3 tour de 2 h');
    await lockTablet(page);
    await page.getByRole('button', { name: 'Une autre personne se connecte' }).click();
    await typeSignIn(page, 'demo-nurse', '1357', 'pin');
    await expectWriter(page, 'Camille Martin');
    await noteOn(page, 5, 'A3 tour de 3 h');
    const path = new URL(page.url()).pathname;
    await lockTablet(page);
    await page.getByLabel('Code PIN').fill('1357');
    await page.getByRole('button', { name: 'Déverrouiller' }).click();
    await page.getByText('A3 tour de 3 h').waitFor();
    expect(new URL(page.url()).pathname).toBe(path); // her PIN brings her back where she was

    // Back online: everything leaves, each note with its own author.
    await tablet.setOffline(false);
    await syncNow(page);
    const db = new Database(join(suite.server.dataDir, 'releve.sqlite'), { readonly: true });
    const rows = db.prepare("select json from entries where doc_type = 'note'").all() as { json: string }[];
    db.close();
    const byText = new Map(rows.map((r) => JSON.parse(r.json) as { body: { data: string }; author: { name: string } }).map((e) => [e.body.data, e.author.name]));
    expect(Object.fromEntries(byText)).toMatchObject({
      'B1 tour de 22 h': 'Julien Lefèvre', 'A1 tour de 23 h': 'Camille Martin',
      'B2 tour de 0 h': 'Julien Lefèvre', 'A2 tour de 1 h': 'Camille Martin',
      'B3 tour de 2 h': 'Julien Lefèvre', 'A3 tour de 3 h': 'Camille Martin',
    });
    await tablet.close();
  });
});

describe('drafts on a shared tablet', () => {
  it('keeps a half-typed note as its author’s: B neither sees nor resumes it, A finds it intact', async () => {
    const tablet = await newTablet(suite.browser);
    const page = await tablet.newPage();
    await signIn(page, suite.server.url, 'demo-nurse');
    await waitForServiceWorker(page);
    await switchUser(page);
    await typeSignIn(page, 'demo-nurse2', 'demo');
    await expectWriter(page, 'Julien Lefèvre');
    await goOffline(tablet, page);
    await switchUser(page);
    await typeSignIn(page, 'demo-nurse', 'demo');
    await expectWriter(page, 'Camille Martin');

    // A starts a note and is called away: she switches at once, her last keystrokes unsaved yet.
    await page.goto(new URL('/ward/MED', page.url()).toString());
    const patient = await openPatientByRow(page, 0);
    await page.getByRole('button', { name: 'Nouvelle transmission' }).click();
    await page.getByLabel('Cible').fill('Douleur');
    await page.getByLabel('Données').fill('EVA 7 au lever, A');
    await switchUser(page);
    await typeSignIn(page, 'demo-nurse2', 'demo');
    await expectWriter(page, 'Julien Lefèvre');

    // B on the same patient: no draft of A's, on screen or in the DOM; she starts her own.
    await page.goto(new URL('/ward/MED', page.url()).toString());
    await openPatientByRow(page, 0);
    await page.getByRole('button', { name: 'Nouvelle transmission' }).click();
    expect(await page.getByText('Brouillon restauré').count()).toBe(0);
    expect(await page.getByLabel('Cible').inputValue()).toBe('');
    expect(await page.content()).not.toContain('EVA 7 au lever, A');
    await page.getByLabel('Cible').fill('Sommeil');
    await page.getByLabel('Données').fill('Dort par intervalles, B');
    await page.getByText('Brouillon gardé sur cette tablette').waitFor();
    // Her drafts list: her own only; A's is counted under A's name, its content never shown.
    await page.locator('.status-bar').getByRole('link').first().click();
    await page.waitForURL(/\/sync$/);
    await page.locator('.draft-row').first().waitFor();
    expect(await page.locator('.draft-row').count()).toBe(1);
    expect(await page.locator('.drafts-others').innerText()).toMatch(/Camille Martin\s: 1 brouillon/);
    expect(await page.content()).not.toContain('EVA 7 au lever');
    await screenshot(page, 'drafts-others-fr');

    // A comes back: her draft reopens by itself, intact, and B's is not hers to see.
    await switchUser(page);
    await typeSignIn(page, 'demo-nurse', 'demo');
    await expectWriter(page, 'Camille Martin');
    await page.goto(new URL('/ward/MED', page.url()).toString());
    expect((await openPatientByRow(page, 0)).ipp).toBe(patient.ipp);
    await page.getByText('Brouillon restauré').waitFor();
    expect(await page.getByLabel('Cible').inputValue()).toBe('Douleur');
    expect(await page.getByLabel('Données').inputValue()).toBe('EVA 7 au lever, A');
    expect(await page.content()).not.toContain('Dort par intervalles');
    await tablet.close();
  });
});

/** A nurse's tablet, idle on a patient: still open after `notYet`, locked `more` later, with no patient data left in the DOM. */
async function expectAutoLock(notYet: string, more: string) {
  const tablet = await newTablet(suite.browser);
  const page = await tablet.newPage();
  await page.clock.install();
  await signIn(page, suite.server.url, 'demo-nurse');
  const patient = await openPatientByRow(page, 0);
  await page.clock.fastForward(notYet);
  expect(await page.content()).toContain(patient.ipp); // not yet
  await page.clock.fastForward(more);
  await page.getByRole('heading', { name: 'Tablette verrouillée' }).waitFor();
  const html = await page.content();
  expect(html).not.toContain(patient.name);
  expect(html).not.toContain(patient.ipp);
  await tablet.close();
}

describe('a tablet that tells the truth', () => {
  it('auto-locks after 5 idle minutes (Playwright clock): no patient data left in the DOM', async () => {
    await expectAutoLock('04:30', '00:45');
  });

  it('wipes a revoked tablet at its next contact and says how many unsent entries were lost', async () => {
    const tablet = await newTablet(suite.browser);
    const page = await tablet.newPage();
    await signIn(page, suite.server.url, 'demo-nurse');
    const deviceId = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('releve');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('meta').objectStore('meta').get('deviceId');
            get.onsuccess = () => resolve((get.result as { value: string }).value);
          };
        }),
    );
    await goOffline(tablet, page);
    await openPatientByRow(page, 0);
    await writeNote(page, { target: 'Surveillance', data: 'perdue avec la tablette' });
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'revoke-device', deviceId], {
      cwd: join(import.meta.dirname, '..', '..'),
      env: { ...process.env, RELEVE_DATA_DIR: suite.server.dataDir },
      encoding: 'utf8',
    });
    expect(out).toContain(`revoked device ${deviceId}`);
    // Back online, the tablet syncs by itself (the 'online' event): that first contact wipes it.
    await tablet.setOffline(false);
    await page.getByRole('heading', { name: 'Tablette effacée' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('main').innerText()).toContain('1 saisie non envoyée a été perdue');
    await screenshot(page, 'sessions-wiped-fr');
    const left = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(left).not.toContain('releve-keyring');
    expect(await page.evaluate(async () => (await caches.keys()).length)).toBe(0);
    await tablet.close();
  });
  it('auto-locks at the period an admin set for the ward (2 min for MED, Playwright clock), refusing 0 and 45', async () => {
    const office = await newTablet(suite.browser);
    const admin = await office.newPage();
    await signInAs(admin, suite.server.url, 'demo-admin');
    await admin.goto(`${suite.server.url}/admin`);
    await admin.getByRole('link', { name: /^MED · / }).click();
    const field = admin.getByLabel('Verrouillage automatique des tablettes du service (minutes)');
    for (const bad of ['0', '45', 'deux']) {
      await field.fill(bad);
      await admin.getByRole('button', { name: 'Enregistrer' }).click();
      await admin.getByText('Un nombre entier de minutes, de 1 à 30.').first().waitFor();
    }
    await screenshot(admin, 'ward-auto-lock-refused-fr');
    await field.fill('2');
    await admin.getByRole('button', { name: 'Enregistrer' }).click();
    await admin.getByText('Enregistré. La nouvelle version part vers les tablettes').waitFor();
    await syncNow(admin); // it leaves the office before the office closes
    await office.close();

    // A ward tablet gets the setting with the ward at its sync, and locks at 2 minutes.
    await expectAutoLock('01:45', '00:30');
  });
});
