-- Core schema: tenancy, identity, referrals with their change log and audit trail, sync state.

CREATE TABLE service_meta (
  key text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE organizations (
  id text PRIMARY KEY,
  name text NOT NULL,
  -- The sync cursor: bumped once per write transaction, under this row's lock.
  version bigint NOT NULL DEFAULT 0,
  -- Partner Center's rule: members also see referrals still in Received, unless turned off.
  members_see_received boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id text PRIMARY KEY,
  org_id text NOT NULL REFERENCES organizations (id),
  email text NOT NULL,
  display_name text NOT NULL DEFAULT '',
  role text NOT NULL CHECK (role IN ('admin', 'member')),
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_org ON users (org_id);

CREATE TABLE refresh_tokens (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  family text NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family);

CREATE TABLE intake_keys (
  id text PRIMARY KEY,
  org_id text NOT NULL REFERENCES organizations (id),
  -- sha256 of the key: the key itself is shown once, at creation.
  key_hash text NOT NULL UNIQUE,
  label text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX intake_keys_org ON intake_keys (org_id);

CREATE TABLE devices (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  org_id text NOT NULL REFERENCES organizations (id),
  last_seq bigint NOT NULL DEFAULT 0,
  -- Measured at each push: server time minus the device's clientTime.
  clock_offset_ms bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE referrals (
  org_id text NOT NULL REFERENCES organizations (id),
  id text NOT NULL,
  -- The whole resource (Partner Center shape, with the raw upstream payload inside).
  data jsonb NOT NULL,
  version bigint NOT NULL,
  status text NOT NULL,
  substatus text NOT NULL,
  qualification text NOT NULL,
  type text NOT NULL,
  direction text NOT NULL,
  tab text NOT NULL,
  stage text NOT NULL,
  favorite boolean NOT NULL DEFAULT false,
  is_test boolean NOT NULL DEFAULT false,
  -- Response deadline while in Received, else null.
  deadline timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  dedupe_key text,
  -- Lower-cased emails of the partner's team now, and of everyone ever on it (member visibility).
  team_emails text[] NOT NULL DEFAULT '{}',
  ever_team_emails text[] NOT NULL DEFAULT '{}',
  was_received boolean NOT NULL DEFAULT false,
  -- Version at which each editable deal field last changed (editDeal conflicts).
  field_versions jsonb NOT NULL DEFAULT '{}',
  -- Tombstone: kept so that pull can tell every device about the delete.
  deleted boolean NOT NULL DEFAULT false,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX referrals_version ON referrals (org_id, version, id);
CREATE INDEX referrals_open_deadline ON referrals (deadline) WHERE stage = 'received' AND NOT deleted;
CREATE INDEX referrals_snapshot_order ON referrals (org_id, (stage = 'archived'), id) WHERE NOT deleted;
CREATE INDEX referrals_created ON referrals (org_id, created_at);
CREATE INDEX referrals_updated ON referrals (org_id, updated_at);
CREATE INDEX referrals_status ON referrals (org_id, status, substatus);
CREATE INDEX referrals_dedupe ON referrals (org_id, dedupe_key) WHERE dedupe_key IS NOT NULL;

-- One row per referral touched by each write transaction.
CREATE TABLE change_log (
  org_id text NOT NULL,
  version bigint NOT NULL,
  referral_id text NOT NULL,
  op text NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  PRIMARY KEY (org_id, version, referral_id)
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  org_id text NOT NULL,
  referral_id text NOT NULL,
  version bigint NOT NULL,
  at timestamptz NOT NULL,
  action text NOT NULL,
  channel text NOT NULL,
  actor_user_id text,
  actor_name text NOT NULL DEFAULT '',
  device_id text,
  from_status text,
  from_substatus text,
  to_status text,
  to_substatus text,
  action_time timestamptz,
  late_arrival boolean NOT NULL DEFAULT false,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_referral ON audit_log (org_id, referral_id, id);

-- The durable outbox of referral events, written in the same transaction as the change:
-- webhooks and email alerts consume it (by id) without ever missing one.
CREATE TABLE referral_events (
  id bigserial PRIMARY KEY,
  org_id text NOT NULL,
  referral_id text NOT NULL,
  version bigint NOT NULL,
  kind text NOT NULL,
  action text NOT NULL,
  channel text NOT NULL,
  tab text NOT NULL,
  qualification text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referral_events_org ON referral_events (org_id, id);

-- Every push outcome, so that a replayed seq returns exactly what it returned the first time.
CREATE TABLE push_results (
  device_id text NOT NULL REFERENCES devices (id),
  seq bigint NOT NULL,
  mutation_id text NOT NULL,
  name text NOT NULL,
  referral_id text,
  outcome text NOT NULL,
  reason text,
  -- conflicts (editDeal) or details (invalid_args), returned again on replay
  extra jsonb NOT NULL DEFAULT '{}',
  at_version bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, seq)
);
CREATE INDEX push_results_version ON push_results (device_id, at_version);

CREATE TABLE sync_snapshots (
  id text PRIMARY KEY,
  org_id text NOT NULL,
  user_id text NOT NULL,
  scope text NOT NULL,
  version bigint NOT NULL,
  page_size integer NOT NULL,
  total integer NOT NULL,
  -- The last (archived, id) key of each page: pages stay put while rows change.
  boundaries jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sync_snapshots_created ON sync_snapshots (created_at);
