// The procedure library ("fiches réflexes") on the tablet: one procedure per code, in the
// reader's language when it has been translated.
import type { ProcedureBody } from '../../domain/schemas/procedure';
import { pickTranslations } from '../../domain/downtime/library';
import { useReference, useReferenceDoc, type ReferenceView } from './reference';

export type ProcedureView = ReferenceView<ProcedureBody>;

export function useProcedures(lang: 'fr' | 'en'): ProcedureView[] | undefined {
  const all = useReference<ProcedureBody>('procedure');
  if (!all) return undefined;
  return pickTranslations(all, lang).sort((a, b) => (a.body.code ?? a.body.title).localeCompare(b.body.code ?? b.body.title, 'fr', { numeric: true }));
}

/** Every language version of a procedure's code, so the reader can switch language on the page. */
export function useProcedureTranslations(code: string | undefined): ProcedureView[] {
  const all = useReference<ProcedureBody>('procedure');
  if (!code || !all) return [];
  return all.filter((p) => p.body.code === code);
}

export function useProcedure(docId: string): ProcedureView | null | undefined {
  return useReferenceDoc<ProcedureBody>(docId, 'procedure');
}
