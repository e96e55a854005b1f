// Is the file an R4 Questionnaire at all, and what should it be called? A file of another FHIR
// version is refused with the reason (an STU3 form would "import" with no questions); a missing
// url, version or title is asked of the admin, with a proposal drawn from the file's id and name.
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why this Questionnaire is not FHIR R4 (stu3Option, stu3Initial, r5Type...), or null. */
export function notR4Reason(q: Json): string | null {
  if (q.status === undefined) return 'missingStatus';
  if (!['draft', 'active', 'retired', 'unknown'].includes(String(q.status))) return 'badStatus';
  if (q.versionAlgorithmString !== undefined || q.versionAlgorithmCoding !== undefined) return 'r5Root';
  let reason: string | null = null;
  const walk = (items: unknown) => {
    for (const item of Array.isArray(items) ? items : []) {
      if (!isObject(item) || reason) continue;
      if (item.option !== undefined || item.options !== undefined) reason = 'stu3Option';
      else if (Object.keys(item).some((k) => /^initial[A-Z]/.test(k))) reason = 'stu3Initial';
      else if ((Array.isArray(item.enableWhen) ? item.enableWhen : []).some((c) => isObject(c) && c.hasAnswer !== undefined)) reason = 'stu3Condition';
      else if (item.type === 'coding' || item.type === 'question') reason = 'r5Type';
      else if (item.answerConstraint !== undefined || item.disabledDisplay !== undefined) reason = 'r5Attribute';
      walk(item.item);
    }
  };
  walk(q.item);
  return reason;
}

type MetadataField = 'url' | 'version' | 'title';

export interface MetadataNeed {
  field: MetadataField;
  /** What the admin is offered, from the file's id and name. */
  proposal: string;
}

export type Metadata = Partial<Record<MetadataField, string>>;

const words = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').trim();
const slug = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The url, version and title the file lacks, each with a proposal. */
export function missingMetadata(q: Json, base: string): MetadataNeed[] {
  const text = (k: string) => (typeof q[k] === 'string' && (q[k] as string).trim() !== '' ? (q[k] as string).trim() : undefined);
  const name = text('name') ?? text('id');
  const title = text('title');
  const out: MetadataNeed[] = [];
  if (!text('url')) out.push({ field: 'url', proposal: base + (slug(text('id') ?? name ?? title ?? 'questionnaire') || 'questionnaire') });
  if (!text('version')) out.push({ field: 'version', proposal: typeof q.date === 'string' ? q.date.slice(0, 10) : '1' });
  if (!title) out.push({ field: 'title', proposal: name ? words(name) : '' });
  return out;
}
