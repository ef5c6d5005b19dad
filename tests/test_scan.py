"""One merged pass over an article for every automaton (bot/detect/scan.py): each stage gets exactly the hits its
own automaton would give, on real corpus articles, with keys that several automatons share."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.detect import Detector, RuleSpec, compile_rules, gazetteer, keywords, prefilter
from bot.detect.people import _doc_title_hits, _title_hits
from bot.detect.scan import Merged, _gates, _shared_parts, shared
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


def test_titles_from_the_merged_pass_are_those_of_the_case_kept_pass() -> None:
    titles = gazetteer.people().folded_titles
    assert titles is not None and titles in shared().parts
    found = 0
    for title, text in corpus_docs():
        doc = build_doc(title, text)
        shared().scan(doc)
        assert _doc_title_hits(doc) == _title_hits(doc.unified)
        found += len(_title_hits(doc.unified))
    assert found  # the corpus articles do name titles


# Titles in every case, the words around them, and characters that fold to something else: accents, a dotted
# capital I, typographic quotes and hyphens, a mathematical capital that folds to "A", an odd space.
_PIECES = st.sampled_from(
    [
        "President",
        "president",
        "PRESIDENT",
        "Foreign Minister",
        "foreign minister",
        "Prime Minister",
        "Opposition Leader",
        "opposition leader",
        "Secretary of State",
        "Secretary",
        "minister",
        "Minister",
        "Ministers",
        "ex-President",
        "Vice President",
        "US",
        "Mr.",
        "Président",
        "\u0130nterior Minister",
        "Interior Minister",
        "\U0001d400mbassador",
        "Ambassador",
        "\u2019s",
        "\u2011",
        "\u00a0",
        "\t",
        "`",
        ".",
        ",",
        " ",
        "\n",
        "said",
        "the",
        "of",
        "Sudan",
        "2024",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25), st.lists(_PIECES, max_size=6))
def test_titles_from_the_merged_pass_in_any_text(body: list[str], head: list[str]) -> None:
    doc = build_doc("".join(head), " ".join(body))
    shared().scan(doc)
    assert _doc_title_hits(doc) == _title_hits(doc.unified)


def _fresh_merged() -> Merged:
    """The shared automatons and the word gates as they are now (`shared()` may date from before a gate was made)."""
    Detector()  # works out every regex's word gate
    gates = _gates()
    assert gates is not None and len(gates)
    return Merged(_shared_parts(), gates)


def _gate_words() -> list[str]:
    return sorted({word for words in prefilter._SHARED for word in words})


def test_the_gates_learn_from_the_merged_pass_what_a_pass_of_each_sentence_finds() -> None:
    merged = _fresh_merged()
    opened = 0
    for title, text in corpus_docs(80):
        doc = build_doc(title, text)
        merged.scan(doc)
        for s in doc.sentences:
            assert prefilter._KNOWN[s.folded] == prefilter._read.__wrapped__(s.folded)
            opened += bool(prefilter._KNOWN[s.folded])
    assert opened  # the corpus sentences do hold gate words


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_the_gates_learn_each_sentence_of_any_text(data: st.DataObject) -> None:
    # Gate words at the very start and end of sentences and lines, where a hit is put in the wrong sentence first.
    pieces = st.sampled_from([*_gate_words(), " ", ". ", "\n", "A", "said"])
    head = "".join(data.draw(st.lists(pieces, max_size=6)))
    body = "".join(data.draw(st.lists(pieces, max_size=40)))
    merged = _fresh_merged()
    doc = build_doc(head, body)
    merged.scan(doc)
    for s in doc.sentences:
        assert prefilter._KNOWN[s.folded] == prefilter._read.__wrapped__(s.folded)


def test_what_another_automaton_read_is_not_learned() -> None:
    # A merged pass built before a gate was made holds the old automaton, whose bits mean other gates.
    _fresh_merged()
    stale = gazetteer.places().automaton
    prefilter.learn(stale, {"a sentence the gates never read": 1})
    assert "a sentence the gates never read" not in prefilter._KNOWN
    prefilter.learn(prefilter.automaton(), {"a sentence the gates never read": 0})
    assert prefilter._KNOWN["a sentence the gates never read"] == 0
