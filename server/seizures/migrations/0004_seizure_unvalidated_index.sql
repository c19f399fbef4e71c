-- The few records not validated (drafts, submitted, returned), by time. The dashboard sums the
-- quantities of every line in a period from the lines' own index, then takes away the lines of the
-- records the caller may not see, which are among these: a small set instead of a join of every line
-- with its seizure.
CREATE INDEX seizures_unvalidated ON seizures (seized_at) WHERE status <> 'validated';
