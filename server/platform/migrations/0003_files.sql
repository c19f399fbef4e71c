-- Encrypted attachments. Ciphertext lives in the database, not on a node's disk,
-- because app nodes are stateless. Each file has its own AES-256-GCM data key,
-- stored wrapped by the master key named in key_id (so rotation can find them).
CREATE TABLE files (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  mime text NOT NULL,
  size integer NOT NULL CHECK (size >= 0),
  sha256 text NOT NULL, -- of the plaintext, hex
  owner_user_id text,
  key_id text NOT NULL,
  wrapped_key bytea NOT NULL, -- iv (12) || tag (16) || encrypted data key (32)
  iv bytea NOT NULL,
  tag bytea NOT NULL,
  data bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX files_key_id ON files (key_id);
CREATE INDEX files_owner ON files (owner_user_id);
