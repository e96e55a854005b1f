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

/** Links her to the account found by `search` and named `accountName`; returns what the confirmation said. */
export async function linkOnScreen(page: Page, name: string, search: string, accountName: string): Promise<string> {
  const card = accountCard(page, name);
  await card.getByRole('button', { name: 'Rattacher à un compte existant' }).click();
  await card.getByLabel('Chercher un compte (nom, identifiant, service)').fill(search);
  await card.getByRole('radio', { name: new RegExp(`^${accountName} ·`) }).check();
  await screenshot(page, 'provisional-link-picker');
  await card.getByRole('button', { name: 'Continuer' }).click();
  return confirmAndWait(page, new RegExp(`au compte de ${accountName}`), 'Rattacher', new RegExp(`${name} est rattachée au compte de ${accountName}`), 'provisional-confirm-link');
}
