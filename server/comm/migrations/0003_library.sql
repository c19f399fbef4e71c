-- The library of an operation (manuals, lists, newsletters): folders and files, any type, 10 MB each,
-- encrypted at rest by the file store. And which users an OCU+ created for the group: only those
-- are the coordinator's to reset (not an administrator who also takes part).

CREATE TABLE comm_library_folders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id uuid NOT NULL REFERENCES comm_operations (id) ON DELETE CASCADE,
  name text NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX comm_library_folders_name ON comm_library_folders (operation_id, lower(name));

CREATE TABLE comm_library_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id uuid NOT NULL REFERENCES comm_operations (id) ON DELETE CASCADE,
  folder_id uuid REFERENCES comm_library_folders (id) ON DELETE RESTRICT,
  file_id uuid NOT NULL,
  uploaded_by uuid REFERENCES users (id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX comm_library_files_folder ON comm_library_files (operation_id, folder_id, uploaded_at DESC);

ALTER TABLE comm_members ADD COLUMN created_for_group boolean NOT NULL DEFAULT false;
