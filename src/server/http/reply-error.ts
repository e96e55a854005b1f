// Every error the API gives has the same shape: {error, details?} (DESIGN.md, "Errors").
import type { FastifyReply } from 'fastify';
import type { ErrorResponse } from '../../domain/protocol';

export type ApiError =
  | 'malformed_json'
  | 'invalid_request'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'unauthorized'
  | 'device_revoked'
  | 'invalid_credentials'
  | 'device_taken'
  | 'account_disabled'
  | 'too_many_attempts'
  | 'server_busy'
  | 'not_found'
  | 'forbidden'
  | 'storage_full'
  | 'not_configured'
  | 'fhir_unreachable'
  | 'internal_error';

export function replyError(reply: FastifyReply, status: number, error: ApiError, details?: unknown): FastifyReply {
  const body: ErrorResponse = details === undefined ? { error } : { error, details };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

export const STORAGE_FULL_DETAILS =
  'The server disk is full: nothing from this request was saved. Keep recording on paper and tell IT.';
