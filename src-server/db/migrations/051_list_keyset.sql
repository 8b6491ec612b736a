-- Keyset paging of the resource API list and the CSV export: (time, id) after a position, per
-- organization, without sorting everything that shares a timestamp (imports often do).
CREATE INDEX referrals_created_keyset ON referrals (org_id, created_at, id) WHERE NOT deleted;
CREATE INDEX referrals_updated_keyset ON referrals (org_id, updated_at, id) WHERE NOT deleted;
