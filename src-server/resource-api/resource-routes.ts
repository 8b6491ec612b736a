import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authenticate } from '../auth/authenticate';
import type { ServiceContext } from '../context';
import { notFound, parseInput } from '../http/errors';
import { loadReferral } from '../referrals/referral-repo';
import { isVisibleTo } from '../referrals/visibility';
import { patchReferral } from './patch-referral';
import {
  decodeSkipToken,
  DEFAULT_TOP,
  encodeSkipToken,
  listPage,
  orderingOf,
  parseListQuery,
} from './referral-query';

// Partner Center's Referrals resource (sync-protocol.md section 5) at the same paths, so a CRM
// script written for https://api.partner.microsoft.com works with another base URL and token.

const IdParamsSchema = z.object({ id: z.string().min(1).max(200) });

function nextLinkOf(request: FastifyRequest, skipToken: string): string {
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  url.searchParams.set('$skiptoken', skipToken);
  return url.toString();
}

export function registerResourceRoutes(server: FastifyInstance, ctx: ServiceContext): void {
  server.register(async (scope) => {
    // Partner Center clients send JSON Patch as application/json-patch+json (or plain JSON).
    scope.addContentTypeParser(
      /^application\/([\w.-]+\+)?json$/,
      { parseAs: 'string' },
      scope.getDefaultJsonParser('error', 'error'),
    );

    scope.get('/v1.0/engagements/referrals', async (request) => {
      const principal = await authenticate(ctx, request);
      const query = parseListQuery(request.query);
      const ordering = orderingOf(query.$orderby);
      const after = query.$skiptoken ? decodeSkipToken(query.$skiptoken, ordering) : null;
      const page = await listPage(ctx.db, principal, query, ordering, after, query.$top ?? DEFAULT_TOP);
      return {
        value: page.referrals,
        ...(page.next
          ? { '@odata.nextLink': nextLinkOf(request, encodeSkipToken(ordering, page.next)) }
          : {}),
      };
    });

    scope.get('/v1.0/engagements/referrals/:id', async (request, reply) => {
      const principal = await authenticate(ctx, request);
      const { id } = parseInput(IdParamsSchema, request.params, 'path');
      const stored = await loadReferral(ctx.db, principal.orgId, id);
      if (!stored || !isVisibleTo(principal, { team_emails: stored.teamEmails, stage: stored.stage }))
        throw notFound();
      return reply.header('ETag', stored.referral.eTag).send(stored.referral);
    });

    scope.patch('/v1.0/engagements/referrals/:id', async (request, reply) => {
      const principal = await authenticate(ctx, request);
      const { id } = parseInput(IdParamsSchema, request.params, 'path');
      const ifMatch = request.headers['if-match'];
      const outcome = await patchReferral(
        ctx,
        principal,
        id,
        request.body,
        typeof ifMatch === 'string' ? ifMatch : undefined,
      );
      reply.header('ETag', outcome.referral.eTag);
      const prefer = String(request.headers.prefer ?? '');
      if (/return\s*=\s*representation/i.test(prefer) && outcome.visible) {
        return reply.header('Preference-Applied', 'return=representation').code(200).send(outcome.referral);
      }
      return reply.code(204).send();
    });
  });
}
