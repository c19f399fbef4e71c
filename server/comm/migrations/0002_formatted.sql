-- CENcomm formatted messages (issue 4). Templates are data, per operation: typed fields in sections,
-- labels in the UI languages. A formatted message is a mailbox message that also carries its template,
-- its typed fields and, once submitted, its number (GS-W-2026-0001). A warning answered by a linked
-- FEEDBACK or SEIZURE is a closed case; the OCU may also close one by hand.

CREATE TABLE comm_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id uuid NOT NULL REFERENCES comm_operations (id) ON DELETE CASCADE,
  code text COLLATE "C" NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]{1,29}$'),   -- WARNING, FEEDBACK, SEIZURE or the operation's own
  prefix text COLLATE "C" NOT NULL CHECK (prefix ~ '^[A-Z]$'),             -- the letter in message numbers: W, F, S
  names jsonb NOT NULL,                                                     -- {"en": "...", "fr": "...", ...}
  definition jsonb NOT NULL,                                                -- {"sections": [{"key", "labels", "fields": [...]}]}
  version integer NOT NULL DEFAULT 1,
  builtin boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX comm_templates_code ON comm_templates (operation_id, code);
CREATE UNIQUE INDEX comm_templates_prefix ON comm_templates (operation_id, prefix);

-- Every version a template had: a message is read with the fields it was written with.
CREATE TABLE comm_template_versions (
  template_id uuid NOT NULL REFERENCES comm_templates (id) ON DELETE CASCADE,
  version integer NOT NULL,
  names jsonb NOT NULL,
  definition jsonb NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (template_id, version)
);

-- The last number given per operation, letter and year. Taken by an upsert in the submitting
-- transaction: concurrent submits wait for each other's row lock, and a rolled-back submit gives its
-- number back, so numbers have no gaps.
CREATE TABLE comm_number_counters (
  operation_id uuid NOT NULL REFERENCES comm_operations (id) ON DELETE CASCADE,
  prefix text COLLATE "C" NOT NULL,
  year integer NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (operation_id, prefix, year)
);

ALTER TABLE comm_messages
  ADD COLUMN template_id uuid REFERENCES comm_templates (id),
  ADD COLUMN template_version integer,
  ADD COLUMN number text COLLATE "C",
  ADD COLUMN fields jsonb,
  ADD COLUMN status text NOT NULL DEFAULT 'sent' CHECK (status IN ('draft', 'sent')),
  ADD COLUMN draft_to jsonb,                                                -- a draft's intended recipients
  ADD COLUMN linked_warning_id uuid REFERENCES comm_messages (id),
  ADD COLUMN case_closed_at timestamptz,                                    -- a warning closed by hand (OCU)
  ADD COLUMN case_closed_by uuid REFERENCES users (id),
  ADD COLUMN case_close_note text,
  ADD CONSTRAINT comm_messages_formatted CHECK ((template_id IS NULL) = (fields IS NULL)),
  ADD CONSTRAINT comm_messages_numbered CHECK (status = 'draft' OR template_id IS NULL OR number IS NOT NULL),
  ADD CONSTRAINT comm_messages_draft_box CHECK (status = 'sent' OR sender_folder = 'drafts');
CREATE UNIQUE INDEX comm_messages_number ON comm_messages (operation_id, number) WHERE number IS NOT NULL;
CREATE INDEX comm_messages_linked ON comm_messages (linked_warning_id, sent_at) WHERE linked_warning_id IS NOT NULL AND status = 'sent';
CREATE INDEX comm_messages_template ON comm_messages (operation_id, template_id, sent_at) WHERE template_id IS NOT NULL AND status = 'sent';
CREATE INDEX comm_messages_drafts ON comm_messages (operation_id, sender_id) WHERE status = 'draft';
