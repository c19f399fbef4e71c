-- The I2C help desk: a member's request (of a type, with a priority), its thread, files and linked screening
-- searches. The response-time clock is kept as due times fixed at creation plus the time spent waiting for the
-- member (paused), so that a request's clock can be shown and filtered without recomputing its history.

CREATE TABLE helpdesk_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,                           -- HD-2026-000123
  type text NOT NULL,                                       -- REQUEST_TYPES in helpdesk-view.ts
  priority text NOT NULL,                                   -- PRIORITIES
  status text NOT NULL DEFAULT 'new',                       -- STATUSES
  subject text NOT NULL,
  org_id uuid NOT NULL,                                     -- identity_organisations.id: the requesting member
  created_by uuid NOT NULL,                                 -- identity_users.id
  assignee_id uuid,                                         -- an I2C officer
  search jsonb,                                             -- watch-list search asked for: { identifier, list }
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  first_response_due timestamptz NOT NULL,
  resolution_due timestamptz NOT NULL,
  first_response_at timestamptz,
  waiting_since timestamptz,                                -- set while the status is waiting_member
  paused_seconds integer NOT NULL DEFAULT 0,                -- time spent waiting for the member, added to the due times
  resolved_at timestamptz,
  closed_at timestamptz,
  satisfaction smallint CHECK (satisfaction BETWEEN 1 AND 5),
  satisfaction_comment text NOT NULL DEFAULT ''
);
CREATE INDEX helpdesk_requests_org ON helpdesk_requests (org_id, created_at DESC);
CREATE INDEX helpdesk_requests_open ON helpdesk_requests (status, created_at) WHERE status NOT IN ('resolved', 'closed');
CREATE SEQUENCE helpdesk_request_number;

-- The thread: messages, internal notes of the I2C, and the request's events (status, assignment, search run).
CREATE TABLE helpdesk_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id uuid NOT NULL REFERENCES helpdesk_requests (id) ON DELETE CASCADE,
  kind text NOT NULL,                                       -- message | note | status | assignment | priority | screening | file
  author_id uuid NOT NULL,
  author_org_id uuid NOT NULL,
  body text NOT NULL DEFAULT '',
  detail jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX helpdesk_entries_request ON helpdesk_entries (request_id, created_at);

-- Attachments of the thread, encrypted at rest by the platform's file store.
CREATE TABLE helpdesk_files (
  request_id uuid NOT NULL REFERENCES helpdesk_requests (id) ON DELETE CASCADE,
  file_id uuid NOT NULL PRIMARY KEY,
  added_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX helpdesk_files_request ON helpdesk_files (request_id);
