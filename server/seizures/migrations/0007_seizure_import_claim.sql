-- The process that claimed an import's commit: a commit of this node claimed by an earlier process was
-- interrupted when that process stopped, and is released (validated again) at once after a restart.
ALTER TABLE seizure_imports ADD COLUMN claim_boot text;
