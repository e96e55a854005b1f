// GET /api/recovery/export?downtime=<id>[&unit=<code>][&patient=<docId>]: the episode as a FHIR R4
// transaction Bundle, for the recovery team (any ward it holds), a charge nurse (her own wards)
// and the crisis cell. Offered as a file download: Content-Disposition names the episode.
// POST /api/recovery/export/send (the same query as a JSON body): the same Bundle sent to the main
// record (RELEVE_FHIR_EXPORT_URL, send-export.ts); the answer goes back to the worklist.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { uuidV7Schema } from '../../domain/entry';
import { buildExportBundle, type ExportBundle } from '../../domain/recovery/fhir/bundle';
import { RECOVERY_ROLES } from '../../domain/recovery/back-entry';
import { canRead, readableScopes, unitScope } from '../../domain/scope';
import { parseRequest } from '../http/parse-body';
import { replyError } from '../http/reply-error';
import { sessionOf } from '../http/session';
import type { RouteContext } from '../routes/context';
import { entriesInScopes, findDocCreate } from '../store/entries';
import { sendExport } from './send-export';

const exportQuerySchema = z.strictObject({
  downtime: uuidV7Schema,
  unit: z.string().regex(/^[A-Z0-9_-]{2,16}$/, 'must be a unit code such as MED').optional(),
  patient: uuidV7Schema.optional(),
});

/** The requested export, or the reply already sent saying why not. */
async function exportFor(ctx: RouteContext, request: Parameters<typeof sessionOf>[0], reply: FastifyReply, input: unknown, where: 'query' | 'body') {
  const { user } = sessionOf(request);
  if (!(RECOVERY_ROLES as readonly string[]).includes(user.role)) {
    return replyError(reply, 403, 'forbidden', `role ${user.role} may not export: recovery, charge or admin`);
  }
  const parsed = parseRequest(exportQuerySchema, input, where);
  if (!parsed.ok) return replyError(reply, 400, 'invalid_request', parsed.details);
  const { downtime, unit, patient } = parsed.data;
  if (unit !== undefined && !canRead(user, unitScope(unit))) return replyError(reply, 403, 'forbidden', `unit ${unit} is not one of yours`);
  const episode = await findDocCreate(ctx.store.db, downtime);
  if (!episode || episode.docType !== 'downtime') return replyError(reply, 404, 'not_found', `no downtime episode ${downtime}`);
  if (!canRead(user, episode.scope)) return replyError(reply, 403, 'forbidden', `episode ${downtime} is not one of your wards'`);
  const entries = await entriesInScopes(ctx.store.db, readableScopes(user));
  const bundle: ExportBundle = buildExportBundle(entries, { downtimeId: downtime, ...(unit ? { unit } : {}), ...(patient ? { patientId: patient } : {}) });
  return { bundle, name: `releve-export-${downtime}${unit ? `-${unit}` : ''}.json` };
}

export function recoveryExportRoute(api: FastifyInstance, ctx: RouteContext): void {
  api.get('/recovery/export', async (request, reply) => {
    const made = await exportFor(ctx, request, reply, request.query, 'query');
    if (!('bundle' in made)) return made;
    return reply.type('application/fhir+json; charset=utf-8').header('content-disposition', `attachment; filename="${made.name}"`).send(made.bundle);
  });

  api.post('/recovery/export/send', async (request, reply) => {
    if (!ctx.fhirExportUrl) return replyError(reply, 409, 'not_configured', 'no main record FHIR endpoint: set RELEVE_FHIR_EXPORT_URL');
    const made = await exportFor(ctx, request, reply, request.body, 'body');
    if (!('bundle' in made)) return made;
    const answer = await sendExport(ctx.fhirExportUrl, made.bundle, ctx.now);
    if (!answer.ok && answer.status === null) return replyError(reply, 502, 'fhir_unreachable', answer.outcome);
    return reply.send(answer);
  });
}
