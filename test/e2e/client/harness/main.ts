import { PartnerDeskDb } from '../../../../src-renderer/db/schema';
import { createActions } from '../../../../src-renderer/db/actions';
import { countsQuery, pendingSummary } from '../../../../src-renderer/db/queries';
import { visibleReferral } from '../../../../src-renderer/db/visible';
import { getMeta } from '../../../../src-renderer/db/meta';
import { searchReferrals } from '../../../../src-renderer/search/use-search';
import { startSync } from '../../../../src-renderer/sync/worker-client';
import { AuthTokensSchema } from '../../../../src-renderer/sync/protocol';
import type { TokenPort } from '../../../../src-renderer/sync/ports';

// A page that runs the real database and the real sync worker against the service that serves
// it (web mode), exposed on `window.harness` for Playwright. Tokens live in localStorage so that
// a reload keeps the session, like the bridge keeps it in the app.

const params = new URLSearchParams(location.search);
const origin = location.origin;

async function post(path: string, body: unknown) {
  const res = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) return null;
  const tokens = AuthTokensSchema.parse(await res.json());
  localStorage.setItem(
    'tokens',
    JSON.stringify({ access: tokens.accessToken, refresh: tokens.refreshToken }),
  );
  return tokens.accessToken;
}

const stored = () =>
  JSON.parse(localStorage.getItem('tokens') ?? 'null') as { access: string; refresh: string } | null;

const tokens: TokenPort = {
  accessToken: async () => stored()?.access ?? null,
  refresh: async () => {
    const s = stored();
    return s ? post('/v1/auth/refresh', { refreshToken: s.refresh }).catch(() => null) : null;
  },
};

async function main() {
  if (!stored())
    await post('/v1/auth/token', { email: params.get('email'), password: params.get('password') });
  const db = new PartnerDeskDb(params.get('db') ?? 'partner-desk');
  const client = startSync({ serviceUrl: origin, dbName: db.name, tokens });
  const harness = {
    db,
    actions: createActions(db),
    client,
    status: () => client.store.getState(),
    pending: () => pendingSummary(db),
    counts: () => countsQuery(db),
    visible: (id: string) => visibleReferral(db, id),
    search: (q: string) => searchReferrals(db, q),
    firstSyncDone: () => getMeta(db.meta, 'firstSyncDone'),
    referralIds: (n: number) => db.referrals.orderBy('id').limit(n).primaryKeys(),
  };
  (window as unknown as { harness: typeof harness }).harness = harness;
  document.getElementById('state')!.textContent = 'ready';
}

void main();
