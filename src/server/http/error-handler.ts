// Bad input never gets a 500: Fastify's own request errors are mapped to clear API errors, a
// full disk to 507, and only a real bug to 500 (logged, without details to the client).
import type { FastifyError, FastifyInstance } from 'fastify';
import { MAX_BODY_BYTES } from '../../domain/protocol';
import { isStorageFull } from '../store/storage-full';
import { replyError, STORAGE_FULL_DETAILS } from './reply-error';

export function useErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    switch (err.code) {
      case 'RELEVE_MALFORMED_JSON':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return replyError(reply, 400, 'malformed_json', err.message);
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return replyError(reply, 413, 'payload_too_large', `the body is over ${MAX_BODY_BYTES} bytes`);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_TYPE':
        return replyError(reply, 415, 'unsupported_media_type', 'send the body as application/json');
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return replyError(reply, 400, 'invalid_request', 'the Content-Length does not match the body');
    }
    if (err.statusCode === 429) return replyError(reply, 429, 'too_many_attempts', err.message);
    if (err.code === 'RELEVE_PASSWORD_QUEUE_FULL') {
      void reply.header('retry-after', '5');
      return replyError(reply, 503, 'server_busy', err.message);
    }
    if (isStorageFull(err)) {
      request.log.error({ err }, 'storage full');
      return replyError(reply, 507, 'storage_full', STORAGE_FULL_DETAILS);
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) return replyError(reply, status, 'invalid_request', err.message);
    request.log.error({ err }, 'unexpected server error');
    return replyError(reply, 500, 'internal_error');
  });
}
