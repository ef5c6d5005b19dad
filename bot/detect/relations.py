"""Relations between states in a headline: one state acting on another ("UK summons Russian ambassador").

Bare headlines about relations between states ("X summons Y's ambassador", "expels diplomats", "recalls
envoy", "warns", "condemns", "frees", "blocked from", and a state holding, trying or barring another's national:
"sentences", "jails", "court appeal", "denied entry"; or, with no second state, a former head of state, a reporter or an
opposition figure: "Peru jails former president"; or one state's own military posture: "Pakistan puts
forces on alert", "North Korea test-fires missile") carry no event of the contract, and their words are
common enough elsewhere ("warns" of storms, "recalls" cars) that the relevance model, word by word, scores
them low. What marks them is the conjunction: a verb of dealings between states whose subject is a state
(named before it, by name, adjective or capital, or its agent: "freed by Russia"), with a second state in the
headline or a diplomat ("Poland recalls its ambassador"). People are not their state ("Thousands of Canadians
call for ..."), nor is a diplomat's state in the possessive ("US ambassador's expulsion"). The
detector hands it to the relevance model as the signal word `sig_relation`, whose weight is learned.

`talks_ahead` finds the other news of dealings between states that no event covers: talks or a visit still ahead between
officials of two states, announced in the headline or lead ("Foreign Secretary to visit Moscow"); the signal word
`sig_ahead`, and a finding that the rules' `relation` condition takes as it takes a headline relation.

`held_national` finds, the same way, one state holding, trying or freeing another state's national or its own dissident,
told in the headline or lead when the holding state is not the headline's subject ("Iran has released one of the three
American hikers detained in the country"); the signal word `sig_held`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.detect import ahead
from bot.detect.people import office_sentences
from bot.detect.places import PlaceHit
from bot.detect.text import LEAD_WEIGHT, Doc, fold
from bot.models import Person

# Verbs (and their nouns) of one state acting on another, in the folded (lowercased) headline. "recall" and
# "protest" are left to the diplomat form: alone they recall products and name street protests.
_VERB = re.compile(
    r"\b(?:summon(?:s|ed|ing)?|expel(?:s|led|ling)?|expulsions?|warn(?:s|ed|ing|ings)?|"
    r"threat(?:en|ens|ened|ening)?|condemn(?:s|ed|ing)?|accus(?:e|es|ed|ing)|blam(?:es|ed|ing)|"
    r"denounc(?:es|ed|ing)|rebuk(?:es|ed)|slam(?:s|med)?|criticis(?:es|ed|ing)|criticiz(?:es|ed|ing)|"
    r"block(?:s|ed)|ban(?:s|ned)|frees|freed|releas(?:es|ed)|detain(?:s|ed)?|arrest(?:s|ed)|"
    r"visit(?:s|ed|ing)?|host(?:s|ed|ing)|snub(?:s|bed)?|retaliat(?:es|ed|ion)|"
    r"sever(?:s|ed)|cuts? ties|suspends?|suspended|recognis(?:es|ed)|recogniz(?:es|ed)|"
    # A state holding, trying or barring another's national: "Iran jails British-Iranian", "Russian court's
    # verdict against a Ukrainian pilot", "US citizen denied entry to China". "court" alone is a tennis court too.
    r"sentenc(?:e|es|ed|ing)|jail(?:s|ed)|imprison(?:s|ed)|convict(?:s|ed|ion)|prison terms?|verdicts?|"
    r"court (?:appeal|case|ruling|verdict)s?|extradit(?:es|ed|ion)|bar(?:s|red)|(?:denied|refused) entry|"
    # Threats and military posture aimed at another state: "China continues military exercises around Taiwan",
    # "Russia masses troops near Ukraine's border", "China, Philippines intensify war of words". Drills need a
    # military word or a verb of staging them ("Japan holds earthquake drills" is no posture); troops are deployed,
    # massed or mobilised, not rescue teams.
    r"(?:military|naval|navy|air|army|joint|live-fire|war|combat|missile) (?:drills|exercises|manoeuvres|maneuvers)|"
    r"(?:holds?|held|stag(?:es|ed)|launch(?:es|ed)|begins?|began|conducts?|conducted) "
    r"(?:drills|exercises|manoeuvres|maneuvers)|war ?games|"
    r"(?:mass(?:es|ed|ing)|deploy(?:s|ed|ing)?|mobili[sz](?:es|ed|ing)) (?:more |new |extra )?"
    r"(?:troops|forces|soldiers|reservists|warships|missiles|tanks)|"
    r"(?:troop|military|naval) build-?ups?|war of words|show of force|sab(?:re|er)[- ]rattling|ultimatums?)\b"
)
_DIPLOMAT = re.compile(
    r"\b(?:ambassadors?|envoys?|diplomats?|embass(?:y|ies)|high commissioner|charge d'affaires|consuls?|"
    r"consulates?)\b"
)
_DIPLOMAT_VERB = re.compile(
    r"\b(?:recall(?:s|ed|ing)?|protest(?:s|ed)?|expel(?:s|led)?|summon(?:s|ed)?|withdraw(?:s|n)?|"
    r"clos(?:es|ed)|reopen(?:s|ed)?|order(?:s|ed)?|declare(?:s|d)?)\b"
)


# One state holding, trying, barring or freeing a person whose case is news between states: "Syria sentences former
# president al-Assad", "Russian court extends detention of WSJ reporter", "the banning of VOA journalist by Russian
# government". Only the court and detention verbs: a state that "warns" or "visits" a reporter is another thing.
_PERSON_VERB = re.compile(
    r"\b(?:sentenc(?:e|es|ed|ing)|jail(?:s|ed|ing)?|imprison(?:s|ed|ing|ment)?|convict(?:s|ed|ion)|prison terms?|"
    r"detention|detain(?:s|ed|ing)?|arrest(?:s|ed|ing)?|house arrest|ban(?:s|ned|ning)|bar(?:s|red|ring)|"
    r"extradit(?:es|ed|ing|ion)|expel(?:s|led|ling)?|frees|freed)\b"
)
# Persons whose case is news between states: a former head of state or government, the press, the opposition. Not
# any person ("a man", "a mayor", "a striker"), whose trial at home is crime or sport.
_PERSON_ROLE = re.compile(
    r"\b(?:(?:former|ex-?)\s*(?:president|prime minister|premier|head of state|dictator)|"
    r"reporters?|journalists?|correspondents?|photojournalists?|"
    r"opposition (?:leaders?|figures?|politicians?|candidates?)|dissidents?)\b"
)
_AGENT = re.compile(r"\bby\s+(?:the\s+)?$")


def _acting_on_person(line: str, offset: int, hits: list[PlaceHit]) -> bool:
    """Whether a state holds, tries, bars or frees a person of the press, the opposition or a former head of state:
    the state named before the verb and the person after it ("Syria sentences former president"), or the state the
    verb's agent ("banning of VOA journalist by Russian government"). A state before the person it names is the
    person's ("Russian journalist jailed"): not the acting state."""
    roles = list(_PERSON_ROLE.finditer(line))
    if not roles:
        return False
    for verb in _PERSON_VERB.finditer(line):
        for hit in hits:
            at = hit.start - offset
            if at < verb.start() and not _people(hit) and any(r.start() >= verb.end() for r in roles):
                return True
            if at >= verb.end() and _AGENT.search(line, verb.end(), at):
                return True
    return False


