-- RILO and GRAN alerts: drafted by an NCP or a RILO, approved by the RILO, circulated to regions, named
-- administrations, distribution lists or globally (the I2C approves global circulation). Readable only by
-- the author's administration, the reviewing RILO and the organisations it was circulated to.

CREATE SEQUENCE alert_numbers;

-- Distribution lists of organisations, kept by a RILO or the I2C.
CREATE TABLE alert_lists (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  owner_org_id uuid NOT NULL,
  org_ids uuid[] NOT NULL DEFAULT '{}',
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX alert_lists_name ON alert_lists (owner_org_id, lower(name));

CREATE TABLE alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text COLLATE "C" NOT NULL UNIQUE,               -- AL-2026-000042
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'circulated', 'withdrawn')),
  title text NOT NULL,
  risk_area text NOT NULL,
  language text NOT NULL,
  commodities jsonb NOT NULL DEFAULT '[]',                  -- [{ hsCode, description }]
  hs_codes text[] NOT NULL DEFAULT '{}',                    -- derived, for filters
  modus_operandi text NOT NULL DEFAULT '',
  concealment_methods text[] NOT NULL DEFAULT '{}',
  detection_methods text[] NOT NULL DEFAULT '{}',
  route jsonb NOT NULL DEFAULT '[]',                        -- [{ role, country, place }]
  route_countries text[] NOT NULL DEFAULT '{}',             -- derived
  transport_mode text,
  conveyance text,
  indicators jsonb NOT NULL DEFAULT '[]',                   -- risk indicators, one line each
  recommended_action text NOT NULL DEFAULT '',
  valid_from date NOT NULL,
  valid_until date,
  handling text NOT NULL CHECK (handling IN ('H0', 'H1', 'H2', 'H3')),
  source_reliability text NOT NULL CHECK (source_reliability IN ('A', 'B', 'C', 'D', 'X')),
  info_credibility smallint NOT NULL CHECK (info_credibility BETWEEN 1 AND 4),
  seizure_ids uuid[] NOT NULL DEFAULT '{}',                 -- linked CEN seizures
  warning_numbers text[] NOT NULL DEFAULT '{}',             -- linked CENcomm warnings
  author_org_id uuid NOT NULL,
  author_id uuid NOT NULL,
  region text COLLATE "C",                                  -- the author's WCO region
  rilo_code text COLLATE "C",                               -- the RILO that reviews it (the author's, or the author itself)
  return_comment text,
  targets jsonb,                                            -- the circulation asked for: { regions, orgIds, listIds, global }
  global_status text NOT NULL DEFAULT 'none' CHECK (global_status IN ('none', 'requested', 'approved', 'declined')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  circulated_at timestamptz,
  circulated_by uuid,
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple', reference || ' ' || title || ' ' || modus_operandi || ' ' || recommended_action)) STORED
);
CREATE INDEX alerts_author ON alerts (author_org_id, updated_at DESC);
CREATE INDEX alerts_review ON alerts (rilo_code, status);
CREATE INDEX alerts_global ON alerts (global_status) WHERE global_status <> 'none';
CREATE INDEX alerts_search ON alerts USING gin (search);

-- Who an alert was circulated to: one row per organisation, with how it got there.
CREATE TABLE alert_recipients (
  alert_id uuid NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  org_id uuid NOT NULL,
  via text NOT NULL,                                        -- region:EUR, org, list:<id>, global, forward:<org id>
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (alert_id, org_id)
);
CREATE INDEX alert_recipients_org ON alert_recipients (org_id, added_at DESC);

-- A recipient administration's acknowledgement and its feedback.
CREATE TABLE alert_acks (
  alert_id uuid NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  org_id uuid NOT NULL,
  user_id uuid NOT NULL,
  acknowledged_at timestamptz NOT NULL DEFAULT now(),
  feedback text CHECK (feedback IN ('acted_on', 'led_to_seizure', 'not_relevant')),
  feedback_seizure_id uuid,
  feedback_comment text,
  feedback_by uuid,
  feedback_at timestamptz,
  PRIMARY KEY (alert_id, org_id),
  CHECK (feedback IS DISTINCT FROM 'led_to_seizure' OR feedback_seizure_id IS NOT NULL)
);

CREATE TABLE alert_files (
  alert_id uuid NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  file_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('photo', 'attachment')),
  added_by uuid NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (alert_id, file_id)
);

CREATE TABLE alert_history (
  id bigserial PRIMARY KEY,
  alert_id uuid NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid,
  action text NOT NULL,
  comment text
);
CREATE INDEX alert_history_alert ON alert_history (alert_id, id);

-- Intelligence (risk) profiles: indicators on CEN fields, and a standing query over new validated seizures.
CREATE SEQUENCE profile_numbers;
CREATE TABLE intel_profiles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text COLLATE "C" NOT NULL UNIQUE,               -- RP-2026-000007
  title text NOT NULL,
  narrative text NOT NULL DEFAULT '',
  risk_area text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  handling text NOT NULL CHECK (handling IN ('H0', 'H1', 'H2', 'H3')),
  -- indicators: every one given must hold; within one, any value
  hs_prefixes text[] NOT NULL DEFAULT '{}',
  countries text[] NOT NULL DEFAULT '{}',                   -- the seizing country
  route_countries text[] NOT NULL DEFAULT '{}',             -- any country of the route
  concealment_methods text[] NOT NULL DEFAULT '{}',
  detection_methods text[] NOT NULL DEFAULT '{}',
  transport_modes text[] NOT NULL DEFAULT '{}',
  conveyance_types text[] NOT NULL DEFAULT '{}',
  places text[] NOT NULL DEFAULT '{}',                      -- UN/LOCODE or IATA of the place of seizure
  min_quantity numeric CHECK (min_quantity > 0),
  quantity_unit text,
  period_from date,
  period_to date,
  recipient_org_ids uuid[] NOT NULL DEFAULT '{}',           -- told of matches beside the owner
  owner_org_id uuid NOT NULL,
  owner_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((min_quantity IS NULL) = (quantity_unit IS NULL)),
  -- No list indicator (a quantity alone): the standing query's cheap prefilter cannot rule it out.
  no_list_indicator boolean GENERATED ALWAYS AS (cardinality(hs_prefixes) + cardinality(countries) + cardinality(route_countries)
    + cardinality(concealment_methods) + cardinality(detection_methods) + cardinality(transport_modes) + cardinality(conveyance_types)
    + cardinality(places) = 0) STORED
);
CREATE INDEX intel_profiles_owner ON intel_profiles (owner_org_id, updated_at DESC);

CREATE TABLE profile_matches (
  profile_id uuid NOT NULL REFERENCES intel_profiles (id) ON DELETE CASCADE,
  seizure_id uuid NOT NULL,
  reasons text[] NOT NULL,
  matched_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (profile_id, seizure_id)
);
CREATE INDEX profile_matches_recent ON profile_matches (profile_id, matched_at DESC);

-- How far the standing-query sweep has read the changed validated seizures (one row).
CREATE TABLE profile_sweep (
  id smallint PRIMARY KEY CHECK (id = 1),
  swept_to timestamptz NOT NULL
);
INSERT INTO profile_sweep (id, swept_to) VALUES (1, now());

-- The seizures a sweep read within its look-behind window, so that the next sweep skips them unless changed again.
CREATE TABLE profile_swept (
  seizure_id uuid PRIMARY KEY,
  updated_at timestamptz NOT NULL
);
