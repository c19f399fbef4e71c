-- Analysis bulletins of a RILO or the I2C: narrative sections over a region and period, with CEN statistics
-- and the period's alerts pulled live when rendered; circulated like an alert, archived and searchable.
CREATE SEQUENCE bulletin_numbers;
CREATE TABLE alert_bulletins (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text COLLATE "C" NOT NULL UNIQUE,               -- BU-2026-000003
  title text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('monthly', 'quarterly', 'ad_hoc')),
  region text COLLATE "C",                                  -- WCO region the figures cover; null for the world
  period_from date NOT NULL,
  period_to date NOT NULL CHECK (period_to >= period_from),
  language text NOT NULL,
  handling text NOT NULL CHECK (handling IN ('H0', 'H1', 'H2', 'H3')),
  sections jsonb NOT NULL DEFAULT '[]',                     -- [{ heading, body }]
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  targets jsonb,
  author_org_id uuid NOT NULL,
  author_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  search text NOT NULL DEFAULT '',
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', search)) STORED
);
CREATE INDEX alert_bulletins_author ON alert_bulletins (author_org_id, updated_at DESC);
CREATE INDEX alert_bulletins_tsv ON alert_bulletins USING gin (tsv);

CREATE TABLE alert_bulletin_recipients (
  bulletin_id uuid NOT NULL REFERENCES alert_bulletins (id) ON DELETE CASCADE,
  org_id uuid NOT NULL,
  via text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (bulletin_id, org_id)
);
CREATE INDEX alert_bulletin_recipients_org ON alert_bulletin_recipients (org_id, added_at DESC);
