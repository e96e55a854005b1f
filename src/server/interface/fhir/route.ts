// POST /api/interface/fhir: a FHIR R4 transaction Bundle from the HIS, with an interface
// account's token. Journalled and applied like an HL7v2 message (one savepoint for the whole
// Bundle: all of it or nothing), answered once committed.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { replyError } from '../../http/reply-error';
import { sessionOf } from '../../http/session';
import type { RouteContext } from '../../routes/context';
import { HisRefusal } from '../events';
import { FeedQueue } from '../feed-queue';
import { readBundle } from './read-bundle';

const FHIR_DEVICE_ID = 'his-fhir';

export function fhirInterfaceRoute(api: FastifyInstance, ctx: RouteContext): void {
  const queues = new Map<string, FeedQueue>(); // one per interface account, so its Bundles keep their order
  api.post('/interface/fhir', async (request, reply) => {
    const { user } = sessionOf(request);
    if (user.role !== 'interface') return replyError(reply, 403, 'forbidden', 'only an interface account sends to /api/interface');
    const raw = JSON.stringify(request.body ?? null);
    let read;
    try {
      read = readBundle(request.body, ctx.now().toISOString());
    } catch (err) {
      if (err instanceof HisRefusal) return replyError(reply, 400, 'invalid_request', { ack: err.ackCode, code: err.hl7Code, where: err.location, message: err.message });
      throw err;
    }
    let queue = queues.get(user.id);
    if (!queue) queues.set(user.id, (queue = new FeedQueue(ctx.store, { user, deviceId: FHIR_DEVICE_ID }, request.log, ctx.now)));
    const controlId = read.controlId ? `fhir:${read.controlId}` : `fhir:sha256:${createHash('sha256').update(raw).digest('hex')}`;
    const r = await queue.submit({ controlId, messageType: 'FHIR Bundle', source: 'fhir', raw, events: read.events });
    if (r.ack !== 'AA') {
      return replyError(reply, r.hl7Code === '207' ? 503 : 400, 'invalid_request', { ack: r.ack, code: r.hl7Code, where: r.location, message: r.text });
    }
    return { status: r.status, controlId, detail: r.text };
  });
}
