-- The node's own secrets for nCEN, each sealed by the master key (re-sealed by key:rotate): the blind-index
-- key today. A copy of the database without the master key cannot key a guess to test it against the indexes.
CREATE TABLE national_secrets (
  name text PRIMARY KEY,
  sealed text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Case references (NC-<year>-<number>), one sequence for the node.
CREATE SEQUENCE national_case_number;

-- The entities merged into one, read with it (aliases count in its search and its blind keys).
CREATE INDEX national_entities_merged_into ON national_entities (merged_into) WHERE merged_into IS NOT NULL;
