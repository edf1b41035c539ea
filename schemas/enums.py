"""Closed vocabularies shared by several tables.

Each tuple is the ordered list of allowed values of a categorical column.
Consumers should expect new values in a minor contract version (see the
README's compatibility policy); removing a value is a breaking change.
"""

from __future__ import annotations

import polars as pl

ENTITY_TYPES = ("country", "organization", "person", "location", "initiative")

MENTION_METHODS = (
    "knowledge_base",  # an alias of a knowledge-base entry
    "acronym_definition",  # "Long Name (ACRONYM)": either side of the definition
    "acronym",  # a later use of an acronym defined in the same document
    "person_title",  # a title or role before a capitalised name
    "short_reference",  # a surname or short form of a full name seen earlier
    "org_pattern",  # a capitalised name ending in an organisational head word
    "initiative_pattern",  # a capitalised name ending in Initiative, Corridor, ...
    "table_cell",  # a cell of an initiative-like column of a pipe table
    "gazetteer",  # a city or subdivision from a maintained gazetteer
    "place_cue",  # a place named after a locative cue ("near X", "the X River", "X district")
)

ENTITY_SOURCES = ("knowledge_base", "pattern")

INITIATIVE_TYPES = (
    "economic_corridor",
    "security_initiative",
    "development_initiative",
    "forum",
    "agreement",
    "treaty",
    "declaration",
    "mechanism",
    "programme",
    "strategy",
    "exercise",
    "alliance",
    "proposal",
    "other",
)

INITIATIVE_STATUSES = ("proposed", "signed", "launched", "ongoing")

SOURCE_STATUSES = ("accepted", "duplicate", "rejected")

SOURCE_REASON_CODES = (
    "empty",
    "binary",
    "undecodable",
    "too_large",
    "unreadable",
    "not_a_file",
    "no_text",
    "exact_duplicate",
    "near_duplicate",
    "processing_error",
)

TITLE_SOURCES = ("headline", "derived")

DATE_SOURCES = ("dateline", "date_line", "page_header", "body")


def enum(values: tuple[str, ...]) -> pl.Enum:
    """A polars Enum over ``values`` (order is part of the contract)."""
    return pl.Enum(list(values))
