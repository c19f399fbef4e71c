-- Images of works of art and cultural objects (issue 5: "title, artist or culture, …, images").
-- The image itself is in the encrypted file store (files); this links it to its record, in order.
-- Deleting the record deletes its links; the service removes the files in the same transaction.
CREATE TABLE screening_art_images (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  art_id uuid NOT NULL REFERENCES screening_art (id) ON DELETE CASCADE,
  file_id uuid NOT NULL UNIQUE REFERENCES files (id) ON DELETE CASCADE,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX screening_art_images_art ON screening_art_images (art_id, created_at);
