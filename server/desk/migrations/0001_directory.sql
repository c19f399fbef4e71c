-- The contact-points directory of the I2C desk: who to call in another administration, when and how.
-- Each organisation keeps its own entries; an entry not confirmed for 12 months is shown as stale.

CREATE TABLE directory_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,                                     -- identity_organisations.id: the owner
  kind text NOT NULL,                                       -- see CONTACT_KINDS in directory-view.ts
  name text NOT NULL,                                       -- "CEN national contact point", "24/7 desk, Roissy"
  unit text NOT NULL DEFAULT '',
  risk_areas text[] NOT NULL DEFAULT '{}',
  languages text[] NOT NULL DEFAULT '{}',                   -- ISO 639-1
  time_zone text NOT NULL,                                  -- IANA, e.g. Europe/Paris
  always_open boolean NOT NULL DEFAULT false,
  hours jsonb NOT NULL DEFAULT '[]',                        -- [{ day: 1..7 (ISO, Monday 1), opens: "08:00", closes: "17:30" }]
  phone text NOT NULL DEFAULT '',
  email text NOT NULL DEFAULT '',
  secure_channels text[] NOT NULL DEFAULT '{}',
  notes text NOT NULL DEFAULT '',
  confirmed_at timestamptz NOT NULL DEFAULT now(),
  confirmed_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid
);
CREATE INDEX directory_entries_org ON directory_entries (org_id);
