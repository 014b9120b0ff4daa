"""Reading site ids (arguments, CSV, text, stdin) and turning --where/--sort into a query."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from wixsites.cli.errors import InputError
from wixsites.cli.filters import coerce, parse_sort, site_filter
from wixsites.cli.ids import collect_site_ids, parse_ids, read_ids_file

A = "0c87cd5d-4059-4e86-8f6e-d185b1e4a1bd"
B = "f8bdbb86-a472-4de2-8300-0d5386525639"
C = "5a8a82cc-0246-4ed9-ba15-cd4653e8267a"


@pytest.mark.parametrize("header", ["site_id", "siteId", "SITE ID", "id", "Site-Id", "site guid"])
def test_csv_id_column_is_found_by_its_header(header: str) -> None:
    text = f"customer,{header},days\nacme,{A},3\nglobex,{B},40\n"
    assert parse_ids(text, "unpaid.csv") == [A, B]


def test_csv_prefers_site_id_over_a_generic_id_column() -> None:
    text = f"id,site_id\n{C},{A}\n"
    assert parse_ids(text, "x.csv") == [A]


def test_csv_without_a_known_header_uses_the_first_column() -> None:
    assert parse_ids(f"{A},acme\n{B},globex\n", "x.csv") == [A, B]
    assert parse_ids(f"site,customer\n{A},acme\n", "x.csv") == [A]
    assert parse_ids(f"ident;customer\n{A};acme\n", "x.txt") == [A]


def test_csv_quoted_fields_tabs_bom_and_blank_rows() -> None:
    text = f'"name, with comma"\tsite_id\n"acme, inc"\t{A}\n\n\t\n"b"\t{B}\n'
    assert parse_ids(text, "export.tsv") == [A, B]


def test_text_file_skips_blank_lines_and_comments_and_dedupes(tmp_path: Path) -> None:
    file = tmp_path / "ids.txt"
    file.write_text(f"# unpaid, March\n{A}\n\n  {B}  # late\n{A.upper()}\n", encoding="utf-8")
    assert read_ids_file(str(file)) == [A, B]


def test_stdin_and_arguments_combine() -> None:
    stdin = io.StringIO(f"{B}\n{C}\n")
    assert collect_site_ids([A, "-"], None, stdin) == [A, B, C]


@pytest.mark.parametrize(
    ("text", "name", "fragment"),
    [
        (f'site_id\n"{A}\n', "bad.csv", "malformed CSV"),
        ("customer,site_id\nacme\n", "short.csv", "malformed CSV"),
        ("customer,site_id\nacme,\n", "empty.csv", "is empty"),
        (f"site_id\n{A}\nnot-an-id\n", "ids.csv", "line 3"),
        ("hello\x00world", "bin.csv", "binary"),
    ],
)
def test_bad_input_is_one_clear_error(text: str, name: str, fragment: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_ids(text, name)
    message = caught.value.format_message()
    assert fragment in message
    assert name in message
    assert "\n" not in message


def test_an_invalid_id_names_its_line(tmp_path: Path) -> None:
    file = tmp_path / "ids.txt"
    file.write_text(f"{A}\n12345\n")
    with pytest.raises(InputError, match=r"ids.txt line 2: '12345' is not a site id"):
        read_ids_file(str(file))


def test_missing_file() -> None:
    with pytest.raises(InputError, match="no such file"):
        read_ids_file("/nonexistent/ids.csv")


def test_where_coerces_values_and_ands_conditions() -> None:
    assert site_filter(None, ["published=true", "premium=False", "name=shop"]) == {
        "published": True,
        "premium": False,
        "name": "shop",
    }
    assert site_filter('{"editorType": "EDITOR"}', ["published!=true"]) == {
        "editorType": "EDITOR",
        "published": {"$ne": True},
    }
    assert site_filter(None, ["editorType=EDITOR,ADI"]) == {
        "editorType": {"$in": ["EDITOR", "ADI"]}
    }
    assert site_filter(None, []) is None
    assert coerce("42") == 42
    assert coerce("1.5") == 1.5
    assert coerce('"true"') == "true"
    assert coerce("null") is None


@pytest.mark.parametrize(
    ("filter_json", "where"),
    [("{not json", ()), ("[1, 2]", ()), (None, ("published",)), (None, ("=x",))],
)
def test_bad_filters_are_usage_errors(filter_json: str | None, where: tuple[str, ...]) -> None:
    with pytest.raises(InputError):
        site_filter(filter_json, where)


def test_sort() -> None:
    assert parse_sort(["createdDate:desc", "displayName"]) == [
        ("createdDate", "DESC"),
        ("displayName", "ASC"),
    ]
    with pytest.raises(InputError):
        parse_sort(["createdDate:sideways"])


@pytest.mark.parametrize("header", ["id", "site_id", "Site ID"])
def test_one_column_cut_from_a_csv_keeps_working_with_its_header(header: str) -> None:
    # docs/cli.md: cut -d, -f1 export.csv | wixsites sites move --to / -
    stdin = io.StringIO(f"{header}\n{A}\n{B}\n")
    assert collect_site_ids(["-"], None, stdin) == [A, B]
    with pytest.raises(InputError, match="line 2"):
        parse_ids(f"{A}\nid\n{B}\n", "<stdin>")  # a header only counts on the first line


def test_a_byte_order_mark_on_standard_input_is_ignored() -> None:
    assert collect_site_ids(["-"], None, io.StringIO(f"\ufeff{A}\n{B}\n")) == [A, B]
    assert collect_site_ids(["-"], None, io.StringIO(f"\ufeffsite_id,name\n{A},x\n")) == [A]
