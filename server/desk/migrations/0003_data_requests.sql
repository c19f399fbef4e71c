-- Requests for WCO data: a member administration or a partner organisation asks for CEN data for analytical
-- purposes; the I2C approves (possibly narrower) or refuses with a reason; an approved request is fulfilled
-- by an extract generated at each download through a link that expires.

CREATE SEQUENCE data_request_reference_seq;

CREATE TABLE data_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,                         -- DR-2026-0007
  org_id uuid NOT NULL,                                   -- identity_organisations.id: the requesting organisation
  requester_id uuid NOT NULL,                             -- identity_users.id
  record_level boolean NOT NULL,                          -- a member administration (records) or a partner (aggregates only)
  purpose text NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
  period_from date NOT NULL,
  period_to date NOT NULL CHECK (period_to >= period_from),
  risk_areas text[] NOT NULL DEFAULT '{}',                -- commodity categories; empty: all
  regions text[] NOT NULL DEFAULT '{}',                   -- WCO regions; empty: the world
  fields text[] NOT NULL,
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'narrowed', 'refused', 'fulfilled')),
  -- The scope approved (never wider than the one requested).
  approved_from date,
  approved_to date,
  approved_risk_areas text[],
  approved_regions text[],
  approved_fields text[],
  decision_reason text,
  decided_by uuid,
  decided_at timestamptz,
  -- The extract: figures as of fulfilled_at, downloadable with the token until expires_at ("expired" after).
  fulfilled_at timestamptz,
  fulfilled_by uuid,
  download_token text UNIQUE,
  expires_at timestamptz,
  downloads integer NOT NULL DEFAULT 0,                   -- each one also in the audit log
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX data_requests_org ON data_requests (org_id, created_at DESC);
CREATE INDEX data_requests_status ON data_requests (status, created_at DESC);
