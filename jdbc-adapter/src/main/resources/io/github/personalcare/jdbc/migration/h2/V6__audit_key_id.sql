-- Keyed audit chain (issue 15 item 6): each record stores the id of the key that sealed it, so keys
-- can rotate and every record still verifies under its own key. The key itself is never stored.
-- Records written before this migration were sealed with the first plain SHA-256 encoding, whose
-- id is 'sha256-v1'; new records always name their key.
ALTER TABLE audit ADD COLUMN key_id VARCHAR(64) NOT NULL DEFAULT 'sha256-v1';
ALTER TABLE audit ALTER COLUMN key_id DROP DEFAULT;
