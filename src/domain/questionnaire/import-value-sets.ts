// answerValueSet on import: the value set becomes the item's options. A contained one ("#id",
// or a url a contained ValueSet carries) is read from the file; any other must be given by the
// admin as its own ValueSet file, which is then kept in the template's `contained`.
// Every kept value set is referenced: each option taken from it names it on its Coding (FHIR's
// valueset-reference extension, `#id`), so the template stays valid FHIR (a contained resource
// must be referred to) and says where each option came from.
// Only enumerated value sets can be read offline: an expansion, or compose.include.concept lists.
import { EXT, OPTION_EXTENSIONS } from './extensions';
import type { AnswerOption, Extension, ValueSet } from './types';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export type ValueSetLookup =
  | { options: AnswerOption[]; valueSet: ValueSet; external: boolean }
  | { missing: true }
  | { notExpandable: true };

function codesOf(vs: Json): AnswerOption[] | null {
  const expansion = isObject(vs.expansion) ? vs.expansion : null;
  if (expansion && Array.isArray(expansion.contains)) {
    const out: AnswerOption[] = [];
    const walk = (list: unknown[]) => {
      for (const c of list) {
        if (!isObject(c)) continue;
        if (typeof c.code === 'string') out.push(option(c.system, c.code, c.display, c.extension));
        if (Array.isArray(c.contains)) walk(c.contains);
      }
    };
    walk(expansion.contains);
    return out.length > 0 ? out : null;
  }
  const compose = isObject(vs.compose) ? vs.compose : null;
  const includes = compose && Array.isArray(compose.include) ? compose.include : [];
  if (includes.length === 0 || (compose && Array.isArray(compose.exclude) && compose.exclude.length > 0)) return null;
  const out: AnswerOption[] = [];
  for (const inc of includes) {
    // A filter or a whole code system needs a terminology server: not readable offline.
    if (!isObject(inc) || !Array.isArray(inc.concept) || inc.filter !== undefined || inc.valueSet !== undefined) return null;
    for (const c of inc.concept) if (isObject(c) && typeof c.code === 'string') out.push(option(inc.system, c.code, c.display, c.extension));
  }
  return out.length > 0 ? out : null;
}

/** One option; a concept's score (itemWeight / ordinalValue) moves onto the option, where SDC reads it. */
function option(system: unknown, code: string, display: unknown, extension?: unknown): AnswerOption {
  const scores = (Array.isArray(extension) ? extension : []).filter((e) => isObject(e) && OPTION_EXTENSIONS.has(String(e.url)));
  return {
    valueCoding: {
      ...(typeof system === 'string' ? { system } : {}),
      code,
      ...(typeof display === 'string' ? { display } : {}),
    },
    ...(scores.length > 0 ? { extension: scores as Extension[] } : {}),
  };
}

/** The options of `ref`, looked up in the file's contained resources, then in the admin's files. */
export function lookUpValueSet(ref: string, contained: readonly unknown[], given: readonly unknown[]): ValueSetLookup {
  const bare = ref.split('|')[0]!;
  const inFile = contained.find((r) => isObject(r) && r.resourceType === 'ValueSet' && (`#${String(r.id)}` === ref || r.url === bare));
  const fromAdmin = inFile ? undefined : given.find((r) => isObject(r) && r.resourceType === 'ValueSet' && r.url === bare);
  const vs = (inFile ?? fromAdmin) as Json | undefined;
  if (!vs) return { missing: true };
  const options = codesOf(vs);
  if (!options) return { notExpandable: true };
  return { options, valueSet: slim(vs, options), external: !inFile };
}

/** A FHIR id for a kept value set: its own, else one made from its url, unique in the template. */
export function containedId(vs: ValueSet, taken: ReadonlySet<string>): string {
  const own = vs.id && /^[A-Za-z0-9.-]{1,64}$/.test(vs.id) ? vs.id : undefined;
  const fromUrl = (vs.url ?? '').split(/[/#|]/).filter(Boolean).pop()?.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 60);
  const base = own ?? (fromUrl || 'vs');
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 60)}-${n}`;
  return id;
}

/** The options, each naming the contained value set it came from. */
export function referencing(options: readonly AnswerOption[], id: string): AnswerOption[] {
  const ref = { url: EXT.valueSetReference, valueUri: `#${id}` };
  return options.map((o) => ({ ...o, valueCoding: { ...o.valueCoding!, extension: [ref] } }));
}

/** What the template keeps of a value set: who it is and its codes, as enumerated concepts. */
function slim(vs: Json, options: AnswerOption[]): ValueSet {
  const bySystem = new Map<string, { code: string; display?: string }[]>();
  for (const o of options) {
    const c = o.valueCoding!;
    const list = bySystem.get(c.system ?? '') ?? [];
    list.push({ code: c.code!, ...(c.display ? { display: c.display } : {}) });
    bySystem.set(c.system ?? '', list);
  }
  return {
    resourceType: 'ValueSet',
    ...(typeof vs.id === 'string' ? { id: vs.id } : {}),
    ...(typeof vs.url === 'string' ? { url: vs.url } : {}),
    status: typeof vs.status === 'string' ? vs.status : 'unknown',
    compose: { include: [...bySystem].map(([system, concept]) => ({ ...(system ? { system } : {}), concept })) },
  };
}
