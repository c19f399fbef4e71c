-- The nominal database of a national deployment (nCEN, issue 13). Applied only when the node's role is
-- `national`: a hub has none of these tables. Nominal values are never stored in clear: each entity has
-- its own data key (sealed by the master key) and its fields are one sealed document; lookups go through
-- keyed blind indexes (HMAC of normalised values, name tokens and phonetic keys). Seizures, users and
-- organisations belong to other modules and are referred to by id only.

CREATE TABLE national_cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text COLLATE "C" NOT NULL UNIQUE,
  org_id uuid NOT NULL,                                    -- owning administration
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'under_investigation', 'referred', 'closed')),
  offence_type text NOT NULL,
  legal_basis text NOT NULL,
  officer_id uuid NOT NULL,                                -- officer in charge
  sealed_summary text,                                     -- sealed free text (may be nominal)
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE national_entities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('person', 'company', 'transport', 'document')),
  org_id uuid NOT NULL,
  sealed_key text NOT NULL,                                -- the entity's data key, sealed by the master key
  sealed_data text NOT NULL,                               -- the nominal fields (JSON), sealed by the data key
  merged_into uuid REFERENCES national_entities (id),      -- set while merged into another entity
  review_at date NOT NULL,                                 -- retention review date
  kept_reason text,                                        -- last reason given to keep it past review
  kept_at timestamptz,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX national_entities_review ON national_entities (review_at) WHERE merged_into IS NULL;
CREATE INDEX national_entities_kind ON national_entities (kind, created_at DESC) WHERE merged_into IS NULL;

-- Blind indexes: one row per (entity, key kind, HMAC). The HMAC key is derived from the master key.
CREATE TABLE national_blind_keys (
  entity_id uuid NOT NULL REFERENCES national_entities (id) ON DELETE CASCADE,
  key_kind text COLLATE "C" NOT NULL CHECK (key_kind IN ('identifier', 'document', 'vin', 'imo', 'container', 'plate',
    'registration', 'phone', 'email', 'name_token', 'name_phonetic', 'name_full', 'birth_date', 'birth_year')),
  value bytea NOT NULL,
  PRIMARY KEY (key_kind, value, entity_id)
);
CREATE INDEX national_blind_keys_entity ON national_blind_keys (entity_id);

CREATE TABLE national_entity_seizures (
  entity_id uuid NOT NULL REFERENCES national_entities (id) ON DELETE CASCADE,
  seizure_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('suspect', 'courier', 'driver', 'owner', 'consignor', 'consignee', 'importer',
    'exporter', 'carrier', 'forwarder', 'other')),
  event_at timestamptz NOT NULL,                           -- the seizure's date, for the review date
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (entity_id, seizure_id, role)
);
CREATE INDEX national_entity_seizures_seizure ON national_entity_seizures (seizure_id);

CREATE TABLE national_entity_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  from_id uuid NOT NULL REFERENCES national_entities (id) ON DELETE CASCADE,
  to_id uuid NOT NULL REFERENCES national_entities (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('employee_of', 'director_of', 'uses_vehicle', 'shares_address', 'shares_phone')),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_id <> to_id),
  UNIQUE (from_id, to_id, kind)
);
CREATE INDEX national_entity_links_to ON national_entity_links (to_id);

CREATE TABLE national_case_seizures (
  case_id uuid NOT NULL REFERENCES national_cases (id) ON DELETE CASCADE,
  seizure_id uuid NOT NULL,
  PRIMARY KEY (case_id, seizure_id)
);
CREATE INDEX national_case_seizures_seizure ON national_case_seizures (seizure_id);

CREATE TABLE national_case_entities (
  case_id uuid NOT NULL REFERENCES national_cases (id) ON DELETE CASCADE,
  entity_id uuid NOT NULL REFERENCES national_entities (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('suspect', 'courier', 'driver', 'owner', 'consignor', 'consignee', 'importer',
    'exporter', 'carrier', 'forwarder', 'other')),
  PRIMARY KEY (case_id, entity_id, role)
);
CREATE INDEX national_case_entities_entity ON national_case_entities (entity_id);

-- Merge history: what a merge moved, so that it can be undone.
CREATE TABLE national_merges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survivor_id uuid NOT NULL REFERENCES national_entities (id) ON DELETE CASCADE,
  merged_id uuid NOT NULL REFERENCES national_entities (id) ON DELETE CASCADE,
  moved jsonb NOT NULL,                                    -- seizure links, entity links and case links moved
  reason text NOT NULL,
  merged_by uuid NOT NULL,
  merged_at timestamptz NOT NULL DEFAULT now(),
  undone_by uuid,
  undone_at timestamptz
);
CREATE INDEX national_merges_survivor ON national_merges (survivor_id, merged_at DESC);
