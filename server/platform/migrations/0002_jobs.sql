-- Background jobs shared by every app node: a node claims due rows with
-- FOR UPDATE SKIP LOCKED, so any number of nodes can work the same queue.
CREATE TABLE jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  payload jsonb,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts >= 1),
  run_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  -- A running job whose lease ran out belongs to a node that died; another node takes it over.
  locked_by text,
  locked_until timestamptz,
  dedupe_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

CREATE UNIQUE INDEX jobs_dedupe_key ON jobs (dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX jobs_queued_due ON jobs (run_at) WHERE status = 'queued';
CREATE INDEX jobs_running_lease ON jobs (locked_until) WHERE status = 'running';
CREATE INDEX jobs_finished ON jobs (finished_at) WHERE status IN ('done', 'failed');

-- Recurring jobs. next_run_at is advanced in the same transaction that queues the
-- job, under a row lock, so a due time enqueues once however many nodes run.
CREATE TABLE job_schedules (
  name text PRIMARY KEY,
  cron text NOT NULL,
  time_zone text NOT NULL DEFAULT 'UTC',
  kind text NOT NULL,
  payload jsonb,
  next_run_at timestamptz NOT NULL,
  last_run_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX job_schedules_due ON job_schedules (next_run_at);
