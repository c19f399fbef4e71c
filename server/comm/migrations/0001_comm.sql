-- CENcomm (issue 4): operations are closed user groups. Nothing of an operation is readable by a
-- user who is not a member of it; the service checks membership on every call.

CREATE TABLE comm_operations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text COLLATE "C" NOT NULL,                 -- e.g. GS (used in message numbers GS-W-2026-0001)
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  starts_on date,
  ends_on date,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'active', 'closed', 'archived')),
  organiser_org_id uuid NOT NULL REFERENCES organisations (id),
  newsletter_hour smallint NOT NULL DEFAULT 7 CHECK (newsletter_hour BETWEEN 0 AND 23),
  newsletter_time_zone text NOT NULL DEFAULT 'UTC',
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE UNIQUE INDEX comm_operations_code ON comm_operations (upper(code));

CREATE TABLE comm_members (
  operation_id uuid NOT NULL REFERENCES comm_operations (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id),
  role text NOT NULL CHECK (role IN ('ocu_plus', 'ocu', 'ncp', 'pu')),
  added_by uuid REFERENCES users (id),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (operation_id, user_id)
);
CREATE INDEX comm_members_user ON comm_members (user_id);

-- A user's own folders in one operation's mailbox (inbox, outbox and bin are built in).
CREATE TABLE comm_folders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id uuid NOT NULL REFERENCES comm_operations (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX comm_folders_name ON comm_folders (operation_id, user_id, lower(name));

CREATE TABLE comm_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id uuid NOT NULL REFERENCES comm_operations (id) ON DELETE CASCADE,
  sender_id uuid NOT NULL REFERENCES users (id),
  subject text NOT NULL,
  body text NOT NULL DEFAULT '',
  reply_to_id uuid REFERENCES comm_messages (id),
  forwarded_from_id uuid REFERENCES comm_messages (id),
  -- how the sender addressed it: ncps, country, all, chosen
  addressed_to text NOT NULL CHECK (addressed_to IN ('ncps', 'country', 'all', 'chosen')),
  recipient_count integer NOT NULL DEFAULT 0,
  -- the sender's copy: outbox, bin or one of the sender's folders
  sender_folder text NOT NULL DEFAULT 'outbox',
  sent_at timestamptz NOT NULL DEFAULT now(),
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple', subject || ' ' || body)) STORED
);
CREATE INDEX comm_messages_outbox ON comm_messages (operation_id, sender_id, sender_folder, sent_at DESC);
CREATE INDEX comm_messages_search ON comm_messages USING gin (search);

CREATE TABLE comm_deliveries (
  message_id uuid NOT NULL REFERENCES comm_messages (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id),
  operation_id uuid NOT NULL,                      -- copied from the message: the mailbox index needs it
  folder text NOT NULL DEFAULT 'inbox',           -- inbox, bin, or a folder id of the recipient
  sent_at timestamptz NOT NULL,                   -- copied from the message, for the listing order
  read_at timestamptz,
  PRIMARY KEY (message_id, user_id)
);
CREATE INDEX comm_deliveries_box ON comm_deliveries (user_id, operation_id, folder, sent_at DESC, message_id);
CREATE INDEX comm_deliveries_unread ON comm_deliveries (user_id, operation_id) WHERE read_at IS NULL AND folder <> 'bin';

CREATE TABLE comm_attachments (
  message_id uuid NOT NULL REFERENCES comm_messages (id) ON DELETE CASCADE,
  file_id uuid NOT NULL,
  position smallint NOT NULL,
  PRIMARY KEY (message_id, position)
);
