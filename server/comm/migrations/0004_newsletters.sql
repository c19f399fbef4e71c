-- CENcomm newsletters (issue 4): a daily newsletter per operation, made by a scheduled job at the
-- operation's newsletter hour in its time zone, or on demand by the OCU. Each is archived with the data
-- it was built from (statistics, the period's SEIZURE messages with their fields), so that it reads the
-- same later, in any of the UI languages.

CREATE TABLE comm_newsletters (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id uuid NOT NULL REFERENCES comm_operations (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('daily', 'on_demand')),
  local_day date NOT NULL,                         -- the day in the operation's newsletter time zone
  time_zone text NOT NULL,                         -- that zone, as it was when the newsletter was made
  period_start timestamptz NOT NULL,               -- the SEIZURE messages sent in [start, end) are in it
  period_end timestamptz NOT NULL,
  generated_at timestamptz NOT NULL DEFAULT now(),
  generated_by uuid REFERENCES users (id),         -- null: the daily job
  recipients integer NOT NULL DEFAULT 0,
  data jsonb NOT NULL
);
-- One daily newsletter per operation and local day, whichever node's job gets there first.
CREATE UNIQUE INDEX comm_newsletters_daily ON comm_newsletters (operation_id, local_day) WHERE kind = 'daily';
CREATE INDEX comm_newsletters_list ON comm_newsletters (operation_id, generated_at DESC);

-- Thumbnails of the seizure photos a newsletter shows, made once when it is generated (encrypted in
-- the file store like the photos themselves).
CREATE TABLE comm_newsletter_photos (
  newsletter_id uuid NOT NULL REFERENCES comm_newsletters (id) ON DELETE CASCADE,
  thumb_file_id uuid NOT NULL,
  message_id uuid NOT NULL,
  source_file_id uuid NOT NULL,
  position smallint NOT NULL,
  PRIMARY KEY (newsletter_id, thumb_file_id)
);