# One state's own military posture, aimed at no state the headline names, in the forms whose development evidence is
# clean: "North Korea launches missile into ocean", "North Korea test-fires ballistic missile", "Pakistan puts forces on
# high alert", "ECOWAS activates standby force", a missile or nuclear test. Each form carries its military object
# itself: rescue crews or police put on alert, a company's rocket engine test-fired, a missile defence system or a
# handset launched are not the class. Left out (tried 7 December, not kept): a capability to strike, not yielding to
# threats (words a firm or a side in a match can say) and martial law (a state's rule at home, no dealing with another).
_MISSILE_MODIFIERS = (
    r"(?:(?:ballistic|cruise|hypersonic|intercontinental|long-range|short-range|nuclear-capable|anti-ship) )*"
)
# A missile that is no weapon fired: a defence system, a factory, its maker or its chief.
_NOT_FIRED = r"(?! (?:defen[cs]es?|shields?|systems?|makers?|factor(?:y|ies)|plants?|programmes?|programs?|chiefs?))"
_POSTURE = re.compile(
    r"\b(?:(?:puts?|placed|places|putting|raises?|raised) (?:its |their |the )?(?:(?:armed|nuclear|military|strategic|"
    r"border|air defen[cs]e) )?(?:forces|troops|army|military|navy|missile units|air defen[cs]es) "
    r"(?:on|to) (?:high |full |top |combat |maximum |highest )?(?:alert|readiness|war footing)|"
    r"test[- ]?(?:fir(?:es|ed|ing)|fire|launch(?:es|ed|ing)?) (?:an? |two |three |several |more |new |its |\w+ )?"
    + _MISSILE_MODIFIERS
    + r"(?:missiles?|icbms?)"
    + _NOT_FIRED
    + r"|(?:fires?|fired|launch(?:es|ed)?) (?:an? |two |three |several |more |new |its )?"
    + _MISSILE_MODIFIERS
    + r"missiles?"
    + _NOT_FIRED
    + r"|(?:ballistic |cruise |hypersonic |icbm )?missile (?:tests?|launch(?:es)?)|nuclear tests?|"
    r"activat(?:es|ed|ing) (?:its |a |the )?(?:standby|rapid reaction) forces?)\b"
)
# A state's armed force or security organ named as the subject in a headline that names no state ("Army puts troops on
# alert", "Revolutionary Guards test-fire missiles").
_STATE_FORCE = re.compile(
    r"\b(?:irgc|revolutionary guards?|armed forces|army|military|navy|air force|junta|defen[cs]e ministry|pentagon)\b"
)


