// The handover conventions shared by the SAED and I-PASS templates (and any imported handover
// that follows them): a template is a handover when its `code` says so, the patient's severity is
// the answer to the item 'severity', and open actions are the rows of 'actions' not ticked done.
import type { Coding, Questionnaire, QuestionnaireResponse, ResponseItem } from './types';

const FORM_KIND_SYSTEM = 'https://releve.example/fhir/CodeSystem/form-kind';
export const SEVERITY_SYSTEM = 'https://releve.example/fhir/CodeSystem/illness-severity';
const SEVERITIES = ['stable', 'watcher', 'unstable'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const HANDOVER_LINK_IDS = {
  severity: 'severity',
  actions: 'actions',
  action: 'action-text',
  owner: 'action-owner',
  due: 'action-due',
  done: 'action-done',
} as const;

export function formKindCoding(kind: string): Coding {
  return { system: FORM_KIND_SYSTEM, code: kind };
}

export function formKindOf(q: Pick<Questionnaire, 'code'>): string | null {
  return q.code?.find((c) => c.system === FORM_KIND_SYSTEM)?.code ?? null;
}

export function isHandoverTemplate(q: Pick<Questionnaire, 'code'>): boolean {
  return formKindOf(q) === 'handover';
}

function* allItems(items: readonly ResponseItem[] | undefined): Generator<ResponseItem> {
  for (const i of items ?? []) {
    yield i;
    yield* allItems(i.item);
  }
}

export function severityOf(r: Pick<QuestionnaireResponse, 'item'> | null | undefined): Severity | null {
  for (const i of allItems(r?.item)) {
    if (i.linkId !== HANDOVER_LINK_IDS.severity) continue;
    const code = i.answer?.[0]?.valueCoding?.code;
    if (SEVERITIES.includes(code as Severity)) return code as Severity;
  }
  return null;
}

export interface HandoverAction {
  action: string;
  owner: string | null;
  due: string | null;
  done: boolean;
}

function actionsOf(r: Pick<QuestionnaireResponse, 'item'> | null | undefined): HandoverAction[] {
  const rows = [...allItems(r?.item)].filter((i) => i.linkId === HANDOVER_LINK_IDS.actions);
  return rows.flatMap((row) => {
    const answer = (id: string) => row.item?.find((c) => c.linkId === id)?.answer?.[0];
    const action = answer(HANDOVER_LINK_IDS.action)?.valueString;
    if (!action) return [];
    const due = answer(HANDOVER_LINK_IDS.due);
    return [{
      action,
      owner: answer(HANDOVER_LINK_IDS.owner)?.valueString ?? null,
      due: due?.valueDateTime ?? due?.valueTime ?? null,
      done: answer(HANDOVER_LINK_IDS.done)?.valueBoolean === true,
    }];
  });
}

export function openActionsOf(r: Pick<QuestionnaireResponse, 'item'> | null | undefined): HandoverAction[] {
  return actionsOf(r).filter((a) => !a.done);
}
