import { parseReferral, type Referral } from '../../src-shared/index';
import type { ServiceContext } from '../context';
import { writeReferrals, type SaveInput } from '../referrals/referral-repo';

// Closes referrals left in Received past their response deadline (Closed/Expired), like Partner
// Center does after 14 days. Each pass takes the organization's write lock first and then selects
// the rows that are still Received, so two service processes sweeping one database close every
// referral exactly once; a pass with nothing to close rolls back and consumes no version.

const BATCH = 500;
export const EXPIRED_REASON = 'Expired: no response before the deadline';

export async function sweepExpired(
  ctx: Pick<ServiceContext, 'db' | 'events' | 'now'>,
  at?: Date,
): Promise<number> {
  const now = (at ?? ctx.now()).toISOString();
  const orgs = await ctx.db.query<{ org_id: string }>(
    `SELECT DISTINCT org_id FROM referrals WHERE stage = 'received' AND NOT deleted AND deadline <= $1`,
    [now],
  );
  let closed = 0;
  for (const { org_id: orgId } of orgs) {
    for (;;) {
      const count = await writeReferrals(
        { ...ctx, now: () => new Date(now) },
        orgId,
        { channel: 'sweeper', actor: { userId: null, displayName: 'Partner Desk' } },
        async (writer) => {
          const rows = await writer.tx.query<{
            data: Referral;
            version: number;
            field_versions: Record<string, number>;
            team_emails: string[];
            stage: string;
          }>(
            `SELECT data, version, field_versions, team_emails, stage FROM referrals
              WHERE org_id = $1 AND stage = 'received' AND NOT deleted AND deadline <= $2
              ORDER BY deadline, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
            [orgId, now],
          );
          const changes: SaveInput[] = [];
          for (const row of rows) {
            const parsed = parseReferral(row.data);
            if (!parsed.success) continue;
            const before = {
              referral: parsed.data,
              version: row.version,
              fieldVersions: row.field_versions,
              teamEmails: row.team_emails,
              stage: row.stage,
            };
            const after: Referral = {
              ...parsed.data,
              status: 'Closed',
              substatus: 'Expired',
              closedDateTime: now,
              statusReason: EXPIRED_REASON,
            };
            changes.push({ before, after, action: 'expire', actionTime: now });
          }
          await writer.saveMany(changes);
          return rows.length;
        },
        { rollbackIfUnchanged: true },
      );
      closed += count;
      if (count < BATCH) break;
    }
  }
  return closed;
}

/** Runs `sweepExpired` on an interval; `stop` + `idle` let shutdown wait for a pass in progress. */
export class ExpirySweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly ctx: ServiceContext) {}

  start(intervalMs: number): void {
    this.stop();
    const tick = () => {
      this.running = this.running.then(() =>
        sweepExpired(this.ctx).catch((error: unknown) =>
          this.ctx.log.warn({ err: error }, 'expiry sweep failed'),
        ),
      );
    };
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async idle(): Promise<void> {
    await this.running;
  }
}
