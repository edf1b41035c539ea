"""The contract version: the one place it is written down.

Semantic versioning, as the README's compatibility policy explains: a major
bump for any breaking change to a table, a minor bump for compatible additions
(new nullable column, new enum value, relaxed check), a patch bump for
documentation-only changes. It is written into every Parquet footer and every
manifest.
"""

CONTRACT_VERSION = "1.2.0"
