import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { ReferralSchema, type Referral, type ReferralInput } from '../../../../src-shared/index';
import { PartnerDeskDb } from '../../../../src-renderer/db/schema';
import { baseTables, writeBase } from '../../../../src-renderer/db/base-writes';
import { toReferralRow } from '../../../../src-renderer/db/lean';

// A fresh database in its own fake IndexedDB factory, and referral documents to put in it.

export function freshDb(name = 'partner-desk'): {
  db: PartnerDeskDb;
  factory: IDBFactory;
  reopen: () => PartnerDeskDb;
} {
  const factory = new IDBFactory();
  const make = () => new PartnerDeskDb(name, { indexedDB: factory, IDBKeyRange });
  return { db: make(), factory, reopen: make };
}

let counter = 0;

/** A referral id that sorts by creation (uuid-shaped). */
export function referralId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function doc(n: number, overrides: Partial<ReferralInput> = {}): Referral {
  counter++;
  const created = new Date(Date.UTC(2025, 2, 1) + n * 3_600_000).toISOString();
  return ReferralSchema.parse({
    id: referralId(n),
    createdDateTime: created,
    updatedDateTime: created,
    status: 'New',
    substatus: 'Received',
    qualification: 'Direct',
    customerProfile: {
      name: `Customer ${n}`,
      team: [{ firstName: 'Ann', lastName: `Smith${n}`, email: `ann${n}@example.com` }],
    },
    eTag: `W/"${counter}"`,
    ...overrides,
  });
}

export async function putBase(
  db: PartnerDeskDb,
  docs: readonly Referral[],
  version = 1,
  deletes: string[] = [],
): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction('rw', [...baseTables(db)], () =>
    writeBase(
      db,
      docs.map((d) => toReferralRow(d, version, { receivedAt: now })),
      deletes,
    ),
  );
}
