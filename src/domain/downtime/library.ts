// Finding things in the reference content with no network: the procedure library (search,
// ward, category, overdue review, language) and the directory (search, dialable numbers).
import type { ContactBody, Phone } from '../schemas/contact';
import type { ProcedureBody } from '../schemas/procedure';

/** Accents and case ignored: "pharmacie" finds "Pharmacie", "securite" finds "Sécurité". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Every word of the query is somewhere in the haystack, accents and case ignored. */
export function matchesWords(haystack: string, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const folded = fold(haystack);
  return words.every((w) => folded.includes(w));
}

export function matchesProcedure(p: ProcedureBody, query: string): boolean {
  return matchesWords([p.code ?? '', p.title, p.summary, ...p.steps.map((s) => s.text)].join(' '), query);
}

/** A procedure for 'all' applies to every ward. */
export function appliesToUnit(p: Pick<ProcedureBody, 'units'>, unitCode: string): boolean {
  return p.units === 'all' || p.units.includes(unitCode);
}

/** Overdue once the review date has passed; `today` is a calendar date, YYYY-MM-DD. */
export function isReviewOverdue(p: Pick<ProcedureBody, 'nextReviewAt'>, today: string): boolean {
  return p.nextReviewAt < today;
}

/** The local calendar date of an instant, YYYY-MM-DD (a review is due on a day, not at an hour). */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface Translatable {
  docId: string;
  body: Pick<ProcedureBody, 'code' | 'lang'>;
}

/**
 * One procedure per code, in the reader's language when that translation exists, else the
 * French one (the reference text). Procedures without a code stand alone.
 */
export function pickTranslations<T extends Translatable>(items: readonly T[], lang: 'fr' | 'en'): T[] {
  const byCode = new Map<string, T[]>();
  const alone: T[] = [];
  for (const item of items) {
    const code = item.body.code;
    if (!code) alone.push(item);
    else byCode.set(code, [...(byCode.get(code) ?? []), item]);
  }
  const picked = [...byCode.values()].map(
    (group) => group.find((i) => i.body.lang === lang) ?? group.find((i) => i.body.lang === 'fr') ?? group[0]!,
  );
  return [...picked, ...alone];
}

export function matchesContact(c: ContactBody, query: string): boolean {
  return matchesWords([c.name, c.role, c.service, c.notes, c.unitCode ?? '', ...c.phones.flatMap((p) => [p.label, p.number])].join(' '), query);
}

/** A tel: link for what can be dialled; radio channels and runners get none. */
export function telHref(phone: Phone): string | null {
  if (phone.kind === 'radio' || phone.kind === 'runner') return null;
  const digits = phone.number.replace(/[\s.\-()]/g, '');
  return /^\+?\d{2,15}$/.test(digits) ? `tel:${digits}` : null;
}

/** Emergency numbers first, then who is on call, then every other contact by service and name. */
export function directoryOrder(contacts: readonly ContactBody[]): ContactBody[] {
  const rank = (c: ContactBody) => (c.emergency ? 0 : c.onCall ? 1 : 2);
  return [...contacts].sort((a, b) => rank(a) - rank(b) || a.service.localeCompare(b.service, 'fr') || a.name.localeCompare(b.name, 'fr'));
}
