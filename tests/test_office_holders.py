"""A bare family name resolves to the one known person whose office and country the text names."""
from __future__ import annotations

from accords.etl.extract import kb as kb_mod
from support import spans

BODY = ("Li said at the talks in Astana that China would send more instructors next year. "
        "The two sides also agreed to hold a joint drill, Li told reporters.")


def test_office_in_the_headline_names_the_speaker(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("Chinese Defense Minister pledges training for Central Asian armies\n\n" + BODY, kb)
    assert got["Li"] == ("person", "Li Shangfu")


def test_without_the_office_the_family_name_is_left_alone(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("China pledges training for Central Asian armies\n\n" + BODY, kb)
    assert got.get("Li", ("",))[0] != "person"


def test_two_known_people_fitting_the_text_is_too_many(kb: kb_mod.KnowledgeBase) -> None:
    # The premier and the defence minister are both named: which Li spoke is not said.
    got = spans("Chinese Premier and Defense Minister visit Kazakhstan\n\n" + BODY, kb)
    assert got.get("Li", ("",))[0] != "person"


def test_the_office_must_be_the_persons_country(kb: kb_mod.KnowledgeBase) -> None:
    got = spans("Kazakh Defense Minister pledges training for Central Asian armies\n\n"
                + BODY.replace("China", "Kazakhstan"), kb)
    assert got.get("Li", ("",))[0] != "person"
