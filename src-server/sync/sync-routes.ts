import type { FastifyInstance } from 'fastify';
import { authenticate } from '../auth/authenticate';
import type { ServiceContext } from '../context';
import { parseInput } from '../http/errors';
import type { EventStreams } from './event-streams';
import { handlePull } from './pull';
import { handlePush } from './push';
import { snapshotPage } from './snapshot';
import { SnapshotQuerySchema } from './sync-schemas';

// The sync endpoints of sync-protocol.md section 3.

const PUSH_BODY_LIMIT = 8 * 1024 * 1024;

export function registerSyncRoutes(
  server: FastifyInstance,
  ctx: ServiceContext,
  streams: EventStreams,
): void {
  server.post('/v1/sync/push', { bodyLimit: PUSH_BODY_LIMIT }, async (request) => {
    const principal = await authenticate(ctx, request);
    return handlePush(ctx, principal, request.body);
  });

  server.post('/v1/sync/pull', async (request, reply) => {
    const principal = await authenticate(ctx, request);
    const answer = await handlePull(ctx, principal, request.body);
    if (answer.kind === 'reset') return answer.body;
    return reply.type('application/json; charset=utf-8').send(answer.body);
  });

  server.get('/v1/sync/snapshot', async (request, reply) => {
    const principal = await authenticate(ctx, request);
    const query = parseInput(SnapshotQuerySchema, request.query, 'query');
    const body = await snapshotPage(ctx, principal, query.snapshot, query.page);
    return reply.type('application/json; charset=utf-8').send(body);
  });

  server.get('/v1/sync/events', async (request, reply) => {
    const principal = await authenticate(ctx, request, { allowQueryToken: true });
    streams.open(principal, reply);
  });
}
