-- The customs–police cooperation diagnostic: an administration answers the questionnaire of the Handbook
-- (versioned data in server/desk/diagnostics/questionnaire/), completes it, and follows up its gaps with an
-- action plan. The WCO and the RILOs see the levels of those that agree to share them.

CREATE TABLE diagnostic_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,                                   -- identity_organisations.id: the administration assessed
  title text NOT NULL,
  version text NOT NULL,                                  -- questionnaire version the answers follow
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'completed')),
  share_with_wco boolean NOT NULL DEFAULT false,          -- the levels may appear in the regional picture of the WCO and RILOs
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  completed_by uuid,
  result jsonb,                                           -- the score at completion (it never changes afterwards)
  CHECK ((status = 'completed') = (completed_at IS NOT NULL))
);
CREATE INDEX diagnostic_assessments_org ON diagnostic_assessments (org_id, completed_at DESC);

CREATE TABLE diagnostic_answers (
  assessment_id uuid NOT NULL REFERENCES diagnostic_assessments (id) ON DELETE CASCADE,
  question_id text NOT NULL,                              -- A.2.1 …
  value text,                                             -- yes / no / partly, or a level for the self-rating
  frequency text,                                         -- never, ad_hoc, monthly, weekly, daily
  supported boolean,                                      -- rests on an MOU/MOA or on law
  text text NOT NULL DEFAULT '',
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (assessment_id, question_id)
);

CREATE TABLE diagnostic_comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  assessment_id uuid NOT NULL REFERENCES diagnostic_assessments (id) ON DELETE CASCADE,
  question_id text NOT NULL,
  author_id uuid NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX diagnostic_comments_assessment ON diagnostic_comments (assessment_id, created_at);

-- One action per gap, made at completion from the Handbook's possible solution; the administration keeps it up.
CREATE TABLE diagnostic_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  assessment_id uuid NOT NULL REFERENCES diagnostic_assessments (id) ON DELETE CASCADE,
  question_id text NOT NULL,
  area text NOT NULL,
  owner text NOT NULL DEFAULT '',
  due_date date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
  note text NOT NULL DEFAULT '',
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (assessment_id, question_id)
);
