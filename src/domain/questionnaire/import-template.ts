// Importing a Questionnaire written elsewhere, honestly:
// - a file that is not an R4 Questionnaire is refused with the reason;
// - a missing url, version or title is asked of the admin (with proposals), never refused;
// - a value set outside the file is asked of the admin as its own ValueSet file;
// - whatever lies outside what the engine runs is left out and reported, grouped by effect
//   (import-report.ts); a line that changes what the form means refuses the import until the
//   admin accepts it, line by line.
import type { z } from 'zod';
import type { FormsEngine } from './expressions';
import { ROOT_EXTENSIONS } from './extensions';
import {
  cleanCoding, cleanConditions, cleanExtensions, cleanItem, cleanTranslatable, isObject, type ItemContext,
} from './import-items';
import { collapseReport, META_ROOT_ATTRIBUTES, type ReportLine } from './import-report';
import { missingMetadata, notR4Reason, type Metadata, type MetadataNeed } from './import-version';
import type { TemplateIssue } from './template-issues';
import { isBlocking } from './template-issues';
import { templateProblems } from './template-problems';
import type { Questionnaire } from './types';

const ROOT_KEYS = new Set(['resourceType', 'id', 'url', 'version', 'name', 'title', 'status', 'date', 'publisher', 'description', 'language', 'subjectType']);

/** Where proposed urls live when a file has none. */
const IMPORTED_TEMPLATE_BASE = 'https://releve.example/fhir/Questionnaire/imported/';

export interface ImportOptions {
  /** Needed to check expressions and units: without it, they are kept unchecked. */
  engine?: FormsEngine;
  /** What the admin typed for a missing url, version or title. */
  metadata?: Metadata;
  /** ValueSet resources the admin gave as files, for answerValueSets outside the file. */
  valueSets?: readonly unknown[];
  /** Keys of the meaning-changing report lines the admin accepts. */
  accepted?: readonly string[];
}

export interface ImportResult {
  /** The template as it would be saved; absent while anything below stands in the way. */
  template?: Questionnaire;
  /** What is left out, grouped by effect, repeats collapsed. */
  report: ReportLine[];
  /** What prevents saving (including each meaning-changing line not yet accepted). */
  blocking: TemplateIssue[];
  /** url / version / title to ask for, with proposals. */
  missing: MetadataNeed[];
  /** answerValueSet urls whose ValueSet file the admin can give. */
  valueSetsNeeded: string[];
}

const refused = (code: TemplateIssue['code'], name?: string): ImportResult => ({
  report: [], blocking: [{ code, ...(name ? { name } : {}) }], missing: [], valueSetsNeeded: [],
});

function parse(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input);
  } catch {
    return undefined;
  }
}

export function importQuestionnaire(input: string | unknown, templateSchema: z.ZodType, opts: ImportOptions = {}): ImportResult {
  const json = parse(input);
  if (json === undefined) return refused('notJson');
  if (!isObject(json) || json.resourceType !== 'Questionnaire') return refused('notQuestionnaire');
  const reason = notR4Reason(json);
  if (reason) return refused('notR4', reason);

  const ctx: ItemContext = {
    out: [], dropped: new Set(), contained: Array.isArray(json.contained) ? json.contained : [], given: opts.valueSets ?? [],
    keptValueSets: [], keptIds: new Map(), valueSetsNeeded: new Set(), ...(opts.engine ? { engine: opts.engine } : {}),
  };
  const root: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(json)) {
    if (k === '_title') {
      const t = cleanTranslatable(v, null, ctx);
      if (t) root._title = t;
    } else if (k === 'code') root.code = Array.isArray(v) ? v.map((c) => cleanCoding(c, null, ctx)) : v;
    else if (k === 'extension') {
      const kept = cleanExtensions(v, null, ctx, ROOT_EXTENSIONS);
      if (kept.length > 0) root.extension = kept;
    } else if (k === 'modifierExtension') ctx.out.push({ effect: 'meaning', code: 'modifierExtension', name: 'modifierExtension' });
    else if (ROOT_KEYS.has(k)) root[k] = v;
    else if (k !== 'item' && k !== 'contained') ctx.out.push({ effect: META_ROOT_ATTRIBUTES.has(k) ? 'metadata' : 'meaning', code: 'rootAttribute', name: k });
  }
  const missing = missingMetadata(json, IMPORTED_TEMPLATE_BASE).filter((m) => !opts.metadata?.[m.field]?.trim());
  for (const [k, v] of Object.entries(opts.metadata ?? {})) if (v?.trim() && !(typeof root[k] === 'string' && (root[k] as string).trim())) root[k] = v.trim();

  root.item = (Array.isArray(json.item) ? json.item : []).filter(isObject).map((i) => cleanItem(i, ctx)).filter((i) => i !== null);
  cleanConditions(root.item as Record<string, unknown>[], ctx);
  if (ctx.keptValueSets.length > 0) root.contained = ctx.keptValueSets;

  const report = collapseReport(ctx.out);
  const result = { report, missing, valueSetsNeeded: [...ctx.valueSetsNeeded] };
  const accepted = new Set(opts.accepted ?? []);
  const unaccepted = report.filter((l) => l.effect === 'meaning' && !accepted.has(l.key));
  const pending: TemplateIssue[] = unaccepted.map((l) => ({ code: 'meaningNotAccepted', name: l.key }));
  if (missing.length > 0) return { ...result, blocking: pending };

  const parsed = templateSchema.safeParse(root);
  if (!parsed.success) {
    const blocking = parsed.error.issues.map<TemplateIssue>((i) => {
      const known = i.message.match(/^\[(\w+)\](?: (.*))?$/);
      if (known) return { code: known[1] as TemplateIssue['code'], ...(known[2] ? { linkId: known[2] } : {}) };
      // The admin reads codes in their language, never zod's English: only the path is named.
      return { code: 'badShape', name: i.path.join('.') };
    });
    return { ...result, blocking: [...blocking, ...pending] };
  }
  const template = parsed.data as Questionnaire;
  const blocking = [...templateProblems(template).filter((p) => isBlocking(p.code)), ...pending];
  return blocking.length > 0 ? { ...result, blocking } : { ...result, template, blocking: [] };
}
