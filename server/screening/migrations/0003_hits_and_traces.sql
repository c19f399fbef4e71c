-- Second-level hits and firearm trace requests (issue 5, points 3 and 5).
-- A row of screening_hits is a candidate of a query. When the enquirer opens its detail it becomes a
-- notified hit: the recording organisation must then confirm it or not, within the hour that INTERPOL
-- recommends for validating an exact positive reply. Candidates never opened keep these columns NULL.
ALTER TABLE screening_hits
  ADD COLUMN opened_at timestamptz,
  ADD COLUMN opened_by uuid REFERENCES users (id),
  -- Kept on the hit: the record may be deleted later, and the decision still belongs to its owner.
  ADD COLUMN recording_org_id uuid REFERENCES organisations (id),
  ADD COLUMN status text CHECK (status IN ('pending', 'confirmed', 'not_confirmed')),
  ADD COLUMN note text,
  ADD COLUMN decided_by uuid REFERENCES users (id),
  ADD COLUMN decided_at timestamptz,
  ADD CONSTRAINT screening_hits_opened CHECK ((opened_at IS NULL) = (status IS NULL) AND (opened_at IS NULL) = (recording_org_id IS NULL)),
  ADD CONSTRAINT screening_hits_decided CHECK ((status = 'pending') = (decided_at IS NULL) OR status IS NULL);
CREATE INDEX screening_hits_recording ON screening_hits (recording_org_id, opened_at DESC) WHERE opened_at IS NOT NULL;
CREATE INDEX screening_hits_for_org_opened ON screening_hits (for_org_id, opened_at DESC) WHERE opened_at IS NOT NULL;

-- A firearm trace request: an enquirer asks the recording organisation about one of its firearms.
-- No foreign key to the firearm: the question and its answer outlive a deleted record.
CREATE TABLE screening_trace_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  firearm_record_id uuid NOT NULL,
  requester_user_id uuid NOT NULL REFERENCES users (id),
  requester_org_id uuid NOT NULL REFERENCES organisations (id),
  owner_org_id uuid NOT NULL REFERENCES organisations (id),
  question text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered')),
  answer text,
  answered_by uuid REFERENCES users (id),
  answered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'answered') = (answered_at IS NOT NULL))
);
CREATE INDEX screening_trace_requests_requester ON screening_trace_requests (requester_org_id, created_at DESC);
CREATE INDEX screening_trace_requests_owner ON screening_trace_requests (owner_org_id, created_at DESC);
