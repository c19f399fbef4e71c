-- Seizure imports (issue 3, point 4): what the upload found in the file, the validation's finer
-- counts and progress, and how the import was committed.
ALTER TABLE seizure_imports
  ADD COLUMN size_bytes bigint NOT NULL DEFAULT 0,
  ADD COLUMN encoding text,                                -- CSV only: utf-8, windows-1252 or utf-16le
  ADD COLUMN delimiter text,                               -- CSV only: comma, semicolon or tab
  ADD COLUMN sample jsonb NOT NULL DEFAULT '[]',           -- the first rows as read, for the mapping screen
  ADD COLUMN suggested_mapping jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN nominal_rows integer NOT NULL DEFAULT 0,      -- rows whose only errors are text that looks like personal data
  ADD COLUMN already_stored integer NOT NULL DEFAULT 0,    -- valid rows whose external reference is already stored
  ADD COLUMN progress real NOT NULL DEFAULT 0,             -- share of the file read by the running pass, 0 to 1
  ADD COLUMN commit_mode text CHECK (commit_mode IN ('all', 'valid')),
  ADD COLUMN submit boolean NOT NULL DEFAULT false,
  ADD COLUMN accept_nominal boolean NOT NULL DEFAULT false,
  ADD COLUMN node text,                                    -- the process holding the spooled file
  ADD COLUMN committed_at timestamptz;
