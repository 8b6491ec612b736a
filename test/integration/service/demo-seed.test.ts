import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_CONTOSO_COUNT,
  DEMO_FABRIKAM_COUNT,
  seedDemo,
  type DemoCredentials,
} from '../../../src-server/demo/seed-demo';
import { startService, type RunningService } from '../../support/service';
import { call, DeviceReplica } from './helpers';

// The main job's demo data: two organizations, sign-in works with the written credentials, the
// member sees only their part, and the intake URL points at the contract's route.

describe('demo seed (pglite)', () => {
  let service: RunningService;
  let credentials: DemoCredentials;

  beforeAll(async () => {
    service = await startService();
    credentials = await seedDemo(service.ctx, service.url, service.config.dataDir);
  });
  afterAll(() => service.close());

  it('writes demo-credentials.json and every listed user can sign in and sync their organization', async () => {
    const file = path.join(service.config.dataDir, 'demo-credentials.json');
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(credentials);
    const [contoso, fabrikam] = credentials.organizations;
    expect(contoso?.name).toBe('Contoso Partners');
    expect(fabrikam?.name).toBe('Fabrikam Solutions');
    expect(contoso?.intakeUrl).toMatch(new RegExp(`^${service.url}/v1/intake/marketplace/ik_`));
    const sync = async (email: string, password: string) => {
      const token = await call<{ accessToken: string }>(service.url, 'POST', '/v1/auth/token', {
        body: { email, password },
      });
      expect(token.status).toBe(200);
      const replica = new DeviceReplica(service.url, token.body.accessToken);
      await replica.sync();
      return replica;
    };
    expect((await sync(contoso!.admin.email, contoso!.admin.password)).rows.size).toBe(DEMO_CONTOSO_COUNT);
    const member = await sync(contoso!.member!.email, contoso!.member!.password);
    expect(member.rows.size).toBeGreaterThan(100);
    expect(member.rows.size).toBeLessThan(DEMO_CONTOSO_COUNT);
    expect((await sync(fabrikam!.admin.email, fabrikam!.admin.password)).rows.size).toBe(DEMO_FABRIKAM_COUNT);
  });
});
