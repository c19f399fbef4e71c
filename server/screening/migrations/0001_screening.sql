-- Watch lists fed by member organisations (issue 5). Each list has its own table with typed columns;
-- every identifier (document number, VIN, plate, firearm serial, container and IMO number) is also
-- written to screening_keys, so that one set of indexes answers searches across all lists.
-- Only the recording organisation (org_id) changes a record. A record leaves the searchable set
-- when its review date passes; the default review date is ten years after recording.

CREATE TABLE screening_travel_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL,
  doc_type text NOT NULL CHECK (doc_type IN ('passport', 'identity_card', 'visa', 'residence_permit', 'other')),
  issuing_country char(2) NOT NULL,
  status text NOT NULL CHECK (status IN ('stolen', 'lost', 'stolen_blank', 'revoked')),
  issued_on date,
  expires_on date,
  stolen_on date,
  national_reference text,
  org_id uuid NOT NULL REFERENCES organisations (id),
  created_by uuid REFERENCES users (id),
  review_on date NOT NULL DEFAULT (current_date + 3652),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX screening_travel_documents_org ON screening_travel_documents (org_id, created_at DESC);

CREATE TABLE screening_vehicles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  vin text NOT NULL,
  make text NOT NULL,
  model text,
  year integer CHECK (year BETWEEN 1886 AND 2100),
  colour text,
  plate_number text,
  plate_country char(2),
  status text NOT NULL CHECK (status IN ('stolen', 'misappropriated', 'wanted')),
  national_reference text,
  org_id uuid NOT NULL REFERENCES organisations (id),
  created_by uuid REFERENCES users (id),
  review_on date NOT NULL DEFAULT (current_date + 3652),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX screening_vehicles_org ON screening_vehicles (org_id, created_at DESC);
-- Structured search: make + model (+ colour, year) as an officer reads them off the car.
CREATE INDEX screening_vehicles_make_model ON screening_vehicles (lower(make), lower(model));

CREATE TABLE screening_firearms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- A firearm may carry several serials (frame, slide, barrel); each is a key.
  serial_numbers text[] NOT NULL CHECK (cardinality(serial_numbers) BETWEEN 1 AND 10),
  make text NOT NULL,
  model text,
  calibre text,
  firearm_type text NOT NULL CHECK (firearm_type IN ('pistol', 'revolver', 'rifle', 'shotgun', 'submachine_gun', 'machine_gun', 'other')),
  status text NOT NULL CHECK (status IN ('stolen', 'lost', 'trafficked', 'smuggled')),
  national_reference text,
  org_id uuid NOT NULL REFERENCES organisations (id),
  created_by uuid REFERENCES users (id),
  review_on date NOT NULL DEFAULT (current_date + 3652),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX screening_firearms_org ON screening_firearms (org_id, created_at DESC);
-- Structured search: make + model (+ partial serial), the iARMS way.
CREATE INDEX screening_firearms_make_model ON screening_firearms (lower(make), lower(model));

