-- Search keys answered from the indexes alone. Every lookup names the kind of key it looks for, so
-- the kind leads; the columns a match needs (list, record, raw form) are included, so that exact,
-- normalised and folded matches are index-only scans, not one heap read per key.
-- A wildcard pattern with fixed leading characters is a range of (kind, folded); the trigram index
-- (on folded, the form patterns are matched against — 0001 put it on norm, which no query reads)
-- answers patterns that begin with ? or *.
DROP INDEX screening_keys_norm;
DROP INDEX screening_keys_folded;
DROP INDEX screening_keys_trgm;
CREATE INDEX screening_keys_kind_norm ON screening_keys (kind, norm) INCLUDE (list, record_id, raw, folded);
CREATE INDEX screening_keys_kind_folded ON screening_keys (kind, folded) INCLUDE (list, record_id, raw, norm);
CREATE INDEX screening_keys_folded_trgm ON screening_keys USING gin (folded gin_trgm_ops);