def _posture(line: str, offset: int, hits: list[PlaceHit]) -> bool:
    """Whether a state (named before the words, not as people), its armed force or a bloc of states shows its own
    military posture in the line, with no second state needed ("Iran test-fires missile")."""
    for m in _POSTURE.finditer(line):
        if any(h.start - offset < m.start() and not _people(h) for h in hits):
            return True
        if _STATE_FORCE.search(line, 0, m.start()) or _NON_STATE_ACTOR.search(line, 0, m.start()):
            return True
    return False


# Bodies and armed groups that deal with states as states do: "U.N. warns Bolivia", "Hamas frees 2 American hostages".
_NON_STATE_ACTOR = re.compile(
    r"\b(?:u\.?n\.?|united nations|eu|european union|nato|african union|ecowas|asean|security council|g7|g20|"
    r"hamas|hezbollah|houthis?|taliban|rebels|militants|insurgents|jihadists|al-shabaab|islamic state|isis|wagner|rsf)\b"
)
_LOCATIVE = re.compile(r"\b(?:in|at|across|near|inside|throughout)\s+(?:the\s+)?$")
_PASSIVE_AGENT = re.compile(r"\s+(?:by|from)\s+(?:the\s+)?$")
# "US ambassador's expulsion": the state of a diplomat in the possessive is the one acted upon.
_DIPLOMAT_POSSESSIVE = re.compile(
    r"\s*(?:ambassador|envoy|diplomat|embassy|high commissioner|consul)s?(?:'s?|\u2019s?)(?:\s|$)"
)


def _people(hit: PlaceHit) -> bool:
    """A plural demonym names people, not their state ("Thousands of Canadians call for ...")."""
    return hit.entry.kind == "demonym" and hit.entry.written.lower().endswith("s")


def _acting_state(line: str, offset: int, verb: re.Match[str], hits: list[PlaceHit]) -> bool:
    """Whether a state is the verb's subject (named before it, not as people) or its agent ("freed by Russia")."""
    for hit in hits:
        at = hit.start - offset
        if at < verb.start() and not _people(hit) and not _DIPLOMAT_POSSESSIVE.match(line, hit.end - offset):
            return True
        if at >= verb.end() and verb.group(0).endswith("ed") and _PASSIVE_AGENT.search(line[verb.end() : at]):
            return True
    return False


def _acting_official(line: str, verb: re.Match[str], people: Iterable[Person], states: set[str | None]) -> bool:
    """Whether a known official named before the verb acts on a state not their own ("FM Araghchi slams France",
    "Putin's visit to disputed islands" in a Japanese headline)."""
    for person in people:
        surname = fold(person.name.split()[-1]).lower()
        at = line.find(surname)
        if 0 <= at < verb.start() and states - {person.country}:
            return True
    return False


