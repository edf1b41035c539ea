"""The ETL stages, in pipeline order: ingest -> decode/normalise -> clean -> extract -> resolve -> validate -> publish."""
