// The French strings of every screen but the first ones (fr.ts): their own chunk, loaded before
// any of those screens is shown (loadScreenStrings, awaited by app/lazy-page.tsx) and, like the
// screens, once the first screen is painted. Precached by the service worker like every chunk.
import { formsFr } from './forms.fr';
import { importFr } from './import.fr';
import { printFr } from './print.fr';
import { downtimeFr } from './downtime.fr';
import { checklistFr } from './checklist.fr';
import { recoveryFr } from './recovery.fr';
import { notesFr } from './notes.fr';
import { hisFr } from './his.fr';
import { enrolFr } from './enrol.fr';
import { provisionalFr } from './provisional.fr';
import { flowsheetFr } from './flowsheet.fr';
import { settingsFr } from './settings.fr';

export const screensFr = {
  ...formsFr,
  ...flowsheetFr,
  ...importFr,
  ...printFr,
  ...notesFr,
  ...downtimeFr,
  ...checklistFr,
  ...recoveryFr,
  ...hisFr,
  ...enrolFr,
  ...provisionalFr,
  ...settingsFr,
};

export type ScreensCatalog = typeof screensFr;
