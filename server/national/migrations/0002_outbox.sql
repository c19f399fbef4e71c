-- The push of a national node's seizures to its hub (issue 13). One row per change of a seizure (its
-- submission, a change once submitted, its removal), written in the change's own transaction and sent in
-- order per seizure. No row holds a seizure's content: the payload is built at send time from the seizure
-- as it is then, through the non-nominal allowlist. Seizures belong to the seizures module and are referred
-- to by id only (a withdrawal outlives its seizure).

CREATE TABLE national_outbox (
  id bigserial PRIMARY KEY,                                -- the order of the changes
  seizure_id uuid NOT NULL,
  seizure_reference text COLLATE "C" NOT NULL,             -- the national reference, kept for the page after a removal
  operation text NOT NULL CHECK (operation IN ('create', 'update', 'withdraw')),
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed', 'superseded')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  locked_by text,                                          -- the sending process, under a lease
  locked_until timestamptz,
  last_error text,                                         -- the hub's status and problem detail, or the network error
  hub_status integer,                                      -- HTTP status of the last attempt
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX national_outbox_due ON national_outbox (id) WHERE state = 'pending';
CREATE INDEX national_outbox_seizure ON national_outbox (seizure_id, id) WHERE state IN ('pending', 'failed');
CREATE INDEX national_outbox_by_seizure ON national_outbox (seizure_id, id DESC);
CREATE INDEX national_outbox_state ON national_outbox (state, id DESC);

-- What the node knows of each of its seizures on the hub, as last read there.
CREATE TABLE national_hub_seizures (
  seizure_id uuid PRIMARY KEY,
  hub_id uuid,
  hub_reference text COLLATE "C",
  hub_status text CHECK (hub_status IN ('draft', 'submitted', 'validated', 'returned')),
  hub_comment text,                                        -- the RILO's comment when it returned the seizure
  withdrawn boolean NOT NULL DEFAULT false,
  checked_at timestamptz,
  poll_after timestamptz,                                  -- the next read of its state on the hub
  last_error text                                          -- why the last read failed
);
CREATE INDEX national_hub_seizures_poll ON national_hub_seizures (poll_after) WHERE hub_status = 'submitted' AND NOT withdrawn;

-- One row: whether the outbox sends (an administrator or NCP pauses it; rows keep queueing).
CREATE TABLE national_outbox_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  paused boolean NOT NULL DEFAULT false,
  changed_by uuid,
  changed_at timestamptz
);
INSERT INTO national_outbox_settings (id) VALUES (true);
