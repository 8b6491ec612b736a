import { randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import { ReferralSchema, type Referral, type ReferralInput } from '../../../src-shared/index';
import { createOrganization, createUser } from '../../../src-server/auth/identity-repo';
import type { ServiceContext } from '../../../src-server/context';
import { writeReferrals } from '../../../src-server/referrals/referral-repo';
import { postgresAvailable } from '../../support/postgres';
import { stopSharedPostgres } from '../../support/service';

// Shared by the service's integration tests: the database kinds to run against, a small HTTP
// client, organizations with an admin and a member, and referrals written through the repository.

export const DATABASES = (postgresAvailable() ? ['pglite', 'postgres'] : ['pglite']) as (
  'pglite' | 'postgres'
)[];

/** Call once per test file that may use Postgres. */
export function stopPostgresAfterAll(): void {
  afterAll(() => stopSharedPostgres());
}

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = Record<string, unknown>>(
  url: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${url}${path}`, {
    method,
    headers,
    ...(options.body !== undefined
      ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }
      : {}),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

export interface TestOrg {
  id: string;
  admin: TestUser;
  member: TestUser;
}

export async function createTestOrg(ctx: ServiceContext, name: string): Promise<TestOrg> {
  const org = await createOrganization(ctx.db, { name });
  const slug = name.toLowerCase().replace(/[^a-z]/g, '');
  const password = 'correct horse battery';
  const admin = await createUser(ctx.db, {
    orgId: org.id,
    email: `admin@${slug}.example`,
    password,
    role: 'admin',
    displayName: 'Ada Admin',
  });
  const member = await createUser(ctx.db, {
    orgId: org.id,
    email: `member@${slug}.example`,
    password,
    role: 'member',
    displayName: 'Max Member',
  });
  return { id: org.id, admin: { ...admin, password }, member: { ...member, password } };
}

export async function signIn(url: string, user: TestUser): Promise<string> {
  const reply = await call<{ accessToken: string }>(url, 'POST', '/v1/auth/token', {
    body: { email: user.email, password: user.password },
  });
  if (reply.status !== 200) throw new Error(`sign-in failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.accessToken;
}

export function makeReferral(overrides: Partial<ReferralInput> = {}, now = new Date()): Referral {
  const created = overrides.createdDateTime ?? new Date(now.getTime() - 3_600_000).toISOString();
  return ReferralSchema.parse({
    id: randomUUID(),
    createdDateTime: created,
    updatedDateTime: created,
    qualification: 'Direct',
    customerProfile: { name: 'Northwind Traders' },
    ...overrides,
  });
}

export async function seedReferrals(
  ctx: ServiceContext,
  orgId: string,
  referrals: readonly Referral[],
): Promise<void> {
  await writeReferrals(ctx, orgId, { channel: 'seed', actor: { userId: null, displayName: 'test' } }, (w) =>
    w.saveMany(
      referrals.map((after) => ({ before: null, after, action: 'create', keepUpdatedDateTime: true })),
    ),
  );
}

export const acceptArgs = (referralId: string, extra: Record<string, unknown> = {}) => ({
  referralId,
  name: 'Deal',
  dealValue: 25000,
  currency: 'EUR',
  closingDate: '2027-03-31',
  ...extra,
});

export interface Mutation {
  seq: number;
  id: string;
  name: string;
  args: unknown;
  createdAt: string;
}

export function mutation(
  seq: number,
  name: string,
  args: unknown,
  createdAt = new Date().toISOString(),
): Mutation {
  return { seq, id: randomUUID(), name, args, createdAt };
}

export function pushBody(deviceId: string, mutations: Mutation[], clientTime = new Date().toISOString()) {
  return { deviceId, schemaVersion: 1, clientTime, mutations };
}

export interface PushReply {
  lastAckSeq: number;
  results: { seq: number; outcome: string; reason?: string; referral?: Referral; conflicts?: unknown[] }[];
  serverTime: string;
  error?: string;
  expectedSeq?: number;
}

export async function push(
  url: string,
  token: string,
  deviceId: string,
  mutations: Mutation[],
  clientTime?: string,
) {
  return call<PushReply>(url, 'POST', '/v1/sync/push', {
    token,
    body: pushBody(deviceId, mutations, clientTime),
  });
}

export interface Change {
  entity: string;
  id: string;
  version: number;
  op: 'upsert' | 'delete';
  data?: Referral;
}

export interface PullReply {
  changes: Change[];
  outcomes: { seq: number; outcome: string; reason?: string; atVersion: number }[];
  lastAckSeq: number;
  cursor: string;
  hasMore: boolean;
  serverTime: string;
  reset?: boolean;
  snapshot?: string;
}

export interface SnapshotReply {
  changes: Change[];
  snapshot: string;
  page: number;
  pageCount: number;
  hasMore: boolean;
  nextPage: number | null;
  cursor: string;
}

export async function pull(
  url: string,
  token: string,
  deviceId: string,
  cursor: string | null,
  limit?: number,
) {
  return call<PullReply>(url, 'POST', '/v1/sync/pull', {
    token,
    body: { deviceId, cursor, ...(limit ? { limit } : {}) },
  });
}

export async function snapshotPage(url: string, token: string, snapshot: string | null, page: number) {
  const query = snapshot === null ? `page=${page}` : `snapshot=${snapshot}&page=${page}`;
  return call<SnapshotReply>(url, 'GET', `/v1/sync/snapshot?${query}`, { token });
}

/** A device's local copy: what a client would hold after applying every page it received. */
export class DeviceReplica {
  readonly rows = new Map<string, Referral>();
  readonly seen: Change[] = [];
  cursor: string | null = null;

  constructor(
    readonly url: string,
    readonly token: string,
    readonly deviceId = randomUUID(),
  ) {}

  /** `fromPull`: recorded in `seen` (snapshot pages may repeat what the following pull sends). */
  apply(changes: readonly Change[], fromPull = true): void {
    for (const change of changes) {
      if (fromPull) this.seen.push(change);
      if (change.op === 'delete') this.rows.delete(change.id);
      else if (change.data) this.rows.set(change.id, change.data);
    }
  }

  /** Pulls until caught up, downloading a snapshot first when told to reset. */
  async sync(limit?: number): Promise<void> {
    for (;;) {
      const reply = await pull(this.url, this.token, this.deviceId, this.cursor, limit);
      if (reply.status !== 200) throw new Error(`pull ${reply.status}: ${JSON.stringify(reply.body)}`);
      if (reply.body.reset) {
        this.rows.clear();
        let page = 0;
        for (;;) {
          const snap = await snapshotPage(this.url, this.token, reply.body.snapshot ?? null, page);
          if (snap.status !== 200) throw new Error(`snapshot ${snap.status}`);
          this.apply(snap.body.changes, false);
          if (!snap.body.hasMore) {
            this.cursor = snap.body.cursor;
            break;
          }
          page += 1;
        }
        continue;
      }
      this.apply(reply.body.changes);
      this.cursor = reply.body.cursor;
      if (!reply.body.hasMore) return;
    }
  }
}

/** A Server-Sent Events client over fetch: collects event names, can wait for the next one. */
export async function openEvents(url: string, token: string, via: 'header' | 'query' = 'header') {
  const controller = new AbortController();
  const path =
    via === 'query' ? `/v1/sync/events?access_token=${encodeURIComponent(token)}` : '/v1/sync/events';
  const response = await fetch(`${url}${path}`, {
    headers: via === 'header' ? { authorization: `Bearer ${token}` } : {},
    signal: controller.signal,
  });
  const events: string[] = [];
  const waiters: (() => void)[] = [];
  let ended = false;
  const done = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name =
            /^event: (.+)$/m.exec(block)?.[1] ?? (block.startsWith(':') ? block.slice(1).trim() : 'message');
          events.push(name);
          waiters.splice(0).forEach((w) => w());
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
    ended = true;
    waiters.splice(0).forEach((w) => w());
  })();
  return {
    status: response.status,
    events,
    get ended() {
      return ended;
    },
    /** Resolves when an event named `name` arrives after `from` events; rejects after `ms`. */
    async waitFor(name: string, from = events.length, ms = 5000): Promise<void> {
      const deadline = Date.now() + ms;
      while (!events.slice(from).includes(name)) {
        if (ended) throw new Error(`stream ended before "${name}"`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no "${name}" within ${ms} ms (got ${events.join(', ')})`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    async close() {
      controller.abort();
      await done;
    },
    done,
  };
}
