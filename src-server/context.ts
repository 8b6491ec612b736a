import type { FastifyBaseLogger } from 'fastify';
import type { ServiceConfig } from './config';
import type { Db } from './db/driver';
import type { ServiceMeta } from './db/service-meta';
import type { ChangeHub } from './sync/change-hub';
import type { ReferralEvents } from './referrals/referral-events';

/** Everything a route or job needs, built once in app.ts and reachable as `server.partnerDesk`. */
export interface ServiceContext {
  config: ServiceConfig;
  db: Db;
  meta: ServiceMeta;
  /** Fans "organization X changed" out to SSE clients, across processes through NOTIFY. */
  hub: ChangeHub;
  /** In-process events after commit (the durable copy is the referral_events table). */
  events: ReferralEvents;
  log: FastifyBaseLogger;
  /** The clock, replaceable in tests. */
  now: () => Date;
}

declare module 'fastify' {
  interface FastifyInstance {
    partnerDesk: ServiceContext;
  }
}
