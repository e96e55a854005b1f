// Reading a FHIR server's answer to the export (a transaction-response Bundle) back onto Relève
// documents: the answer's entries come in the order of the request's, so each Relève document
// gets the locations its resources were given. Provenance entries name no document of their own.
import type { ExportBundle, BundleEntry } from './bundle';

export interface DocumentAnswer {
  docId: string;
  /** Where the FHIR server keeps its resources (Type/id/_history/n), in bundle order. */
  locations: string[];
}

const UUID = /^urn:uuid:([0-9a-f-]{36})$/;

/** The Relève document an exported resource comes from; null for a Provenance. */
function documentOf(entry: BundleEntry): string | null {
  const r = entry.resource as Record<string, unknown>;
  switch (r.resourceType) {
    case 'QuestionnaireResponse':
      return (r.identifier as { value: string }).value;
    case 'DocumentReference':
      return (r.identifier as { value: string }[])[0]!.value;
    case 'Observation':
      return UUID.exec((r.derivedFrom as { reference: string }[])[0]!.reference)?.[1] ?? null;
    case 'Patient':
      return UUID.exec(entry.fullUrl)?.[1] ?? null;
    default:
      return null;
  }
}

interface AnswerEntry {
  response?: { status?: unknown; location?: unknown };
}

/** Per document, the locations the server answered; a document with no location still counts as sent. */
export function documentAnswers(sent: ExportBundle, answer: unknown): DocumentAnswer[] {
  const answered = ((answer as { entry?: unknown } | null)?.entry ?? []) as AnswerEntry[];
  const out = new Map<string, string[]>();
  sent.entry.forEach((entry, i) => {
    const docId = documentOf(entry);
    if (docId === null) return;
    const location = answered[i]?.response?.location;
    const list = out.get(docId) ?? [];
    if (typeof location === 'string' && location !== '') list.push(location);
    out.set(docId, list);
  });
  return [...out].map(([docId, locations]) => ({ docId, locations }));
}

/** What the server answers after sending the export to the main record: the wire shape the tablet reads. */
export interface SendAnswer {
  url: string;
  sentAt: string;
  /** The FHIR server's HTTP status; null when it could not be reached. */
  status: number | null;
  ok: boolean;
  /** A short account of the answer: the OperationOutcome's text, or the network error. */
  outcome: string;
  documents: DocumentAnswer[];
}
