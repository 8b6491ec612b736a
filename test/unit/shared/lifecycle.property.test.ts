import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deadlineOf, decide, isTerminal, REJECT_REASONS, ReferralSchema } from '../../../src-shared/index';
import type { DecisionContext } from '../../../src-shared/index';
import { ctxArb, intentArb, referralArb } from './arbitraries';
import { deepFreeze } from './fixtures';

const RUNS = { numRuns: 300 };

describe('decide: properties', () => {
  it('is total: any valid referral (or none) and any valid intent give one outcome, a valid next state, and no mutation', () => {
    fc.assert(
      fc.property(fc.option(referralArb, { freq: 10 }), intentArb(), ctxArb(), (referral, intent, ctx) => {
        const snapshot = structuredClone(referral);
        const decision = decide(referral && deepFreeze(referral), intent, ctx);
        expect(['applied', 'noop', 'rejected']).toContain(decision.outcome);
        if (decision.outcome === 'rejected') expect(REJECT_REASONS).toContain(decision.reason);
        if (decision.outcome === 'applied') {
          expect(ReferralSchema.safeParse(decision.referral).success).toBe(true);
          expect(decision.referral.updatedDateTime).toBe(ctx.now);
          expect(decision.referral).not.toBe(referral);
        }
        expect(referral).toEqual(snapshot);
      }),
      RUNS,
    );
  });

  // The one exception is the table's own: an accept taken before the deadline that reaches the
  // service after the expiry sweep (a late arrival) revives an Expired referral.
  it('never changes the status or substatus of a terminal referral, except a late-arriving accept of an Expired one', () => {
    fc.assert(
      fc.property(referralArb.filter(isTerminal), intentArb(), ctxArb(), (referral, intent, ctx) => {
        const decision = decide(
          referral,
          { ...intent, args: { ...intent.args, referralId: referral.id } } as typeof intent,
          ctx,
        );
        if (decision.outcome !== 'applied') return;
        const lateAccept = intent.name === 'accept' && referral.substatus === 'Expired';
        if (lateAccept) {
          expect(decision.lateArrival).toBe(true);
          expect(Date.parse(ctx.actionTime)).toBeLessThan(Date.parse(deadlineOf(referral) ?? ''));
          return;
        }
        expect(decision.referral.status).toBe(referral.status);
        expect(decision.referral.substatus).toBe(referral.substatus);
        expect(['setFavorite', 'addNote']).toContain(intent.name);
      }),
      RUNS,
    );
  });

  it('an intent applied once is a noop the second time', () => {
    fc.assert(
      fc.property(referralArb, intentArb(), ctxArb(), (referral, anyIntent, ctx) => {
        const intent = {
          ...anyIntent,
          args: { ...anyIntent.args, referralId: referral.id },
        } as typeof anyIntent;
        const first = decide(referral, intent, ctx);
        fc.pre(first.outcome === 'applied');
        if (first.outcome !== 'applied') return;
        // The replay is decided later, after the first change was written at ctx.version.
        const fieldVersions: Record<string, number> = { ...ctx.fieldVersions };
        for (const field of first.changedFields ?? []) fieldVersions[field] = ctx.version;
        const later: DecisionContext = { ...ctx, version: ctx.version + 1, fieldVersions };
        const second = decide(first.referral, intent, later);
        if (intent.name === 'editDeal' && first.conflicts?.length) {
          // Fields kept by a conflict still conflict: nothing more is applied.
          expect(second).toMatchObject({ outcome: 'rejected', reason: 'conflict' });
        } else {
          expect(second.outcome).toBe('noop');
        }
      }),
      { ...RUNS, numRuns: 600 },
    );
  });

  it('markWon / markLost after a rejected accept from the same device are always dependency_rejected', () => {
    fc.assert(
      fc.property(
        referralArb,
        intentArb().filter((i) => i.name === 'markWon' || i.name === 'markLost'),
        ctxArb(),
        (referral, intent, ctx) => {
          const mine = { ...intent, args: { ...intent.args, referralId: referral.id } } as typeof intent;
          const decision = decide(referral, mine, { ...ctx, rejectedAcceptIds: new Set([referral.id]) });
          expect(decision).toEqual({ outcome: 'rejected', reason: 'dependency_rejected' });
        },
      ),
      RUNS,
    );
  });
});
