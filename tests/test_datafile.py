"""The start every data kind's reader shares: an entry is a mapping with a valid id and known fields."""

from pathlib import Path

from scripts.datafile import entry_start
from scripts.yaml_lines import load


def _start(tmp_path: Path, text: str, **options):
    path = tmp_path / "kind.yml"
    path.write_text(text, encoding="utf-8")
    errors = []
    starts = [entry_start(path, item, "term", {"id", "sv"}, "for example 'id: kulturplan'", errors, **options)
              for item in load(path, "kind").items()]
    return starts, [(e.line, e.message, e.hint) for e in errors]


def test_a_good_entry_gives_its_id_mapping_and_key_lines(tmp_path):
    starts, errors = _start(tmp_path, "- id: kulturplan\n  sv: Kulturplan\n")
    assert starts == [("kulturplan", {"id": "kulturplan", "sv": "Kulturplan"}, {"id": 1, "sv": 2})]
    assert errors == []


def test_an_entry_that_is_not_a_mapping_or_has_a_bad_id_stops_there(tmp_path):
    starts, errors = _start(tmp_path, "- just text\n- id: Kultur Plan\n  wrong: 1\n")
    assert starts == [None, None]
    assert errors == [
        (1, "each term must be a block of 'field: value' lines", ""),
        (2, "term 'Kultur Plan': the id must be lowercase ASCII letters, digits and hyphens",
         "for example 'id: kulturplan'"),
    ]


def test_each_unknown_field_is_reported_at_its_line_with_the_fields_or_the_new_name(tmp_path):
    starts, errors = _start(tmp_path, "- id: kulturplan\n  zz: 1\n  old: 2\n", renamed={"old": "sv"})
    assert starts[0] is not None
    assert errors == [
        (3, "term 'kulturplan': unknown field 'old'", "rename it 'sv' (see the file's header for its values)"),
        (2, "term 'kulturplan': unknown field 'zz'", "the fields are: id, sv"),
    ]
