-- Search by departure and destination country (and the map's drill-down on a flow). Without it, a
-- count of the matches of "from CO, EC or PE to ES, NL or BE" reads the whole seizure index.
CREATE INDEX seizures_route_pair ON seizures (departure_country, destination_country);
