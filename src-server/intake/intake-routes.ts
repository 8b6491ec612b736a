import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { normalizeHttpsLead } from '../../src-shared/index';
import { findIntakeKey } from '../auth/identity-repo';
import type { ServiceContext } from '../context';
import { isTransientDatabaseError } from '../db/errors';
import { HttpError, notFound, parseInput } from '../http/errors';
import { deadLetterText, decodeLeadBody } from './raw-body';
import { ingestLead, newLeadContext, recordDeadLetter } from './lead-ingest';

// POST /v1/intake/marketplace/{intakeKey}: the commercial marketplace's HTTPS lead destination.
// Microsoft never re-sends a lead, so every body we accept ends as a referral, a merge into an
// existing referral, or a dead letter with its raw bytes, and is answered 202. Only a wrong key
// (404), an oversized body (413), the rate limit (429) and a database that is down (503) refuse.

export const INTAKE_BODY_LIMIT = 64 * 1024;

export interface IntakeSettings {
  /** Requests per key per window. */
  rateLimitMax: number;
  rateLimitWindowMs: number;
}

const ParamsSchema = z.object({ intakeKey: z.string().min(1).max(200) });

export function registerIntakeRoutes(
  server: FastifyInstance,
  ctx: ServiceContext,
  settings: IntakeSettings,
): void {
  server.register(async (scope) => {
    await scope.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        new HttpError(429, 'rate_limited', `Too many leads for this intake key; retry in ${context.after}.`, {
          retryAfter: Math.max(1, Math.ceil(context.ttl / 1000)),
        }),
    });
    // Any content type, read as bytes: malformed JSON must reach the dead-letter table, not a 400.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: INTAKE_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );

    scope.post(
      '/v1/intake/marketplace/:intakeKey',
      {
        bodyLimit: INTAKE_BODY_LIMIT,
        config: {
          rateLimit: {
            max: settings.rateLimitMax,
            timeWindow: settings.rateLimitWindowMs,
            keyGenerator: (request) =>
              `intake:${String((request.params as Record<string, unknown>)['intakeKey'] ?? '')}`,
          },
        },
      },
      async (request, reply) => {
        const { intakeKey } = parseInput(ParamsSchema, request.params, 'path');
        const key = await findIntakeKey(ctx.db, intakeKey);
        if (!key) throw notFound('intake key');
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const contentType = String(request.headers['content-type'] ?? '');
        const now = ctx.now().toISOString();
        const deadLetter = async (reason: string) => {
          await recordDeadLetter(ctx.db, {
            orgId: key.orgId,
            intakeKeyId: key.id,
            channel: 'https',
            reason,
            contentType,
            bytes,
            text: deadLetterText(bytes),
            receivedAt: now,
          });
          return reply.code(202).send({ status: 'received', outcome: 'dead-letter', reason });
        };
        const decoded = decodeLeadBody(bytes, contentType);
        if (!decoded.ok) return deadLetter(decoded.reason);
        const lead = normalizeHttpsLead(decoded.value, newLeadContext(now));
        if (!lead.ok) return deadLetter(lead.reason);
        try {
          const result = await ingestLead(ctx, key.orgId, lead);
          return reply.code(202).send({ status: 'received', outcome: result.outcome });
        } catch (error) {
          if (isTransientDatabaseError(error) || error instanceof HttpError) throw error;
          // A lead the store refused is still kept, with the reason, for an administrator to see.
          request.log.error({ err: error }, 'intake: storing the lead failed; kept as a dead letter');
          return deadLetter('store_failed');
        }
      },
    );
  });
}
