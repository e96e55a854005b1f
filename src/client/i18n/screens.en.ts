// The English strings of every screen but the first ones (see screens.fr.ts).
import type { ScreensCatalog } from './screens.fr';
import { formsEn } from './forms.en';
import { importEn } from './import.en';
import { printEn } from './print.en';
import { downtimeEn } from './downtime.en';
import { checklistEn } from './checklist.en';
import { recoveryEn } from './recovery.en';
import { notesEn } from './notes.en';
import { hisEn } from './his.en';
import { enrolEn } from './enrol.en';
import { provisionalEn } from './provisional.en';
import { flowsheetEn } from './flowsheet.en';
import { settingsEn } from './settings.en';

export const screensEn: ScreensCatalog = {
  ...formsEn,
  ...flowsheetEn,
  ...importEn,
  ...printEn,
  ...notesEn,
  ...downtimeEn,
  ...checklistEn,
  ...recoveryEn,
  ...hisEn,
  ...enrolEn,
  ...provisionalEn,
  ...settingsEn,
};
