-- Countries by mentions, with the documents' date range.
SELECT e.canonical_name, e.iso3, count(*) AS mentions,
       min(d.published_date) AS first_seen, max(d.published_date) AS last_seen
FROM mentions m
JOIN entities e USING (entity_id)
JOIN documents d USING (document_id)
WHERE e.entity_type = 'country'
GROUP BY ALL
ORDER BY mentions DESC;
