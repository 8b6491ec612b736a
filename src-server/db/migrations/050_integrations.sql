-- The channels beside sync: intake dead letters, webhook subscriptions, email alert rules, and one
-- durable outbound queue (deliveries + every attempt) shared by webhooks and email alerts.

-- Marketplace intake bodies that could not become a referral. Microsoft never re-sends a lead, so
-- the raw bytes are kept (base64, plus the text when it is valid UTF-8) with the reason.
CREATE TABLE intake_dead_letters (
  id bigserial PRIMARY KEY,
  org_id text NOT NULL REFERENCES organizations (id),
  intake_key_id text,
  channel text NOT NULL DEFAULT 'https',
  reason text NOT NULL,
  content_type text NOT NULL DEFAULT '',
  body_base64 text NOT NULL,
  body_text text,
  size_bytes integer NOT NULL,
  received_at timestamptz NOT NULL
);
CREATE INDEX intake_dead_letters_org ON intake_dead_letters (org_id, id);

CREATE TABLE webhook_subscriptions (
  id text PRIMARY KEY,
  org_id text NOT NULL REFERENCES organizations (id),
  url text NOT NULL,
  events text[] NOT NULL,
  -- AES-256-GCM: base64 of iv | tag | ciphertext.
  secret_enc text NOT NULL,
  -- Events up to this referral_events id happened before the subscription existed.
  from_event_id bigint NOT NULL,
  created_at timestamptz NOT NULL,
  deleted_at timestamptz
);
CREATE INDEX webhook_subscriptions_org ON webhook_subscriptions (org_id) WHERE deleted_at IS NULL;

CREATE TABLE alert_rules (
  id text PRIMARY KEY,
  org_id text NOT NULL REFERENCES organizations (id),
  name text NOT NULL DEFAULT '',
  recipients text[] NOT NULL,
  tabs text[] NOT NULL DEFAULT '{}',
  qualifications text[] NOT NULL DEFAULT '{}',
  include_test_leads boolean NOT NULL DEFAULT false,
  from_event_id bigint NOT NULL,
  created_at timestamptz NOT NULL,
  deleted_at timestamptz
);
CREATE INDEX alert_rules_org ON alert_rules (org_id) WHERE deleted_at IS NULL;

-- How far the fan-out from referral_events has read, per organization. Within one organization
-- event ids grow in commit order (every write holds the organization's row lock), so a cursor
-- per organization never skips an event.
CREATE TABLE outbound_cursors (
  org_id text PRIMARY KEY REFERENCES organizations (id),
  last_event_id bigint NOT NULL
);

CREATE TABLE outbound_deliveries (
  id bigserial PRIMARY KEY,
  org_id text NOT NULL,
  sink text NOT NULL CHECK (sink IN ('webhook', 'email')),
  target_id text NOT NULL,
  event_id bigint NOT NULL,
  event_name text NOT NULL,
  referral_id text NOT NULL,
  payload jsonb NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  -- A claimed delivery is invisible to other workers until then (a crashed worker's claim lapses).
  locked_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL,
  finished_at timestamptz,
  UNIQUE (sink, target_id, event_id)
);
CREATE INDEX outbound_deliveries_due ON outbound_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX outbound_deliveries_target ON outbound_deliveries (sink, target_id, id);

CREATE TABLE outbound_attempts (
  id bigserial PRIMARY KEY,
  delivery_id bigint NOT NULL REFERENCES outbound_deliveries (id),
  attempt integer NOT NULL,
  started_at timestamptz NOT NULL,
  duration_ms integer NOT NULL,
  status_code integer,
  error text,
  outcome text NOT NULL CHECK (outcome IN ('delivered', 'retry', 'dead')),
  next_retry_at timestamptz
);
CREATE INDEX outbound_attempts_delivery ON outbound_attempts (delivery_id, id);
