import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createIntakeKey, createOrganization, createUser } from '../auth/identity-repo';
import type { ServiceContext } from '../context';
import { writeReferrals } from '../referrals/referral-repo';
import { demoReferrals } from './demo-referrals';

// The two demo organizations of the main job, created on first start with an empty database:
// Contoso Partners (admin, member, intake key, 500 referrals) and Fabrikam Solutions (admin and a
// few referrals). Passwords are random per data directory and written to demo-credentials.json.

export const DEMO_CONTOSO_COUNT = 500;
export const DEMO_FABRIKAM_COUNT = 8;

export interface DemoCredentials {
  serviceUrl: string;
  organizations: {
    name: string;
    admin: { email: string; password: string };
    member?: { email: string; password: string };
    intakeUrl: string;
  }[];
}

const password = (): string => randomBytes(12).toString('base64url');

export async function hasAnyOrganization(ctx: Pick<ServiceContext, 'db'>): Promise<boolean> {
  const rows = await ctx.db.query('SELECT 1 FROM organizations LIMIT 1');
  return rows.length > 0;
}

type SeedDeps = Pick<ServiceContext, 'db' | 'events' | 'now'>;

async function seedOrg(
  ctx: SeedDeps,
  spec: {
    name: string;
    domain: string;
    count: number;
    seed: number;
    withMember: boolean;
    serviceUrl: string;
  },
): Promise<DemoCredentials['organizations'][number]> {
  const org = await createOrganization(ctx.db, { name: spec.name });
  const admin = { email: `admin@${spec.domain}`, password: password() };
  await createUser(ctx.db, {
    orgId: org.id,
    ...admin,
    role: 'admin',
    displayName: `${spec.name.split(' ')[0]} Admin`,
  });
  const member = spec.withMember ? { email: `member@${spec.domain}`, password: password() } : undefined;
  if (member)
    await createUser(ctx.db, { orgId: org.id, ...member, role: 'member', displayName: 'Maria Member' });
  const key = await createIntakeKey(ctx.db, org.id, 'demo');
  const partnerTeam = [
    {
      firstName: 'Maria',
      lastName: 'Member',
      email: member?.email ?? `sales@${spec.domain}`,
      phoneNumber: '+1 555 0100',
    },
    { firstName: 'Sam', lastName: 'Seller', email: `sam.seller@${spec.domain}`, phoneNumber: '+1 555 0101' },
  ];
  const referrals = demoReferrals({
    count: spec.count,
    seed: spec.seed,
    now: ctx.now().toISOString(),
    partnerTeam,
    partnerName: spec.name,
  });
  await writeReferrals(
    ctx,
    org.id,
    { channel: 'seed', actor: { userId: null, displayName: 'Demo data' } },
    (writer) =>
      writer.saveMany(
        referrals.map((after) => ({ before: null, after, action: 'create', keepUpdatedDateTime: true })),
      ),
  );
  return {
    name: spec.name,
    admin,
    ...(member ? { member } : {}),
    intakeUrl: `${spec.serviceUrl}/v1/intake/marketplace/${key.key}`,
  };
}

/** Seeds both organizations and writes `<dataDir>/demo-credentials.json`. */
export async function seedDemo(
  ctx: SeedDeps,
  serviceUrl: string,
  dataDir: string | null,
): Promise<DemoCredentials> {
  const credentials: DemoCredentials = {
    serviceUrl,
    organizations: [
      await seedOrg(ctx, {
        name: 'Contoso Partners',
        domain: 'contoso.example',
        count: DEMO_CONTOSO_COUNT,
        seed: 1,
        withMember: true,
        serviceUrl,
      }),
      await seedOrg(ctx, {
        name: 'Fabrikam Solutions',
        domain: 'fabrikam.example',
        count: DEMO_FABRIKAM_COUNT,
        seed: 2,
        withMember: false,
        serviceUrl,
      }),
    ],
  };
  if (dataDir !== null) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path.join(dataDir, 'demo-credentials.json'), `${JSON.stringify(credentials, null, 2)}\n`, {
      mode: 0o600,
    });
  }
  return credentials;
}

export function signInHelp(credentials: DemoCredentials, credentialsPath: string | null): string {
  const lines = ['Demo organizations were created. Sign in with:'];
  for (const org of credentials.organizations) {
    lines.push(`  ${org.name}`);
    lines.push(`    admin   ${org.admin.email}  /  ${org.admin.password}`);
    if (org.member) lines.push(`    member  ${org.member.email}  /  ${org.member.password}`);
    lines.push(`    intake  ${org.intakeUrl}`);
  }
  if (credentialsPath) lines.push(`  (also written to ${credentialsPath})`);
  return lines.join('\n');
}
