-- NCIC matches firearm serials without the letters embedded between digits ("embedded alphas"):
-- an inquiry on 3J6K9257 retrieves 369257. That is an extra key of its own, so the normal and folded
-- keys (which exact, folded and wildcard searches read) are unchanged; other kinds of key have none.
ALTER TABLE screening_keys ADD COLUMN ncic text COLLATE "C";
-- The firearms recorded before this get the key (the same rule as firearmSerialMatchKey).
UPDATE screening_keys SET ncic = regexp_replace(norm, '([0-9])[A-Z]+(?=[0-9])', '\1', 'g') WHERE kind = 'firearm_serial';
CREATE INDEX screening_keys_kind_ncic ON screening_keys (kind, ncic) INCLUDE (list, record_id, raw, norm, folded) WHERE ncic IS NOT NULL;
