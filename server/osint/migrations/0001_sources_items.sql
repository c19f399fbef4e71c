-- IRIS collection: the news sources the I2C configures, and the items polled from them.

CREATE TABLE osint_sources (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  url text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('rss', 'atom', 'rdf', 'jsonfeed', 'page')),
  name text NOT NULL,
  language text,                                            -- ISO 639-1 the source declares: the prior of language identification
  country text,                                             -- ISO 3166-1 alpha-2 of the outlet
  category_hints text[] NOT NULL DEFAULT '{}',              -- risk areas the source is known for
  poll_minutes int NOT NULL DEFAULT 15 CHECK (poll_minutes >= 5),
  reliability text NOT NULL DEFAULT 'X' CHECK (reliability IN ('A', 'B', 'C', 'D', 'X')),
  enabled boolean NOT NULL DEFAULT true,
  etag text,
  last_modified text,
  last_fetch_at timestamptz,
  last_ok_at timestamptz,
  last_error text,                                          -- kept until a poll succeeds, so a failing source stays visible
  consecutive_failures int NOT NULL DEFAULT 0,
  next_poll_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX osint_sources_due ON osint_sources (next_poll_at) WHERE enabled;

CREATE TABLE osint_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  source_id uuid NOT NULL REFERENCES osint_sources (id) ON DELETE CASCADE,
  title text NOT NULL,
  summary text NOT NULL DEFAULT '',                         -- sanitised HTML (a small allowlist of tags)
  body text NOT NULL DEFAULT '',                            -- plain text
  url text NOT NULL,                                        -- canonical address of the article
  published_at timestamptz,
  fetched_at timestamptz NOT NULL DEFAULT now(),
  language text NOT NULL,                                   -- detected (ISO 639-1), or 'und'
  countries text[] NOT NULL DEFAULT '{}',                   -- ISO alpha-2, the most weighed first
  focus_country text,
  places jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'validated', 'rejected', 'published')),
  note text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source_id, url)
);
CREATE INDEX osint_items_recent ON osint_items (fetched_at DESC);
CREATE INDEX osint_items_status ON osint_items (status, fetched_at DESC);
CREATE INDEX osint_items_countries ON osint_items USING gin (countries);
