-- Initiatives per type with the number of documents that mention them.
SELECT initiative_type, count(*) AS initiatives, sum(document_count) AS documents
FROM initiatives
GROUP BY initiative_type
ORDER BY initiatives DESC;
