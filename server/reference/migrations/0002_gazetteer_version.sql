-- The reference data now loads in two parts, each with its own version row:
-- 1 = core (countries, regions, RILOs, HS, currencies, commodities, methods), 2 = gazetteer (UN/LOCODE, airports).
ALTER TABLE ref_data_version DROP CONSTRAINT ref_data_version_id_check;
ALTER TABLE ref_data_version ADD CONSTRAINT ref_data_version_id_check CHECK (id IN (1, 2));
