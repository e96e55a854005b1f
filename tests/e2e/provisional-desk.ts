// The admin's desk for the accounts enrolled offline: the screen's steps as an admin takes them
// (open a card, choose what to do, read the confirmation, confirm, read the result).
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './harness';

export const accountCard = (page: Page, name: string) => page.locator('.provisional-card').filter({ hasText: name });

/** Confirms what the dialog says will happen, once it says `expected`; then waits for the result. */
async function confirmAndWait(page: Page, expected: RegExp, button: string, result: RegExp, shot: string): Promise<string> {
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.innerText(), { timeout: 15_000 }).toMatch(expected);
  await screenshot(page, shot);
  const said = await dialog.innerText();
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect.poll(() => page.locator('.provisional-outcome').innerText(), { timeout: 30_000 }).toMatch(result);
  return said;
}

/** Refuses her with a reason; returns what the confirmation said. */
export async function refuseOnScreen(page: Page, name: string, reason: string): Promise<string> {
  const card = accountCard(page, name);
  await card.getByRole('button', { name: 'Refuser', exact: true }).click();
  await card.getByRole('button', { name: 'Continuer' }).click();
  // No reason, no confirmation: the field says why.
  await card.getByText('Dites pourquoi elle est refusée.').waitFor();
  await card.getByLabel('Raison du refus (lue sur les tablettes)').fill(reason);
  await card.getByRole('button', { name: 'Continuer' }).click();
  return confirmAndWait(page, new RegExp(`${name} sera refusée`), 'Refuser', new RegExp(`${name} est refusée`), 'provisional-confirm-refuse');
}

/** Chooses the account found by `search` and named `accountName` for her, up to the confirmation. */
async function chooseLink(page: Page, name: string, search: string, accountName: string): Promise<void> {
  const card = accountCard(page, name);
  await card.getByRole('button', { name: 'Rattacher à un compte existant' }).click();
  await card.getByLabel('Chercher un compte (nom, identifiant, service)').fill(search);
  await card.getByRole('radio', { name: new RegExp(`^${accountName} ·`) }).check();
  await card.getByRole('button', { name: 'Continuer' }).click();
}

/** Links her to the account found by `search` and named `accountName`; returns what the confirmation said. */
export async function linkOnScreen(page: Page, name: string, search: string, accountName: string): Promise<string> {
  await chooseLink(page, name, search, accountName);
  return confirmAndWait(page, new RegExp(`au compte de ${accountName}`), 'Rattacher', new RegExp(`${name} est rattachée au compte de ${accountName}`), 'provisional-confirm-link');
}

/**
 * Tries to link her from a list read before another desk decided: the server refuses, the page
 * says nothing was changed and why. Returns what the page said.
 */
export async function linkTooLate(page: Page, name: string, search: string, accountName: string): Promise<string> {
  await chooseLink(page, name, search, accountName);
  await confirmAndWait(page, new RegExp(`au compte de ${accountName}`), 'Rattacher', /^Rien n’a été changé/, 'provisional-too-late');
  return page.locator('.provisional-outcome').innerText();
}

/** Gives her a new account; returns what the confirmation said. */
export async function createOnScreen(page: Page, name: string, account: { username: string; password: string }): Promise<string> {
  const card = accountCard(page, name);
  await card.getByRole('button', { name: 'Créer le compte', exact: true }).click();
  await card.getByLabel('Identifiant du nouveau compte').fill(account.username);
  await card.getByLabel('Mot de passe du nouveau compte (8 caractères au moins)').fill('court');
  await card.getByRole('button', { name: 'Continuer' }).click();
  // Too short a password: no confirmation, the field says why.
  await expect.poll(() => card.getByLabel('Mot de passe du nouveau compte (8 caractères au moins)').getAttribute('aria-invalid')).toBe('true');
  expect(await page.getByRole('dialog').count()).toBe(0);
  await card.getByLabel('Mot de passe du nouveau compte (8 caractères au moins)').fill(account.password);
  await card.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('dialog').getByRole('heading', { name: new RegExp(`^Créer un compte pour ${name}\\s\\?$`) }).waitFor();
  return confirmAndWait(page, new RegExp(`Le compte «\\s${account.username}\\s» sera créé pour ${name}`), 'Créer le compte',
    new RegExp(`Le compte «\\s${account.username}\\s» est créé pour ${name}`), 'provisional-confirm-create');
}
