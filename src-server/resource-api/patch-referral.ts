import { decide, stageOf, type Referral } from '../../src-shared/index';
import type { Principal } from '../auth/identity-repo';
import type { ServiceContext } from '../context';
import { HttpError, notFound } from '../http/errors';
import { writeReferrals, type StoredReferral } from '../referrals/referral-repo';
import { isVisibleTo } from '../referrals/visibility';
import { planPatch } from './json-patch';
import { intentsOf } from './patch-intents';
import { withActingMember } from '../referrals/acting-member';

// PATCH /v1.0/engagements/referrals/{id}: the patch becomes intents, each decided by the shared
// `decide` on the row locked in the repository's one write transaction. The first rejection rolls
// the whole patch back (never a partial write); a patch where everything is a noop writes nothing.

const CONFLICT_STATUS: Record<string, number> = { not_found: 404, invalid_args: 400 };

/** Weak comparison (RFC 9110): `W/"7"` and `"7"` name the same version; `*` matches anything. */
export function eTagMatches(ifMatch: string, eTag: string): boolean {
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifMatch
    .split(',')
    .some((candidate) => candidate.trim() === '*' || opaque(candidate) === opaque(eTag));
}

export interface PatchOutcome {
  referral: Referral;
  visible: boolean;
}

export async function patchReferral(
  ctx: ServiceContext,
  principal: Principal,
  referralId: string,
  body: unknown,
  ifMatch: string | undefined,
): Promise<PatchOutcome> {
  const plan = planPatch(body);
  const actor = { userId: principal.userId, displayName: principal.displayName, email: principal.email };
  const origin = {
    channel: 'pc-api',
    actor: { userId: principal.userId, displayName: principal.displayName },
  };
  return writeReferrals(
    ctx,
    principal.orgId,
    origin,
    async (writer) => {
      const loaded = await writer.load(referralId, { forUpdate: true });
      if (!loaded || !isVisibleTo(principal, { team_emails: loaded.teamEmails, stage: loaded.stage }))
        throw notFound();
      if (ifMatch !== undefined && !eTagMatches(ifMatch, loaded.referral.eTag)) {
        throw new HttpError(
          412,
          'precondition_failed',
          'The referral changed since your copy (If-Match does not match its ETag).',
          {
            eTag: loaded.referral.eTag,
          },
        );
      }
      let current: StoredReferral = loaded;
      for (const parsed of intentsOf(plan, loaded.referral, loaded.version)) {
        const intent = withActingMember(parsed, principal);
        const decision = decide(current.referral, intent, {
          now: writer.now,
          actionTime: writer.now,
          actor,
          deviceId: 'pc-api',
          version: writer.version,
          fieldVersions: current.fieldVersions,
        });
        if (decision.outcome === 'rejected') {
          throw new HttpError(
            CONFLICT_STATUS[decision.reason] ?? 409,
            decision.reason,
            `${intent.name} was rejected: ${decision.reason}.`,
            {
              reason: decision.reason,
              intent: intent.name,
              ...(decision.conflicts ? { conflicts: decision.conflicts } : {}),
            },
          );
        }
        if (decision.outcome === 'noop') continue;
        const saved = await writer.save({
          before: current,
          after: decision.referral,
          action: intent.name,
          actionTime: writer.now,
          lateArrival: decision.lateArrival ?? false,
          changedFields: decision.changedFields ?? [],
          details: { via: 'PATCH' },
        });
        const fieldVersions = { ...current.fieldVersions };
        for (const field of decision.changedFields ?? []) fieldVersions[field] = writer.version;
        current = {
          referral: saved,
          version: writer.version,
          fieldVersions,
          teamEmails: saved.team.map((m) => m.email.toLowerCase()),
          stage: stageOf(saved),
        };
      }
      return {
        referral: current.referral,
        visible: isVisibleTo(principal, { team_emails: current.teamEmails, stage: current.stage }),
      };
    },
    { rollbackIfUnchanged: true },
  );
}
