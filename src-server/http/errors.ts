import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { isTransientDatabaseError } from '../db/errors';

// One error shape everywhere: `{error, message, details?}`. Bad input is always a 4xx; a database
// that is down is a 503 with `retryAfter`; nothing else is allowed to leak internals.

export interface FieldDetail {
  field: string;
  message: string;
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (what = 'referral'): HttpError => new HttpError(404, 'not_found', `No such ${what}.`);

export function zodDetails(issues: readonly z.core.$ZodIssue[]): FieldDetail[] {
  return issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)',
    message: issue.message,
  }));
}

/** Parses a request part with zod, or throws the 400 `invalid_request` naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'body'): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = zodDetails(parsed.error.issues);
  const first = details[0];
  const message = first ? `Invalid ${what}: ${first.field}: ${first.message}` : `Invalid ${what}.`;
  throw new HttpError(400, 'invalid_request', message, { details });
}

export const RETRY_AFTER_SECONDS = 2;

export function registerErrorHandling(server: FastifyInstance): void {
  server.setNotFoundHandler((_request, reply) => {
    void reply.code(404).send({ error: 'not_found', message: 'No such resource.' });
  });
  server.setErrorHandler((error: FastifyError | HttpError | Error, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).send({ error: error.code, message: error.message, ...error.extra });
    }
    if (isTransientDatabaseError(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return reply
        .code(503)
        .header('Retry-After', String(RETRY_AFTER_SECONDS))
        .send({
          error: 'unavailable',
          message: 'The database is unavailable; retry later.',
          retryAfter: RETRY_AFTER_SECONDS,
        });
    }
    const status = (error as FastifyError).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const code = (error as FastifyError).code;
      const name =
        status === 413
          ? 'payload_too_large'
          : status === 415
            ? 'unsupported_media_type'
            : code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || /JSON/i.test(error.message)
              ? 'invalid_json'
              : 'invalid_request';
      return reply.code(status).send({ error: name, message: error.message });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: 'internal', message: 'Something went wrong on the service.' });
  });
}
