// Form templates on the tablet: global documents, synced like everything else, so every form
// can be filled and printed offline. A response is always read with the exact version it names.
import { useLiveQuery } from 'dexie-react-hooks';
import { bodyOf } from '../../domain/doc-bodies';
import { canonicalOf, formKindOf, type Questionnaire } from '../../domain/questionnaire';
import { GLOBAL_SCOPE } from '../../domain/scope';
import { db, type DocRow, type ReleveDb } from '../db/schema';

export interface TemplateView {
  docId: string;
  template: Questionnaire;
  canonical: string;
  kind: string | null;
  retracted: boolean;
  createdAt: string;
}

const versionOrder = new Intl.Collator('en', { numeric: true });
const KIND_ORDER = ['handover', 'flowsheet', 'medication', 'requisition', 'transfer', 'admission'];

function toView(d: DocRow): TemplateView | null {
  const q = bodyOf(d, 'template');
  if (!q) return null;
  return { docId: d.docId, template: q, canonical: canonicalOf(q), kind: formKindOf(q), retracted: d.retracted, createdAt: d.firstAt };
}

/** `d`: the database a caller already reads (the ward board's, which the vault bench chooses). */
export async function loadTemplates(d: ReleveDb = db()): Promise<TemplateView[]> {
  const docs = await d.docs.where('[docType+scope]').equals(['template', GLOBAL_SCOPE]).toArray();
  return docs.map(toView).filter((v): v is TemplateView => v !== null);
}

/** Every version held, newest version of each template first. */
export function useAllTemplates(): TemplateView[] | undefined {
  return useLiveQuery(async () => {
    const all = await loadTemplates();
    return all.sort((a, b) => a.template.url.localeCompare(b.template.url) || versionOrder.compare(b.template.version, a.template.version));
  }, []);
}

/** What a nurse may start: the newest active, not retracted version of each template. */
export function latestVersions(all: readonly TemplateView[]): TemplateView[] {
  const byUrl = new Map<string, TemplateView>();
  for (const v of all) {
    if (v.retracted || v.template.status === 'retired') continue;
    const held = byUrl.get(v.template.url);
    if (!held || versionOrder.compare(v.template.version, held.template.version) > 0) byUrl.set(v.template.url, v);
  }
  const rank = (k: string | null) => (k && KIND_ORDER.includes(k) ? KIND_ORDER.indexOf(k) : KIND_ORDER.length);
  return [...byUrl.values()].sort((a, b) => rank(a.kind) - rank(b.kind) || a.template.title.localeCompare(b.template.title, 'fr'));
}

export function useTemplates(): TemplateView[] | undefined {
  return useLiveQuery(async () => latestVersions(await loadTemplates()), []);
}

export async function findTemplateByCanonical(canonical: string): Promise<TemplateView | undefined> {
  return (await loadTemplates()).find((v) => v.canonical === canonical);
}

export function useTemplate(docId: string): TemplateView | null | undefined {
  return useLiveQuery(async () => {
    const d = await db().docs.get(docId);
    return d && d.docType === 'template' ? toView(d) : null;
  }, [docId]);
}

/** The newest version of the template of a given kind (e.g. the admission form). */
export function useTemplateOfKind(kind: string): TemplateView | null | undefined {
  return useLiveQuery(async () => latestVersions(await loadTemplates()).find((v) => v.kind === kind) ?? null, [kind]);
}
