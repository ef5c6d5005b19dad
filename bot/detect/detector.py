"""The detector: one article in, one Detection out (events, casualties, people, places, rule matches)."""

from __future__ import annotations

import functools
from datetime import datetime

from bot.detect import gazetteer, keywords, multilingual, prefilter, scan
from bot.detect.casualties import commemorates, find_casualties
from bot.detect.events import decide, readings
from bot.detect.language import ENGLISH, language_of
from bot.detect.people import find_people
from bot.detect.places import countries_and_regions, find_places
from bot.detect.relations import headline_relation, held_national, talks_ahead
from bot.detect.rules import CompiledRules, Findings, compile_rules
from bot.detect.text import Doc, build_doc
from bot.model import events as event_model
from bot.model.events import EventModel
from bot.model.relevance import LEAD_CHARS, Model, Table, Terms, lead_text, lexicon_in, model_text, signals, tokens_of
from bot.model.relevance import model as shipped_model
from bot.models import Detection, Event, Relevance, TypeVerdict


@functools.cache
def _demonym_words() -> frozenset[str]:
    """Plural demonyms ("afghans", "israelis") that can name casualties."""
    gz = gazetteer.places()
    words: set[str] = set()
    for key in gz.automaton:
        _length, entries = gz.automaton.get(key)
        if any(e.kind == "demonym" for e in entries) and " " not in key and key.endswith("s"):
            words.add(key)
    return frozenset(words)


