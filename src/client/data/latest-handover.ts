// The latest handover of a patient: its severity, open actions and when it was written. Kept
// apart from the ward lists that use it (ward.ts, handover.ts) so neither imports the other.
import {
  isHandoverTemplate, openActionsOf, severityOf, type HandoverAction, type QuestionnaireResponse, type Severity,
} from '../../domain/questionnaire';
import type { Annotation, DocState } from '../../domain/project';
import { isReceiverSynthesis } from '../../domain/schemas/form';
import type { ReleveDb } from '../db/schema';
import { currentResponse } from './forms';
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
export async function handoverCanonicals(): Promise<Map<string, string>> {
  const all = await loadTemplates();
  return new Map(all.filter((t) => isHandoverTemplate(t.template)).map((t) => [t.canonical, t.template.title]));
}

/** The patient's most recent handover that is not marked entered in error. */
export async function latestHandover(d: ReleveDb, patientId: string, canonicals?: Map<string, string>): Promise<LatestHandover | null> {
  const handovers = canonicals ?? (await handoverCanonicals());
  const forms = await d.docs.where('[patientKey+docType]').equals([patientId, 'form']).toArray();
  let best: LatestHandover | null = null;
  for (const doc of forms) {
    const response = currentResponse(doc);
    if (!response || doc.retracted || !handovers.has(response.questionnaire)) continue;
    const writtenAt = doc.history[doc.history.length - 1]?.createdAt ?? doc.firstAt;
    if (best && best.writtenAt >= writtenAt) continue;
    best = {
      doc,
      response,
      title: handovers.get(response.questionnaire)!,
      severity: severityOf(response),
      openActions: openActionsOf(response),
      writtenAt,
      writtenBy: doc.history[doc.history.length - 1]?.author.name ?? '',
      confirmations: doc.addenda.filter((a) => isReceiverSynthesis(a.body)),
    };
  }
  return best;
}

