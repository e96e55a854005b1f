// Sending the recovery export to the main record: one POST of the transaction Bundle to its FHIR
// endpoint (RELEVE_FHIR_EXPORT_URL). The answer is read back onto Relève documents (which
// resource went where), so the worklist can record, per document, what the main record said.
// Sending twice is harmless: every resource is a conditional create on its Relève identifier.
import type { ExportBundle } from '../../domain/recovery/fhir/bundle';
import { documentAnswers, type SendAnswer } from '../../domain/recovery/fhir/answer';

export type { SendAnswer };

const TIMEOUT_MS = 60_000;

function outcomeText(body: unknown): string {
  const b = body as { resourceType?: unknown; issue?: { diagnostics?: unknown; details?: { text?: unknown } }[] } | null;
  if (b?.resourceType !== 'OperationOutcome') return '';
  return (b.issue ?? []).map((i) => String(i.diagnostics ?? i.details?.text ?? '')).filter(Boolean).join('; ').slice(0, 1000);
}

export async function sendExport(url: string, bundle: ExportBundle, now: () => Date): Promise<SendAnswer> {
  const sentAt = now().toISOString();
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json', accept: 'application/fhir+json' },
      body: JSON.stringify(bundle),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    return { url, sentAt, status: null, ok: false, outcome: err instanceof Error ? err.message : String(err), documents: [] };
  }
  const body: unknown = await res.json().catch(() => null);
  const isResponse = (body as { resourceType?: unknown; type?: unknown } | null)?.type === 'transaction-response';
  return {
    url, sentAt, status: res.status, ok: res.ok && isResponse,
    outcome: res.ok && isResponse ? `HTTP ${res.status}` : `HTTP ${res.status} ${outcomeText(body)}`.trim(),
    documents: res.ok && isResponse ? documentAnswers(bundle, body) : [],
  };
}