class Detector:
    """Runs every detection stage on an article and evaluates the compiled watch rules."""

    def __init__(
        self, rules: CompiledRules | None = None, relevance: Model | None = None, events: EventModel | None = None
    ) -> None:
        self.rules = rules if rules is not None else compile_rules([])[0]
        self.relevance = relevance or shipped_model()
        # The learned event model corrects the rules' types (`event_model.RULES_ONLY`: it corrects none).
        self.events = events if events is not None else event_model.shipped()
        # Every model reads the same words of an item: each word's weights are looked up once for all of them.
        self.table = Table([self.relevance, *(tm.model for tm in self.events.types.values())])
        # Load gazetteers and work out the regexes' word pre-checks now so the first article does not pay for it.
        gazetteer.places()
        gazetteer.people()
        prefilter.work_out_gates()

    def _analyse(self, title: str, text: str, when: datetime | None = None) -> tuple[Doc, Findings, str]:
        doc, findings, language, _signals = self._read(title, text, when)
        findings.day = when.date() if when is not None else None
        return doc, findings, language

    def signals(self, title: str, text: str) -> list[str]:
        """The detector's findings as the relevance model reads them (bot/model/train.py trains on these)."""
        return self._read(title, text)[3]

    def _read(self, title: str, text: str, when: datetime | None = None) -> tuple[Doc, Findings, str, list[str]]:
        doc = build_doc(title, text)
        language = language_of(title, text)
        if language != ENGLISH:
            # English patterns on another language find junk (a country from a stray word): the language's own
            # lexicons read it (bot/detect/multilingual.py), or nothing does.
            if language not in multilingual.LANGUAGES:
                return doc, Findings([], [], [], [], []), language, []
            # The item's date tells an attack dated earlier ("du 4 avril 2017") from the day's news.
            f = multilingual.read(language, title, text, when.date() if when is not None else None)
            findings = Findings(f.events, f.casualties, f.people, f.countries, [], f.relevance, relation=f.relation)
            return doc, findings, language, []
        # One pass of the folded text for the place, people, keyword and rule-term automatons.
        (self.rules.merged or scan.shared()).scan(doc)
        features = keywords.scan(doc)
        place_hits = find_places(doc)
        countries, regions, _ = countries_and_regions(place_hits)
        actor_sentences = {h.sentence for h in place_hits}
        people = find_people(doc)
        # A known official is an actor of talks as much as a state is ("Blinken meets Wang Yi").
        evidence = {p.evidence for p in people}
        actor_sentences |= {s.index for s in doc.sentences if s.text in evidence}
        casualties = find_casualties(doc, _demonym_words(), features.by_class.get("casualty", set()))
        # Three different labour or sport words make the whole article off-topic for talks and deals.
        topic_heavy = len(features.topic_words) >= 3
        found = readings(doc, actor_sentences, features, topic_heavy)
        events = decide(doc, found, casualties)
        # Keyword classes of the headline and lead: what the item is about, before any pattern decides.
        lead = {s.index for s in doc.sentences if s.weight >= 2.0}
        classes = [cls for cls, where in features.by_class.items() if where & lead and cls != keywords.HEADLINE_VERBS]
        head = lead_text(title, text)
        lexicon = lexicon_in(head)
        # One state acting on another ("UK summons Russian envoy", "Blinken warns China"): a signal word for the
        # model and a finding for the rules that ask for it.
        relation = headline_relation(doc, place_hits, people)
        if relation is not None:
            lexicon.append("sig_relation")
        # Talks or a visit still ahead between officials of two states ("Foreign Secretary to visit Moscow"): no event
        # (talks ahead are no talks), news of dealings between states all the same, as a relation is.
        ahead = talks_ahead(doc, place_hits, people)
        if ahead is not None:
            lexicon.append("sig_ahead")
        # A state holding, trying or freeing another's national or its own dissident, told in the headline or lead
        # ("Iran has released one of the three American hikers detained in the country"): dealings between states too.
        held = held_national(doc, place_hits, people)
        if held is not None:
            lexicon.append("sig_held")
        sig = signals(events, casualties, people, countries, classes, lexicon)
        # Every model reads the headline, the lead and the signal words: cut into words once.
        cut = Terms.of(tokens_of(model_text(title, text, sig)), self.relevance.stop, self.table)
        score, terms = self.relevance.judge_terms(cut)
        relevance = Relevance(score, self.relevance.threshold, tuple(terms))
        # The event model reads the rules' types as signal words (as it was trained), then corrects them.
        cues: dict[str, list[str]] = {
            t: [doc.sentences[i].text for i in sorted(features.by_class.get(t, ()))] for t in self.events.types
        }
        typed = self.events.judge_terms(cut, len(text) > LEAD_CHARS, {e.type for e in events}, cues)
        if any(v.added and v.type == "clash" for v in typed) and commemorates(doc, _demonym_words()):
            # A piece that commemorates an earlier attack ("Victims remember the embassy bombing") tells of no
            # fighting of its own: its words are an attack's, which the model reads as a clash.
            typed = [v for v in typed if not (v.added and v.type == "clash")]
        if typed:
            events = _corrected(events, typed, cues, doc.sentences[0].text if doc.sentences else title)
        findings = Findings(
            events,
            casualties,
            people,
            countries,
            regions,
            relevance,
            typed=tuple(typed),
            relation=relation,
            ahead=ahead,
            held=held,
        )
        return doc, findings, language, sig

    def detect(self, title: str, text: str, when: datetime | None = None) -> Detection:
        """Everything found in one article, with the rules that matched and why; `when` is the article's date
        (`Article.when`), which says who held the offices that rules name (None: today)."""
        return self._detection(*self._analyse(title, text, when))

    def reading(self, title: str, text: str) -> tuple[Detection, list[str]]:
        """`detect` (dated today) and `signals` from one reading of the article (the trainers need both)."""
        doc, findings, language, sig = self._read(title, text)
        findings.day = None
        return self._detection(doc, findings, language), sig

    def _detection(self, doc: Doc, findings: Findings, language: str) -> Detection:
        matches = self.rules.match(doc, findings) if len(self.rules) else []
        return Detection(
            events=tuple(findings.events),
            casualties=tuple(findings.casualties),
            people=tuple(findings.people),
            countries=tuple(findings.countries),
            regions=tuple(findings.regions),
            matches=tuple(matches),
            language=language,
            relevance=findings.relevance,
            typed=tuple(findings.typed),
        )

    def explain(self, title: str, text: str, when: datetime | None = None) -> list[tuple[str, bool, str]]:
        """For every rule: its name, whether it matched, and why or why not (`when` as for `detect`)."""
        doc, findings, _language = self._analyse(title, text, when)
        return self.rules.explain(doc, findings)


def _corrected(events: list[Event], typed: list[TypeVerdict], cues: dict[str, list[str]], first: str) -> list[Event]:
    """The rules' events less the types the model removed, plus those it added (evidence: the type's first keyword
    sentence, or the item's first sentence)."""
    removed = {v.type for v in typed if not v.added}
    kept = [e for e in events if e.type not in removed]
    added = [Event(v.type, None, (cues.get(v.type) or [first])[0], "the event model") for v in typed if v.added]
    return kept + added
