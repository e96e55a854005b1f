// Saving an imported template: apart from templates.ts, which the ward board reads (which
// templates are handovers), so the write path is loaded with the import screen (issue 15).
import { canonicalOf, type Questionnaire } from '../../domain/questionnaire';
import { GLOBAL_SCOPE } from '../../domain/scope';
import { InvalidEntryError } from '../db/append';
import { createDoc } from './documents';
import { findTemplateByCanonical } from './templates';

/** Saves an imported template. A url|version already held is refused: a new version needs a new number. */
export async function saveTemplate(q: Questionnaire): Promise<string> {
  if (await findTemplateByCanonical(canonicalOf(q))) throw new InvalidEntryError(`template ${canonicalOf(q)} already exists`);
  const { doc } = await createDoc('template', GLOBAL_SCOPE, q);
  return doc.docId;
}