def headline_relation(doc: Doc, place_hits: Iterable[PlaceHit], people: Iterable[Person] = ()) -> str | None:
    """The headline line that reports one state acting on another, or None: a verb of dealings between states
    whose subject (or agent: "freed by Russia") is a state, with a second state in the line or a diplomat, or
    whose subject is a known official and the other a state not theirs."""
    by_sentence: dict[int, list[PlaceHit]] = {}
    for hit in place_hits:
        if hit.entry.country:
            by_sentence.setdefault(hit.sentence, []).append(hit)
    for sentence in doc.sentences:
        hits = by_sentence.get(sentence.index, [])
        if sentence.is_title and _posture(sentence.folded, sentence.start, hits):
            return sentence.text
        if not sentence.is_title or not hits:
            continue
        line = sentence.folded
        states = {h.entry.country for h in hits}
        diplomat = _DIPLOMAT.search(line) is not None
        for pattern, enough in ((_VERB, len(states) >= 2 or diplomat), (_DIPLOMAT_VERB, diplomat)):
            if not enough:
                continue
            if any(_acting_state(line, sentence.start, m, hits) for m in pattern.finditer(line)):
                return sentence.text
        if _acting_on_person(line, sentence.start, hits):
            return sentence.text
        officials = [p for p in people if p.title]
        if officials and any(_acting_official(line, m, officials, states) for m in _VERB.finditer(line)):
            return sentence.text
        for m in _VERB.finditer(line):
            if _NON_STATE_ACTOR.search(line, 0, m.start()) and any(
                h.start - sentence.start >= m.end()
                and not _LOCATIVE.search(line, max(0, h.start - sentence.start - 8), h.start - sentence.start)
                for h in hits
            ):
                return sentence.text  # "U.N. warns Bolivia ...", "Hamas frees 2 American hostages"
    return None


# Talks or a visit still ahead between officials of two states ("Foreign Secretary to visit Moscow", "Under Secretary
# X will travel to Abu Dhabi, UAE, and Muscat, Oman", "Putin will hold talks with President Xi", "UK and South Korea to
# launch talks", "will strengthen relations this week as he visits Tbilisi for talks"): news of dealings between
# states (an announced trip is relevant with no event type, corpus/README.md) that no event type covers, since talks
# still ahead are no talks. The trip or talks word, in the headline or the lead:
_AHEAD_THING = re.compile(
    r"\b(?:visit(?:s|ing)?|travel(?:s|ling|ing)?|trips?|tours?|talks|negotiations|dialogue|summit|"
    r"meet(?:s|ing)?|receive|host)\b"
)
# Talks-like words, whose sides may be the states themselves ("UK and South Korea to launch talks"); a visit or a trip
# needs an official (a team, a firm or a singer visits too).
_STATE_TALKS = re.compile(r"\b(?:talks|negotiations|dialogue|summit)\b")
# Beyond the shared reading of "still ahead" (bot/detect/ahead.py): a headline's "to" ("Foreign Secretary to visit
# Moscow"), and a trip or talks negated or called off ("will not travel", "calls off visit planned for next week").
_HEADLINE_TO = re.compile(r"\bto\s+(?!(?:a|an|the|his|her|its|their)\s)(?:[\w-]+\s+){0,2}$")
_NOT_AHEAD = re.compile(r"\b(?:not|never|no longer|cancel\w*|postpone\w*|call(?:s|ed)? off)\b")


def _headline_to(line: str, m: re.Match[str], lo: int) -> bool:
    """The extra of a headline's "to" before the trip or talks."""
    return _HEADLINE_TO.search(line, max(lo, m.start() - 90), m.start()) is not None


def _dated_ahead(line: str, m: re.Match[str], headline: bool) -> bool:
    """Whether the trip or talks at `m` are still ahead (`ahead.still_ahead`, in a headline with its "to"), not negated
    or called off."""
    if _NOT_AHEAD.search(line, max(0, m.start() - 60), m.start()):
        return False
    return ahead.still_ahead(line, m, 0, _headline_to) if headline else ahead.still_ahead(line, m, 0)


def talks_ahead(doc: Doc, place_hits: Sequence[PlaceHit], people: Iterable[Person] = ()) -> str | None:
    """The headline or lead sentence that announces talks or a visit still ahead between officials of two states, or
    None: the trip or talks dated ahead (`_dated_ahead`), an official in that sentence or the headline (an office of the
    people reader's titles, or a titled person it found; a talks word alone may have the states as its sides), and two
    states in the headline and lead (named, or a titled person's)."""
    lead = [s for s in doc.sentences if s.is_title or s.weight >= LEAD_WEIGHT]
    indices = {s.index for s in lead}
    titled = [p for p in people if p.title]
    states = {h.entry.country for h in place_hits if h.entry.country and h.sentence in indices}
    states |= {p.country for p in titled if p.country and any(p.evidence == s.text for s in lead)}
    if len(states) < 2:
        return None
    offices = office_sentences(doc)
    head_office = any(s.is_title and s.index in offices for s in lead)
    for sentence in lead:
        line = sentence.folded
        official = head_office or sentence.index in offices or any(p.evidence == sentence.text for p in titled)
        for m in _AHEAD_THING.finditer(line):
            if not _dated_ahead(line, m, sentence.is_title):
                continue
            if official or (_STATE_TALKS.match(m.group(0)) and _sides(line, sentence.start, m, place_hits)):
                return sentence.text
    return None


