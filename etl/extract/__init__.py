"""Entity extraction: knowledge-base gazetteer, patterns, then cross-document resolution.

Per document, :func:`accords.etl.extract.find.extract` turns a normalised text
into :class:`~accords.etl.extract.candidates.Candidate` spans (pure, parallel).
Across documents, :func:`accords.etl.extract.resolve.resolve` merges candidates
into entities with stable ids (global, once per run).
"""
