import { randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from './driver';

// Per-database secrets and identity, shared by every service process on that database: the
// token signing key, and the epoch that makes cursors from another database (or a wiped one) reset.

export interface ServiceMeta {
  epoch: string;
  tokenSecret: Buffer;
}

async function ensure(db: Queryable, key: string, make: () => string): Promise<string> {
  await db.query('INSERT INTO service_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
    key,
    make(),
  ]);
  const rows = await db.query<{ value: string }>('SELECT value FROM service_meta WHERE key = $1', [key]);
  const value = rows[0]?.value;
  if (value === undefined) throw new Error(`service_meta.${key} is missing`);
  return value;
}

export async function loadServiceMeta(db: Queryable): Promise<ServiceMeta> {
  const epoch = await ensure(db, 'epoch', () => randomUUID().slice(0, 8));
  const secret = await ensure(db, 'token_secret', () => randomBytes(32).toString('base64'));
  return { epoch, tokenSecret: Buffer.from(secret, 'base64') };
}