def _sides(line: str, offset: int, m: re.Match[str], place_hits: Iterable[PlaceHit]) -> bool:
    """Whether two states named before the talks word are its sides ("UK and South Korea to launch talks"), not the
    places where others meet ("Samsung and Sony will hold talks in Seoul and Tokyo")."""
    sides = {
        h.entry.country
        for h in place_hits
        if h.entry.country
        and offset <= h.start < offset + m.start()
        and not _people(h)
        and not _LOCATIVE.search(line, max(0, h.start - offset - 8), h.start - offset)
    }
    return len(sides) >= 2


# A state holding, trying or freeing another state's national, or its own dissident, told in the headline or the lead
# ("Iran has released one of the three American hikers detained in the country", "a court in Iran has sentenced him to
# 18 years in prison", "The U.S. has won the release of ... after two years of wrongful detention in Iran", "The United
# States condemns a Russian court's sentencing of opposition politician ..."): news between states (corpus/README.md:
# a citizen held or freed by another state is relevant with no event type) that the headline relation misses when the
# holding state is not the headline's subject. The words of being held, tried or sentenced: a release alone is no
# such word (a club releases a striker, a studio a film); a release from detention names the detention.
_HELD = re.compile(
    r"\b(?:sentenc(?:e|es|ed|ing)|jail(?:s|ed|ing)?|imprison(?:s|ed|ing|ment)?|convict(?:s|ed|ing|ion)|"
    r"prison (?:terms?|sentences?)|(?:in|from|to) prison|detention|detain(?:s|ed|ing|ees?)?|house arrest|"
    r"captivity|held hostage|hostages?|wrongfully held|espionage|spying)\b"
)
# Ordinary crime, whose trial abroad is no dealing between states ("a tourist jailed in Bali for drug smuggling").
_NOT_HELD = re.compile(
    r"\b(?:drugs?|narcotics?|cocaine|heroin|cannabis|smuggl\w*|murder\w*|manslaughter|rape\w*|fraud\w*|theft|thefts|"
    r"robber\w*|burglar\w*|stabb\w*|drunk\w*|assault\w*|trafficking|embezzl\w*|bribe\w*|money laundering)\b"
    # Nor a state's own immigration law ("a Cuban immigrant ... arrested by ICE"), a family's own voice on its held
    # relative (an opinion piece: "holding our son hostage"), a school's detention, or a hostage in a film or a game.
    r"|\b(?:immigra\w*|deport\w*|asylum|ice)\b|\b(?:our|my) (?:son|daughter|father|mother|husband|wife|brother|sister)\b"
    r"|\b(?:school|pupils?|students?'|after-school|lunchtime|teachers?)\b.{0,40}\bdetentions?\b|"
    r"\b(?:films?|movies?|thrillers?|novels?|dramas?|box office|video games?|tv series|documentar(?:y|ies))\b"
)


def held_national(doc: Doc, place_hits: Sequence[PlaceHit], people: Iterable[Person] = ()) -> str | None:
    """The headline or lead sentence that tells one state holding, trying, sentencing or freeing another state's
    national or its own dissident, or None: a word of being held or tried (`_HELD`) and, in that sentence, two states
    (named, by adjective or demonym: "Iran ... American hikers") or one state and a person whose case is news between
    states (a reporter, an opposition figure, a former head of state: `_PERSON_ROLE`); not ordinary crime, immigration
    law, a family's own plea, a school's detention or a film's hostage (`_NOT_HELD`)."""
    by_sentence: dict[int, set[str]] = {}
    for hit in place_hits:
        if hit.entry.country:
            by_sentence.setdefault(hit.sentence, set()).add(hit.entry.country)
    for p in people:
        if p.title and p.country:
            for s in doc.sentences:
                if s.text == p.evidence:
                    by_sentence.setdefault(s.index, set()).add(p.country)
    for sentence in doc.sentences:
        if not (sentence.is_title or sentence.weight >= LEAD_WEIGHT):
            continue
        line = sentence.folded
        states = by_sentence.get(sentence.index, set())
        if not states or not _HELD.search(line) or _NOT_HELD.search(line):
            continue
        if len(states) >= 2 or _PERSON_ROLE.search(line):
            return sentence.text
    return None
