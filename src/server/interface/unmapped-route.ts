// The crisis cell's view of the messages kept for a ward the mapping table does not know
// (apply-adt.ts, status `unmapped`): GET /api/interface/unmapped lists them with the patient each
// one names; POST /api/interface/ward-map maps the ward to a unit and replays them (replay.ts),
// as `npm run releve -- ward-map --his X --unit Y` does. Admin only.
import { Hl7Message } from '@medplum/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { wardMapRequestSchema, type KeptMessage, type UnmappedAnswer, type WardMapAnswer } from '../../domain/his/unmapped';
import { parseRequest } from '../http/parse-body';
import { replyError } from '../http/reply-error';
import { sessionOf } from '../http/session';
import type { RouteContext } from '../routes/context';
import { readMessage } from './hl7/read-message';
import { mapWardAndReplay } from './replay';
import { unmappedMessages, type UnmappedMessage } from './store/journal';
import { knownUnitCodes, listHisWards } from './store/wards';

const LISTED = 500;

/** The kept message as the screen shows it; the journal keeps the raw text, read again here. */
function shown(m: UnmappedMessage): KeptMessage | null {
  let event;
  try {
    event = readMessage(Hl7Message.parse(m.raw), Buffer.byteLength(m.raw)).event;
  } catch {
    return null; // it was read once to be kept: this cannot happen unless the reader changed
  }
  if (event.kind !== 'adt' || !event.location) return null;
  const { patient: p, location: l } = event;
  return {
    seq: m.seq, controlId: m.controlId, messageType: m.messageType, receivedAt: m.receivedAt,
    ward: l.ward, room: l.room, ipp: p.ipp, lastName: p.lastName, ...(p.usedName ? { usedName: p.usedName } : {}), firstName: p.firstName, birthDate: p.birthDate, sex: p.sex,
  };
}

function refuseNonAdmin(request: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  const { user } = sessionOf(request);
  return user.role === 'admin' ? null : replyError(reply, 403, 'forbidden', `role ${user.role} may not map HIS wards: admin only`);
}

export function unmappedRoute(api: FastifyInstance, ctx: RouteContext): void {
  api.get('/interface/unmapped', async (request, reply) => {
    const refused = refuseNonAdmin(request, reply);
    if (refused) return refused;
    const kept = await unmappedMessages(ctx.store.db, LISTED);
    const answer: UnmappedAnswer = {
      messages: kept.filter((m) => m.source === 'mllp').map(shown).filter((m): m is KeptMessage => m !== null),
      wards: await listHisWards(ctx.store.db),
    };
    return answer;
  });

  api.post('/interface/ward-map', async (request, reply) => {
    const refused = refuseNonAdmin(request, reply);
    if (refused) return refused;
    const parsed = parseRequest(wardMapRequestSchema, request.body, 'body');
    if (!parsed.ok) return replyError(reply, 400, 'invalid_request', parsed.details);
    const { his, unit } = parsed.data;
    if (!(await knownUnitCodes(ctx.store.db)).has(unit)) return replyError(reply, 400, 'invalid_request', `unit: no unit ${unit} in Relève (add it first)`);
    const done = await mapWardAndReplay(ctx.store, his, unit);
    const answer: WardMapAnswer = { his, unit, ...done };
    return answer;
  });
}
