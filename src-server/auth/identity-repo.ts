import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/driver';
import { isUniqueViolation } from '../db/errors';
import { HttpError } from '../http/errors';
import { hashPassword } from './passwords';
import { newOpaqueToken, sha256 } from './tokens';

// Organizations, users and intake keys: what the CLI, the demo seed and the auth routes need.

export type Role = 'admin' | 'member';

/** Who is calling, read fresh from the database on each request. */
export interface Principal {
  userId: string;
  orgId: string;
  role: Role;
  email: string;
  displayName: string;
  /** The organization's setting: members see referrals still in Received. */
  membersSeeReceived: boolean;
}

export interface Organization {
  id: string;
  name: string;
}

export async function createOrganization(
  db: Queryable,
  input: { name: string; id?: string },
): Promise<Organization> {
  const name = input.name.trim();
  if (name === '') throw new HttpError(400, 'invalid_request', 'The organization needs a name.');
  const id = input.id ?? randomUUID();
  await db.query('INSERT INTO organizations (id, name) VALUES ($1, $2)', [id, name]);
  return { id, name };
}

export async function findOrganization(db: Queryable, idOrName: string): Promise<Organization | null> {
  const rows = await db.query<Organization>(
    'SELECT id, name FROM organizations WHERE id = $1 OR lower(name) = lower($1) ORDER BY created_at LIMIT 1',
    [idOrName],
  );
  return rows[0] ?? null;
}

export async function createUser(
  db: Queryable,
  input: { orgId: string; email: string; password: string; role: Role; displayName?: string },
): Promise<{ id: string; email: string }> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(email))
    throw new HttpError(400, 'invalid_request', 'The email is not valid.');
  if (input.password.length < 8)
    throw new HttpError(400, 'invalid_request', 'The password needs at least 8 characters.');
  const id = randomUUID();
  try {
    await db.query(
      'INSERT INTO users (id, org_id, email, display_name, role, password_hash) VALUES ($1, $2, $3, $4, $5, $6)',
      [
        id,
        input.orgId,
        email,
        input.displayName ?? email.split('@')[0] ?? email,
        input.role,
        await hashPassword(input.password),
      ],
    );
  } catch (error) {
    if (isUniqueViolation(error))
      throw new HttpError(409, 'conflict', `A user with the email ${email} exists.`);
    throw error;
  }
  return { id, email };
}

interface UserRow {
  id: string;
  org_id: string;
  email: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: boolean;
  members_see_received: boolean;
}

const USER_SELECT = `SELECT u.id, u.org_id, u.email, u.display_name, u.role, u.password_hash, u.disabled, o.members_see_received
  FROM users u JOIN organizations o ON o.id = u.org_id`;

function toPrincipal(row: UserRow): Principal {
  return {
    userId: row.id,
    orgId: row.org_id,
    role: row.role,
    email: row.email,
    displayName: row.display_name,
    membersSeeReceived: row.members_see_received,
  };
}

export async function findUserForSignIn(
  db: Queryable,
  email: string,
): Promise<(Principal & { passwordHash: string }) | null> {
  const rows = await db.query<UserRow>(`${USER_SELECT} WHERE lower(u.email) = lower($1) AND NOT u.disabled`, [
    email.trim(),
  ]);
  const row = rows[0];
  return row ? { ...toPrincipal(row), passwordHash: row.password_hash } : null;
}

export async function loadPrincipal(db: Queryable, userId: string, orgId: string): Promise<Principal | null> {
  const rows = await db.query<UserRow>(
    `${USER_SELECT} WHERE u.id = $1 AND u.org_id = $2 AND NOT u.disabled`,
    [userId, orgId],
  );
  return rows[0] ? toPrincipal(rows[0]) : null;
}

export async function setUserRole(db: Queryable, userId: string, role: Role): Promise<void> {
  await db.query('UPDATE users SET role = $2 WHERE id = $1', [userId, role]);
}

export async function setMembersSeeReceived(db: Queryable, orgId: string, value: boolean): Promise<void> {
  await db.query('UPDATE organizations SET members_see_received = $2 WHERE id = $1', [orgId, value]);
}

/** Creates an intake key; the key itself is returned once and only its hash is stored. */
export async function createIntakeKey(
  db: Queryable,
  orgId: string,
  label = '',
): Promise<{ id: string; key: string }> {
  const id = randomUUID();
  const key = newOpaqueToken('ik_');
  await db.query('INSERT INTO intake_keys (id, org_id, key_hash, label) VALUES ($1, $2, $3, $4)', [
    id,
    orgId,
    sha256(key),
    label,
  ]);
  return { id, key };
}

/** The organization an active intake key belongs to, or null (a wrong or revoked key). */
export async function findIntakeKey(
  db: Queryable,
  key: string,
): Promise<{ id: string; orgId: string } | null> {
  const rows = await db.query<{ id: string; org_id: string }>(
    'SELECT id, org_id FROM intake_keys WHERE key_hash = $1 AND revoked_at IS NULL',
    [sha256(key)],
  );
  const row = rows[0];
  return row ? { id: row.id, orgId: row.org_id } : null;
}

export async function revokeIntakeKey(db: Queryable, orgId: string, id: string): Promise<boolean> {
  const rows = await db.query(
    'UPDATE intake_keys SET revoked_at = now() WHERE id = $1 AND org_id = $2 AND revoked_at IS NULL RETURNING id',
    [id, orgId],
  );
  return rows.length > 0;
}
