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

export function applyTransaction(server: FhirServer, bundle: ExportBundle): { created: number } {
  let created = 0;
  let n = server.resources.size;
  for (const e of bundle.entry) {
    const type = e.resource.resourceType;
    if (e.request.method === 'PUT') {
      if (!server.resources.has(e.request.url)) created++;
      server.resources.set(e.request.url, e.resource);
      continue;
    }
    const wanted = e.request.ifNoneExist?.replace(/^identifier=/, '');
    const exists = wanted !== undefined && [...server.resources.entries()].some(([k, r]) => k.startsWith(`${type}/`) && identifiers(r).includes(wanted));
    if (exists) continue;
    server.resources.set(`${type}/${++n}`, e.resource);
    created++;
  }
  return { created };
}
