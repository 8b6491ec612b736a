import type { Db } from './driver';
import { migrate } from './migrate';
import { openPglite } from './pglite-driver';
import { openPostgres } from './pg-driver';

/** Postgres when a URL is given, else PGlite persisted under `<dataDir>/pglite`; migrated. */
export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string | null;
}): Promise<Db> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl)
    : await openPglite(options.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
