"""Watch-rule language tests: parsing, one-pass matching, loading errors, compile errors, round trips."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.detect import Detector, RuleSpec, compile_rules, load_rules_file
from bot.detect.query import parse_query
from bot.detect.rules import dump_rules, rules_from_data
from bot.detect.rules.evaluate import NO_DEALINGS
from bot.errors import ConfigError, RuleError

ROOT = Path(__file__).resolve().parents[1]


def _matches(rules: list[dict], text: str, title: str = "") -> list[str]:
    compiled, errors = compile_rules([RuleSpec.model_validate(r) for r in rules])
    assert errors == []
    return [m.rule for m in Detector(compiled).detect(title, text).matches]


def _one(query: str, text: str) -> bool:
    return _matches([{"name": "r", "query": query}], text) == ["r"]


# --- query language ------------------------------------------------------------------------------


def test_boolean_operators_and_parentheses() -> None:
    assert _one("ceasefire AND talks", "Ceasefire talks resumed.")
    assert not _one("ceasefire AND sanctions", "Ceasefire talks resumed.")
    assert _one("truce OR ceasefire", "A truce was agreed.")
    assert _one("(truce OR ceasefire) AND NOT football", "A truce was agreed.")
    assert not _one("(truce OR ceasefire) AND NOT football", "A football truce was agreed.")
    assert _one("ceasefire talks", "The talks on a ceasefire began.")  # adjacency means AND


def test_operators_are_case_insensitive_and_terms_too() -> None:
    assert _one("CEASEFIRE and Talks", "ceasefire TALKS")


def test_quoted_phrase_and_curly_quotes() -> None:
    assert _one('"peace talks"', "New peace talks opened.")
    assert not _one('"peace talks"', "Talks on peace opened.")
    assert _one("\u201cpeace talks\u201d", "New peace talks opened.")


def test_word_boundaries() -> None:
    assert not _one("war", "The award was given.")
    assert _one("war", "The war ended.")
    assert _one("u.s.", "The U.S. envoy spoke.")


def test_prefix_wildcard() -> None:
    assert _one("negotiat*", "The negotiators met.")
    assert _one("negotiat*", "Negotiations resumed.")
    assert not _one("negotiat*", "Renegotiation failed.")


def test_near_proximity() -> None:
    assert _one("ceasefire NEAR/3 collapsed", "The ceasefire has collapsed.")
    assert not _one(
        "ceasefire NEAR/3 collapsed", "The ceasefire, which was agreed in May after long talks, has now collapsed."
    )
    assert _one("(truce OR ceasefire) NEAR/5 violat*", "Both sides violated the truce.")


def test_unicode_normalisation() -> None:
    assert _one("bogota", "Talks in Bogot\u00e1 resumed.")
    assert _one("Bogot\u00e1", "Talks in Bogota resumed.")


def test_hyphen_variants_in_queries() -> None:
    for text in ("The cease-fire held.", "The ceasefire held.", "The cease fire held.", "The cease\u2011fire held."):
        assert _one("cease-fire", text), text
    assert _one("ceasefire", "The cease-fire held.")
    assert _one('"nagorno karabakh"', "Nagorno-Karabakh is calm.")
    assert _one("karabakh", "Nagorno-Karabakh is calm.")


# --- other conditions ----------------------------------------------------------------------------


def test_events_condition_with_status() -> None:
    rule = {"name": "cf", "events": [{"type": "ceasefire", "statuses": ["agreed"]}]}
    assert _matches([rule], "The rebels agreed to a ceasefire on Monday.") == ["cf"]
    assert _matches([rule], "The UN called for a ceasefire on Monday.") == []


def test_casualty_condition_min_count_and_current() -> None:
    rule = {"name": "cas", "events": [{"type": "casualties", "min_count": 10, "kinds": ["killed", "dead"]}]}
    assert _matches([rule], "At least 22 people were killed on Thursday.") == ["cas"]
    assert _matches([rule], "Three soldiers were killed on Thursday.") == []
    assert _matches([rule], "In 2020, more than 6,700 people died in the war.") == []
    background = {**rule, "name": "bg", "events": [{**rule["events"][0], "include_background": True}]}
    assert _matches([background], "In 2020, more than 6,700 people died in the war.") == ["bg"]


def test_people_condition_uses_aliases() -> None:
    rule = {"name": "p", "people": ["Nikol Pashinyan"]}
    assert _matches([rule], "Prime Minister Nikol Pashinian spoke in Yerevan.") == ["p"]
    assert _matches([rule], "The minister spoke in Yerevan.") == []


def test_places_condition_by_demonym_and_region() -> None:
    rule = {"name": "pl", "places": ["Azerbaijan", "Nagorno-Karabakh"]}
    assert _matches([rule], "Azeri officials said the talks were useful.") == ["pl"]
    assert _matches([rule], "Shelling was reported in Karabakh.") == ["pl"]
    assert _matches([rule], "Talks were held in Geneva.") == []


def test_exclude_vetoes_match() -> None:
    rule = {"name": "x", "query": "clash*", "exclude": ["football"]}
    assert _matches([rule], "Troops clashed near the border.") == ["x"]
    assert _matches([rule], "Fans clashed after the football game.") == []


def test_exclude_topic_needs_real_evidence() -> None:
    rule = {"name": "x", "query": "clash*", "exclude": ["sport"]}
    assert _matches([rule], "The clash at the stadium ended 2-1 as the striker scored.") == []
    assert _matches([rule], "Troops clashed near the stadium.") == ["x"]  # one topic word is not enough


def test_regex_via_re2() -> None:
    rule = {"name": "re", "regex": r"(?i)\bcease-?fire\b"}
    assert _matches([rule], "A Cease-fire was agreed.") == ["re"]
    assert _matches([rule], "Nothing here.") == []


def test_regex_rejects_backtracking_features() -> None:
    specs = [
        RuleSpec(name="look", regex=r"(?=a)b"),
        RuleSpec(name="back", regex=r"(a)\1"),
        RuleSpec(name="ok", query="truce"),
    ]
    compiled, errors = compile_rules(specs)
    assert [e.rule for e in errors] == ["look", "back"]
    assert errors[0].position == 0 and "RE2" in str(errors[0])
    assert compiled.names == ("ok",)


def test_relation_condition_asks_for_one_state_acting_on_another() -> None:
    rule = {"name": "rel", "relation": True}
    assert _matches([rule], "", "Japan summons Chinese ambassador over drone flights") == ["rel"]
    assert _matches([rule], "", "Canada expels two Indian diplomats") == ["rel"]
    # A firm, a crowd of a nation's people, or one state alone acts on no state.
    assert _matches([rule], "", "Apple recalls phone chargers sold in Canada") == []
    assert _matches([rule], "", "Thousands of Canadians march against housing costs") == []
    assert _matches([rule], "", "France bans plastic packaging for fruit") == []
    # Only the headline is read: the same words in the body are not a relation.
    assert _matches([rule], "Japan summons Chinese ambassador over drone flights.", "Drone flights") == []
    compiled, _ = compile_rules([RuleSpec(name="rel", relation=True, events=["talks"])])
    rows = {name: why for name, _ok, why in Detector(compiled).explain("Canada expels two Indian diplomats", "")}
    assert rows["rel"].startswith("no event of talks"), rows
    compiled, _ = compile_rules([RuleSpec(name="rel", relation=True)])
    rows = {name: why for name, _ok, why in Detector(compiled).explain("France bans plastic packaging", "")}
    assert rows["rel"] == NO_DEALINGS, rows
    reason = Detector(compiled).detect("Canada expels two Indian diplomats", "").matches[0].reason
    assert reason == "one state acting on another: Canada expels two Indian diplomats"


def test_match_reason_and_severity() -> None:
    compiled, _ = compile_rules([RuleSpec(name="cf", events=["ceasefire"], severity="flash")])
    det = Detector(compiled).detect("Rivals agree ceasefire", "The two sides agreed to a ceasefire.")
    assert det.matches[0].severity == "flash"
    assert "ceasefire (agreed)" in det.matches[0].reason


def test_explain_lists_every_rule() -> None:
    specs = [
        RuleSpec(name="yes", query="truce"),
        RuleSpec(name="no", query="sanctions"),
        RuleSpec(name="off", query="truce", enabled=False),
    ]
    compiled, _ = compile_rules(specs)
    rows = {name: (ok, why) for name, ok, why in Detector(compiled).explain("", "A truce held.")}
    assert rows["yes"][0] and "truce" in rows["yes"][1]
    assert not rows["no"][0] and "did not match" in rows["no"][1]
    assert rows["off"] == (False, "rule is disabled")


def test_many_rules_only_candidates_evaluated() -> None:
    specs = [RuleSpec(name=f"r{i}", query=f"term{i} AND common") for i in range(2000)]
    compiled, errors = compile_rules(specs)
    assert not errors
    det = Detector(compiled).detect("", "term7 and common words, term1999 too")
    assert sorted(m.rule for m in det.matches) == ["r1999", "r7"]


def test_compiled_check_agrees_with_the_program_walker() -> None:
    """Every query runs as generated code; it must decide exactly as the tuple walker does."""
    from bot.detect.rules.evaluate import run_program
    from bot.detect.text import build_doc

    queries = [
        '(truce OR ceasefire) AND NOT (football OR "world cup")',
        "talks NEAR/3 (truce OR ceasefire)",
        "NOT NOT truce",
        "a AND (b OR (c AND NOT d))",
        'negotiat* OR "peace deal"',
    ]
    texts = [
        "A truce was agreed.",
        "Talks on a truce began.",
        "Football truce at the world cup.",
        "a b c d",
        "a c",
        "Negotiations on a peace deal.",
        "",
    ]
    compiled, errors = compile_rules([RuleSpec(name=f"q{i}", query=q) for i, q in enumerate(queries)])
    assert not errors
    for text in texts:
        doc = build_doc("", text)
        hits = compiled.scan(doc)
        for rule in compiled.rules:
            assert rule.check is not None and rule.program is not None
            assert rule.check(hits.positions, doc) == run_program(rule.program, hits.positions, doc), (
                rule.spec.query,
                text,
            )


def test_per_key_sweeps_and_rule_by_rule_checks_agree() -> None:
    """match() runs generated per-key functions; without them (Python could not compile) it checks
    candidates one by one. Both must give the same matches and reasons."""
    specs = [
        RuleSpec(name="q", query="(truce OR ceasefire) AND NOT football"),
        RuleSpec(name="near", query="talks NEAR/3 truce"),
        RuleSpec(name="ev", query="truce", events=["ceasefire"]),
        RuleSpec(name="place", places=["Sudan"], query="truce OR talks"),
        RuleSpec(name="neg", query="NOT football"),
        RuleSpec(name="ex", query="truce", exclude=["sport"]),
    ]
    compiled, errors = compile_rules(specs)
    assert not errors and compiled._sweeps is not None
    texts = [
        "Sudan's army and the RSF agreed a truce after talks in Jeddah.",
        "A football truce.",
        "Talks on a truce began.",
        "Nothing here.",
        "The truce held as the football league resumed.",
    ]
    detector = Detector(compiled)
    swept = [[(m.rule, m.reason) for m in detector.detect("", t).matches] for t in texts]
    compiled._sweeps = None
    assert [[(m.rule, m.reason) for m in detector.detect("", t).matches] for t in texts] == swept
    assert any(swept) and not all(swept)


def test_uncompilable_program_falls_back_to_the_walker() -> None:
    from bot.detect.rules.compile import _check_function
    from bot.detect.text import build_doc

    deep: tuple = (0, 1)
    for _ in range(400):  # deeper than Python's parser accepts; the query parser never builds this
        deep = (3, (3, deep))
    check = _check_function(deep)
    doc = build_doc("", "x")
    assert check({1: [0]}, doc) is True and check({}, doc) is False


def test_deep_nesting_is_a_rule_error_not_a_crash() -> None:
    for query in ["(" * 500 + "truce" + ")" * 500, "NOT " * 900 + "truce"]:
        compiled, errors = compile_rules([RuleSpec(name="deep", query=query), RuleSpec(name="ok", query="truce")])
        assert compiled.names == ("ok",)
        assert len(errors) == 1 and "nested more than" in str(errors[0]) and errors[0].hint


# --- broken rules --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "position"),
    [
        ("(ceasefire AND talks", 0),
        ("ceasefire AND", 13),
        ("ceasefire )", 10),
        ('"peace talks', 0),
        ("AND talks", 0),
        ("cease*fire", 5),
        ("talks NEAR/0 truce", 6),
        ("talks NEAR truce", 6),
        ("(a AND b) NEAR/3 x", 10),
        ("()", 0),
        ("", 0),
        ("a*", 0),
    ],
)
def test_broken_query_reports_position_and_hint(query: str, position: int) -> None:
    with pytest.raises(RuleError) as info:
        parse_query("bad", query)
    assert info.value.rule == "bad"
    assert info.value.position == position
    assert info.value.hint


def test_broken_rule_never_stops_the_others() -> None:
    specs = [
        RuleSpec(name="broken", query="(truce"),
        RuleSpec(name="good", query="truce"),
        RuleSpec(name="nowhere", places=["Atlantis"]),
    ]
    compiled, errors = compile_rules(specs)
    assert {e.rule for e in errors} == {"broken", "nowhere"}
    assert compiled.names == ("good",)
    assert "position 0" in str(errors[0]) and "hint" in str(errors[0])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab "()*/NEARORANDNOT0123456789\u201c-')), max_size=40))
def test_parser_never_crashes_on_operator_soup(text: str) -> None:
    try:
        parse_query("fuzz", text)
    except RuleError as exc:
        assert exc.position is not None and 0 <= exc.position <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_compile_never_crashes_on_any_text(text: str) -> None:
    compiled, errors = compile_rules([RuleSpec(name="fuzz", query=text)])
    assert len(compiled) + len(errors) == 1
    if len(compiled):
        Detector(compiled).detect("title", "some text with " + text)


# --- loading and round trips ---------------------------------------------------------------------


def test_default_rules_load_and_compile() -> None:
    specs = load_rules_file(ROOT / "config" / "rules.yaml")
    assert specs and all(s.description for s in specs)
    compiled, errors = compile_rules(specs)
    assert errors == [] and len(compiled) == len(specs)


def test_round_trip_through_plain_dict_and_yaml() -> None:
    specs = load_rules_file(ROOT / "config" / "rules.yaml")
    data = dump_rules(specs)
    again = rules_from_data(yaml.safe_load(yaml.safe_dump(data)))
    assert again == specs
    for spec in specs:
        plain = spec.model_dump(mode="json", exclude_defaults=True)
        assert RuleSpec.model_validate(plain) == spec
        assert "enabled" not in plain


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_config_error_names_file_entry_field_found_expected(tmp_path: Path) -> None:
    path = _write(tmp_path, "rules:\n  - name: cf\n    events: [ceasefire]\n    severity: loud\n")
    with pytest.raises(ConfigError) as info:
        load_rules_file(path)
    err = info.value
    assert (err.file, err.entry, err.field, err.found) == (str(path), "cf", "severity", "loud")
    assert "flash" in (err.expected or "")
    assert str(path) in str(err) and "severity" in str(err)


def test_config_error_for_unknown_field_and_missing_rules(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_rules_file(_write(tmp_path, "rules:\n  - name: a\n    query: truce\n    colour: red\n"))
    assert info.value.field == "colour"
    with pytest.raises(ConfigError) as info:
        load_rules_file(_write(tmp_path, "feeds: []\n"))
    assert info.value.field == "rules"
    with pytest.raises(ConfigError) as info:
        load_rules_file(_write(tmp_path, "rules: [\n"))
    assert "YAML" in str(info.value)


def test_config_error_for_entry_by_index_and_duplicates(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_rules_file(_write(tmp_path, "rules:\n  - query: truce\n"))
    assert info.value.entry == "#1" and info.value.field == "name"
    with pytest.raises(ConfigError) as info:
        load_rules_file(_write(tmp_path, "rules:\n  - {name: a, query: x}\n  - {name: a, query: y}\n"))
    assert info.value.entry == "a" and info.value.field == "name"
    with pytest.raises(ConfigError) as info:
        load_rules_file(_write(tmp_path, "rules:\n  - {name: empty}\n"))
    assert "at least one" in str(info.value)
    with pytest.raises(ConfigError) as info:
        load_rules_file(_write(tmp_path, "rules:\n  - {name: c, events: [{type: casualties, min_count: 0}]}\n"))
    assert info.value.field == "events.0.min_count"


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        load_rules_file(tmp_path / "nope.yaml")


def test_duplicate_names_in_compile_are_reported() -> None:
    compiled, errors = compile_rules([RuleSpec(name="a", query="truce"), RuleSpec(name="a", query="talks")])
    assert compiled.names == ("a",) and [e.message for e in errors] == ["duplicate rule name"]
