-- The CEN seizure database (issue 3): non-nominal seizure records. There is deliberately no column
-- for a name, a personal document number, an address or any other nominal datum (DESIGN.md).
-- Columns marked "derived" are written by the service from the record's own lines and legs, so
-- that a search or an aggregate reads one table with one index rather than joining.

CREATE SEQUENCE seizure_reference_seq;

CREATE TABLE seizures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text COLLATE "C" NOT NULL UNIQUE,             -- e.g. FR-2026-0000042, assigned
  org_id uuid NOT NULL REFERENCES organisations (id),     -- reporting administration
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'validated', 'returned')),
  provenance text NOT NULL DEFAULT 'entered' CHECK (provenance IN ('entered', 'imported', 'cencomm', 'national')),
  external_ref text,                                      -- the sender's own reference (imports, national pushes)
  seized_at timestamptz NOT NULL,
  country text COLLATE "C" NOT NULL,
  region text COLLATE "C",                                -- derived: WCO region of the country
  rilo text COLLATE "C",                                  -- derived: the RILO that validates it
  place_locode text COLLATE "C",
  place_iata text COLLATE "C",
  place_text text,
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lng double precision CHECK (lng BETWEEN -180 AND 180),
  location_type text NOT NULL CHECK (location_type IN ('airport', 'seaport', 'land_border', 'inland', 'postal_express', 'rail', 'other')),
  direction text NOT NULL CHECK (direction IN ('import', 'export', 'transit', 'domestic')),
  detection_methods text[] NOT NULL DEFAULT '{}',
  concealment_methods text[] NOT NULL DEFAULT '{}',
  concealment_detail text,
  transport_mode text CHECK (transport_mode IN ('air', 'sea', 'road', 'rail', 'postal', 'pedestrian', 'other')),
  conveyance_type text,
  offenders jsonb NOT NULL DEFAULT '[]',                  -- counts by nationality, gender, age band
  narrative text,
  -- derived
  categories text[] NOT NULL DEFAULT '{}',
  hs_prefixes text[] NOT NULL DEFAULT '{}',               -- every 2-, 4- and 6-digit prefix of the lines' HS codes
  route_countries text[] NOT NULL DEFAULT '{}',
  departure_country text COLLATE "C",
  destination_country text COLLATE "C",
  search_text text NOT NULL DEFAULT '',
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
  return_comment text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  validated_at timestamptz,
  validated_by uuid REFERENCES users (id)
);
CREATE UNIQUE INDEX seizures_external_ref ON seizures (org_id, external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX seizures_seized_at ON seizures (seized_at DESC, id);
CREATE INDEX seizures_country ON seizures (country, seized_at DESC);
CREATE INDEX seizures_region ON seizures (region, seized_at DESC);
CREATE INDEX seizures_org_status ON seizures (org_id, status, updated_at DESC);
CREATE INDEX seizures_queue ON seizures (rilo, submitted_at) WHERE status = 'submitted';
CREATE INDEX seizures_categories ON seizures USING gin (categories);
CREATE INDEX seizures_hs_prefixes ON seizures USING gin (hs_prefixes);
CREATE INDEX seizures_route_countries ON seizures USING gin (route_countries);
CREATE INDEX seizures_detection ON seizures USING gin (detection_methods);
CREATE INDEX seizures_concealment ON seizures USING gin (concealment_methods);
CREATE INDEX seizures_tsv ON seizures USING gin (tsv);

CREATE TABLE seizure_commodities (
  seizure_id uuid NOT NULL REFERENCES seizures (id) ON DELETE CASCADE,
  line_no smallint NOT NULL,
  category text COLLATE "C" NOT NULL,
  subcategory text COLLATE "C",                           -- CATEGORY.SUBCATEGORY
  hs_code text COLLATE "C",
  description text,
  quantity numeric NOT NULL CHECK (quantity > 0),
  unit text NOT NULL CHECK (unit IN ('kg', 'g', 'l', 'pieces', 'cartons', 'sticks', 'heads', 'doses', 'other')),
  value numeric CHECK (value >= 0),
  currency text COLLATE "C",
  cites_species text,
  -- derived, for aggregates without a join
  seized_at timestamptz NOT NULL,
  country text COLLATE "C" NOT NULL,
  PRIMARY KEY (seizure_id, line_no)
);
CREATE INDEX seizure_commodities_time ON seizure_commodities (seized_at, category);

CREATE TABLE seizure_route_legs (
  seizure_id uuid NOT NULL REFERENCES seizures (id) ON DELETE CASCADE,
  leg_no smallint NOT NULL,
  role text NOT NULL CHECK (role IN ('departure', 'transit', 'destination')),
  country text COLLATE "C" NOT NULL,
  place_locode text COLLATE "C",
  place_iata text COLLATE "C",
  place_text text,
  leg_date date,
  PRIMARY KEY (seizure_id, leg_no)
);

CREATE TABLE seizure_photos (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seizure_id uuid NOT NULL REFERENCES seizures (id) ON DELETE CASCADE,
  file_id uuid NOT NULL,
  thumb_file_id uuid,
  caption text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX seizure_photos_seizure ON seizure_photos (seizure_id, created_at);

-- Every change, with the fields that changed (old and new values), who and when.
CREATE TABLE seizure_history (
  id bigserial PRIMARY KEY,
  seizure_id uuid NOT NULL REFERENCES seizures (id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid REFERENCES users (id),
  action text NOT NULL,
  changes jsonb NOT NULL DEFAULT '{}',
  comment text
);
CREATE INDEX seizure_history_seizure ON seizure_history (seizure_id, id);

CREATE TABLE seizure_saved_searches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL,
  query jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX seizure_saved_searches_name ON seizure_saved_searches (user_id, lower(name));

-- An import: the uploaded file is spooled on the node that received it; progress and errors are here.
CREATE TABLE seizure_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  user_id uuid NOT NULL REFERENCES users (id),
  file_name text NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
  status text NOT NULL DEFAULT 'uploaded'
    CHECK (status IN ('uploaded', 'validating', 'validated', 'committing', 'committed', 'failed')),
  columns jsonb NOT NULL DEFAULT '[]',
  mapping jsonb,
  total_rows integer,
  processed_rows integer NOT NULL DEFAULT 0,
  valid_rows integer NOT NULL DEFAULT 0,
  error_rows integer NOT NULL DEFAULT 0,
  errors jsonb NOT NULL DEFAULT '[]',                     -- the first errors, row and column located
  inserted integer NOT NULL DEFAULT 0,
  skipped integer NOT NULL DEFAULT 0,                     -- rows already imported (same external reference)
  detail text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX seizure_imports_user ON seizure_imports (user_id, created_at DESC);
