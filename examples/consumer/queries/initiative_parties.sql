-- One row per (initiative, party): a temporary view, then a query over it.
CREATE TEMP VIEW parties AS
SELECT i.initiative_id, i.name, unnest(i.parties) AS party_id FROM initiatives i;

SELECT p.name AS initiative, e.canonical_name AS party, e.entity_type
FROM parties p JOIN entities e ON e.entity_id = p.party_id
ORDER BY 1, 2;