CREATE TABLE screening_art (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  artist_or_culture text,
  object_type text NOT NULL,
  materials text,
  dimensions text,
  description text,
  status text NOT NULL CHECK (status IN ('stolen', 'looted', 'illicitly_exported')),
  national_reference text,
  org_id uuid NOT NULL REFERENCES organisations (id),
  created_by uuid REFERENCES users (id),
  review_on date NOT NULL DEFAULT (current_date + 3652),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX screening_art_org ON screening_art (org_id, created_at DESC);
-- Works of art carry no standard number: they are found by title, artist or culture (typos allowed).
CREATE INDEX screening_art_text ON screening_art USING gin ((lower(title || ' ' || coalesce(artist_or_culture, ''))) gin_trgm_ops);

CREATE TABLE screening_containers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL,
  reason text NOT NULL,
  national_reference text,
  org_id uuid NOT NULL REFERENCES organisations (id),
  created_by uuid REFERENCES users (id),
  review_on date NOT NULL DEFAULT (current_date + 3652),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX screening_containers_org ON screening_containers (org_id, created_at DESC);

CREATE TABLE screening_vessels (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  imo text NOT NULL,
  name text,
  flag char(2),
  reason text NOT NULL,
  national_reference text,
  org_id uuid NOT NULL REFERENCES organisations (id),
  created_by uuid REFERENCES users (id),
  review_on date NOT NULL DEFAULT (current_date + 3652),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX screening_vessels_org ON screening_vessels (org_id, created_at DESC);

-- Every identifier of every record, in three forms: raw (as recorded), normalised (the identifier's
-- own rules: case, spaces, symbols) and folded (OCR confusions O/0, I/1, B/8, S/5, Z/2 made equal).
-- No foreign key: record_id points into the table of `list`; the service writes and deletes keys in
-- the same transaction as their record. COLLATE "C" makes comparisons bytewise (faster, and lets a
-- btree answer LIKE 'ABC%').
CREATE TABLE screening_keys (
  list text NOT NULL,
  record_id uuid NOT NULL,
  kind text NOT NULL,
  raw text NOT NULL,
  norm text COLLATE "C" NOT NULL,
  folded text COLLATE "C" NOT NULL
);
CREATE INDEX screening_keys_record ON screening_keys (record_id);
-- Exact and normalised matches (the raw form is compared on the rows this finds).
CREATE INDEX screening_keys_norm ON screening_keys (norm);
-- Folded (OCR) matches.
CREATE INDEX screening_keys_folded ON screening_keys (folded);
-- One edit away (a typo, a missing or extra character, two adjacent characters swapped). Pigeonhole:
-- for a key of length L let h = (L - 1) / 2. A single edit of any of those kinds leaves intact either
-- the first h characters or the last h characters (a transposition touches positions i and i + 1,
-- and 2h < L keeps both inside one side). So the candidates for a query of length m are the keys of
-- length m - 1, m or m + 1 whose h-prefix or h-suffix equals the query's: two btree range probes
-- per length, not a scan. `norm` is included so that the distance filter (levenshtein_less_equal,
-- then the transposition-aware check in TypeScript) runs on an index-only scan.
CREATE INDEX screening_keys_edit_prefix ON screening_keys (length(norm), left(norm, (length(norm) - 1) / 2)) INCLUDE (norm);
CREATE INDEX screening_keys_edit_suffix ON screening_keys (length(norm), right(norm, (length(norm) - 1) / 2)) INCLUDE (norm);
-- Wildcard serials (`?`, `*`) as LIKE patterns: trigrams find the keys that hold the fixed parts.
CREATE INDEX screening_keys_trgm ON screening_keys USING gin (norm gin_trgm_ops);

-- The firearms reference table (after INTERPOL's IFRT): makes, models and calibres, each with the
-- other names it goes by, so that "S&W", "9mm Para" or "AK-47" find the same records. Editable by
-- administrators; records store the canonical name.
CREATE TABLE screening_firearm_reference (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('make', 'model', 'calibre')),
  name text NOT NULL,
  aliases text[] NOT NULL DEFAULT '{}',
  -- For a model: its make. For a make: its country of origin.
  make text,
  country char(2),
  firearm_type text CHECK (firearm_type IN ('pistol', 'revolver', 'rifle', 'shotgun', 'submachine_gun', 'machine_gun', 'other')),
  calibre text,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX screening_firearm_reference_name ON screening_firearm_reference (kind, lower(coalesce(make, '')), lower(name));

-- The query log: who searched, on behalf of which organisation, what, when and how many hits.
-- `for_org_id` is the administration the search counts for (the member, for an I2C search on its behalf).
CREATE TABLE screening_queries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid NOT NULL REFERENCES users (id),
  org_id uuid NOT NULL REFERENCES organisations (id),
  on_behalf_of_org_id uuid REFERENCES organisations (id),
  for_org_id uuid NOT NULL REFERENCES organisations (id),
  mode text NOT NULL CHECK (mode IN ('search', 'batch')),
  list text,
  query jsonb NOT NULL,
  items integer NOT NULL,
  hits integer NOT NULL
);
CREATE INDEX screening_queries_at ON screening_queries (at DESC);
-- The per-user rate limit counts the last minute of this index.
CREATE INDEX screening_queries_user_at ON screening_queries (user_id, at DESC);
CREATE INDEX screening_queries_for_org_at ON screening_queries (for_org_id, at DESC);

-- Each hit of a query, under the administration the query was made for.
CREATE TABLE screening_hits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  query_id uuid NOT NULL REFERENCES screening_queries (id) ON DELETE CASCADE,
  item_index integer NOT NULL,
  list text NOT NULL,
  record_id uuid NOT NULL,
  match text NOT NULL,
  for_org_id uuid NOT NULL REFERENCES organisations (id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX screening_hits_query ON screening_hits (query_id);
CREATE INDEX screening_hits_record ON screening_hits (record_id);

-- CSV bulk loads: one row per load, with its counts and row-level errors.
CREATE TABLE screening_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  list text NOT NULL,
  org_id uuid NOT NULL REFERENCES organisations (id),
  user_id uuid NOT NULL REFERENCES users (id),
  mode text NOT NULL CHECK (mode IN ('all_or_nothing', 'valid_rows')),
  status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  rows integer NOT NULL DEFAULT 0,
  stored integer NOT NULL DEFAULT 0,
  errors jsonb NOT NULL DEFAULT '[]',
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
