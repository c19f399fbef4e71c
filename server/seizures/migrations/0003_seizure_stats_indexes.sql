-- Covering indexes for the dashboard, map and report aggregates (issue 3: stats p95 < 300 ms at
-- 1,000,000 seizures). A year or two of seizures is read from the index alone (index-only scans),
-- not from the wide table rows with their narratives and search text: the time window is the key,
-- the visibility columns and the columns that are counted or filtered on ride along.
CREATE INDEX seizures_stats ON seizures (seized_at)
  INCLUDE (id, status, org_id, rilo, country, region, departure_country, destination_country, transport_mode,
           categories, detection_methods, concealment_methods);

-- The quantities: lines by time with what is summed, joined to the seizures above by id.
CREATE INDEX seizure_commodities_stats ON seizure_commodities (seized_at)
  INCLUDE (seizure_id, category, subcategory, unit, quantity);
DROP INDEX seizure_commodities_time;
