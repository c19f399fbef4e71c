-- Realtime events travel by pg_notify, whose payload is capped near 8,000 bytes.
-- A larger event is parked here and only its id is notified; rows are short-lived.
CREATE TABLE event_payloads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  body jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX event_payloads_created ON event_payloads (created_at);
