import type { FastifyInstance } from 'fastify';
import { stringify } from 'csv-stringify';
import { z } from 'zod';
import { authenticate, requireAdmin } from '../auth/authenticate';
import type { ServiceContext } from '../context';
import { HttpError, parseInput } from '../http/errors';
import { listPage, orderingOf, parseListQuery, type Position } from '../resource-api/referral-query';
import { HEADERS, referralToRow } from '../../src-shared/partner-center-csv';
import { CONFLICT_RULES, importCsv } from './csv-import';

// CSV import (admin) and the streamed export (anyone, their visible referrals, with the list's
// filters). The export reads keyset pages and writes through csv-stringify with backpressure:
// memory stays flat at any size, and a client that goes away stops the reading.

const IMPORT_BODY_LIMIT = 512 * 1024 * 1024;
const EXPORT_PAGE = 1000;

const ImportQuerySchema = z.object({ conflict: z.enum(CONFLICT_RULES).default('skip') });

export function registerCsvRoutes(server: FastifyInstance, ctx: ServiceContext): void {
  server.register(async (scope) => {
    scope.addContentTypeParser(
      ['text/csv', 'application/csv', 'application/vnd.ms-excel'],
      { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );

    scope.post('/v1/import/csv', { bodyLimit: IMPORT_BODY_LIMIT }, async (request) => {
      const principal = await authenticate(ctx, request);
      requireAdmin(principal);
      const { conflict } = parseInput(ImportQuerySchema, request.query, 'query');
      if (typeof request.body !== 'string') {
        throw new HttpError(415, 'unsupported_media_type', 'Send the file as text/csv.', {
          details: [{ field: 'content-type', message: 'must be text/csv' }],
        });
      }
      return importCsv(ctx, principal, request.body, conflict);
    });

    scope.get('/v1/export/csv', async (request, reply) => {
      const principal = await authenticate(ctx, request);
      const query = parseListQuery(request.query);
      const ordering = orderingOf(query.$orderby ?? 'createdDateTime asc');
      // The first page is read before the response starts, so a bad filter is still a clean 400.
      let page = await listPage(ctx.db, principal, query, ordering, null, EXPORT_PAGE);
      const csv = stringify({ header: true, columns: [...HEADERS], bom: false });
      let closed = false;
      reply.raw.on('close', () => {
        closed = true;
      });
      const drained = () =>
        new Promise<void>((resolve) => {
          const done = () => {
            csv.off('drain', done);
            csv.off('close', done);
            resolve();
          };
          csv.on('drain', done);
          csv.on('close', done);
        });
      const pump = async () => {
        for (;;) {
          for (const referral of page.referrals) {
            if (closed) return;
            if (!csv.write(referralToRow(referral))) await drained();
          }
          const next: Position | null = page.next;
          if (!next || closed) break;
          page = await listPage(ctx.db, principal, query, ordering, next, EXPORT_PAGE);
        }
        csv.end();
      };
      pump().catch((error: unknown) => {
        request.log.error({ err: error }, 'csv export failed mid-stream');
        csv.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      return reply
        .header('Content-Type', 'text/csv; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="referrals.csv"')
        .send(csv);
    });
  });
}
