"""One merged pass over an article for every automaton (bot/detect/scan.py): each stage gets exactly the hits its
own automaton would give, on real corpus articles, with keys that several automatons share."""

from __future__ import annotations

import json
from pathlib import Path

from bot.detect import RuleSpec, compile_rules, gazetteer, keywords
from bot.detect.scan import shared
from bot.detect.text import build_doc

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "articles"


def corpus_docs(limit: int = 60) -> list[tuple[str, str]]:
    out = []
    for path in sorted(CORPUS.glob("*.json"))[:limit]:
        item = json.loads(path.read_text(encoding="utf-8"))
        out.append((item.get("title") or "", item.get("text") or ""))
    return out


def test_each_automaton_gets_what_its_own_pass_finds_from_the_merged_pass() -> None:
    # Terms that are also place names, keywords and surnames: their keys are in several automatons at once.
    compiled, errors = compile_rules(
        [
            RuleSpec(name="shared-keys", query="sudan OR ceasefire OR killed OR minister OR ukrain*"),
            RuleSpec(name="phrase", query='"peace talks" OR "foreign minister"'),
        ]
    )
    assert not errors and compiled.automaton is not None and compiled.merged is not None
    parts = compiled.merged.parts
    gzp = gazetteer.people()
    assert parts[:4] == (gazetteer.places().automaton, gzp.automaton, gzp.bare_automaton, keywords.automaton())
    shared_keys = 0
    for title, text in corpus_docs():
        doc = build_doc(title, text)
        compiled.merged.scan(doc)
        for automaton in parts:
            if len(automaton):
                assert list(doc.hits(automaton)) == list(automaton.iter(doc.folded))
        rule_ends = {end for end, _ in doc.hits(compiled.automaton)}
        place_ends = {end for end, _ in doc.hits(gazetteer.places().automaton)}
        shared_keys += len(rule_ends & place_ends)
    assert shared_keys > 0  # the test did meet keys that two automatons share


def test_a_doc_that_no_merged_pass_read_is_read_by_each_automaton() -> None:
    title, text = corpus_docs(1)[0]
    doc = build_doc(title, text)
    places = gazetteer.places().automaton
    assert not doc.scans
    assert list(doc.hits(places)) == list(places.iter(doc.folded))
    shared().scan(doc)
    assert set(doc.scans) == set(shared().parts)
    compiled, _ = compile_rules([RuleSpec(name="r", query="talks")])
    # A rule set's automaton that the shared pass did not read is read on its own.
    assert compiled.automaton not in doc.scans
    assert list(doc.hits(compiled.automaton)) == list(compiled.automaton.iter(doc.folded))
