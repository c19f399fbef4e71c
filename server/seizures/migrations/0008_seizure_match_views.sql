-- Read-only views for the alerts module's intelligence profiles (standing queries on CEN): the validated
-- seizures with the fields a profile's indicators test, and their commodity lines. Published by seizures
-- so that no other module reads its tables (docs/modules.md).
CREATE VIEW seizures_validated AS
  SELECT id, reference, org_id, country, region, rilo, seized_at, updated_at, validated_at, place_locode, place_iata,
         location_type, direction, detection_methods, concealment_methods, transport_mode, conveyance_type,
         categories, hs_prefixes, route_countries, departure_country, destination_country
    FROM seizures WHERE status = 'validated';

CREATE VIEW seizure_lines AS
  SELECT seizure_id, line_no, category, subcategory, hs_code, quantity, unit FROM seizure_commodities;

-- The sweep of changed validated seizures reads them in the order of their last change.
CREATE INDEX seizures_validated_changed ON seizures (updated_at, id) WHERE status = 'validated';
