// The part of a FHIR server's transaction processing the export relies on, to show idempotency:
// a POST with ifNoneExist creates only when no resource of that type holds the identifier, a PUT
// creates or replaces the resource of that id. Nothing else of FHIR is modelled.
import type { ExportBundle } from '../../../src/domain/recovery/fhir/bundle';

export interface FhirServer {
  resources: Map<string, Record<string, unknown>>;
}

export const emptyFhirServer = (): FhirServer => ({ resources: new Map() });

function identifiers(r: Record<string, unknown>): string[] {
  const list = [r.identifier, r.masterIdentifier].flatMap((x) => (Array.isArray(x) ? x : x ? [x] : [])) as { system: string; value: string }[];
  return list.map((i) => `${i.system}|${i.value}`);
}

/** One answer per request entry, in order, as a transaction-response gives them. */
export interface EntryAnswer {
  status: string;
  location: string;
}

export function applyTransaction(server: FhirServer, bundle: ExportBundle): { created: number; answers: EntryAnswer[] } {
  let created = 0;
  let n = server.resources.size;
  const answers: EntryAnswer[] = [];
  for (const e of bundle.entry) {
    const type = e.resource.resourceType;
    if (e.request.method === 'PUT') {
      const isNew = !server.resources.has(e.request.url);
      if (isNew) created++;
      server.resources.set(e.request.url, e.resource);
      answers.push({ status: isNew ? '201 Created' : '200 OK', location: `${e.request.url}/_history/1` });
      continue;
    }
    const wanted = e.request.ifNoneExist?.replace(/^identifier=/, '');
    const existing = wanted === undefined ? undefined : [...server.resources.entries()].find(([k, r]) => k.startsWith(`${type}/`) && identifiers(r).includes(wanted));
    if (existing) {
      answers.push({ status: '200 OK', location: `${existing[0]}/_history/1` });
      continue;
    }
    server.resources.set(`${type}/${++n}`, e.resource);
    answers.push({ status: '201 Created', location: `${type}/${n}/_history/1` });
    created++;
  }
  return { created, answers };
}
