"""Encoding detection on real-world samples: legacy Western text is never taken for broken UTF-8."""

from __future__ import annotations

import codecs

import pytest
from accords.etl.decode import Rejected, decode


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        ("Café".encode("cp1252"), "cp1252", "Café"),  # é at the end is not a truncated UTF-8 sequence
        ("A naïve café".encode("cp1252"), "cp1252", "A naïve café"),
        (b"He said \x93hello\x94 \x96 and left.", "cp1252", "He said “hello” – and left."),
        ("Zürich, São Paulo, Málaga".encode("latin-1"), "cp1252", "Zürich, São Paulo, Málaga"),
        (("x" * 6000 + " caf\xe9").encode("latin-1"), "cp1252", "x" * 6000 + " café"),
        ("\ufeffCafé".encode("utf-8"), "utf-8-sig", "Café"),
        ("Café naïve".encode("utf-16"), "utf-16-le", "Café naïve"),
        (codecs.BOM_UTF16_BE + "Café".encode("utf-16-be"), "utf-16-be", "Café"),
        ("Hello world, café".encode("utf-16-le"), "utf-16-le", "Hello world, café"),
        ("Привет мир, это тест новостей".encode("cp1251"), "cp1251", "Привет мир, это тест новостей"),
        ("Привет мир, это тест".encode("koi8-r"), "koi8-r", "Привет мир, это тест"),
    ],
)
def test_encodings(data: bytes, encoding: str, text: str) -> None:
    d = decode(data)
    assert (d.encoding, d.text) == (encoding, text)


def test_mojibake_is_repaired_and_recorded() -> None:
    d = decode("China’s plan – café".encode().decode("cp1252").encode("utf-8"))
    assert d.text == "China’s plan – café"
    assert "mojibake_repaired" in d.repairs


def test_utf8_with_a_few_bad_bytes_stays_utf8() -> None:
    d = decode(("Café " * 2000).encode() + b"\xff end")
    assert d.encoding == "utf-8" and "invalid_bytes_replaced" in d.repairs


def test_truncated_utf8_tail() -> None:
    d = decode("Café naïve €".encode()[:-1])
    assert d.encoding == "utf-8" and d.repairs == ("truncated_utf8_sequence",)


@pytest.mark.parametrize(("data", "code"), [(b"", "empty"), (b"  \n", "no_text"), (b"\x89PNG\r\n\x1a\n", "binary")])
def test_rejections(data: bytes, code: str) -> None:
    with pytest.raises(Rejected) as exc:
        decode(data)
    assert exc.value.code == code
