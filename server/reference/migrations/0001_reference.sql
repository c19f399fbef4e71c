-- Reference data: filled from server/reference/data/ by loadReferenceData() at start-up.
-- Other modules read these through the reference service, never with SQL, and hold no
-- foreign keys to them, so a reload can replace the rows freely.
-- `search` is lower(unaccent(every name)) computed at load time: unaccent() is not
-- IMMUTABLE, so it cannot sit in an index expression.
-- Codes are COLLATE "C" so that the primary-key btree also serves `code LIKE 'AB%'`.

CREATE TABLE ref_data_version (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  hash text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ref_wco_regions (
  code text COLLATE "C" PRIMARY KEY,
  names jsonb NOT NULL,
  sort smallint NOT NULL,
  search text NOT NULL
);

CREATE TABLE ref_rilos (
  code text COLLATE "C" PRIMARY KEY,
  names jsonb NOT NULL,
  region_code text NOT NULL REFERENCES ref_wco_regions (code),
  seat text NOT NULL,
  seat_country text NOT NULL,
  established smallint,
  members text[] NOT NULL,
  sort smallint NOT NULL,
  search text NOT NULL
);

CREATE TABLE ref_countries (
  code text COLLATE "C" PRIMARY KEY,
  alpha3 text COLLATE "C" NOT NULL,
  numeric text,
  names jsonb NOT NULL,
  official_name text NOT NULL,
  wco_region text REFERENCES ref_wco_regions (code),
  wco_member boolean NOT NULL,
  rilo_code text REFERENCES ref_rilos (code),
  currencies text[] NOT NULL,
  lat double precision,
  lng double precision,
  search text NOT NULL
);
CREATE UNIQUE INDEX ref_countries_alpha3 ON ref_countries (alpha3);

CREATE TABLE ref_hs_sections (
  code text PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE ref_hs_codes (
  code text COLLATE "C" PRIMARY KEY,
  level smallint NOT NULL,
  parent text,
  section text NOT NULL,
  description text NOT NULL,
  search text NOT NULL
);

CREATE TABLE ref_locodes (
  code text COLLATE "C" PRIMARY KEY,
  country text NOT NULL,
  name text NOT NULL,
  name_ascii text NOT NULL,
  alt_name text NOT NULL,
  subdivision text NOT NULL,
  functions text NOT NULL,
  lat double precision,
  lng double precision,
  search text COLLATE "C" NOT NULL
);
CREATE INDEX ref_locodes_country ON ref_locodes (country);
-- Prefix search on the name for queries too short for trigrams.
CREATE INDEX ref_locodes_search_prefix ON ref_locodes (search);

CREATE TABLE ref_airports (
  code text COLLATE "C" PRIMARY KEY,
  iata text,
  icao text COLLATE "C",
  name text NOT NULL,
  country text NOT NULL,
  region text NOT NULL,
  lat double precision,
  lng double precision,
  search text COLLATE "C" NOT NULL
);
CREATE INDEX ref_airports_icao ON ref_airports (icao);
CREATE INDEX ref_airports_search_prefix ON ref_airports (search);

CREATE TABLE ref_currencies (
  code text COLLATE "C" PRIMARY KEY,
  name text NOT NULL,
  numeric text,
  minor_unit smallint,
  withdrawn text,
  search text NOT NULL
);

CREATE TABLE ref_commodity_categories (
  code text COLLATE "C" PRIMARY KEY,
  names jsonb NOT NULL,
  units text[] NOT NULL,
  sort smallint NOT NULL,
  search text NOT NULL
);

CREATE TABLE ref_commodity_subcategories (
  code text COLLATE "C" PRIMARY KEY, -- CATEGORY.SUBCATEGORY
  category_code text NOT NULL REFERENCES ref_commodity_categories (code),
  names jsonb NOT NULL,
  hs_code text,
  units text[] NOT NULL,
  global_shield boolean NOT NULL,
  sort smallint NOT NULL,
  search text NOT NULL
);
CREATE INDEX ref_commodity_subcategories_category ON ref_commodity_subcategories (category_code);

CREATE TABLE ref_detection_methods (
  code text COLLATE "C" PRIMARY KEY,
  names jsonb NOT NULL,
  sort smallint NOT NULL,
  search text NOT NULL
);

CREATE TABLE ref_concealment_methods (
  code text COLLATE "C" PRIMARY KEY,
  group_code text NOT NULL,
  names jsonb NOT NULL,
  sort smallint NOT NULL,
  search text NOT NULL
);

CREATE INDEX ref_wco_regions_trgm ON ref_wco_regions USING gin (search gin_trgm_ops);
CREATE INDEX ref_rilos_trgm ON ref_rilos USING gin (search gin_trgm_ops);
CREATE INDEX ref_countries_trgm ON ref_countries USING gin (search gin_trgm_ops);
CREATE INDEX ref_hs_codes_trgm ON ref_hs_codes USING gin (search gin_trgm_ops);
CREATE INDEX ref_locodes_trgm ON ref_locodes USING gin (search gin_trgm_ops);
CREATE INDEX ref_airports_trgm ON ref_airports USING gin (search gin_trgm_ops);
CREATE INDEX ref_currencies_trgm ON ref_currencies USING gin (search gin_trgm_ops);
CREATE INDEX ref_commodity_categories_trgm ON ref_commodity_categories USING gin (search gin_trgm_ops);
CREATE INDEX ref_commodity_subcategories_trgm ON ref_commodity_subcategories USING gin (search gin_trgm_ops);
CREATE INDEX ref_detection_methods_trgm ON ref_detection_methods USING gin (search gin_trgm_ops);
CREATE INDEX ref_concealment_methods_trgm ON ref_concealment_methods USING gin (search gin_trgm_ops);
