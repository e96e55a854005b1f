// The demo hospital's downtime procedures ("fiches réflexes"), French first with an English
// translation of each. Review dates are relative to the seed time, so a fresh install always
// has a realistic mix: most reviewed within the year, two overdue for review.
import type { ProcedureBody } from '../../domain/schemas/procedure';
import { PHONE_LABELS_EN } from './contacts-phones';
import type { SeedProcedure, SeedTranslation } from './procedures-kit';
import type { ProcedureStep } from '../../domain/schemas/procedure';
import { PROCEDURES_IT_FR } from './procedures-it.fr';
import { PROCEDURES_CARE_FR } from './procedures-care.fr';
import { PROCEDURES_OPS_FR } from './procedures-ops.fr';
import { PROCEDURES_EN } from './procedures.en';

const DEMO_PROCEDURES_FR: readonly SeedProcedure[] = [...PROCEDURES_IT_FR, ...PROCEDURES_CARE_FR, ...PROCEDURES_OPS_FR];

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function monthsBefore(now: Date, months: number): Date {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), Math.min(now.getUTCDate(), 28)));
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/** A step in the fiche's language: its text, and its phones' labels where they have an English form. */
function translatedStep(s: ProcedureStep, text: string | undefined): ProcedureStep {
  const phones = s.phones?.map((ph) => (text ? { ...ph, label: PHONE_LABELS_EN[ph.label] ?? ph.label } : ph));
  return { ...s, text: text ?? s.text, ...(phones ? { phones } : {}) };
}

function toBody(p: SeedProcedure, now: Date, lang: 'fr' | 'en', tr?: SeedTranslation): ProcedureBody {
  const reviewed = monthsBefore(now, p.reviewedMonthsAgo);
  const next = monthsBefore(now, p.reviewedMonthsAgo - p.reviewEveryMonths);
  return {
    code: p.code,
    title: tr?.title ?? p.title,
    category: p.category,
    units: p.units,
    roles: p.roles,
    summary: tr?.summary ?? p.summary,
    steps: p.steps.map((s, i) => translatedStep(s, tr?.steps[i])),
    owner: tr?.owner ?? p.owner,
    reviewedAt: isoDay(reviewed),
    nextReviewAt: isoDay(next),
    lang,
  };
}

/** Every procedure body to seed: each French fiche, then its English translation. */
export function demoProcedures(now: Date): ProcedureBody[] {
  const out: ProcedureBody[] = [];
  for (const p of DEMO_PROCEDURES_FR) {
    out.push(toBody(p, now, 'fr'));
    const tr = PROCEDURES_EN.find((t) => t.code === p.code);
    if (tr) {
      if (tr.steps.length !== p.steps.length) throw new Error(`translation of ${p.code} has ${tr.steps.length} steps, not ${p.steps.length}`);
      out.push(toBody(p, now, 'en', tr));
    }
  }
  return out;
}
