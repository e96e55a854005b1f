// The latest handover of each patient: its severity, open actions and when it was written. Kept
// apart from the ward lists that use it (ward.ts, handover.ts) so neither imports the other.
//
// Few awaits on purpose: these run inside live queries, and Dexie follows a live query across
// native awaits only for a limited number of echoes. One query for a whole ward's forms keeps
// every read tracked, so a handover pulled or confirmed later shows without a reload.
import {
  isHandoverTemplate, openActionsOf, severityOf, type HandoverAction, type QuestionnaireResponse, type Severity,
} from '../../domain/questionnaire';
import { bodyOf } from '../../domain/doc-bodies';
import type { Annotation, DocState } from '../../domain/project';
import { isReceiverSynthesis } from '../../domain/schemas/receiver-synthesis';
import { unitScope } from '../../domain/scope';
import type { DocRow, ReleveDb } from '../db/schema';
import { loadTemplates } from './templates';

export interface LatestHandover {
  doc: DocState;
  response: QuestionnaireResponse;
  title: string;
  severity: Severity | null;
  openActions: HandoverAction[];
  writtenAt: string;
  writtenBy: string;
  confirmations: Annotation[];
}

/** url|version -> title of every handover template held. */
async function handoverCanonicals(d: ReleveDb): Promise<Map<string, string>> {
  const all = await loadTemplates(d);
  return new Map(all.filter((t) => isHandoverTemplate(t.template)).map((t) => [t.canonical, t.template.title]));
}

/** From a set of form documents, each patient's most recent handover not marked entered in error. */
function latestHandoversAmong(forms: readonly DocRow[], canonicals: Map<string, string>): Map<string, LatestHandover> {
  const best = new Map<string, LatestHandover>();
  for (const doc of forms) {
    const response = bodyOf(doc, 'form');
    if (!response || doc.retracted || !doc.patientId || !canonicals.has(response.questionnaire)) continue;
    const last = doc.history[doc.history.length - 1];
    const writtenAt = last?.createdAt ?? doc.firstAt;
    const held = best.get(doc.patientId);
    // Device clocks only order for display; on a tie the later id (UUIDv7) wins, the same on every tablet.
    if (held && (held.writtenAt > writtenAt || (held.writtenAt === writtenAt && held.doc.docId > doc.docId))) continue;
    best.set(doc.patientId, {
      doc,
      response,
      title: canonicals.get(response.questionnaire)!,
      severity: severityOf(response),
      openActions: openActionsOf(response),
      writtenAt,
      writtenBy: last?.author.name ?? '',
      confirmations: doc.addenda.filter((a) => isReceiverSynthesis(a.body)),
    });
  }
  return best;
}

/** Every patient's latest handover in one ward: two reads, asked for together. */
export async function latestHandoversOfUnit(d: ReleveDb, unitCode: string): Promise<Map<string, LatestHandover>> {
  const [canonicals, forms] = await Promise.all([
    handoverCanonicals(d),
    d.docs.where('[docType+scope]').equals(['form', unitScope(unitCode)]).toArray(),
  ]);
  return latestHandoversAmong(forms, canonicals);
}
