"""Events read from sentences in context: negation, appeals, hypotheticals, background and topic vetoes.

Each sentence with a trigger gets a reading (type, status, weight). The article reports an event type
when the weights of its current, non-negated readings reach a threshold; the headline (x3) and the lead
(x2) weigh more than late paragraphs. The ceasefire status is the status with the most weight.

A ceasefire mention's status comes from the words that govern it in its clause (`ceasefire_cue`): a
change of state (violated, collapsed, extended; also ending it, "called off", and a collapse feared, which
is a violation) wins; else the nearest governing word on the left ("agreed to", "called for", "talks on",
"in a bid to reach"), checked for modality ("hopes to sign"), exhortation ("urged both sides to agree"),
agent ("declared" by one side is a unilateral truce: proposed) and negation; else the predicate on the right
("took effect", "is holding", "is due to expire"); else a definite truce ("the truce in Gaza") is weak
evidence of one in force. Once a truce is named, "the pause", "the lull" and "the calm" refer to it. Each
reading keeps the cue that set its status, which `diplobot check` prints. A page of several stories (a
newscast) is cut into story segments (`story_segments`) and the segment about the ceasefire decides its
status. A learned classifier was tried instead (bench/status_cv.py: 5-fold cross-validation over development
story groups): on the headline and the sentences naming a truce it scored 0.49-0.55 against the rules' 0.71 on the
development items they had not yet seen, and with or over the rules it gained 2 to 4 items of about 130, within the
noise of choosing among 60 settings (docs/quality-log.md), so the rules stay.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import islice
from typing import NamedTuple

from bot.detect import ahead, earlier, gazetteer, lazyre
from bot.detect.casualties import _BACKGROUND, may_be_background
from bot.detect.keywords import HEADLINE_VERBS, Features
from bot.detect.places import find_places
from bot.detect.prefilter import gate, holds_any, word_initial
from bot.detect.text import LEAD_WEIGHT, Doc, Sentence, fold
from bot.models import Casualty, Event

_CEASEFIRE = lazyre.compile(
    r"\b(?:cease-?\s?fires?|truces?|cessation (?:of|in) (?:all )?hostilities|armistice|halt to (?:the )?fighting|stop the fighting|"
    r"humanitarian pauses?|pauses? in (?:the )?fighting|suspension of (?:the |all )?(?:fighting|hostilities|attacks)|"
    # A pause by its length or extension is a truce ("an extended pause to ensure this deal can be carried out", "the
    # four-day pause"); a pause in, on or of something else is not ("a 90-day pause on tariffs").
    r"(?:extended|temporary|[\w]+-(?:day|hour|week))\s+pauses?(?!\s+(?:in|on|of)\b))\b"
)
# "the end of conflict" stands for a ceasefire only next to an explicit status cue ("announcement ...").
_CEASEFIRE_WEAK = lazyre.compile(
    r"\bend (?:of|to) (?:the )?(?:\w+ )?(?:conflict|fighting|hostilities|war)\b|\bend the (?:\w+ )?(?:conflict|fighting|war)\b"
)
# The modal "may", not the month beside a day's number ("their May 9 and June 10 commitments", "on 9 May"): one
# pattern piece for every modal list below that reads a truce's tense.
_MAY = r"(?<!\d )may(?!\s+\d)"
_HOLDING_ALONE = lazyre.compile(
    r"\bfighting (?:has|had) (?:ceased|stopped|ended)\b|\bguns (?:have |had )?(?:fallen|fell|gone|went) silent\b"
)
_NEGATION = lazyre.compile(
    r"\b(?:no|not|never|without|rejected|rejects|reject|refused|refuses|refuse|denied|denies|ruled out|rules out|nor|"
    # "dismissed the truce announcement as a ploy": the speaker rejects it
    r"dismiss(?:ed|es|ing)?)\b(?:\W+\w+){0,3}\W*$"
)
_HYPOTHETICAL = lazyre.compile(
    r"\b(?:would|could|should|must|might|"
    + _MAY
    + r"|will|if|(?<!\bat )once|unless|hope[sd]?|hoping|possible|requires?|needs?)\b"
)

# A participle used as an adjective of the truce ("extended Israel-Hamas truce"), not a verb with it as object.
_ATTRIBUTIVE = r"(?!(?:the|a|an|its|their|this|that|his|her|our)\b)(?:[\w'-]+ ){0,2}?(?:cease|truce)"
_VIOLENCE = r"(?:fighting|clashes|shelling|gunfire|violence|attacks|strikes|air ?strikes|bombing|bombardment|hostilities|offensive)"
# A change of state (violated, collapsed, extended) anywhere in the trigger's clause wins over agreement:
# "accused each other of violating the truce agreed last week" is a violation.
_CHANGE_CUES: list[tuple[str, re.Pattern[str]]] = [
    # "renewed fighting" and "prolonged shelling" are violence, not an extension.
    (
        "extended",
        lazyre.compile(
            # "Extended Israel-Hamas Truce Holding", "a renewed Yemen truce": the participle describes the truce, its
            # predicate says its state ("extended the truce", with a determiner, is the extension).
            # "a continuation of the truce" is its extension too.
            r"(?<!\ban )\bextend(?!ible|able)(?!ed "
            + _ATTRIBUTIVE
            + r")|\bextension|\bcontinuation\b|\b(?:prolong|renew)(?!able)\w*\b(?!\s+"
            + _ATTRIBUTIVE
            + r")"
            r"(?!\s+(?:\w+\s+)?" + _VIOLENCE + ")"
        ),
    ),
    (
        "collapsed",
        lazyre.compile(
            r"\bcollaps|\bfell apart|\bfalls apart|\bbr(?:oke|eaks?|eaking) down|\bbreakdown|\bunravel|\babandon|"
            r"\bshatter(?:ed|s|ing)\b|\bexpired\b|\blapsed\b|\b(?:is|was) (?:officially |now )?over\b|\bcall(?:s|ed|ing)? off\b|"
            r"\bpull(?:s|ed|ing)? out of\b|\bwithdr[ae]w\w* from\b|\bscrap(?:s|ped|ping)?\b|\bterminat\w*|"
            r"\brenege\w*|\btore up\b|\bfalling apart\b|\bcrumbl\w*|\b(?:is|was|now) (?:\w+ly )?(?:dead|finished|defunct)\b|"
            # "declared the ceasefire null and void", "the truce came to an end" (not "is due to come to an end"), "said it
            # would no longer abide by the truce" (the modal is part of the cue: a party's word that it is out).
            r"\bnull and void\b|\b(?:came|has come|have come|had come) to an end\b|"
            r"\b(?:(?:will|would|shall) )?no longer (?:be )?(?:abid|respect|observ|honou?r|adher|bound|commit)\w*|"
            # A truce that "no longer exists", "gave way to" fighting, "killed" or brought "to an end" is over ("the
            # attacks killed the truce"; not "killed during the truce", nor "the commander of the truce team").
            r"\bno longer (?:exists?|in (?:force|effect|place))\b|\bran out\b|"
            # "With the ceasefire over, shelling resumed", a headline's "Ceasefire Over as Fighting Resumes" (not "a truce
            # over Easter": the word ends the phrase).
            r"\bwith (?:the|a|its|their) (?:[\w-]+\s+){0,2}?(?:cease-?fire|truce) over\b|"
            r"\b(?:cease-?fire|truce) over(?=\s*(?:$|[,;:.!?]|\s(?:as|after|amid|with|and)\b))|"
            r"\b(?:cease-?fire|truce)s?\s+(?:has\s+|had\s+)?(?:gave|given|gives|giving) way to\b|"
            r"\bkill(?:ed|s|ing)?\s+(?:the|a|an|this|that|its|their)\s+(?:(?!of\b)[\w-]+\s+){0,2}?(?:cease-?fire|truce)|"
            r"\bbr(?:ing|ings|inging|ought)\s+(?:the|a|an|its|their|this|that)\s+(?:[\w'-]+\s+){0,3}?(?:cease-?fire|truce)\s+"
            r"to an? (?:end|close|halt)\b"
        ),
    ),
    (
        "violated",
        lazyre.compile(
            r"\b(?:ignor|def(?:y|ie)|disregard)\w*\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:cease-?fire|truce)|"
            r"\bviolat|\bbreach|\bbr(?:oke|eaks?|eaking)\b(?! down)|\bbroken\b|\bflout|\bdespite\b|\bin tatters\b|\bundermin|"
            r"\bthreaten\w*|\bjeopardi[sz]\w*|\bshak(?:en|es|ing)\b|\brock(?:s|ed)\b|\btest(?:s|ed|ing)\b|\bstrain\w*|\bfalter\w*|\bfray\w*|\bshaky\b|"
            r"\b(?:renewed|fresh|heavy|new) "
            + _VIOLENCE
            + r"|\b"
            + _VIOLENCE
            + r" (?:erupted|broke out|resumed|continued|flared)|"
            r"\b(?:accus|blam)\w* (?:\w+ ){0,5}?(?:of|for) (?:shelling|attack\w*|firing|bombing|striking|launching|killing|shooting)\b|"
            # "has largely failed to stop the fighting", "did little to halt the shelling"
            r"\b(?:fail(?:s|ed|ing)?|did little|does little|done little) to (?:stop|halt|end|curb|quell) (?:the )?"
            + _VIOLENCE
            # "Month-old Cease-fire Marked by Fighting", "rebels are still carrying out attacks"
            + r"|\b(?:marked|marred|overshadowed) by (?:\w+ )?"
            + _VIOLENCE
            + r"|\bstill (?:carrying out|launching|conducting|staging|mounting) (?:\w+ )?"
            + _VIOLENCE
            # A truce that "has not held", "did not hold", "is not being respected" or "failed to hold" is broken
            # (not "has not held talks": the verb's object is another thing).
            + r"|\b(?:has|have|had|did|does|do|is|are|was|were)(?:\s+not|n't)\s+(?:yet\s+)?(?:been\s+|being\s+)?"
            r"(?:held|hold|holding|respected|observed|honou?red)\b(?!\s+(?:talks|meetings?|discussions|negotiations|"
            r"elections?|a|an|the|its|their)\b)|\bfail(?:s|ed|ing)?\s+to\s+hold\b(?!\s+(?:talks|meetings?|a|an|the)\b)"
        ),
    ),
]
_THREATENS_TO = lazyre.compile(r"threaten(?:s|ed|ing)?\s+to\b")
# A truce to be restored, revived or reinstated is no longer in force ("the ceasefire should be restored").
# The words between may not start a clause or a phrase of their own ("insisted on the restoration of supplies before
# the truce goes into effect": the supplies are restored, not the truce).
_RESTORE = lazyre.compile(
    r"\b(?:restor(?:e|es|ing)|restoration of|reinstat\w*|reviv(?:e|es|ing)|revival of|resurrect\w*)\s+"
    r"(?:(?!(?:before|after|until|till|when|while|once|as|for|to|so|since|in)\b)[\w'-]+\s+){0,3}$"
    r"|^\s+(?:[\w'-]+\s+){0,2}?(?:must|should|has to|needs? to|to) be (?:restored|reinstated|revived)\b"
)
# A restoration that a deal, plan or document is to bring about is put forward, not yet in force: "the agreement that
# the US and Russia have reached to restore the Cessation of Hostilities", "a document that will reinstate a
# nationwide cessation of hostilities" (outside powers' plans: proposed, corpus convention).
_RESTORE_PLANNED = lazyre.compile(
    r"\b(?:agreements?|deals?|accords?|plans?|documents?|proposals?|arrangements?|understandings?|framework|roadmap)\s+"
    r"(?:(?:that|which)\s+(?:[\w'-]+\s+){0,7}?)?(?:to|will|would|shall|(?:is|are) (?:meant|designed|intended) to)\s+$"
)
# Quiet reported since the truce ("no clashes have been reported since the ceasefire took effect") says it holds.
_QUIET = lazyre.compile(
    r"\bno (?:\w+ ){0,2}(?:clashes|violations|fighting|attacks|shelling|incidents|breaches|shots)\b"
)
# A collapse feared or threatened is a truce under strain: "raising fears that the truce had already collapsed",
# "on the verge of collapse", "might be falling apart".
# A truce to be saved from collapse is strained, not over: "a diplomatic offensive to save the country's three-year-old
# ceasefire from unraveling completely", "to prevent the truce from collapsing".
_COLLAPSE_FEARED = lazyre.compile(
    r"\b(?:fears?|feared|fearing|worr\w*|concerns?|verge|brink|risk\w*|danger|threat\w*|might|could|"
    r"sav(?:e|es|ing)|salvag(?:e|es|ing)|rescu(?:e|es|ing)|prevent(?:s|ing)?|avert(?:s|ing)?)\b(?:\W+[\w'-]+){0,14}\W*$"
)
# A violation denied by the report itself: "no reports of violations", "without any breach".
_NO_VIOLATION = lazyre.compile(r"\b(?:no|without|nor)\s+(?:\w+\s+){0,3}$")
# Ending the truce: "called off", "ended the truce", "after the end of a 24-hour ceasefire", "an end to the truce";
# not a scheduled end ("before the end of the truce") nor a truce that ended a war ("the ceasefire that ended the war").
_ENDED_LEFT = lazyre.compile(
    r"\b(?:(?:end|suspend)(?:ed|s|ing)? (?:the|a|an|its|their|this|that)|(?:the|an) end (?:of|to) (?:the|a|an|its|their|this|that))\s+(?:[\w'-]+\s+){0,3}$"
    r"|\b(?:ended|ending|ends|suspended|suspending|suspends)\s+$"
    # Headline grammar drops the articles: "Rebels Declare End to Cease-fire", "Army announces end of truce".
    r"|\b(?:declar|announc|proclaim)\w*\s+(?:an?\s+|the\s+)?end (?:of|to)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w'-]+\s+){0,3}$"
)
_ENDED_RIGHT = lazyre.compile(
    r"(?:\s+(?!(?:war|conflict|fighting|talks|negotiations|offensive|siege)\b)[\w',-]+){0,8}?\s+(?P<verb>ended)\b"
    r"(?!\s+(?:the|a|an|its|their|decades?|years?|months?|weeks?|days?|(?!(?:as|when|after|amid|and|with|on|in|at)\b)\w+\s+(?:war|conflict|fighting|hostilities|siege))\b)"
)
# Headline grammar: the present tense and no article ("Truce Ends, Fighting Resumes", "War Resumes as Ceasefire
# Expires", "Rebels End Cease-fire"); not a date to come ("Truce Ends Sunday", "ceasefire expires at midnight") nor
# what the truce ended ("Truce Ends Week of Clashes"): the verb ends the headline or a clause of it.
_TITLE_ENDED_RIGHT = lazyre.compile(
    r"\s+(?P<verb>ends|expires|lapses)\b(?=\s*(?:$|[,;:.!?]|\s(?:as|after|amid|with|and|but|without)\b))"
)
_TITLE_ENDED_LEFT = lazyre.compile(r"\b(?:ends?|ending)\s+$")
_ENDED_NOT = lazyre.compile(
    r"\b(?:before|until|till|ahead of|by|towards?|near|approach\w*|put|bring|brought|to)\s+(?:\w+\s+){0,2}$"
)
# Adjectives of doubt ("a shaky truce") yield to a predicate that says the truce holds.
_DOUBT_ENDINGS = ('"shaky"', '"strained"', '"fraying"', '"faltering"')
# A truce with a date to run out exists: "the ceasefire is due to expire on Sunday".
_EXPIRY = lazyre.compile(
    r"\s*(?:\w+\s+){0,2}?(?:is|are|was|were|had been)\s+(?:scheduled|set|due|expected|supposed)\s+to\s+"
    r"(?:expire|end|run out|lapse|come to an end)\b"
)

# The verb or noun that governs the ceasefire from its left ("agreed to a truce", "called for a ceasefire",
# "talks on a truce"); the nearest one decides.
_LEFT_CUES = word_initial(  # (every branch starts a word: tests/test_word_initial.py)
    r"(?P<talks>\b(?:talks|negotiations?|discussions|consultations)\b(?:\s+(?!agree|sign|reach|accept)[\w'-]+){0,4}?\s+(?:on|over|about|for|toward|towards|aimed at|to reach|to secure|to achieve)\b"
    # Talks that a modal says may bring a truce about have it as their aim, whatever governs the talks: "agreed to
    # begin talks that could lead to a cease-fire", "accepted discussions which might eventually produce a truce"
    # (talks that led to or produced one are history: the verb on the truce decides).
    r"|\b(?:talks|discussions|consultations|dialogue)\s+(?:that|which)\s+(?:could|would|might|may|can|will|should)\s+"
    r"(?:\w+ly\s+)?(?:lead\s+to|produce|yield|bring\s+about|result\s+in|(?:pave|open)\s+the\s+way\s+(?:for|to))\b"
    r"|\bnegotiat(?:e|es|ing|ion|ions|ors?)\b|\bdiscuss\w*\s+(?:a|an|possible|the possibility of|prospects for)\b|"
    # Discussing a proposal, closing gaps over it, the search for a truce and mediation for one are the negotiation:
    # "arrived to discuss the proposed truce", "trying to bridge gaps over a ceasefire proposal", "in search of a
    # truce", "shuttle diplomacy for a ceasefire", "met to hammer out a truce" ("hammered out" is done: agreed).
    r"\bdiscuss\w*\s+the\s+(?:proposed|planned|draft|latest|new)\b|\bhammer(?:ing)? out\b|\bin (?:the )?search of\b|"
    r"\bsearch (?:for|of)\b|\b(?:mediation|diplomacy)\b(?:\s+(?:efforts?|push|drive|bid))?\s+(?:for|on|over|towards?|aimed at)\b|"
    # Efforts for a truce are the negotiation as efforts to reach one are: "discussed their efforts for a sustainable
    # ceasefire", "diplomatic efforts towards a lasting truce" (not "efforts towards the ceasefire agreed on Sunday":
    # a definite truce may be made already).
    r"\befforts?\s+(?:for|towards?)\b(?!\s+(?:the|this|that|its|their)\b)|"
    # So is a push for one, the noun ("the United States continues to lead the push for a cease-fire", "its
    # diplomatic push for a truce", a headline's "continues push for"); the verb is a call ("the UK continued to push
    # for an immediate pause", "Allies push for ceasefire").
    r"\b(?:the|a|an|its|their|his|her|our|this|continues|continued|continuing)\s+(?:(?:diplomatic|international|"
    r"global|regional|renewed|new|latest|fresh|final|last-ditch|urgent|intense|concerted|major|joint)\s+)?"
    r"push\s+(?:for|towards?)\b|"
    r"\b(?:bridg|narrow)\w*\s+(?:the\s+)?(?:remaining\s+)?(?:gaps?|differences)\s+(?:over|on|about|in)\b|"
    r"\b(?:far apart|differences|sticking points?)\s+(?:over|on)\b|"
    r"\bmediat(?:e|es|ing)\b|\bbrokering\b|\bwork(?:ing|s)? (?:out|on|toward|towards)\b|\bwork out\b|\bclose(?:r)? to\b|\bnearing\b|"
    r"\b(?:aim(?:ed|s|ing)? (?:at|of|to)|in (?:a|an) (?:bid|effort|attempt) to|bids? to|efforts? to|push(?:ing)? to|"
    r"working (?:\w+ )?(?:hard )?to|seeking to)\s+(?:reach|secur|achiev|clinch|hammer)\w*|"
    # "stepped up efforts on Monday to secure a ceasefire"
    r"\befforts\s+(?:[\w'-]+\s+){1,3}?to\s+(?:reach|secur|achiev|clinch|broker)\w*|"
    r"\bto (?:broker|arrange|mediate)\b|\b(?:pre)?conditions for\b|"
    # Bargaining over a truce, and talks that found none: "haggling over the terms of a ceasefire", "no breakthrough
    # on a ceasefire".
    r"\b(?:haggl|wrangl|bargain|dicker)\w*\s+(?:over|on|about)\b|\bbreakthrough\b[\w' -]{0,30}?\b(?:on|over|towards?)\b|"
    # Proposals traded are the negotiation: "the two sides exchanged proposals on a ceasefire".
    r"\bexchang\w*\s+(?:\w+\s+)?(?:proposals|drafts|offers|ideas|views|positions)\s+(?:on|over|for|about)\b)"
    r"|(?P<proposed>\bcall(?:s|ed|ing)? for\b|\burg(?:e|es|ed|ing)\b|\bappeal|\bdemand|\bpropos|\boffer|\bseek|\bsought\b|"
    r"\bwants?\b|\bwanted\b|\bpush(?:ed|es|ing)? for\b|\bpress(?:ed|es|ing)? for\b|\bplea\b|\bunilateral|\binsist|\brequest|"
    r"\bbid for\b|\bplans? for\b|\binitiatives? (?:for|on|of)\b|\bhopes? (?:of|for)\b|\bprospects? (?:of|for)\b|\bchances? (?:of|for)\b|\bidea of\b|"
    r"\btowards?\b|\bpath(?:way)? to\b|\broad to\b|\bneed for\b|\bnecessity of\b|\bimportance of\b|"
    # A truce on paper only: "a draft ceasefire agreement", "the plan envisages a ceasefire".
    r"\bdraft\b|\bpotential\b|\bprospective\b|\benvisag\w*|\bforesees?\b|\bprovides? for\b|"
    # Readiness, expectation and one side's order: "ready for a ceasefire if", "open to a truce", "expects a truce
    # announcement", "floats an Olympic truce", "Putin orders Easter truce" (a unilateral truce, as "declared").
    r"\bready for\b|\bopen to\b|\bexpect(?:s|ed|ing)?\b|\bfloat(?:s|ed|ing)?\b|(?<!\bin )\border(?:s|ed)?\b|"
    # Backing for a truce not yet in force: "Russia indicating its support for a 48-hour cessation of hostilities"
    # (support for "the" truce may be for one in force).
    r"\b(?:support|backing)\s+for(?=\s+an?\b)|"
    # A wish for a truce or its extension: "your desire to extend the ceasefire", "the wish for a truce".
    r"\b(?:wish(?:es|ed)?|desire[sd]?)\b)"
    r"|(?P<holding>\bremain(?:s|ed|ing)? (?:fully |firmly |strongly )?committed to\b|\bkept to\b|\bkeep(?:s|ing)? to\b|"
    r"\bst(?:uck|icks?|icking) (?:to|by)\b|\bfragile\b|\bongoing\b|\bcontinuing\b|\brespect\w*|\bobserv\w*|\bmaintain\w*|\babid(?:e|ing) by\b|\buph[eo]ld\w*|\badher\w*|\bkeep on going with\b|"
    # A truce being implemented is in force: "progress on implementation of the November 2 agreement".
    r"\bimplementation\b|\bimplementing\b|"
    # Troops or monitors enforcing a truce hold it in force: "taking up positions in order to enforce a cease-fire
    # agreement", "peacekeepers enforcing the truce".
    r"\benforc(?:e|es|ed|ing)\b|\benforcement of\b|"
    # Building on a truce or consolidating it takes it as in force: "we must now build on the momentum of the
    # ceasefire", "efforts to consolidate the truce" (the modal asks for more, not for the truce).
    r"\bbuild(?:s|ing)? on (?:the |this )?(?:(?:momentum|success|gains?|progress) (?:of|made under) )?|"
    r"\bconsolidat(?:e|es|ed|ing)\b|\bconsolidation of\b|"
    # Keeping a truce in other words, and watching over it, take it as in force as "maintain" does: "to preserve the
    # truce", "safeguard the ceasefire", "agreeing to help monitor a partial cease-fire" ("a sustained ceasefire" is
    # one wished for: the participle is not here).
    r"\bpreserv(?:e|es|ing)\b|\bpreservation of\b|\bsafeguard(?:s|ing)?\b|\bshor(?:e|es|ing) up\b|\bsustain(?:s|ing)?\b|"
    r"\bmonitor(?:ing)?\b|\bmonitoring of\b|\bsupervis(?:e|es|ing)\b|\bsupervision of\b|"
    r"\bhonou?r(?:s|ed|ing)?\b)"
    r"|(?P<agreed>\bnegotiated\b|\bhammered out\b|\bagree(?:d|s|ing)?\b|\bagreement\b|\bsign(?:ed|s|ing)?\b|\breach(?:ed|es)?\b|\bclinch\w*|\bstruck\b|"
    r"\bannounc\w*|\bdeclar\w*|\bbrokered\b|\bimplemented\b|\bimplements?\b|\bestablish\w*|\bconclud\w*|\bsecured\b|\brestored\b|"
    r"\badopt\w*|\bwelcom\w*|\baccept\w*|\bentered into\b|"
    # The act of making the deal named by a noun: "the conclusion by the Libyan parties of a permanent cease-fire
    # agreement", "the signature of a cease-fire accord" (as "concluded" and "signing"; what a clause is working
    # toward or calls for is read from the word before it, `_governing_word`).
    r"\bconclusion\s+(?:by\s+(?:[\w'()-]+\s+){1,5}?)?of\b|\bsignature\s+(?:by\s+(?:[\w'()-]+\s+){1,5}?)?of\b|"
    r"\bproduced\b|\byielded\b|\bunder (?:the|a|this)\b|\bunder(?=\s+[\w'-]+\s*$)|\bsince (?:the|a)\b|"
    # A step taken as part of a truce is taken under it: "the governor returned as part of a preliminary cease-fire
    # deal", a headline's "Governor Returns as Part of Ceasefire" (`_IN_FORCE_FRAME`).
    r"\bas part of (?:the|a|an|this|its|their)\b|\bas part of(?=\s+[\w'-]+\s*$)|"
    r"\borgani[sz]ed\b|\barranged\b|\bapproved\b|\bsupports? (?:the|this)\b|"
    r"\bcomplian\w* with\b|\bcommitments? to\b|\btake part in\b|\btook part in\b|\bpledg\w*|\bvow(?:s|ed)?\b|"
    r"\bcommit(?:s|ted)? (?:themselves |itself |himself |herself )?to\b|\bmatch(?:es|ed|ing)\b|\breciprocat\w*)"
)
# The predicate after the ceasefire ("the truce took effect", "the ceasefire is holding", "a truce proposed by").
_RIGHT_CUES = word_initial(  # (every branch starts a word: tests/test_word_initial.py)
    r"(?P<holding>\b(?:is|was|has|have|had|been|largely|mostly|still|appears to be|seems to be)\s+(?:largely |mostly |broadly |still )?(?:holding|held)\b"
    r"|\bhold(?:s|ing)?\b|\b(?:remain(?:s|ed)?|is|are|was|been|stays?|stayed) (?:still )?in (?:place|effect|force)\b|\bfragile\b"
    # "the truce is still in force", "appeared to be largely intact", "Truce Largely Intact as Talks Continue"
    r"|\bstill in (?:place|effect|force)\b|\bintact\b"
    # "the cease-fire was honored without incident" ("will be honored" is a promise: no "be" here).
    r"|\b(?:is|are|was|were|been|being)\s+(?:largely |mostly |broadly |generally )?(?:respected|observed|honou?red)\b"
    r"|\b(?:has |have |had )?(?:brought|brings?|bringing|restored|restores?|restoring) (?:a |an )?(?:\w+ )?(?:calm|respite|quiet|lull|period of calm)\b"
    r"|\bnow (?:going on|in its)\b"
    # Headline grammar drops the auxiliary: "Truce Largely Observed on First Full Day" (the adverb makes it a predicate).
    r"|\b(?:largely|mostly|broadly|generally|widely) (?:respected|observed|honou?red)\b"
    # "hostages freed as the four-day truce continued" ("will continue" is an extension, below).
    r"|\bcontinu(?:es|ed)\b"
    # What the truce has already brought about says it is in force: "the cessation in hostilities has produced the first
    # significant flow of humanitarian assistance", "the truce has allowed aid convoys in".
    r"|\b(?:has|have) (?:already |also |now )?(?:produced|yielded|allowed|enabled|delivered|made possible)\b"
    r"|\b(?:has|have|had) (?:largely |mostly |so far )?(?:stopped|halted|ended|quelled) (?:the )?(?:fighting|clashes|shelling|violence)\b"
    r"|\b(?:take|takes|took|taking|taken) hold\b"
    # time elapsed inside it: "Gaza truce enters fifth day", "entered its second week", "survives its first month"
    r"|\b(?:enter(?:s|ed|ing)?|surviv(?:es|ed|ing))\s+(?:its\s+)?(?:[\w-]+\s+)?(?:full\s+)?(?:day|week|month)s?\b"
    # "the truce has lasted a week", "has endured despite isolated clashes", "has so far survived" ("had lasted" is history)
    r"|\b(?:has|have)\s+(?:now\s+|so far\s+|already\s+)?(?:lasted|endured|survived)\b"
    r"|\bheld\b(?!\s+(?:talks|meetings?|discussions|negotiations|hostages?|captive|in\b|by\b)))"
    r"|(?P<agreed>\btook effect|\btakes? effect|\btaking effect|\bcame into (?:force|effect)|\bcome into (?:force|effect)|"
    r"\bwent into effect|\bin effect\b|\bin force\b|\bbegan\b|\bbegins?\b|(?<!\bthe )\bstart(?:s|ed)?\b|\bcommenc\w*|"
    r"\bagreed\b|\bannounced\b|\bannouncement\b|\bsigned\b|\breached\b|\bbrokered\b|\baccepted\b|\bdeal\b|\bagreement\b|"
    r"\baccord\b|\bpact\b|\b(?:is|was) (?:now )?under ?way\b)"
    r"|(?P<proposed>\bpropos\w*|\boffer(?:ed)?\b|\bbid\b|\bplan\b|\binitiative\b|\bcalls?\b|\bappeal)"
    r"|(?P<talks>\btalks\b|\bnegotiat\w*|\bdiscussions\b)"
    r"|(?P<extended>\b(?:will|would|is to|are to) (?:continue|go on|carry on)\b)"
)
# Calm reported beside a truce's start (`_predicate`): "calm returned to the city a day after the truce began", "guns fell
# silent as the ceasefire took effect".
_START = lazyre.compile(r"took|takes?|taking|came|come|went|began|begins?|start|commenc")
# The units a truce or an agreement is dated back in ("eight months ago"), and the periods a "last" or an "earlier this"
# names ("last week", "earlier this year"; see bot.detect.earlier).
_UNITS = (earlier.DAY, earlier.WEEK, earlier.MONTH, earlier.YEAR)
_PERIODS = (earlier.WEEK, earlier.MONTH, earlier.YEAR)
# A truce's start or agreement dated weeks back ("agreed in Doha last month", "that began a week ago") and an effect
# reported since ("has brought a measure of calm", "have allowed aid convoys in"): the truce is in force.
_DATED_PAST = lazyre.compile(
    rf"\s+(?:[\w,'-]+\s+){{0,4}}?(?:(?:[\w-]+\s+)?{earlier.ago(earlier.units(*_UNITS))}|"
    rf"{earlier.last(*_PERIODS, *earlier.SEASONS)}|{earlier.earlier_this(*_PERIODS)})\b"
)
_EFFECT_SINCE = lazyre.compile(
    r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:brought|allowed|enabled|let|given|eased|reduced|cut|halted|stopped|kept|"
    r"produced|yielded|opened|saved|paved|helped)\b"
)
_CALM = lazyre.compile(
    r"\b(?:calm|quiet|silence) (?:returned|prevailed|reigned|held)\b|\bguns (?:fell|fall|have fallen|went) silent\b"
    r"|\b(?:relative|rare|uneasy|tense) (?:calm|quiet)\b"
    # What a truce in force brings, told beside its start: the displaced going home, less violence ("began returning
    # to their homes after a cease-fire went into effect", "violence dropped sharply after the truce began").
    r"|\b(?:began|begun|started|start|were|are|have been|had been) (?:slowly |cautiously )?returning (?:to their homes|home)\b"
    r"|\b(?:drop|decline|decrease|reduction|fall|let-up) in (?:the )?(?:violence|fighting|attacks|clashes|shelling|hostilities)\b"
    r"|\b(?:violence|fighting|attacks|clashes|shelling) (?:has |have |had )?(?:\w+ly )?"
    r"(?:dropped|declined|decreased|fell|fallen|eased|subsided|abated|diminished)\b"
)
# A truce called fragile for its violations is a violated one: "although fragile due to widespread violations by
# all sides", "fragile amid sporadic clashes" (the reason can lie past the clause window of the adjective).
_FRAGILE_FOR = lazyre.compile(
    r"[^;.]{0,30}?\b(?:due to|because of|owing to|amid|marred by)\b[^;.]{0,30}?"
    r"\b(?:violations?|breach(?:es)?|clashes|fighting|shelling|attacks|skirmishes)\b"
)
# The ceasefire as the subject of negotiations ("ceasefire talks", "truce negotiations", "ceasefire efforts gathered
# pace": efforts to reach one): whatever governs the phrase governs the talks.
# "a ceasefire and peace talks": the talks are coordinated with the truce, not about it.
_COORDINATED = lazyre.compile(r"\b(?:and|or|nor)\b|,")
_NOUN_OF_TALKS = lazyre.compile(r"[\s-]+(?:talks|negotiations|discussions|efforts)\b")
# Modality before a governing verb turns an agreement into a plan: "hopes to sign", "ready to accept".
_MODAL_BEFORE = lazyre.compile(
    r"\b(?:would|could|should|must|might|" + _MAY + r"|will|shall|if|(?<!\bat )once|unless|whether|possible|possibly|"
    r"hope[sd]?|hoping|plan(?:s|ned|ning)? to|ready to|willing to|prepared to|readiness to|willingness to|need(?:s|ed)? to|try(?:ing)? to|tries to|"
    r"seek(?:s|ing)? to|aim(?:s|ed|ing)? to|want(?:s|ed)? to|expected to|likely to|set to|going to|poised to|due to|"
    r"intends? to|intention to|effort to|efforts to|attempt to)\b"
)
# An exhortation before the governing verb ("urged both sides to agree to a ceasefire") is a proposal; asking
# the sides to respect an existing truce still reports that truce.
_EXHORT = lazyre.compile(
    r"\b(?:urg\w*|call(?:s|ed|ing)? (?:on|upon)|call(?:s|ed|ing)? for|ask\w*|encourag\w*|"
    r"press(?:es|ed|ing)? (?:for|on|upon|both|all|the (?:two )?(?:sides|parties))|"
    r"appeal\w*|demand\w*|push\w*|invit\w*|implor\w*|"
    # Trying to convince the sides, or pressing one, to take up a truce: "trying to convince opposing sides of the
    # conflict to accept a cease-fire proposal" (not "convinced", done; not "the press conference to").
    r"convinc(?:e|es|ing)|persuad(?:e|es|ing)|press(?:es|ed|ing)\s+[\w'-]+(?:\s+and\s+[\w'-]+)?\s+to|"
    # Working to bring a side round: "trying to get him to agree to a ceasefire" (not "got them to agree", done).
    r"get(?:s|ting)?\s+(?:[\w'-]+\s+){1,3}?to)\b"
)
# Without a governing verb, these adjectives name the ceasefire someone wants.
_ASPIRED = lazyre.compile(
    r"\b(?:immediate|sustain(?:ed|able)|durable|lasting|permanent|genuine|comprehensive|nationwide)\b[\w ,-]{0,30}$"
)
# What the sides are asked to stop, beside keeping the truce, is force in use: "to immediately cease the use of force",
# "to stop firing", "to halt all military operations" (asking them to refrain from force is no report of it).
_STOP_FORCE = lazyre.compile(
    r"\b(?:ceas(?:e|ing)|stop(?:ping)?|halt(?:ing)?|end(?:ing)?)\s+(?:(?:immediately|all|any|the|their|its|further)\s+)*"
    r"(?:use of force|firing|fire|shooting|military (?:operations|activities|activity|actions?)|provocations|"
    + _VIOLENCE
    + r")\b"
)
# Fighting reported hours or days after the truce began or was signed breaks it: "they were attacked Friday by
# government forces, one day after the two sides signed a cease-fire agreement", "gunfire could be heard ... a day
# after Turkey and the U.S. agreed to a five-day cease-fire", "barely six hours after the cease-fire took effect".
# Weeks or months after it is the truce's record (_TIME_SINCE); violence before the truce is what it ended.
_SOON_AFTER = lazyre.compile(
    r"(?:(?:\b(?:hours?|minutes?|days?|a day|one day)\s+|\b(?:shortly|soon|just|barely|only)\s+)after|"
    r"\bwithin (?:hours|minutes|a day|days) of|\b(?:on )?the same day(?: that| as| when)?)\s+(?:[\w'’.-]+\s+){0,8}$"
)
_FIGHTING_DONE = lazyre.compile(
    r"\b(?:attack(?:ed|ing|s)?|shell(?:ed|ing)|gunfire|fir(?:ed|ing)\s+(?:on|at|into)|bomb(?:ed|ing|ings)|"
    r"clash(?:ed|es)|fighting|explosions?|air ?strikes?|drone strikes?|rockets?|mortars?)\b"
)
_FIGHTING_NOT = lazyre.compile(
    r"\b(?:no|not|without|nor|stopp\w*|ceased|ended|halted|subsided|died down|quiet\w*|calm)\b"
)


def _fighting_soon_after(low: str, start: int) -> re.Match[str] | None:
    """Violence reported earlier in the clause than "hours/a day after" the truce named at `start` (_SOON_AFTER)."""
    soon = _SOON_AFTER.search(low, max(0, start - 70), start) if _MAY_SOON_AFTER(low) else None
    if soon is None:
        return None
    lo = max(low.rfind(";", 0, soon.start()) + 1, soon.start() - 200)
    found = _last(_FIGHTING_DONE, low, lo, soon.start())
    if found is None or _FIGHTING_NOT.search(low, lo, soon.start()):
        return None
    return found


_KEEP_VERB = lazyre.compile(r"respect|observ|abid|adher|uph[eo]ld|honou?r|maintain|complian|preserv|safeguard")


def _stop_called(low: str, cue: int) -> re.Match[str] | None:
    """A call, earlier in the clause, to stop force in use, before a verb that keeps the truce (_STOP_FORCE)."""
    if not _KEEP_VERB.match(low, cue):
        return None
    lo = max(low.rfind(";", 0, cue) + 1, cue - 200)
    call = _last(_EXHORT, low, lo, cue)
    return _STOP_FORCE.search(low, call.end(), cue) if call is not None else None


# The same adjectives after a demonstrative describe a truce that exists ("this complete, permanent and countrywide
# Ceasefire Agreement"), and after "the" when the truce is said to be signed or in force ("the durable ceasefire
# agreement signed on Friday"); "the immediate ceasefire" on its own is still the one wanted, and so is one in a wish
# ("their immediate ceasefire demand").
_ADJECTIVES = r"(?:(?!(?:is|are|was|were|be|a|an|the|to|of|for)\b)[\w-]+(?:,|\s+and)?\s+){0,3}$"
_DEMONSTRATIVE_BEFORE = lazyre.compile(r"\b(?:this|that|these|those)\s+" + _ADJECTIVES)
_THE_BEFORE = lazyre.compile(r"\b(?:the|its|their)\s+" + _ADJECTIVES)
_DONE_AFTER = lazyre.compile(
    r"(?:[\s-]+(?:agreement|deal|accord|pact))?\s+(?:signed|agreed|reached|brokered|concluded|announced|in force|in place|"
    r"(?:which|that) (?:took|has taken|came into) (?:effect|force))\b"
)
_WISH_NOUN = lazyre.compile(
    r"[\s-]+(?:demands?|calls?|appeals?|pleas?|proposals?|plans?|offers?|initiatives?|idea|draft)\b"
)


def _aspired(low: str, left: int, start: int, end: int) -> re.Match[str] | None:
    """The adjectives of a wanted ceasefire before the mention (_ASPIRED), unless they describe one that exists."""
    found = _ASPIRED.search(low, max(left, start - 40), start)
    if found is None or _WISH_NOUN.match(low, end):
        return found
    lo = max(left, found.start() - 40)
    if _DEMONSTRATIVE_BEFORE.search(low, lo, found.start()) or (
        _THE_BEFORE.search(low, lo, found.start()) and _DONE_AFTER.match(low, end)
    ):
        return None
    return found


_ACCEPTED = lazyre.compile(
    r"\b(?:accept\w*|agreed to|endorsed|signed|match(?:es|ed|ing)|reciprocat\w*|join(?:s|ed|ing)?|welcomed)\b"
)
# A mediator seeking or pushing for a truce is negotiating it (corpus convention 4: mediation and efforts to reach
# a ceasefire are talks); a party seeking one, or a mediator's call, stays a proposal.
_SOUGHT = lazyre.compile(r"seek|sought|push|press|bid for")
_MEDIATOR = lazyre.compile(r"\b(?:mediat(?:or|ors|ion)|envoys?|negotiators?|go-betweens?|shuttl\w*)\b")
# The other side taking up one side's truce: "Government matches rebel cease-fire", "India joins Pakistan in ...".
_RECIPROCAL = lazyre.compile(r"\b(?:match(?:es|ed|ing)?|reciprocat\w*|joins|joined|joining)\b")
# One side's unilateral truce that the other side says it will keep is matched: both sides' truce, agreed (corpus
# conventions: a declaration matched by the other side). The keeping verb stands before "unilateral", and the truce
# is another's: a possessive ("will honour the army's unilateral truce") or a declarer named after it ("will observe
# the unilateral cease-fire that the president declared", "declared by the government"). One's own truce ("the
# unilateral truce it declared") and a call to keep it ("urged the rebels to respect the unilateral truce") stay
# proposals.
_KEEP_BEFORE_UNILATERAL = lazyre.compile(
    r"\b(?:observ\w*|respect\w*|abid\w* by|honou?r\w*|adher\w* to|join\w*|match\w*|reciprocat\w*|accept\w*)\s+"
    r"(?P<whose>the\s+[\w-]+'s|[\w-]+'s|the|that|this)\s+$"
)
_DECLARED_BY_ANOTHER = lazyre.compile(
    r"\s+(?:(?:declared|announced|offered|ordered|proclaimed)\s+(?:on\s+\w+\s+)?by\b|"
    r"(?:(?:that|which)\s+)?(?!(?:it|they|he|she|we|its|their|his|her|our)\b)(?:[\w'.-]+\s+){1,4}?(?:had\s+|has\s+)?"
    r"(?:declared|announced|offered|ordered|proclaimed)\b)"
)
_TAKEN_UP_WHY = "one side's truce taken up by the other"
# A truce said to be needed is called for: "agreed that a ceasefire was essential", "a truce is urgently needed".
_NEEDED = lazyre.compile(
    r"\s+(?:is|was|are|were|remains?|would be)\s+(?:\w+ly\s+)?(?:needed|necessary|essential|vital|required|imperative)\b"
)
# An agreement named as a goal is none made yet (corpus convention 2): "an immediate agreement to a monitored
# cessation of hostilities must be the priority", "the aim is an agreement on a truce" (not "the priority is to
# implement the agreement reached on Monday": implementing is no reaching).
_GOAL_AFTER = lazyre.compile(
    r"[\w ,-]{0,40}?\s+(?:is|was|remains?|must be|should be|has to be|would be|will be)\s+(?:\w+ly\s+)?"
    r"(?:the|a|our|my|their|his|her|its)\s+(?:(?:top|first|main|overriding|immediate|urgent|key|chief|only)\s+)?"
    r"(?:priority|goal|aim|objective|target)\b"
)
_GOAL_WHY = "an agreement named as a goal"
# Negotiation named by its word, as a talks reading's sentence may (not a call or a visit): what a goal beside it aims
# at is the negotiation's (`_ceasefire_event`).
_NEGOTIATING = lazyre.compile(r"\b(?:negotiat\w*|talks)\b")
_GOAL_BEFORE = lazyre.compile(
    r"\b(?:priority|goal|aim|objective|target)\s+(?:is|was|remains|must be|should be|has to be|would be|will be)\s+"
    r"(?:to\s+(?:reach|secure|achieve|get|obtain|win|clinch|conclude)\s+)?(?:an?|the)\s+(?:[\w'-]+\s+)?$"
)
# Backing a call for a ceasefire is no acceptance of one ("endorsed the call for an immediate ceasefire").
_CALL = lazyre.compile(r"call|appeal|demand|plea")
_BACKED = lazyre.compile(r"endorsed|welcomed|join")
_NOT = lazyre.compile(r"\b(?:not|never|no)\b")
_TALKS_FRAME = lazyre.compile(
    r"\b(?:talks|negotiations?|discussions?|consultations)\s+(?:on|over|about|for)\s+(?:\w+\s+)?$|\b(?:discuss\w*|negotiat\w*)\s+(?:\w+\s+)?$"
)
_TALKS_SUBJECT = lazyre.compile(
    r"\b(?:talks|negotiations|discussions|consultations)\s+(?:on|over|about|for)\s+(?:\w+\s+){0,3}$"
)
_OUT_OF_REACH = lazyre.compile(r"\b(?:out of reach|within reach|in sight|elusive|on the table|close)\b")
_SUBORDINATE = lazyre.compile(
    r"\b(?:until|till|when|before|after|as soon as|since|because|while|in time for)\b|\bas\s+(?:the|a|an|its)\s+(?:[\w'-]+\s+){0,3}$"
    # A headline drops the article: "Aid Reaches City as Truce Holds" ("reaches" governs the city, not the truce).
    r"|\bas\s+(?:[\w'-]+\s+)?$"
)
_NEARLY = lazyre.compile(
    r"\b(?:close(?:r)? to|near(?:ing|er)?(?: to)?|on the verge of|edg\w+ toward|moving toward)\s+(?:\w+\s+)?$"
)
# A modal inside a report of agreement ("agreed that they would observe a truce") stays an agreement.
_AGREED_FRAME = lazyre.compile(r"\b(?:agreed|announced|accepted|signed|confirmed)\b")
_NEGATED_CUE = lazyre.compile(
    r"\b(?:not|never|no|neither|nor|yet to|failed to|refused to|refuse to|refuses to)\s+(?:\w+\s+){0,2}$"
)
# A ceasefire a party refuses to sign or accept was put forward, and not taken up (corpus convention 4): "refused to
# sign a cease-fire agreement with rebels" ("refused a truce", with no verb of taking it up, reports nothing).
_REFUSED_TO_TAKE_UP = lazyre.compile(r"\b(?:refus\w*|reject\w*|declin\w*)\s+to\s+$")
# Agreeing to back, support or consider a ceasefire is a stance on one put forward, not the truce agreed: "the rebels
# have agreed in principle to support a cease-fire" (headline grammar drops the "in" and "to": "Agree Principle
# Support Cease-fire").
_AGREED_TO_BACK = lazyre.compile(
    r"(?:\s+in)?(?:\s+principle)?\s+(?:to\s+)?(?:support|back|endorse|consider|study|explore)\b"
)
# Starting dates of an agreed ceasefire are announcements, not hopes: "is scheduled to start", "will take effect".
_EFFECT = lazyre.compile(
    r"\s*(?:\w+\s+){0,2}?(?:is|are|was)?\s*(?:scheduled to|set to|due to|expected to|to|will|would|shall)\s+"
    r"(?:take effect|start|begin|commence|come into (?:force|effect)|go into effect|enter into force)\b"
)
# A signing set for a day is a truce agreed, its signature pending (corpus convention 2): "Ceasefire Could Be Signed
# Saturday", "the truce is expected to be signed on Friday" (a hope or a condition before the truce stays a plan).
_SIGNING_DAY = lazyre.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:could|will|would|"
    + _MAY
    + r"|might|is|are)?\s*(?:(?:expected|likely|set|due|scheduled)\s+)?(?:to\s+)?"
    r"be\s+(?:formally\s+)?signed\s+(?:[\w-]+\s+){0,3}?(?:on\s+|as early as\s+|by\s+)?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|tonight|next week|this week|later this week)\b"
)
# The same in the active voice: the parties "will sign the ceasefire on Thursday", "would sign the accord in Nairobi on
# Monday". Only a plain future or scheduled auxiliary right before "sign", with no hope, plan or condition before it.
_SIGN_AUX = lazyre.compile(
    r"\b(?:will|would|shall|'ll|(?:is|are) (?:expected |set |due |scheduled )?to)\s+(?:formally\s+)?$"
)
_TITLE_TO = lazyre.compile(r"\bto\s+$")
_DAY_AFTER = lazyre.compile(
    r"(?:\s+(?!if\b|unless\b|when\b|once\b)[\w'-]+,?){0,4}?\s+(?:on\s+|as early as\s+|by\s+)?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|next week|later this week)\b"
)


def _signing_on_a_day(
    low: str, before: str, cue: re.Match[str], end: int, right: int, is_title: bool = False
) -> re.Match[str] | None:
    """The day set for a signing the parties "will" make (_SIGN_AUX, _DAY_AFTER), or None; a headline's infinitive
    is its future ("Government and Rebels to Sign Truce on Friday")."""
    if not cue.group().startswith("sign"):
        return None
    aux = _SIGN_AUX.search(before)
    if aux is None and is_title and (aux := _TITLE_TO.search(before)) is not None and _modal(before):
        return None  # "Rebels Plan to Sign Truce Next Week": the plan is the modality, with its "to"
    if aux is None or _modal(before[: aux.start()]) or _CONDITION_AFTER.match(low, end, right):
        return None
    return _DAY_AFTER.match(low, end, right)


# One side announcing a truce of its own is a unilateral truce, as one it declares (corpus conventions: proposed):
# "Maoist rebels announced a three-month ceasefire", "Saudi Arabia announced a two-week ceasefire in Yemen". Not one
# agreed before and announced by a party ("Abbas announced the truce"), one a mediator or the UN announces ("the UN
# envoy announced a 72-hour cease-fire after he received commitments from all"), a truce agreement, a truce "with"
# the other side, or one the clause shows is both sides' (_joint).
_ANNOUNCED_OWN = lazyre.compile(r"announc(?:e|es|ed|ing)\s+(?:an?|its(?:\s+own)?)\s+(?:[\w'-]+\s+){0,3}$")
# The noun said of its owner, the same unilateral truce: "Moscow's announcement of a three-day truce", "Putin's latest
# announcement for a temporary ceasefire" (the owner named in the possessive; a bare "the announcement of a ceasefire"
# reports the truce itself).
_ANNOUNCEMENT_OWN = lazyre.compile(r"announcement\s+(?:of|for)\s+(?:an?|its(?:\s+own)?)\s+(?:[\w'-]+\s+){0,3}$")
_OWNER_BEFORE = lazyre.compile(r"\w(?:['\u2019]s|s['\u2019])\s+(?:[\w-]+\s+){0,2}$")
# The passive of the same: a truce "announced by Russia" or "declared by the army", even one going into effect, is still
# that side's own (its start says when it runs, not that the other side took it up).
_DECLARED_BY = lazyre.compile(
    r"[\"'\u201d\u2019]?,?\s+(?:declared|announced|ordered|proclaimed)\s+(?:(?:on|last|this)\s+\w+\s+)?by\s+(?P<agent>[^,;]{1,40})"
)
_TWO_AGENTS = lazyre.compile(r"\b(?:and|both)\b")  # "announced by Israel and Hamas": both sides' truce
_THIRD_PARTY = lazyre.compile(
    r"\b(?:mediat\w*|envoys?|negotiators?|u\.n\.?|un|united nations|secretary-general|state department|white house)\b"
)
_BILATERAL_AFTER = lazyre.compile(r"\s+(?:agreements?|deals?|accords?|pacts?|with)\b")


def _announced_by_one_side(low: str, clause: tuple[int, int], cue: re.Match[str], mention: tuple[int, int]) -> bool:
    """Whether `cue` is one side announcing a truce of its own (_ANNOUNCED_OWN, or its announcement: _ANNOUNCEMENT_OWN),
    not a mediator's or a joint one."""
    left, right = clause
    own = _ANNOUNCED_OWN.match(low, cue.start(), mention[0]) is not None or (
        _ANNOUNCEMENT_OWN.match(low, cue.start(), mention[0]) is not None
        and _OWNER_BEFORE.search(low, left, cue.start()) is not None
    )
    return (
        own
        and not _THIRD_PARTY.search(low, left, cue.start())
        and not _BILATERAL_AFTER.match(low, mention[1], right)
        and not _joint(low, left, right)
    )


# "to Push Gaza Truce Deal": a headline's infinitive of seeking, two words at most before the truce.
_TITLE_TO_SEEK = lazyre.compile(
    r"\bto\s+(?:push|press|seek|secure|broker|win|forge|pursue|promote)\s+(?:[\w'-]+\s+){0,2}$"
)
# "Rebels to Sign Cease-Fire": a headline infinitive is a plan, except after "agree"/"decide".
_TITLE_INFINITIVE = lazyre.compile(
    r"(?<!agree )(?<!agrees )(?<!agreed )(?<!decide )(?<!decided )(?<!vote )(?<!voted )\bto\s+$"
)
# A threatened change is no change; an urged extension is a proposal (urging an end to violations still reports them).
_CHANGE_NOT = lazyre.compile(r"\b(?:would|could|can|cannot|might|" + _MAY + r"|threat\w*|risk\w*|if|not|never)\b|n't\b")
_STRAIN = lazyre.compile(r"threaten|jeopardi|undermin")
_STRAIN_MODALS = frozenset(["would", "could", "can", "might", "may"])
# A change under a condition stated after it is a term, not a change: "a 72-hour cease-fire to be extended if the
# other party adheres to it", "to be renewed provided the army withdraws" (a concession, "even if", still reports it).
_CONDITION_AFTER = lazyre.compile(
    r"(?:\s+(?!for\b)[\w'-]+){0,5}?,?\s+(?<!\beven )(?<!\bfor )(?:if|unless|provided|providing|as long as|so long as|"
    r"on (?:the )?condition|subject to)\b"
)
# A truce its party will not renew, or failed to, is called off: "would not extend the truce", "decided not to extend it",
# "after the two sides failed to extend the truce"; so is
# one that was not renewed, said in the passive: "the truce has not been extended", "the ceasefire was not renewed".
_NOT_EXTEND = lazyre.compile(
    r"\b(?:(?:will|would|did|does|do|shall)\s+not|won't|wouldn't|didn't|refus\w*\s+to|fail(?:s|ed|ing)?\s+to|decided\s+(?:not\s+to|against)|"
    r"not\s+to|(?:has|have|had|was|were)\s+not(?:\s+been)?|(?:hasn't|haven't|hadn't)(?:\s+been)?|wasn't|weren't)"
    r"\s+(?:\w+\s+)?$"
)
# The call governs the extension through the verb it asks for: "calls on all parties to accept further extension".
_TO_TAKE_UP = lazyre.compile(
    r"\bto (?:accept|agree(?: to| on)?|approve|back|support|endorse|consider|sign|allow|grant)\b"
)
_EXTEND_NOT = lazyre.compile(
    r"\b(?:urg\w*|call\w* for|call\w* on|ask\w*|hope\w*|propos\w*|seek\w*|push\w* for|demand\w*|request\w*|want\w*|"
    r"press\w* for|appeal\w*|plea|bid for|desir\w*|wish\w*)\b"
)
# "The truce has largely held despite sporadic violations" is a holding truce.
# The headline's present tense too ("Syrian Cease-Fire Holds Despite Scattered Violence"), not a meeting held.
_HELD_DESPITE = lazyre.compile(
    r"\b(?:holds?\b(?!\s+(?:talks|meetings?|discussions|negotiations|elections))|held|holding|respected|observed|"
    r"in place|intact|(?:has|have) (?:now |so far |already )?(?:lasted|endured|survived))\b[^;]{0,40}\bdespite\b|\bdespite\b[^;]{0,60}\b(?:has|have|had|is|was) "
    r"(?:largely |mostly |broadly )?(?:held|holding|been respected)\b"
)
_IS_VIOLENCE = lazyre.compile(_VIOLENCE)
# Violence before the truce in its clause is what the truce ended: "came after weeks of heavy fighting".
_BEFORE_TRUCE = lazyre.compile(
    r"\b(?:(?<!hours )(?<!hour )(?<!minutes )(?<!days )(?<!shortly )(?<!soon )(?<!just )after|ended|ending|end to|"
    r"halt(?:ed)?|weeks of|days of|months of|years of)\b[^;,]{0,25}$"
)

_TALKS = lazyre.compile(
    r"\b(?:talks|negotiations?|negotiating|negotiated|negotiators?|met with|met\b|meeting|meetings|meets|meet with|"
    r"phone call|telephone call|telephone conversation|phone conversation|"
    # "spoke today with", "spoke by phone overnight with", "spoke this morning with": a time between verb and party.
    r"(?:spoke|spoken) (?:(?:by (?:tele)?phone|today|tonight|overnight|yesterday|again|separately|earlier|later|briefly|"
    r"this (?:morning|afternoon|evening|week)|last night|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+){0,3}"
    r"(?:with|to)|"
    # A readout's headline: "Secretary Blinken's Call with Turkish Foreign Minister Fidan".
    r"(?:'s|s') (?:(?:tele)?phone )?call with|"
    r"held discussions|discussions|discussed|dialogue|summit|hosted|trilateral|bilateral meeting|consultations|readout|"
    # Officials of two states before the press together: "at a Joint Press Availability", "told a joint news conference
    # with his Turkish counterpart"; a transcript headlined "Remarks With Georgian Foreign Minister ...".
    r"joint (?:press|news) (?:availability|conference|briefing)|remarks with|"
    r"visit(?:ed|ing)? (?:with|by)|conversation with|conversations with|"
    # A call with both sides as the subject, or named by the noun: "the two ministers spoke by phone about the
    # crisis", "held a video call with her counterpart", "in a call with", "during a call on Monday, they discussed"
    # ("to defend call with Taiwan's president": a call of days before, the object of the news).
    r"(?:spoke|spoken|talked|conferred) (?:by (?:tele)?phone|by video(?: ?link)?|over the (?:tele)?phone)|"
    # A hotline is a call: "their top military commanders spoke \"over the established mechanism of hotline contact\"".
    r"(?:spoke|spoken|talked|communicated) \"?(?:over|via|through|on|by) (?:the |an? )?(?:[\w-]+ ){0,4}?hotlines?|"
    r"(?:video|conference) call|video ?conference|(?:an?|the|their|his|her|its|held|had) calls? (?:with|between)|during (?:a|the|their|his|her) (?:[\w-]+ )?call|"
    # Conferring and consulting with another side ("conferred for two hours", "consulted with the Saudi foreign
    # minister"); not an honour conferred on someone ("conferred the Order of Merit on").
    r"confer(?:s|red|ring)?(?=\s+(?:with|by|for|in|at|today|tonight|yesterday|privately|again|briefly|separately|closely|"
    r"on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|\s*[.,;])|consult(?:s|ed|ing)? (?:\w+ly )?with|"
    # Before the press with a counterpart: "appeared at a news conference with the visiting Kenyan president".
    # "appeared in a news conference (Wednesday) with the French President": a day or time in brackets between.
    r"(?:news|press) (?:conference|availability|briefing) (?:\([\w .:-]{1,25}\) )?with|"
    # Receiving another state's office-holder (_RECEIVED_OFFICE): "the president received the visiting Qatari emir".
    r"received|welcomed the visiting)\b"
)
_ACTOR = lazyre.compile(
    r"\b(?:president|minister|secretary|envoy|officials?|leaders?|government|governments|delegations?|rebels?|"
    r"counterparts?|diplomats?|diplomatic|mediators?|sides|parties|ambassador|chancellor|king|spokes\w+|premier|"
    r"state department|kremlin|white house|foreign|prime|u\.n\.|un|united nations|security council|administration)\b"
)
_AGREEMENT = lazyre.compile(
    r"\b(?:agreement|agreements|deal|accord|accords|declaration|resolution|memorandum of understanding|memorandum|"
    r"treaty|pact|communique|protocol|proposal|peace plan|framework)\b"
)
_AGREEMENT_CUE = lazyre.compile(
    r"\b(?:signed|signs|adopted|adopts|passed|passage|approved|approves|concluded|ratified|accepted|accepts|clinched|"
    r"struck|announc\w*|unanimously|endorsed|inked)\b"
)
_AGREED_VERB = lazyre.compile(
    r"\b(?:agreed|agrees|agree)\s+(?:to|on|upon|that)\b|\bit was agreed\b|\bhave agreed\b|\bhas agreed\b"
)
# Words that show an agreement exists: its commitments, its mediation, its being welcomed or signed.
_AGREEMENT_EXISTS = lazyre.compile(
    r"\b(?:welcom\w*|mediat(?:ed|ing)|brokered|under (?:this|the|that)|signing of|adoption of|reached|secured|sealed|"
    r"finali[sz]ed|hammered out|agreed)\b"
)
# Modality, exhortation or pending work before the agreement: it is not made yet.
_NOT_YET_BEFORE = lazyre.compile(
    r"\b(?:will|would|could|should|"
    + _MAY
    + r"|might|must|shall|expected|hope[sd]?|hoping|urg\w*|call\w* (?:on|for|upon)|"
    r"pending|anticipat\w*|seek\w*|aim\w*|toward|towards|plan(?:s|ned|ning)? to|ready to|willing to|prepared to|if|"
    r"unless|negotiat(?:e|es|ing|ion of|ions on|ions over)|work to|working to|work on|working on|close to|closer to|near|nearing|try\w* to|want\w* to|"
    r"need\w* to|refus\w*|reject\w*|fail\w* to|yet to|not|never|no)\b"
)
_ACT_OF_DECLARING = lazyre.compile(r"\s+of\b")
# What the sides agreed is a view or a way of working, not an agreement.
_CONSENSUS = lazyre.compile(
    r"\s*(?:the |on the |upon the )?(?:importance|need|necessity|value|urgency)\b|\s*(?:continue|work|keep|stay|remain|"
    r"cooperate|coordinate|consult|maintain|deepen|strengthen|explore|meet|hold further|talk|speak|keep|remain)\b"
    # "agreed that it is in the interest of both to ...", "agreed that it was important to": a judgement.
    r"|\s*(?:that\s+)?(?:it|this|there)\s+(?:is|was|would be|will be|remains?)\s+(?:in\s+(?:the|their|our|both)|important|vital|"
    r"essential|crucial|necessary|critical|time|no|a need)\b"
    # A company sold or bought: "Dow Jones agreed to be bought by News Corporation" (business, not diplomacy).
    r"|\s*(?:be\s+)?(?:bought|buy|acquired|acquire|sold|sell|merge|taken over|take over)\b"
)
# "Agreed that ...": what follows is an arrangement only when it is settled for the future ("a truce will take
# effect", "both armies would withdraw", "prisoners would be exchanged", "the ceasefire is to begin"). A judgement
# ("the situation was grave", "there is no military solution"), an obligation ("more must be done", "the parties
# should return to talks"), a condition, a past event, or an intention to go on working together ("would coordinate",
# "will stay in touch") is a shared view. The first auxiliary of the clause decides.
_THAT_AUX = lazyre.compile(
    r"\b(?:if|unless|in case|will|would|shall|'ll|(?:is|are|was|were) to|must|should|ought|needs? to|needed to|"
    r"(?:has|have|had) to|is|are|was|were|remains?|remained|(?:has|have|had) been|can|could|" + _MAY + r"|might)\b"
)
_ARRANGED_AUX = frozenset(["will", "would", "shall", "'ll", "is to", "are to", "was to", "were to"])
_WORKING_TOGETHER = lazyre.compile(
    r"\s*(?:(?:also|further|jointly|closely|both|each)\s+)?(?:continue|work|keep|stay|remain|cooperate|coordinate|consult|"
    r"maintain|deepen|strengthen|explore|meet|talk|speak|discuss|hold further|pursue|support|seek|try|strive|look)\b"
)
# "Any withdrawal would demonstrate progress": a consequence foreseen, not a step settled.
_CONSEQUENCE = lazyre.compile(
    r"\s*(?:\w+ly\s+)?(?:demonstrate|show|mean|signal|send a|help|hurt|harm|undermine|reinforce|weaken|lead to|result in|"
    r"represent|constitute|amount to|benefit|damage|jeopardi[sz]e|endanger|threaten|risk|serve|cause|contribute|prove|"
    r"pave|open the way|make it|depend)\b"
)
# What warring or negotiating parties settle: a truce and its start, withdrawals, exchanges, a body to monitor it.
_SETTLED_TERMS = lazyre.compile(
    r"\b(?:truce|cease-?fire|cessation|hostilities|armistice|withdraw\w*|pull(?:ed)? back|disengage\w*|demilitari[sz]\w*|"
    r"exchang\w*|swap\w*|prisoners|hostages|releas\w*|commission|monitor\w*|take effect|come into (?:force|effect)|"
    r"enter into force|begin|start|commence|referendum|elections?|border|corridor|hand(?:ed)? over)\b"
)
# "would be exchanged" is arranged; "would be important" is a judgement.
_PASSIVE = lazyre.compile(r"\s*be\s+(?:\w+ly\s+)?(?:\w+ed|\w+en|held|set|made|built|sent|put|kept|met|let|paid|laid)\b")


def _arranged_that(clause: str) -> bool:
    """The clause after "agreed that" settles an arrangement (an agreement), not a view (see _THAT_AUX)."""
    m = _THAT_AUX.search(clause, 0, 110)
    if m is None or m.group() not in _ARRANGED_AUX:
        return False
    rest = clause[m.end() :]
    if clause.lstrip().startswith("any ") or _WORKING_TOGETHER.match(rest) or _CONSEQUENCE.match(rest):
        return False
    if not _SETTLED_TERMS.search(clause):
        return False  # "the UK would provide support", "officials would follow up": one side's step, no settlement
    return not rest.lstrip().startswith("be ") or _PASSIVE.match(rest) is not None


# An agreement still to be made: a draft, a possible one; a provisional or preliminary text still to be signed ("reached
# provisional agreement on the text", "a preliminary cease-fire deal") is pending too (corpus convention 5).
_PENDING_NOUN = lazyre.compile(
    r"\b(?:draft|proposed|possible|potential|future|prospective|tentative|eventual|provisional|preliminary)\s+"
    r"(?:[\w-]+\s+)?$"
)
# A deal that talks or a call are about is the subject of negotiation, not made: "held discussions over the phone on a
# preliminary trade deal", "talks about a peace agreement", "a call on the nuclear deal".
_DEAL_DISCUSSED = lazyre.compile(
    r"\b(?:talks|discussions|discussed|negotiations|consultations|dialogue|call|calls)\s+(?:[\w'\"-]+\s+){0,4}?"
    r"(?:on|over|about|regarding|toward|towards)\s+(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,3}$"
)
# An agreement dated to an earlier day is background to the news: "the agreement signed on January 23", "signed last
# month" or "a month ago" (weeks back at least, as "last week" is; "two days ago" is as near as "on Monday").
_SOME = r"(?:\w+|a few|several)"
_DATED = lazyre.compile(
    r"^[^;]{0,40}?\b(?:on\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|"
    rf"{earlier.last(*_PERIODS)}|{earlier.earlier_this(*_PERIODS)}|{earlier.ago(earlier.units(*_PERIODS), _SOME)})"
)
# The same dating before the agreement, in its clause: "eight months ago" or "a year ago, the two leaders signed a peace
# agreement", "the October 26 accords signed by the two prime ministers", "a 2009 peace deal", "the 2015 accord".
_DATED_BEFORE = lazyre.compile(
    rf"\b(?:{earlier.ago(earlier.units(*_UNITS), _SOME)}|{earlier.last(*_PERIODS)}|"
    rf"{earlier.earlier_this(*_PERIODS)})\b"
)
_YEAR_OR_DAY_NAMED = lazyre.compile(
    r"\b(?:(?:19|20)\d\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2})\s+"
    r"(?:[\w'-]+\s+){0,3}$"
)


# An agreement named as what time is counted from was made before the news: "the leaders discussed progress made
# since they announced the declaration", "in the years since the accord was signed", "since both sides agreed to".
_SINCE_BEFORE = lazyre.compile(r"\bsince\s+(?:[\w'-]+\s+){0,3}$")
_TITLE_SIGN = lazyre.compile(
    r"\b(?:sign|ink|inks|seal|seals|strike|clinch|clinches|reach|reaches)\s+(?:[\w'-]+\s+){0,3}$"
)


def _agreement_made(low: str, is_title: bool = False) -> bool:
    """An agreement, declaration or resolution adopted, signed, reached or agreed in this sentence.

    "Agreed to ..." is an agreement (a truce agreed is also an agreement) unless what was agreed is a shared
    view ("agreed on the importance of", "agreed to continue cooperation", "agreed that more must be done");
    a bare "agree" in running text is an infinitive or a modal, not a report.
    """
    return _agreed_verb_made(low, is_title) or _agreement_noun_made(low, is_title)


_IN_PRINCIPLE = lazyre.compile(r"\bin principle\b")


def _agreed_verb_made(low: str, is_title: bool) -> bool:
    """A verb of agreeing ("agreed to", "signed") that reports an agreement made in this sentence."""
    for m in _AGREED_VERB.finditer(low):
        if m.group().startswith("agree ") and not is_title:
            continue
        left, right = _bounds(low, m.start(), m.end())
        after = low[m.end() : m.end() + 70]
        if _NOT_YET_BEFORE.search(low, max(left, m.start() - 40), m.start()) or (
            _MAY_DATED(low) and _DATED.search(low[m.end() :])
        ):
            continue
        if _DATED_BEFORE.search(low, left, m.start()):
            continue  # "two years ago, both sides agreed to ...": background
        if _SINCE_BEFORE.search(low, max(left, m.start() - 30), m.start()):
            continue
        if _CONSENSUS.match(after):
            continue
        back = _AGREED_TO_BACK.match(low, m.end())
        if back is not None and _CEASEFIRE.search(low, back.end(), back.end() + 40):
            continue  # "agreed in principle to support a cease-fire": a stance on one put forward (_governed)
        if _IN_PRINCIPLE.search(low, m.end(), min(right, m.end() + 60)) and _CEASEFIRE.search(low, left, right):
            continue  # "both sides have agreed in principle to a truce": its signing is pending (corpus convention 5)
        if m.group().endswith("that") and not _arranged_that(low[m.end() : right]):
            continue  # "the leaders agreed that the situation is grave": a shared view (_THAT_AUX)
        return True
    return False


def _agreement_noun_made(low: str, is_title: bool) -> bool:
    """An agreement noun ("deal", "declaration") that a word beside it says was made, not pending, negated,
    discussed or dated."""
    for m in _AGREEMENT.finditer(low):
        if (
            m.group() == "declaration"
            and _ACT_OF_DECLARING.match(low, m.end())
            and "joint" not in low[max(0, m.start() - 8) : m.start()]
        ):
            continue  # "the declaration of the epidemic as an emergency", "of independence": an act, not a text agreed
        left, right = _bounds(low, m.start(), m.end())
        if (
            _PENDING_NOUN.search(low, max(left, m.start() - 30), m.start())
            or _negated(low, m.start())
            or _DEAL_DISCUSSED.search(low, max(left, m.start() - 90), m.start())
        ):
            continue
        hit = _made_cue(low, m, (left, right), is_title)
        if hit is None:
            continue
        first = min(hit.start(), m.start())
        last = max(hit.end(), m.end())
        if hit.group().startswith("under "):
            return True  # "commitments under this agreement": whatever is urged, the agreement exists
        if _NOT_YET_BEFORE.search(low, max(left, first - 40), first) or _NOT_YET_BEFORE.search(low, first, last):
            continue
        if (_MAY_DATED(low) and _DATED.search(low[last:])) or _SINCE_BEFORE.search(low, max(left, first - 30), first):
            continue
        if _DATED_BEFORE.search(low, left, first) or _YEAR_OR_DAY_NAMED.search(
            low, max(left, m.start() - 40), m.start()
        ):
            continue  # "eight months ago, the leaders signed a peace agreement", "a 2009 peace deal": background
        return True
    return False


def _made_cue(low: str, noun: re.Match[str], clause: tuple[int, int], is_title: bool) -> re.Match[str] | None:
    """The word that says an agreement noun was made: the nearest cue in its clause ("signed"), else a word that
    says it exists, else in a headline a verb of headline grammar ("sign", not "to sign")."""
    left, right = clause
    cue = None
    for c in _AGREEMENT_CUE.finditer(low, left, right):
        if cue is None or abs(c.start() - noun.start()) < abs(cue.start() - noun.start()):
            cue = c
    exists = _AGREEMENT_EXISTS.search(low, max(left, noun.start() - 40), min(right, noun.end() + 12))
    if cue is None and exists is None and is_title:
        # Headline grammar: "Putin, Xi sign energy pact", "EU, UK seal deal" (present tense, no auxiliary).
        cue = _TITLE_SIGN.search(low, max(left, noun.start() - 30), noun.start())
        if cue is not None and _TITLE_INFINITIVE.search(low, 0, cue.start()):
            cue = None  # "Rebels to sign peace deal": a plan
    return cue or exists


# Fighting told as going on at the time of the item, in the present ("but fighting continues", "sporadic fighting still
# continues"), or armed men who "continue to battle": beside a truce or talks, the fighting they have not stopped. It
# says the fighting has not stopped yet, not that it broke a truce in force: beside a deal just signed or accepted
# ("signed a peace deal ..., although fighting continues", "accepted the plan but fighting continues") it leaves the
# truce agreed (`_ceasefire_event`).
# Not fighting that goes on falling ("continues to ease": the truce's effect), nor "violence continues", which the
# corpus leaves to crime as much as to war; the subject must be armed ("we must continue to fight against terrorism"
# is a resolve, "firefighters continue to battle the blaze" a fire).
_BATTLES_ON = (
    r"(?:forces|troops|rebels|militants|army|fighters|militias?|soldiers|insurgents|guerrillas)"
    r"(?: (?!(?:and|but|while|as|who|which|that)\b)[\w'-]+){0,4}? (?:still )?continue[sd]? to (?:battle|fight|clash)\b"
    r"(?! (?:the |a )?(?:fires?|blazes?|flames|wildfires?|floods?|virus|pandemic|disease|outbreak|corruption|poverty)\b)"
)
_GOES_ON = (
    r"fighting (?:is )?(?:still )?(?:continues|is continuing|continuing|goes on|going on|rages on)"
    rf"(?! to (?:subside|ease|abate|decline|decrease|diminish|wane|fall|drop|slow|lessen))|{_BATTLES_ON}"
)
_FIGHTING_GOES_ON = lazyre.compile(rf"\b(?:{_GOES_ON})")
# The second kind holds no clash keyword: its sentences are added to the clash trigger set (_trigger_sets).
_BATTLE_GOES_ON = lazyre.compile(rf"\b{_BATTLES_ON}")
# The cue of a clash reading that only fighting going on gives (`_ceasefire_event`).
_GOES_ON_CUE = "fighting goes on"

_CLASH = lazyre.compile(
    r"\b(?:clash(?:es|ed)?|shelling|shelled|bombings?|bombed|bomb blast|blast|explosions?|suicide (?:bomber|attack|bombing)s?|"
    r"air ?strikes?|drone strikes?|missile strikes?|rocket (?:fire|attacks?)|artillery fire|invasion|invaded|ambush(?:ed)?|"
    r"offensives?|firefight|gunfight|skirmish(?:es)?|open(?:ed)? fire|stormed|military aggression|state of war|pounded|"
    r"attack(?:s|ed|ing)? (?:on )?(?:\w+ ){0,3}(?:soldiers|troops|forces|bases?|positions|convoys?|checkpoints?|army|military|police|"
    r"villages?|towns?|civilians)|"
    r"(?:missile|rocket|drone|mortar|artillery|terror|terrorist|militant|insurgent|suicide|armed|gun|bomb|grenade|"
    r"deadly|knife) attacks?|"
    r"(?:missile|air|drone|rocket|military|russian|israeli|ukrainian|american|u\.s\.|saudi|houthi|iranian)[- ]strikes?|"
    # Strikes that kill or answer an attack are armed ones: "the deadly strikes", "retaliatory strikes".
    r"(?:deadly|lethal|retaliatory)\s+strikes?|"
    r"attacks? (?:in|on|at|against) (?:the |a )?(?:[\w'’.-]+ ){0,4}?(?:capital|city|town|village|mosque|church|cathedral|"
    r"school|hotel|market|embassy|worshipers|worshippers|shipping|ships?|port|hospital|museum|synagogue|temple|shrine|"
    r"airport|station|base|camp|parliament|stadium|mall|bus|train|convoy)|"
    # Military action or an advance by armed men, placed or aimed: "military action in Hodeidah", "advances by the
    # Rwandan Defence Force and M23" (a siege alone is not: settlers besieging homes are labelled no fighting).
    r"military (?:action|offensive|assault)s? (?:in|against|on)|"
    r"advances? by (?:[\w'-]+ ){0,4}?(?:forces?|troops|rebels|army|militias?|fighters|militants)|"
    r"(?:heavy|fierce|renewed|fresh|intense|current|ongoing|latest|continued|continuing) fighting|"
    # Hostile acts going on after a truce, in a statement's words: "continued military activities".
    r"(?:continued|continuing|renewed|resumed) (?:military (?:activities|activity|operations|action)|hostilities)|"
    r"hostilities (?:continued|resumed)|"
    r"fighting (?:erupted|broke out|intensified|escalated|escalates|raged|was reported|has been reported|continued|"
    r"resumed|flared)|escalation (?:of|in) (?:the )?(?:fighting|violence|hostilities|attacks))\b"
)
# Beside a truce, the violence a statement condemns as going on is fighting that breaks it: "condemns the continued
# violence, regardless of where it originates" (without a truce named, violence may be crime: not read).
_CONDEMNED_VIOLENCE = lazyre.compile(
    r"\b(?:condemn\w*|deplor\w*) (?:the |this )?(?:continued|continuing|renewed|resumed) violence\b"
)
# A statement condemning a specific attack, or on it, reports the attack (corpus convention 1): "Kerry condemns
# Tunisia attacks", "condemned in the strongest terms today's bombing", "Statement by the Secretary on the Manchester
# Attack" (a place the gazetteer need not know). Not an attack of another kind ("condemns Russian cyber attack"),
# attacks condemned in general ("condemns all attacks"), nor a figure of speech ("condemn the decision as an attack
# on ...", "attacks on press freedom"). Victims mourned are not enough: anniversaries mourn them too.
_CONDEMNED_ATTACK = lazyre.compile(
    r"\b(?:(?:condemn|deplor|denounc)\w*|statement (?:[\w'’.-]+ ){0,6}?on)\s+(?:in the strongest (?:possible )?terms\s+)?"
    r"(?:the|today's|yesterday's|last night's|this (?:morning's|week's|weekend's)|these|those)?\s*"
    r"(?!(?:all|any)\b)(?:(?!as\b)[\w'’-]+\s+){0,2}?"
    r"(?<!cyber )(?<!cyber-)(?<!verbal )(?<!personal )(?<!political )(?<!rhetorical )"
    r"(?P<attack>attacks?|bombings?)\b(?!\s+(?:on|against)\s+(?:press|media|freedom|democracy|human rights|the rule))"
)
# An attack named with a word of horror after a definite or a day's determiner is the day's attack that a statement
# or a call reacts to (corpus convention 1): "condolences on Thursday's horrifying attack", "caught up in this
# appalling attack", "the cowardly and barbaric bombing"; so is the act or atrocity so named ("this heinous act",
# "the terrorist atrocities"; not an act of kindness nor "the brutal act of closing the hospital"). Not "a horrific
# attack" (a kind of event), and a day after the words still dates it to an earlier one (_fighting_reported).
_HORROR = (
    r"horrific|horrifying|horrendous|appalling|heinous|cowardly|despicable|barbaric|barbarous|senseless|vicious|"
    r"dastardly|abhorrent|outrageous|shocking|callous|murderous|monstrous|abominable|hateful|terrible|brutal"
)
_ATTACK_DEPLORED = lazyre.compile(
    r"\b(?:this|these|the|today's|yesterday's|last night's|(?:mon|tues|wednes|thurs|fri|satur|sun)day's|"
    r"this (?:morning|week|weekend)'s)\s+"
    rf"(?:(?:(?:{_HORROR})(?:,|\s+and)?\s+){{1,3}}(?:(?:terrorist|terror|suicide|bomb|knife|gun)\s+)?"
    r"(?P<attack>attacks?|bombings?|atrocit(?:y|ies)|acts?\b(?!\s+of\s+(?:kindness|courage|bravery|heroism|solidarity|\w+ing)\b))|"
    r"(?:terrorist|terror)\s+(?P<atrocity>atrocit(?:y|ies)))\b"
)
# One table of the verbs of attack, read in both grammars: the present of a headline after an armed subject
# (_HEADLINE_ARMED: "Russian drones pound Kharkiv"), the past in running text after one (_ARMED_ACT: "warplanes
# pounded rebel positions") and the passive of a headline with an armed agent (_HEADLINE_PASSIVE: "Hospital shelled
# by rebels"). Each row: the present forms, the past.
_ATTACK_VERBS = (
    ("pound|pounds", "pounded"),
    ("shell|shells", "shelled"),
    ("bomb|bombs", "bombed"),
    ("bombard|bombards", "bombarded"),
    ("pummel|pummels", "pummell?ed"),
    ("batter|batters", "battered"),
    ("target|targets", "targeted"),
    ("attack|attacks", "attacked"),
    ("raid|raids", "raided"),
    ("storm|storms", "stormed"),
    ("ambush|ambushes", "ambushed"),
    ("hit|hits", "hit"),
    ("strike|strikes", "struck"),
)
_ATTACK_PRESENT = "|".join(present for present, _past in _ATTACK_VERBS)
_ATTACK_PAST = "|".join(past for _present, past in _ATTACK_VERBS)
# Armed men or weapons doing a hostile act, in running text (headlines: _HEADLINE_ARMED): "gunmen attacked a hotel in
# Kabul", "militants stormed the compound", "drones struck an oil depot overnight".
_ARMED_ACT = lazyre.compile(
    r"\b(?:gunmen|militants|insurgents|rebels|jihadists|attackers|assailants|terrorists|fighters|militias?|"
    r"paramilitar\w+|troops|soldiers|forces|(?P<weapon>drones?|missiles?|rockets?|shells?|warplanes?|jets|artillery|"
    rf"mortars?))\s+(?:[\w-]+\s+){{0,2}}?(?P<verb>{_ATTACK_PAST}|besieged|overran|"
    r"opened fire|fired (?:on|at|into)|launched (?:an?\s+)?(?:[\w-]+\s+)?(?:attack|assault|offensive|raid)s?|"
    r"slammed into|rained down)\b"
)
# Weapons launched or fired at a target, in headline grammar: "Iran launches missiles at US base", "Hezbollah fires
# rockets into northern Israel", "Russia fires barrage of drones toward Kyiv" (in running text the same words recount a
# war's earlier days or running totals as often as the news, and are left to _ARMED_ACT). Not into the sea, the
# air or a test range (a missile test is no fighting: corpus convention 1), and "on" is left out: it dates a launch
# ("launching a ballistic missile on 1 January") as often as it aims one.
_LAUNCHED_AT = lazyre.compile(
    r"\b(?:launch(?:es|ed|ing)?|fir(?:e|es|ed|ing))\s+(?:[\w,-]+\s+){0,4}?"
    r"(?:missiles?|rockets?|drones?|shells?|mortars?|mortar rounds|projectiles?)\s+(?:at|into|toward|towards|against)\s+"
    r"(?!(?:the\s+|its\s+)?(?:[\w-]+\s+)?(?:seas?|oceans?|waters)\b)(?!(?:the\s+)?(?:air|sky|skies|test|testing)\b)"
    r"(?!(?:dawn|dusk|night|midnight|noon|around|about|least|\d)\b)"
)
# An infinitive is a threat or a plan: "threatens to fire missiles at US bases", "ready to launch drones at".
_TO_BEFORE = lazyre.compile(r"\bto\s+$")
# Fighting named as what is defended against, ended or halted is no report of fighting.
_CLASH_CONTEXT = lazyre.compile(
    r"\b(?:combat|counter|defen[cd]\w* against|protect\w* (?:\w+ )?(?:from|against)|deter\w*|halt\w*|suspen\w*|end(?:ed|ing|s)?(?: to)?|"
    r"stop\w*|after (?:\w+ ){0,2}(?:weeks|days|months|years) of|since)\W+(?:\w+\W+){0,3}$"
)
# Fighting named as the cause of the news or as what is prepared for: "cleanup following the consequences of
# military aggression", "training for an invasion" ("following clashes this week" reports them: not here).
_CLASH_CAUSE = lazyre.compile(
    r"\b(?:aftermath of|consequences of|training for|preparing for|prepare for|"
    r"capabilit(?:y|ies) for|ability to|able to)\W+(?:\w+\W+){0,3}$"
)
# A war judged as a whole (corpus convention 1: "Russia's unprovoked war", "in the face of Russia's unprovoked and
# unjustified military invasion"): a characterisation, no fighting reported. A specific attack so judged ("the
# brutal attack on a bus") is still reported.
_WAR_JUDGED = lazyre.compile(
    r"\b(?:unprovoked|unjustified|unjustifiable|illegal|illegitimate|brutal|barbaric|senseless|criminal)\W+"
    r"(?:(?:and|military|of|full-scale|large-scale|\w+'s)\W+){0,3}$"
)
_WAR_WORD = lazyre.compile(r"(?:invasion|invaded|military aggression|aggression|war)\b")
# Fighting dated to "this year" right after the words that name it is an earlier event of the year, not the day's
# news: "promising security following the Easter bombings this year".
_THIS_YEAR = lazyre.compile(r"\s+this (?:year|spring|summer|autumn|fall|winter)\b")
# Fighting that time is counted from is an earlier event: "as the world marks two years since Moscow launched its
# full-scale invasion", "on the anniversary of the attack", "a memorial 20 years after the embassy bombings", "a decade
# on from the siege" ("a month after the invasion, troops shelled ..." orders two events of the news: the shelling is
# read; "days after the bombing, a second blast" is the news of a week). So is fighting remembered: "Victims Remember
# US Embassy Bombing", "a town commemorates the siege" (mourning is not enough: a city mourns Friday's dead too).
_FIGHTING_BEFORE = lazyre.compile(
    r"\b(?:anniversary of|(?:years?|months?|decades?)\s+(?:since|after|on from)|remember(?:s|ed|ing)?|"
    r"commemorat(?:e|es|ed|ing)|in memory of)\s+(?:[\w'-]+\s+){0,5}$"
)
# "Title clash", "semi-final clash": a match.
_MATCH_CLASH = lazyre.compile(
    r"\b(?:title|final|semi-?final|quarter-?final|cup|league|derby|match|top-of-the-table)\s+$"
)
# "The port explosion investigation": the event is what is investigated, tried or remembered.
_CLASH_TOPIC = lazyre.compile(r"\w+\s+(?:investigation|probe|inquiry|trial|anniversary|memorial|victims'? families)\b")
# "Sanctioning" in its sense of approving is no sanction: "a resolution sanctioning the use of force".
_APPROVING = r"(?!\s+(?:of\s+)?(?:the\s+|an?\s+)?(?:use|deployment|action|operation|mission|force|strikes?|intervention|military)\b)"
_SANCTIONS = lazyre.compile(
    rf"\b(?:sanctions?|sanctioned|sanctioning{_APPROVING}|embargo|asset freeze|travel ban|blacklist(?:s|ed|ing))\b"
)
_SANCTIONS_CUE = lazyre.compile(
    r"\b(?:impos\w*|slap|slaps|slapped|slapping|announc\w*|new|lift\w*|eased|eases|levied|designat\w*|froze|frozen|"
    r"targeting|against)\b"
)
# The verb itself says they are imposed: "Treasury sanctioned five financiers" ("the sanctioned oligarch" is an
# adjective), and in a headline a sanctioning body or state before the present verb with its object after it ("US
# sanctions Russian oil firms"; "US sanctions on China" is the noun).
# The gerund too ("is sanctioning four Ukrainians", "joins EU in sanctioning Putin"), but not in its sense of
# approving (_APPROVING). "Blacklisted", "blacklists" and "blacklisting" likewise ("Treasury blacklists three
# financiers").
_SANCTIONED = lazyre.compile(
    rf"(?<!\bthe )(?<!\ba )(?<!\ban )\b(?:sanctioned|blacklisted)\b|\b(?:sanctioning|blacklisting){_APPROVING}\s"
)
_TITLE_SANCTIONS = lazyre.compile(
    r"\b(?:treasury|ofac|state department|us|u\.s\.?|uk|eu|britain|canada|japan|australia|washington|london|"
    r"brussels|ottawa|tokyo|canberra)\s+(?:sanctions|blacklists)\s+"
    r"(?!(?:on|against|over|for|relief|regime|bill|package|talks|threat|list|policy|pressure|campaign|enforcement|evasion|waivers?|exemptions?|compliance|programm?e?|debate|row|dispute|"
    r"will|would|could|" + _MAY + r"|might|are|were|have|has|hit|hits|bite|bites|remain|stay)\b)[\w'-]+"
)
_SANCTIONS_NOT = lazyre.compile(
    r"\b(?:could|threat\w*|consider\w*|" + _MAY + r"|might|would|warn\w*|if|possible|potential|weigh\w*|"
    # Sanctions under discussion are not imposed: "there are discussions about sanctions against ...".
    r"discuss\w*|debat\w*|propos\w*)\b"
)
_ARMED_WHO = frozenset(
    [
        "soldiers",
        "troops",
        "fighters",
        "militants",
        "rebels",
        "servicemen",
        "personnel",
        "insurgents",
        "combatants",
        "police",
        "policemen",
        "peacekeepers",
    ]
)

_MODAL_AFTER = lazyre.compile(r"\s+(?:\w+\s+)?(?:would|could|might|" + _MAY + r"|should|must)\b")
# "The ceasefire agreement must now be respected": a duty to keep the truce says it exists (a definite one).
_UPKEEP = lazyre.compile(
    r"(?P<deal>\s+(?:deal|agreement|accord|pact))?\s+(?:must|should|has to|have to|needs? to)\s+(?:now\s+|still\s+|continue to\s+)?"
    r"(?:be\s+)?(?:(?:fully|strictly|scrupulously)\s+)?(?:respected|implemented|observed|upheld|honou?red|maintained|adhered to|"
    r"preserved|consolidated|hold)\b"
)
# A definite truce ("the ceasefire", "Gaza's truce"). One that nothing governs is presupposed to exist: weak
# evidence that it is in force, outweighed by any cue in another sentence.
# "That" before an indefinite article introduces a clause, not a definite truce: "believed that a cessation of
# hostilities was possible".
_DEFINITE = lazyre.compile(r"(?:\b(?:the|this|that|current|existing)|'s)\s+(?!(?<=that\s)an?\b)(?:[\w'-]+\s+){0,3}$")
_PRESUPPOSED = "a definite truce with no other cue (presupposed in force)"
_NO_CUE = "no cue governs the ceasefire"
# A truce "as agreed" (before): "a ceasefire in the port city as agreed in Geneva" ("as soon as agreed" is a time to come).
_AS_AGREED = lazyre.compile(
    r"[^;.]{0,60}?(?<!\bsoon )(?<!\blong )\b(?P<as>as)\s+(?:(?:previously|already|earlier|jointly|originally)\s+)?agreed\b"
    r"(?!\s+to\s+be\b)"
)
# Signs that a declared truce is both sides' (else a declaration is one side's, a unilateral truce: proposed).
_JOINT = lazyre.compile(
    r"\b(?:both|two sides|the sides|all sides|the parties|all parties|jointly|joint|mutual\w*|bilateral|agreed|agreement|"
    r"join(?:s|ed|ing)?|match\w*|reciprocat\w*|together|between)\b|\b\w+ and (?:the )?\w+ (?:have |had |has )?declar"
)
# "Called on the coalition to reciprocate": the other side is asked to join, it has not.
_ASKED_TO = lazyre.compile(
    r"\b(?:call\w* (?:on|upon)|urg\w*|ask\w*|invit\w*|press\w*|challeng\w*)\s+(?:[\w'-]+\s+){0,5}?to\s+$"
)
# "Agreed to seek a cessation of hostilities": agreeing to seek a truce is seeking it (an accepted proposal is
# "accepted the proposal").
_AGREED_TO_SEEK = lazyre.compile(r"\bagreed to\s+$")


def _joint(low: str, left: int, right: int) -> bool:
    """Whether the clause shows a declared truce is both sides' (_JOINT), not merely asked of the other side."""
    return any(
        not _ASKED_TO.search(low, max(left, m.start() - 60), m.start()) for m in _JOINT.finditer(low, left, right)
    )


# Talks under way that the truce is to come from, right after it: "a cease-fire during peace talks in Jeddah", "a
# truce at the negotiations in Doha" (talks "before" or "after" it are another step).
_DURING_TALKS = lazyre.compile(
    r"(?:\s+[\w'-]+){0,4}?\s+(?:during|at|in|through)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?"
    r"(?P<talks>talks|negotiations|consultations)\b"
)
# The negotiation named earlier in the sentence, whose outcome a modal signing or agreement is ("we will start our
# negotiation work and ... we will sign a cease fire agreement").
_TALKS_BEFORE = lazyre.compile(r"\b(?:talks|negotiations?|negotiation work|negotiating table|mediation)\b")
# An expectation with the parties as its object ("expect the two sides to sign"): "expected to" with the subject moved.
_EXPECT_TO = lazyre.compile(r"\bexpect(?:s|ed|ing)?\s+(?:[\w'-]+\s+){1,3}?to\s+$")
# A truce talks are to take up, right after its mention: "a cease-fire would be one of the first issues discussed",
# "a truce will be negotiated" (a modal directly after the truce: "the truce plan will be discussed" is a proposal's).
_DISCUSSED_AFTER = lazyre.compile(
    r"\s+(?:would|will|could|might|" + _MAY + r"|is to|are to)\s+(?:also\s+|likely\s+|probably\s+)?be\s+"
    r"(?:(?:one\s+of\s+|among\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:issues?|topics?|subjects?|items?|questions?|matters?)\s+"
    r"(?:to\s+be\s+)?)?(?:discussed|negotiated|debated|taken up|raised)\b"
)
# What an agreement "calls for" or "provides for" is a term of it: the agreement, right before the verb, decides.
_TERM_CUE = lazyre.compile(r"call|provide|envisag|foresee")
_TERMS_OF = lazyre.compile(
    r"\b(?P<deal>agreement|deal|accord|pact|treaty|protocol|memorandum|arrangement)s?\s+(?:[\w'-]+\s+){0,4}?$"
)


def _terms_of(low: str, left: int, cue: int) -> str | None:
    """The agreement whose terms the verb at `cue` states, unless it is only a draft or a modal governs it."""
    deal = _TERMS_OF.search(low, max(left, cue - 50), cue)
    if deal is None or _PENDING_NOUN.search(low, max(left, deal.start() - 30), deal.start()):
        return None
    if _modal(low[deal.end("deal") : cue]) or _HYPOTHETICAL.search(low, deal.end("deal"), cue):
        return None
    return deal.group("deal")


# The parties of a truce named after it ("the truce between the army and the rebels in the north"), up to the verb
# that says its state: the predicate may lie past the clause window (`ceasefire_cue`).
_PARTIES = lazyre.compile(
    r"\s+(?:between|among)\s+(?:[\w'’.-]+\s+){1,5}?and\s+(?:[\w'’.-]+\s+){1,4}?"
    r"(?:(?:in|on|along|across|over|around|of)\s+(?:[\w'’.-]+\s+){1,3}?)?"
    r"(?=(?:is|was|has|have|had|appears?|appeared|seems?|seemed|remains?|remained|largely|mostly|still|took|takes|"
    r"came|went|began|begins|started|held|holds|entered|enters)\b)"
)
# Time elapsed inside a truce: it is in force ("a week into the truce", "the first full day of the ceasefire").
_INTO = lazyre.compile(
    r"\b(?:[\w-]+\s+(?:days?|weeks?|months?|hours?)\s+into|(?:first|second|third|fourth|fifth|sixth|seventh|\w+th|\d+(?:st|nd|rd|th))"
    r"\s+(?:full\s+)?(?:day|night|week|month)\s+of|(?:day|week)\s+(?:\d+|one|two|three|four|five|six|seven)\s+of"
    # "over the first 24 hours of a cease-fire", "in the first few days of the truce"
    r"|first\s+(?:\d+|few|two|three|four|five|six|seven|ten)\s+(?:hours|days|nights|weeks|months)\s+of)\s+"
    r"(?:(?:the|a|its|this)\s+)?(?:[\w'-]+\s+){0,3}$"  # a headline drops the article: "Calm on Fourth Day of Truce"
)
# A party's own future commitment to keep a truce ("will observe", "would abide by"), with nothing conditional.
_COMMITMENT = lazyre.compile(r"\b(?:will|would|shall|'ll)\s+(?:(?:fully|strictly|continue to|also)\s+)?\S*\s*$")
_CONDITIONAL = lazyre.compile(r"\b(?:if|unless|provided|as long as|on condition|only when)\b")
# "Under the truce", "since the ceasefire": a truce in force, unless a modal makes them its terms.
# A relative clause on the truce that says it is observed now: "which appears to be largely holding", "that is still in
# place" ("which will hold until Friday", "that we hope will hold", "which is not holding" and "that took effect" do not).
_IN_FORCE_AFTER = lazyre.compile(
    r"(?:\s+[\w'-]+){0,3}?,?\s+(?:which|that)\s+(?:(?:appears?|seems?|continues?)\s+to\s+be\s+|(?:is|are|remains?|has been)\s+)?"
    r"(?:largely\s+|mostly\s+|broadly\s+|generally\s+|still\s+)?(?:holding|in (?:place|force|effect)|intact|respected|observed)\b"
    r"|(?:\s+[\w'-]+){0,3}?,?\s+(?:which|that)\s+(?:has|have)\s+(?:largely\s+|mostly\s+|so far\s+)?held\b"
)
_IN_FORCE_FRAME = lazyre.compile(r"under\b|since\b|as part of\b")
# A truce whose implementation goes on is in force whatever governs the clause (corpus convention 3): "he will discuss
# continued implementation of the Cessation of Hostilities Agreement", "the ongoing efforts to implement the cessation of
# hostilities", "both sides continue to implement the truce" ("will discuss the implementation of a ceasefire", "agreed to
# implement a ceasefire" and "must implement the truce" keep their status).
_CARRIED_ON = lazyre.compile(
    r"\b(?:continued|continuing|ongoing|further)\s+(?:(?:efforts?|work|steps)\s+to\s+)?(?:(?:full|effective)\s+)?$"
    r"|\b(?:continu(?:e|es|ed|ing)|keep(?:s|ing)?|kept)\s+(?:to\s+)?(?:(?:fully|effectively)\s+)?$"
)
_BUILD_ON = lazyre.compile(r"build|consolidat")
# A signing or start on the calendar is an agreement made: "preparing to sign", "set to begin", "due to sign".
_SCHEDULED = lazyre.compile(r"\b(?:due|set|scheduled|poised|preparing|prepare|prepares|about) to\s*$")
_WINDOW = 70
# Weeks or more since the truce was agreed: "three months since the parties signed", "a year after they agreed".
_TIME_SINCE = lazyre.compile(r"\b(?:weeks?|months?|years?)\s+(?:since|after)\b(?=[^;]*$)")
_PRAISED = lazyre.compile(r"\b(?:commend|prais|thank|applaud|salut|hail|laud)\w*")
_AGREEING = lazyre.compile(r"agree|sign|reach|struck|brokered|conclud|clinch|negotiated")


@dataclass(frozen=True, slots=True)
class Reading:
    """One sentence's contribution to an event type."""

    type: str
    status: str | None
    weight: float
    sentence: Sentence
    cue: str = ""
    # Talks a mediator is credited with ("the UN, which has mediated the talks"): beside the deal the item
    # reports, they are its way there, not news of their own (decide()).
    credited: bool = False
    # A proposal that is a call to keep the truce ("need to respect the ceasefire"): a modal or an exhortation
    # governing a verb of keeping it (`_kept_truce_called`).
    keep_called: bool = False


_SEPARATORS = (";", " but ", " while ", " whereas ")
_SEPARATORS_BUT = (";", " while ", " whereas ")


def _bounds(
    low: str, start: int, end: int, window: int = _WINDOW, separators: tuple[str, ...] = _SEPARATORS
) -> tuple[int, int]:
    """The clause around a trigger: at most `window` characters each side, cut at clause separators."""
    left = max(0, start - window)
    right = min(len(low), end + window)
    for sep in separators:
        k = low.rfind(sep, left, start)
        if k >= 0:
            left = max(left, k + len(sep))
        k = low.find(sep, end, right)
        if k >= 0:
            right = min(right, k)
    return left, right


def _window(low: str, start: int, end: int) -> str:
    left, right = _bounds(low, start, end)
    return low[left:right]


def _negated(low: str, start: int) -> bool:
    return bool(_NEGATION.search(low[max(0, start - 40) : start]))


def _modal(text: str) -> bool:
    """True when `text` (the clause before a governing word) makes it a plan, hope or condition."""
    m = _last(_MODAL_BEFORE, text)
    if m is not None and m.group().endswith("ness to"):
        return True  # "announced its readiness to abide by a truce": an offer, announced or not
    return m is not None and not _AGREED_FRAME.search(text, 0, m.start())


def _last(pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
    """The last match of `pattern` in text[pos:endpos] (the one nearest a mention that follows), or None."""
    found = deque(pattern.finditer(text, pos, len(text) if endpos is None else endpos), maxlen=1)
    return found[0] if found else None


def _word_end(low: str, pos: int) -> int:
    """The end of the word that runs through `pos` (a cue pattern may stop inside it: "extend" of "extended")."""
    while pos < len(low) and low[pos].isalnum():
        pos += 1
    return pos


def _quote(low: str, m: re.Match[str] | tuple[int, int]) -> str:
    """The words of a cue as `check` quotes them, whole ("violating", not the pattern's "violat")."""
    a, b = (m.start(), m.end()) if isinstance(m, re.Match) else m
    b = _word_end(low, b)
    return '"' + " ".join(low[a:b].split()) + '"'


class _Cue(NamedTuple):
    """What `ceasefire_cue` returns: a status (or None), the cue that set it (for `check`), and whether that cue is
    a call to keep a truce (a reading's `keep_called`)."""

    status: str | None
    why: str
    keep_called: bool = False


# A governing word that keeps a truce: "respect", "observe", "abide by", "uphold", "adhere to", "honour", "stick to", "preserve", "safeguard".
_KEEP_WORD = lazyre.compile(r"(?:respect|observ|maintain|abid|uph[eo]ld|adher|honou?r|kept|keep|st|preserv|safeguard)")


def _keep_word(low: str, cue: re.Match[str]) -> bool:
    """Whether the governing word `cue` is a verb of keeping a truce (a call to keep it, when a proposal)."""
    return _KEEP_WORD.match(low, cue.start()) is not None


# A candidate cue: its distance from the mention, the status it sets and why.
_Candidate = tuple[int, str, str]


def ceasefire_cue(low: str, start: int, end: int, is_title: bool = False) -> _Cue:
    """The status of a ceasefire mention from the words that govern it in its clause, and the cue that set it.

    A change of state (extended, violated, collapsed) wins when its cue is in the clause ("accused each other of
    violating the truce agreed last week"); a change feared or threatened ("raising fears the truce might be
    falling apart") is a violation, a violation denied ("no reports of violations") leaves the truce holding.
    Otherwise the nearest governing word on the left decides ("agreed on Tuesday to a 30-day ceasefire
    proposed by ..." is agreed; "called off the truce" collapsed; "in a bid to reach a truce" talks), then the
    predicate on the right ("the truce took effect", "is holding", "has ended"). Modality before the governing
    word ("hopes to sign", "ready to accept") makes it a proposal, negation ("have not been agreed") leaves no
    status. The second value says which cue decided, for `check`.

    The steps, in order: the ceasefire as the subject of talks; a change of state or an end (`_change_of_state`,
    `_ended`, weighed by `_changed`); a truce to be restored; quiet reported; a halt called for; the governing
    word on the left (`_governing_word`, read by `_governed` and `_governed_modal`); what is said of the truce
    without one (`_ungoverned`, `_predicate`, `_modality_or_presupposed`); last, a truce called for or wished for "as
    agreed" (`_AS_AGREED`) is the one agreed before.
    """
    left, right = _bounds(low, start, end)
    noun = _NOUN_OF_TALKS.match(low, end)
    if noun:
        # "called for a resumption of ceasefire negotiations": the call is for talks, not a truce
        return _Cue("talks", f"the ceasefire names the subject of talks ({_quote(low, (start, noun.end()))})")
    best = _change_of_state(low, start, end, left, right)
    may_restore = _MAY_RESTORE(low)
    restore_left = _RESTORE.search(low, max(left, start - 40), start) if may_restore else None
    if restore_left is not None and (plan := _RESTORE_PLANNED.search(low, left, restore_left.start())) is not None:
        return _Cue("proposed", f"a restoration planned {_quote(low, (plan.start(), restore_left.end()))}")
    if restore_left is not None or (may_restore and _RESTORE.match(low[end:right]) is not None):
        return _Cue("collapsed", f"to be restored {_quote(low, (start, end))}")
    # (every match of _QUIET holds "no ": most sentences are not searched)
    quiet = _QUIET.search(low, left, right) if "no " in low else None
    if quiet is not None and best is None:
        return _Cue("holding", f"quiet reported {_quote(low, quiet)}")
    ended = _ended(low, start, end, left, right, is_title)
    if ended is not None and (best is None or ended[0] < best[0]):
        best = ended
    if best is not None:
        return _changed(low, end, left, right, best)
    if (
        _HALT_WORDS.match(low, start)
        and (call := _last(_EXHORT, low, max(0, start - 100), start)) is not None
        and not _TRUCE_NOUN.search(low)
    ):
        # "called on the parties to cease hostilities", "urged both sides to stop fighting": a truce called for (a
        # call to stop the fighting and observe the cease-fire is about the truce it names: decided below).
        return _Cue("proposed", f"a halt called for {_quote(low, call)}")
    if (needed := _NEEDED.match(low, end)) is not None:
        # "leaders agreed that a ceasefire was needed", "a truce is urgently needed": a truce called for
        return _Cue("proposed", f"said to be needed {_quote(low, needed)}")
    cue = _governing_word(low, start, end, left, right)
    if cue is not None and (into := _time_inside(low, start, left, cue)) is not None:
        return into
    if cue is not None:
        found = _governed(low, (start, end), (left, right), cue, is_title)
    else:
        found = _ungoverned(low, start, end, left, right, is_title)
    if (found.status == "proposed" or found.why == _NO_CUE) and (agreed := _AS_AGREED.match(low, end, right)):
        # "The resolution calls for a ceasefire in Hodeidah as agreed in Stockholm", "must observe the truce as agreed on
        # Sunday": the truce asked for or wished for is the one already agreed (corpus convention 2).
        return _Cue("agreed", f"agreed before {_quote(low, (agreed.start('as'), agreed.end()))}")
    return found


# The adjective of one side's truce, inside its noun phrase ("the second day of a unilateral cease-fire"): a governing
# word of its own elsewhere (`_LEFT_CUES`), but time inside the truce says it is in force ("the first day of a proposed
# truce", "two days into talks on a truce" are other words: they keep their reading).
_ONE_SIDED = lazyre.compile(r"unilateral")
_PHRASE_START = lazyre.compile(r"\s(?:of|into)\s")


def _time_inside(low: str, start: int, left: int, cue: re.Match[str]) -> _Cue | None:
    """Time elapsed inside one side's truce ("quiet on the second day of a unilateral cease-fire"): in force, as "a week
    into the truce" is (corpus convention 3); None for another governing word or one outside the truce's phrase."""
    into = _INTO.search(low, max(left, start - 50), start)
    if into is None or not _ONE_SIDED.match(cue.group()):
        return None
    phrase = max(m.end() for m in _PHRASE_START.finditer(low, into.start(), start))  # where the truce's phrase starts
    if cue.start() < phrase:
        return None  # "proposed on the first day of the truce": the word governs more than the truce's phrase
    return _Cue("holding", f"time into the truce {_quote(low, into)} (over {_quote(low, cue)})")


def _change_of_state(low: str, start: int, end: int, left: int, right: int) -> _Candidate | None:
    """The change of state (extended, violated, collapsed) nearest the mention in its clause, or None.

    "violations by both the government and anti-government forces of the cessation of hostilities": a change of
    state reaches further left than other cues; a violation reaches past "but" ("the truce held, but overnight
    there was heavy shelling").
    """
    best: _Candidate | None = None
    wide_left = _bounds(low, start, end, _WINDOW + 40)[0]
    past_but = _bounds(low, start, end, _WINDOW, _SEPARATORS_BUT)[1]
    for change, pattern in _CHANGE_CUES:
        violated = change == "violated"
        for m in pattern.finditer(low, wide_left if violated else left, past_but if violated else right):
            kind = _change_kind(low, (start, end), (left, right), wide_left, change, m)
            if kind is None:
                continue
            distance = m.start() - end if m.start() >= end else max(0, start - m.end())
            if best is None or distance < best[0]:
                label = "extension called for" if kind == "proposed" else "change of state"
                best = (distance, kind, f"{label} {_quote(low, m)}")
    return best


def _change_kind(
    low: str, mention: tuple[int, int], clause: tuple[int, int], wide_left: int, change: str, m: re.Match[str]
) -> str | None:
    """What one change-of-state cue `m` says of the truce (None: it says nothing of it)."""
    (start, end), (left, right) = mention, clause
    kind = change
    preceding = low[max(left, m.start() - 30) : m.start()]
    if change == "extended" and _NOT_EXTEND.search(preceding):
        kind = "collapsed"  # "said they would not extend the truce": called off (corpus convention)
    elif change == "collapsed" and _COLLAPSE_FEARED.search(low, max(left, min(start, m.start()) - 40), m.start()):
        kind = "violated"  # "raising fears that the truce had already collapsed": strained, not over
    elif (no := _CHANGE_NOT.search(preceding)) is not None and not (
        # "Somalia Attack May Threaten Truce", "the clashes could jeopardize the ceasefire": a threat to the truce is
        # strain on it already, whatever the modal (as a collapse feared, _COLLAPSE_FEARED).
        change == "violated" and _STRAIN.match(m.group()) and no.group() in _STRAIN_MODALS
    ):
        if change != "violated" or no.group() not in ("not", "never", "n't"):
            return None
        kind = "holding"  # "the truce has not been violated": it holds
    if kind != "holding" and _CONDITION_AFTER.match(low, _word_end(low, m.end()), right):
        return None  # "agreed to a truce to be extended if the other side adheres to it": a term of the deal
    if change == "extended" and _extends_another(low, m):
        return None  # "renewed its attack", "the renewed commitment to a ceasefire", "an area extending from A to B"
    # "urged both sides to extend the truce", "calls on all parties to accept further six-month extension of
    # the truce": an extension called for is a proposal, however long the object between.
    # An extension called for is a proposal: the near call governs the truce itself ("urged the sides to
    # extend the truce": the call decides below), a far one through the verb it asks for ("calls on all
    # parties to accept further six-month extension of the truce"); a far call without one is another's
    # ("mediators, who had pushed for a pause, said the truce was extended").
    call = _last(_EXTEND_NOT, low, max(wide_left, m.start() - 90), m.start()) if change == "extended" else None
    if call is not None:
        if m.start() - call.start() <= 40:
            return None
        if kind == "extended" and _TO_TAKE_UP.search(low, call.end(), m.start()):
            kind = "proposed"
    if change == "violated" and m.start() >= end and _THREATENS_TO.match(low, m.start()):
        # "the refusal to extend the truce threatens to dismantle the talks": what follows the truce
        # threatens to do something else ("attacks threaten to derail the truce" is caught on the left).
        return None
    if (
        change == "violated"
        and _IS_VIOLENCE.search(m.group())
        and _BEFORE_TRUCE.search(low, max(left, m.start() - 30), m.start())
    ):
        return None
    if change == "violated" and _NO_VIOLATION.search(preceding):
        kind = "holding"  # "there were no reports of violations of the truce"
    if m.start() < start and _TALKS_FRAME.search(low, max(left, m.start() - 30), m.start()):
        kind = "talks"  # "will hold talks on extending the truce", "discussed an extension"
    elif m.start() >= end and _TALKS_SUBJECT.search(low, max(left, start - 40), start):
        kind = "talks"  # "talks on a ceasefire collapsed": the talks failed, no truce did
    return kind


# What a word of extension or renewal governs when it is not the truce (`_extends_another`): its own object, a fight
# ("renewed its attack", "resumed and renewed the assault"), or a pledge, call or effort ("the renewed commitment to a
# ceasefire", "renewed calls for a truce", "renewed efforts to reach a truce": the truce is what is committed to, called
# for or sought, as the words before the extension would say of it); or, for the present tense, the reach of a place
# ("a cease-fire for the area extending from Bethlehem in the south to Ramallah", "a zone that extends along the
# border"). A span of time keeps the extension ("the truce, extending from midnight to Sunday", "extended from 30 to
# 60 days"), and so does the truce as the object ("renewed the truce", "extension of the ceasefire").
_OTHER_OBJECT = lazyre.compile(
    r"\s+(?:(?:its|their|his|her|our|the|a|an|this|that|these|those)\s+)?(?:[\w-]+\s+)?"
    r"(?:attack|assault|offensive|advance|push|raid|bombardment|shelling|bombing|hostility|"
    r"commitment|pledge|promise|call|appeal|plea|effort|bid|drive|support|determination|resolve|hope|"
    r"dedication|engagement)s?\b"
)
_REACH_OF_PLACE = lazyre.compile(
    r"\s+(?:from|along|as far as)\s+(?!(?:\d|(?:the\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|"
    r"twelve|fifteen|twenty|thirty|sixty|ninety|midnight|noon|dawn|today|tomorrow|tonight|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\b))"
)
_PRESENT_EXTENT = lazyre.compile(r"extend(?:s|ing)\b")


def _extends_another(low: str, m: re.Match[str]) -> bool:
    """Whether a word of extension or renewal governs something other than the truce (`_OTHER_OBJECT`), or tells the
    reach of a place (`_REACH_OF_PLACE`)."""
    end = _word_end(low, m.end())
    if _OTHER_OBJECT.match(low, end):
        return True
    return bool(_PRESENT_EXTENT.match(low, m.start(), end) and _REACH_OF_PLACE.match(low, end))


def _ended(low: str, start: int, end: int, left: int, right: int, is_title: bool = False) -> _Candidate | None:
    """The truce said to be over ("ended the truce", "the truce has ended"), as a candidate cue, or None; a headline's
    present tense says it too ("Fighting Resumes as Truce Ends", "Rebels End Ceasefire")."""
    ended: tuple[int, int] | None = None
    left_end = _ENDED_LEFT.search(low, max(left, start - 45), start)
    right_end = _ENDED_RIGHT.match(low, end, right)
    if is_title and left_end is None and right_end is None:
        left_end = _TITLE_ENDED_LEFT.search(low, max(left, start - 20), start)
        right_end = _TITLE_ENDED_RIGHT.match(low, end, right)
    if left_end is not None:
        ended = (left_end.start(), left_end.end())
    elif right_end is not None:
        ended = (right_end.start("verb"), right_end.end("verb"))
    if (
        ended is None
        or _CHANGE_NOT.search(low, max(left, ended[0] - 30), ended[0])
        or (left_end is not None and _ENDED_NOT.search(low, max(left, ended[0] - 20), ended[0]))
    ):
        return None
    distance = ended[0] - end if ended[0] >= end else max(0, start - ended[1])
    kind = "collapsed"
    if ended[0] >= end and _TALKS_SUBJECT.search(low, max(left, start - 40), start):
        kind = "talks"  # "talks on a truce ended without agreement": the talks ended, no truce did
    return distance, kind, f"ended {_quote(low, (ended[0], min(ended[1], ended[0] + 30)))}"


def _changed(low: str, end: int, left: int, right: int, best: _Candidate) -> _Cue:
    """The status a change of state or an end sets, unless the truce is said to hold despite a violation."""
    if best[1] == "violated" and _HELD_DESPITE.search(low, left, right):
        return _Cue("holding", f"held despite {best[2]}")
    if best[1] == "violated" and best[2].endswith(_DOUBT_ENDINGS):
        held = _RIGHT_CUES.search(low, end, right)
        if held is not None and held.lastgroup == "holding":
            # "a shaky truce appeared to be holding"
            return _Cue("holding", f"predicate {_quote(low, held)} (over {best[2]})")
    return _Cue(best[1], best[2])


# Words that keep or watch over a truce without saying when or whether it exists (`_governing_word`), and what makes
# them say nothing of it: a truce still to start ("to monitor a ceasefire that will take effect at midnight") or only
# foreseen ("a mission to monitor a future ceasefire").
_WATCH = lazyre.compile(r"preserv|safeguard|shor|sustain|monitor|supervis")
_NOT_YET_THERE = lazyre.compile(
    r"\b(?:will|would|is to|are to|is due to|is set to|shall|to) (?:take effect|start|begin|come into (?:force|effect))\b"
)
_MAKING_NOUN = lazyre.compile(r"conclusion|signature")
_JUST_BEFORE = lazyre.compile(r"\s+(?:(?:the|a|an|its|their)\s+)?")
_FORESEEN = lazyre.compile(r"\b(?:an?|any)\s+(?:future|eventual|possible|potential|prospective|new)\b")


def _governing_word(low: str, start: int, end: int, left: int, right: int) -> re.Match[str] | None:
    """The nearest word on the left of the mention that governs it ("agreed", "violated", "called for"), or None."""
    cue = _last(_LEFT_CUES, low, left, start) if _MAY_LEFT_CUES(low) else None
    if (
        cue is not None
        and cue.lastgroup == "holding"
        and _WATCH.match(cue.group())
        and (_NOT_YET_THERE.search(low, end, right) or _FORESEEN.search(low, cue.end(), start))
    ):
        # Watching over a truce not yet there: the word before the watching decides ("agreed to monitor a ceasefire
        # that will take effect at midnight" is agreed, "proposed a mission to monitor a future truce" proposed).
        cue = _last(_LEFT_CUES, low, left, cue.start())
    if cue is not None and _MAKING_NOUN.match(cue.group()):
        # "working toward the conclusion of a ceasefire agreement", "called for the signature of a truce": the word
        # before the noun says what the clause does with the deal.
        earlier_cue = _last(_LEFT_CUES, low, left, cue.start())
        if (
            earlier_cue is not None
            and earlier_cue.lastgroup in ("proposed", "talks")
            and _JUST_BEFORE.fullmatch(low, earlier_cue.end(), cue.start())
        ):
            cue = earlier_cue
    if cue is not None and _SUBORDINATE.search(low, cue.end(), start):
        return (
            None  # "urge all parties to act with restraint until this ceasefire begins": the cue governs another verb
        )
    if (
        cue is not None
        and cue.lastgroup == "holding"
        and cue.group() == "fragile"
        and _RIGHT_CUES.search(low, end, right)
    ):
        return None  # "the fragile truce began on Friday": the predicate says more than the adjective
    return cue


def _governed(low: str, mention: tuple[int, int], clause: tuple[int, int], cue: re.Match[str], is_title: bool) -> _Cue:
    """The status a governing word sets, unless what stands before it (a proposal, a failure, a negation, praise,
    time since, mediation, terms, acceptance, one side's announcement, a schedule) says otherwise."""
    (start, end), (left, right) = mention, clause
    status = cue.lastgroup
    why = f"governing word {_quote(low, cue)}"
    if (
        status in ("agreed", "holding")
        and _PROPOSAL_NOUN.match(low, end)
        # "Russia Agrees With Ceasefire Idea": agreeing with a proposal is no taking it up
        and (not _TAKEN_UP.match(cue.group()) or _AGREE_WITH.match(low, cue.end()))
    ):
        # "welcomed the ceasefire proposal", "announced a ceasefire plan": the verb governs the proposal
        return _Cue("proposed", f"a proposal {why}")
    if status == "agreed" and (one := _one_side_accepts(low, mention, clause, cue, why)) is not None:
        return one
    if status == "agreed" and (observed := _IN_FORCE_AFTER.match(low, end, right)) is not None:
        # "We welcome the ceasefire, which appears to be largely holding": the clause on the truce says it is in
        # force now, whatever word governs it (corpus convention 3).
        return _Cue("holding", f"in force {_quote(low, (end, observed.end()))} after {why}")
    before = low[left : cue.start()]
    if (not_made := _not_made(low, (start, left), cue, before, why)) is not None:
        return not_made
    if (
        status == "agreed"
        and cue.group().startswith("agree")
        and (_GOAL_AFTER.match(low, end, right) is not None or _GOAL_BEFORE.search(before))
    ):
        # "an immediate agreement to a monitored cessation of hostilities must be the priority": a goal, not a deal
        return _Cue("proposed", f"{_GOAL_WHY} {why}")
    if status == "agreed" and (kept := _agreement_kept(low, cue, before, why)) is not None:
        return kept
    if status == "proposed" and (matched := _unilateral_taken_up(low, (end, right), cue, before, why)) is not None:
        return matched
    if status == "proposed" and (taken := _proposal_taken(low, left, cue, before, why)) is not None:
        return taken
    if status == "agreed" and cue.group().startswith("declar") and not _joint(low, left, right):
        return _Cue("proposed", f"declared by one side {why}")  # "Maoists declare a three-month ceasefire": unilateral
    if status == "agreed" and _announced_by_one_side(low, (left, right), cue, (start, end)):
        return _Cue("proposed", f"announced by one side {why}")  # "Saudi Arabia announced a two-week ceasefire"
    if status == "agreed" and _SCHEDULED.search(before[-30:]):
        return _Cue("agreed", f"scheduled {why}")  # "the rebels are preparing to sign a ceasefire agreement"
    return _governed_modal(low, end, clause, cue, is_title)


def _not_made(low: str, at: tuple[int, int], cue: re.Match[str], before: str, why: str) -> _Cue | None:
    """A truce a governing word does not make (`at`: the mention's start and the clause's): a plan's term, one
    not yet reached, refused, negated, or agreed to be backed; None when nothing says so."""
    start, left = at
    status = cue.lastgroup
    if (
        status == "agreed"
        and cue.group().startswith(("under", "as part"))
        and (plan := _PLAN_AFTER.match(low, cue.end(), start))
    ):
        # "Under the plan, a ceasefire would take effect within 48 hours": a term of a plan, not of a deal made
        return _Cue("proposed", f"a plan's term {_quote(low, (cue.start(), plan.end()))}")
    failed = _FAILED_TO_REACH.search(low, max(left, start - 50), start)
    if failed is not None:  # "failed to agree on a ceasefire", "have yet to reach a truce": talks (convention)
        return _Cue("talks", f"not yet reached {_quote(low, failed)}")
    if status == "agreed" and _TAKEN_UP.match(cue.group()) and _REFUSED_TO_TAKE_UP.search(before):
        return _Cue("proposed", f"refused {why}")  # "refused to sign a cease-fire agreement": put forward, not taken up
    if _NEGATED_CUE.search(before):
        return _Cue(None, f"negated {why}")
    if (
        status == "agreed"
        and cue.group().startswith("agree")
        and (back := _AGREED_TO_BACK.match(low, cue.end())) is not None
        and back.end() <= start
    ):
        return _Cue("proposed", f"agreed to back {_quote(low, (cue.start(), back.end()))}")
    return None


def _agreement_kept(low: str, cue: re.Match[str], before: str, why: str) -> _Cue | None:
    """A truce a word agrees, kept since: a commitment to it praised, or time since the agreement; None otherwise."""
    if cue.group().startswith("commitment") and _PRAISED.search(before):
        # "commended the parties for their commitment to the cessation of hostilities agreement": a commitment
        # praised has been kept, the truce is in force (convention 3).
        return _Cue("holding", f"commitment praised {why}")
    since = _last(_TIME_SINCE, low, max(0, cue.start() - 120), cue.start())
    if since is not None and _AGREEING.match(cue.group()) and not _modal(low[since.end() : cue.start()]):
        # "marked three months since the two sides signed a deal for the cessation of hostilities", "six weeks
        # after they agreed a truce": the agreement is the past, the truce is in force now (convention 3).
        return _Cue("holding", f"time since the agreement {_quote(low, since)}")
    return None


def _unilateral_taken_up(low: str, after: tuple[int, int], cue: re.Match[str], before: str, why: str) -> _Cue | None:
    """Agreed when the governing word is "unilateral" and the other side says it will keep that truce
    (`_KEEP_BEFORE_UNILATERAL`, `_DECLARED_BY_ANOTHER`), unless the keeping is called for; else None."""
    if cue.group() != "unilateral" or (keep := _KEEP_BEFORE_UNILATERAL.search(before[-40:])) is None:
        return None
    if _EXHORT.search(before):
        return None  # "urged the rebels to respect the unilateral truce": a call, the truce stays one side's
    end, right = after
    if not keep.group("whose").endswith("'s") and _DECLARED_BY_ANOTHER.match(low[end:right]) is None:
        return None  # "will observe the unilateral truce it declared": one's own
    start = cue.start() - len(before[-40:]) + keep.start()
    return _Cue("agreed", f"{_TAKEN_UP_WHY} {_quote(low, (start, cue.end()))} ({why})")


# One warring side taking up a proposal or accepting a truce on conditions (corpus conventions 2 and 4): proposed
# until the item reports the other side's acceptance. The subject is one side: no second party, "both", "all" or
# "the parties" before the verb, no "also" or "too" telling a second acceptance; the proposal is not the other side's
# own ("the government's proposal", "Israel's offer": accepting it agrees the truce).
_ONE_SIDE_WHY = "one side's acceptance"
_PROPOSAL_WORD = lazyre.compile(r"propos|plan|offer|initiative|idea")
_JOINT_SUBJECT = lazyre.compile(
    r"\b(?:and|both|all|two|parties|sides|each other|together|jointly|mutually|everyone|they|we|nations|states|"
    r"countries|governments|neighbou?rs|rivals|foes|enemies|adversaries|belligerents|combatants|warring)\b|&"
)
_SECOND_TOO = lazyre.compile(r"\b(?:also|too|likewise|as well|in turn|similarly|already)\b")
# A second side's acceptance told anywhere in the item ("Russia also accepted", "has already accepted").
_SECOND_ACCEPTED = lazyre.compile(
    r"\b(?:also|too|likewise|already|in turn|similarly)\s+(?:\w+\s+)?(?:accepted|agreed|signed|endorsed|approved)\b"
    r"|\b(?:accepted|agreed to|signed)\b[^.;]{0,60}?\b(?:too|as well)\b"
    r"|\bboth (?:sides|parties)\b[^.;]{0,30}?\b(?:accepted|agreed)\b"
)
# The truce put forward by someone: "a U.S. proposed ceasefire", "the U.S.-proposed truce", "a ceasefire proposed by
# the United States", "the ceasefire proposal", "the truce plan" (`_PROPOSAL_NOUN`).
_PROPOSED_BEFORE = lazyre.compile(r"(?:\bproposed|-proposed)\s+(?:[\w'-]+\s+){0,3}$")
_PROPOSED_AFTER = lazyre.compile(r"\s+(?:\w+\s+)?(?:proposed|put forward|offered|suggested|brokered)\s+by\b")
# A conditional acceptance: "a cease-fire subject to following two conditions", "on two conditions", "with
# conditions"; not a truce's start set on conditions ("to become effective ... if certain conditions are met").
_ON_CONDITIONS = lazyre.compile(
    r"\b(?:subject to|on|with|under)\s+(?:the\s+)?(?:following\s+)?(?:\w+\s+)?conditions\b|\bconditional(?:ly)?\b"
    r"|\bon (?:the )?condition (?:that|of)\b"
)
_OWN_BEFORE = lazyre.compile(r"\b(?:its|their|his|her|our)\s+(?:own\s+)?$")
# The one owner of an acceptance: a possessive ("Jordan's", "its", "his") or a single name or adjective of a side
# ("GOJ acceptance", "Israeli acceptance"), not a determiner, a plural owner or a word of a joint act ("their", "the",
# "mutual acceptance").
_ONE_OWNER = lazyre.compile(
    r"(?:\b[\w.-]+['\u2019]s|\b(?:its|his|her)|(?<![\w'\u2019])(?!(?:the|a|an|their|our|your|both|joint|mutual|"
    r"general|international|universal|wide|widespread|broad|any|no|this|that|such|whose|full|formal|official|public|"
    r"unconditional|conditional|final|initial|eventual|possible|swift|quick|immediate|prompt)\b)[a-z][\w.-]*)"
    r"\s+(?:(?:formal|official|public|full|unconditional|conditional|swift|prompt)\s+)?$"
)


def _single_side(low: str, subject: tuple[int, int], cue: int) -> bool:
    """Whether the words before the verb of acceptance (`subject`) name one side only, and nothing in the sentence
    tells a second side's acceptance ("also", "too", "already")."""
    left, at = subject
    return not _JOINT_SUBJECT.search(low, left, at) and not _SECOND_TOO.search(low) and cue > left


def _one_side_accepts(
    low: str, mention: tuple[int, int], clause: tuple[int, int], cue: re.Match[str], why: str
) -> _Cue | None:
    """Proposed when one side takes up a truce put forward by another (not owned by a possessive) or accepts it on
    conditions (`_ON_CONDITIONS`); None otherwise."""
    (start, end), (left, right) = mention, clause
    if (
        not _TAKEN_UP.match(cue.group())
        or cue.start() > start
        or not _single_side(low, (left, cue.start()), cue.start())
    ):
        return None
    between = low[cue.end() : start]
    if _OWNER_BEFORE.search(between) or _OWN_BEFORE.search(between):
        return None  # "accepted the government's truce offer": the other side's own offer, agreed
    if cue.group().startswith("acceptance") and (owner := _ONE_OWNER.search(low, left, cue.start())) is not None:
        # "Radio Amman has been announcing GOJ acceptance of cease fire", "notified the Security Council of its
        # acceptance of the truce": one government's acceptance announced, the other side's not told.
        return _Cue("proposed", f"{_ONE_SIDE_WHY} {_quote(low, (owner.start(), cue.end()))} ({why})")
    proposal = (
        _PROPOSAL_NOUN.match(low, end)
        or _PROPOSED_BEFORE.search(low, cue.end(), start)
        or _PROPOSED_AFTER.match(low, end)
    )
    if proposal is not None:
        return _Cue("proposed", f"{_ONE_SIDE_WHY} of a proposal ({why})")
    if _ON_CONDITIONS.search(low, end, right):
        return _Cue("proposed", f"{_ONE_SIDE_WHY} on conditions ({why})")
    return None


def _proposal_taken(low: str, left: int, cue: re.Match[str], before: str, why: str) -> _Cue | None:
    """A truce a word proposes, read again from what stands before (`left`: the clause's start): sought by
    mediators is talks, a term of an agreement or a proposal accepted is agreed, a call backed stays a call."""
    if _SOUGHT.match(cue.group()) and _MEDIATOR.search(before):
        return _Cue("talks", f"mediation {why}")  # "Egyptian mediators are seeking a ceasefire": efforts to reach one
    if _TERM_CUE.match(cue.group()) and (deal := _terms_of(low, left, cue.start())):
        # "The agreement calls for the cease-fire to be active within 24 hours": a term of an agreement made
        # is a truce agreed ("the draft agreement calls for", "a plan", "the resolution calls for" stay calls).
        return _Cue("agreed", f"a term of the {deal} {why}")
    accepted = _ACCEPTED.search(before[-40:])
    if accepted is not None and not _AGREED_TO_SEEK.search(before):
        if _CALL.match(cue.group()) and _BACKED.match(accepted.group()):
            return _Cue("proposed", f"a call backed {why}")  # "the ministers endorsed the call for a ceasefire"
        at = cue.start() - len(before[-40:]) + accepted.start()
        owned = low[at + len(accepted.group()) : cue.start()]
        if _PROPOSAL_WORD.match(cue.group()) and not _OWNER_BEFORE.search(owned) and _single_side(low, (left, at), at):
            # "Ukraine accepted the U.S. proposal for a 30-day ceasefire": an outside power's proposal taken up by one
            # side only (corpus convention 2); the other side's own offer accepted ("the government's proposal")
            # is agreed.
            return _Cue("proposed", f"{_ONE_SIDE_WHY} {_quote(low, (at, cue.end()))}")
        return _Cue("agreed", f"accepted {why}")  # "accepted the American proposal to end the war"
    return None


def _governed_modal(low: str, end: int, clause: tuple[int, int], cue: re.Match[str], is_title: bool) -> _Cue:
    """The status a governing word sets after `_governed`'s checks: a commitment, a day of signing, modality, a
    call to stop or an exhortation before it, "nearly", a truce in force; otherwise the word's own status."""
    left, right = clause
    status = cue.lastgroup
    why = f"governing word {_quote(low, cue)}"
    before = low[left : cue.start()]
    # The modal must be near the governing word: "the team that will monitor the implementation of the
    # ceasefire" does not make the ceasefire a plan.
    if status == "holding" and _COMMITMENT.search(before[-35:]) and not _CONDITIONAL.search(low, left, right):
        # "both sides will observe the ceasefire", "Hamas said it would abide by the truce": a party's
        # commitment to a truce is the truce agreed (a call, "must respect", stays below).
        return _Cue("agreed", f"commitment to keep {why}")
    if cue.group().startswith("implement") and _CARRIED_ON.search(before[-40:]):
        return _Cue("holding", f"implementation carried on {why}")
    if status == "agreed" and (day := _signing_on_a_day(low, before, cue, end, right, is_title)) is not None:
        return _Cue("agreed", f"signing set for a day {why} {_quote(low, day)}")  # "will sign the truce on Thursday"
    if (
        status == "agreed"
        and _AGREEING.match(cue.group())
        and _EXPECT_TO.search(before[-35:]) is not None
        and (talks := _last(_TALKS_BEFORE, low, max(0, cue.start() - 150), cue.start())) is not None
    ):
        # "Mediators in the peace talks say they expect the two sides to sign a ceasefire": the signing the
        # negotiation is expected to yield is the negotiation's news (corpus convention 4), as with "expected to".
        return _Cue("talks", f"agreement expected from talks {_quote(low, talks)}")
    if (
        status in ("agreed", "holding")
        # "will lay down arms under the truce": the modal is another verb's; "must now build on the momentum of
        # the ceasefire": the modal asks for more than the truce in force
        and not _IN_FORCE_FRAME.match(cue.group())
        and not _BUILD_ON.match(cue.group())
        and (_modal(before[-35:]) or (is_title and _TITLE_INFINITIVE.search(before)))
    ):
        return _modality_before(low, (end, right), cue, why, before)
    if status in ("agreed", "holding") and (stop := _stop_called(low, cue.start())) is not None:
        # "call on the parties to immediately cease the use of force, to use existing direct communications to
        # avoid further tensions, and to adhere unconditionally to the ceasefire", "to immediately cease
        # hostilities ... in compliance with all applicable ceasefire agreements": the force is in use.
        return _Cue("violated", f"call to stop {_quote(low, stop)} before {why}")
    if status == "agreed" and _EXHORT.search(before):
        return _Cue("proposed", f"exhortation before {why}", _keep_word(low, cue))
    if status == "holding" and _EXHORT.search(before) and _IS_VIOLENCE.search(before):
        # "called on the sides to stop the shelling and respect the truce"
        return _Cue("violated", f"call to stop fighting before {why}")
    if status == "agreed" and _NEARLY.search(before):
        return _Cue("talks", f"nearly {why}")  # "the warring parties are close to agreeing on a cease-fire"
    if status == "agreed" and _IN_FORCE_FRAME.match(cue.group()) and not _modal(low[left:right]):
        # "aid crossed under the ceasefire", "the first meeting since the truce began": a truce agreed before
        # the news, in force now (its terms to come, "under the deal both sides will withdraw", stay agreed).
        return _Cue("holding", f"in force {why}")
    return _Cue(status, why)


def _modality_before(low: str, span: tuple[int, int], cue: re.Match[str], why: str, before: str = "") -> _Cue:
    """A governing word with a modal before it (`span`: from the mention's end to the clause's; `before`: the clause
    before the word): an agreement worked for, hoped for in talks under way, or expected from them, is talks; anything
    else is a proposal."""
    end, right = span
    status = cue.lastgroup
    near = cue.start() - len(before[-35:])  # where the modal window (`_modal`) starts
    if (
        status == "agreed"
        and _AGREEING.match(cue.group())
        and (effort := _last(_MODAL_BEFORE, low, near, cue.start())) is not None
        and effort.group().startswith(("effort", "attempt"))
    ):
        # "intensive diplomatic efforts to conclude the agreement for a ceasefire": the agreement the efforts are
        # for is the negotiation's aim, as "efforts to reach a ceasefire" is (corpus convention 4).
        return _Cue("talks", f"efforts for the agreement {_quote(low, (effort.start(), cue.end()))}")
    if status == "agreed" and (talks := _DURING_TALKS.match(low, end, right)) is not None:
        # "optimistic that the warring factions will agree to a humanitarian cease-fire during peace talks in
        # Jeddah": an agreement hoped for in talks under way is the negotiation (corpus convention 4).
        return _Cue("talks", f"agreement hoped for in talks {_quote(low, (talks.start('talks'), talks.end()))}")
    if (
        status == "agreed"
        and _AGREEING.match(cue.group())
        and (talks := _last(_TALKS_BEFORE, low, max(0, cue.start() - 150), cue.start())) is not None
    ):
        # "it's in this framework that we will start our negotiation work and without doubt ... we will sign a
        # cease fire agreement": the signing the negotiation is expected to yield is the negotiation's news.
        return _Cue("talks", f"agreement expected from talks {_quote(low, talks)}")
    return _Cue("proposed", f"modality before {why}", _keep_word(low, cue))


# A truce on the agenda of talks, right after its mention: "will be high on the agenda", "tops the agenda".
_ON_AGENDA = lazyre.compile(
    r"\s+(?:(?:will|would|is|was|be|also|likely|firmly|squarely|remains?|remained|high|first|top|item)\s+){0,4}"
    r"(?:on|at (?:the\s+)?top of|top(?:s|ped)?|head(?:s|ed)?|dominat(?:es|ed))\s+(?:the\s+|their\s+|its\s+)?(?:top\s+of\s+(?:the\s+)?)?"
    r"(?:[\w'-]+\s+)?agenda\b"
)


def _ungoverned(low: str, start: int, end: int, left: int, right: int, is_title: bool) -> _Cue:
    """The status of a truce no word governs: time into it, a truce to keep, a start, end or signing date, its
    predicate on the right (`_predicate`), else modality or a definite article (`_modality_or_presupposed`)."""
    if is_title and (seek := _TITLE_TO_SEEK.search(low, max(left, start - 30), start)) is not None:
        # "Blinken Heads to Middle East to Push Gaza Truce Deal": a truce a headline's infinitive seeks is wanted
        return _Cue("proposed", f"headline infinitive {_quote(low, seek)}")
    agenda = _ON_AGENDA.match(low, end)
    if agenda is not None:
        # "Definitely cease-fire will be on the top of agenda", "Ceasefire Tops Agenda as Talks Open": what talks are
        # to take up is the negotiation (corpus convention 4; "the ceasefire proposal is on the agenda" stays a proposal).
        return _Cue("talks", f"on the agenda {_quote(low, (start, agenda.end()))}")
    discussed = _DISCUSSED_AFTER.match(low, end)
    if discussed is not None:
        # "a cease-fire would be one of the first issues discussed when negotiators met": the same, said of the talks'
        # subject rather than their agenda.
        return _Cue("talks", f"to be discussed {_quote(low, (start, discussed.end()))}")
    into = _INTO.search(low, max(left, start - 50), start)
    if into is not None:
        # "a week into the truce", "day 3 of the truce"
        return _Cue("holding", f"time into the truce {_quote(low, into)}")
    upkeep = _UPKEEP.match(low, end)
    if upkeep and _DEFINITE.search(low, max(left, start - 40), start):
        return _Cue("agreed" if upkeep.group("deal") else "holding", f"a truce to keep {_quote(low, upkeep)}")
    after = _RIGHT_CUES.search(low, end, right)
    parties = _PARTIES.match(low, end)
    if parties is not None and (after is None or after.start() >= parties.end()):
        # "the week-old truce between the army and the rebels in the north appears to be largely holding": the
        # predicate lies past the parties, beyond the clause window it would otherwise need.
        after = _RIGHT_CUES.search(low, parties.end(), _bounds(low, parties.end(), parties.end())[1])
    effect = _EFFECT.match(low, end) or _EXPIRY.match(low, end)
    lead = _own_lead(low, max(left, start - 40), start)
    if effect and not _modal(low[lead:start]):
        # "the cessation of hostilities is scheduled to start on Friday"
        return _Cue("agreed", f"start or end date {_quote(low, effect)}")
    signing = _SIGNING_DAY.match(low, end)
    if signing and not _modal(low[lead:start]):
        return _Cue("agreed", f"signing set for a day {_quote(low, signing)}")  # "Ceasefire Could Be Signed Saturday"
    if after is not None and (said := _predicate(low, start, end, left, right, after)) is not None:
        return said
    return _modality_or_presupposed(low, start, end, left, right, is_title)


# A truce's time named after another verb's clause: "hope power will be restored in time for the truce to take effect",
# "insisted on aid before the ceasefire goes into effect" (the modal or the demand is the other verb's).
_TIME_FOR = lazyre.compile(r"\b(?:in time for|before)\s+")


def _own_lead(low: str, lead: int, start: int) -> int:
    """Where the words before a truce that may make it a plan start: past an "in time for" or "before" that sets the
    truce's time after another verb's clause (`_TIME_FOR`), else `lead`."""
    after = _last(_TIME_FOR, low, lead, start)
    return lead if after is None else after.end()


def _in_force_since(low: str, after: re.Match[str], right: int) -> str | None:
    """The cue of a truce agreed or started weeks before whose effects the sentence reports ("the truce agreed
    last month has brought calm", "the ceasefire that began a week ago has allowed aid in"): one in force, holding
    (corpus convention 3); None otherwise."""
    dated = _DATED_PAST.match(low, after.end())
    if dated is None or (effect := _EFFECT_SINCE.search(low, dated.end(), right)) is None:
        return None
    return f"in force since {_quote(low, (after.start(), dated.end()))}, {_quote(low, effect)}"


def _started(low: str, after: re.Match[str], right: int) -> bool:
    """Whether the truce's predicate says it started, first or past its agreement ("a truce agreed by the factions
    took effect at dawn")."""
    if _START.match(after.group()):
        return True
    for cue in _RIGHT_CUES.finditer(low, after.end(), right):
        if cue.lastgroup != "agreed":
            return False
        if _START.match(cue.group()):
            return True
    return False


def _held_later(low: str, pos: int, right: int) -> re.Match[str] | None:
    """A holding predicate after the truce's agreement or start, past other such cues ("a ceasefire deal reached on
    Friday held for a third day", "the truce, which took effect on Friday, is holding"), or None."""
    for cue in _RIGHT_CUES.finditer(low, pos, right):
        if cue.lastgroup == "holding":
            return cue
        if cue.lastgroup != "agreed":
            return None
    return None


def _declared_by_one(low: str, end: int, clause: tuple[int, int]) -> bool:
    """Whether the truce ending at `end` is declared by one side in the passive right after it (_DECLARED_BY): no
    mediator (_THIRD_PARTY) and no second party (_TWO_AGENTS) as the agent, none in the clause (_joint)."""
    by = _DECLARED_BY.match(low, end, clause[1])
    return (
        by is not None
        and not _THIRD_PARTY.search(by.group("agent"))
        and not _TWO_AGENTS.search(by.group("agent"))
        and not _joint(low, clause[0], clause[1])
    )


def _predicate(low: str, start: int, end: int, left: int, right: int, after: re.Match[str]) -> _Cue | None:
    """The status the predicate `after` on the right sets ("took effect", "is holding", "has ended"), or None when
    it names no state of this truce."""
    status = after.lastgroup
    why = f"predicate {_quote(low, after)}"
    between = low[end : after.start()]
    if status in ("talks", "proposed") and (len(between) > 15 or _COORDINATED.search(between)):
        # Only a noun compound or a participle names the ceasefire's state: "ceasefire talks", "a truce
        # proposed by"; "a ceasefire to make way for discussions" is no negotiation of it.
        status = None
    if status == "extended" and len(between) > 15:
        status = None  # "a truce ... will continue": only the truce's own predicate extends it
    if _NOT.search(between):
        return _Cue(None, f"negated {why}")
    if status == "agreed":
        held = _held_later(low, after.end(), right)
        if held is not None:
            # "the truce, which took effect on Friday, is holding"
            status, why = "holding", f"predicate {_quote(low, held)}"
            after = held
        elif _started(low, after, right) and (calm := _CALM.search(low, left, right)) is not None:
            # "calm returned to the city a day after the truce began": a truce started and observed holds, its first
            # day included (corpus convention 3).
            return _Cue("holding", f"calm since the start {_quote(low, calm)}")
        elif (since := _in_force_since(low, after, right)) is not None:
            return _Cue("holding", since)
    if status == "agreed" and _declared_by_one(low, end, (left, right)):
        return _Cue("proposed", f"declared by one side {why}")  # "a pause announced by Russia went into effect"
    if status == "holding" and after.group() == "fragile" and (reason := _FRAGILE_FOR.match(low, after.end())):
        return _Cue("violated", f"fragile for {_quote(low, (after.start(), reason.end()))}")
    if status in ("agreed", "holding") and (
        _MODAL_AFTER.match(low, end)
        or _modal(between)
        or _HYPOTHETICAL.search(low[_own_lead(low, max(left, start - 40), start) : start])
    ):
        return _Cue("proposed", f"modality with {why}")
    deal = status == "agreed" and after.group() in ("deal", "agreement", "accord", "pact")
    if deal and _aspired(low, left, start, end) is not None:
        return _Cue("proposed", f"aspiration with {why}")  # "the only way is through a permanent cease-fire agreement"
    if deal and _OUT_OF_REACH.search(low, after.end(), min(right, after.end() + 30)):
        return _Cue("talks", f"out of reach {why}")  # "a ceasefire deal remains out of reach"
    if status is not None:
        return _Cue(status, why)
    return None


def _modality_or_presupposed(low: str, start: int, end: int, left: int, right: int, is_title: bool) -> _Cue:
    """The last resort: a hypothetical or modal truce is proposed, one wished for too, a definite one in force."""
    lead = max(left, start - 40)
    hypo = _HYPOTHETICAL.search(low[lead:start])
    if hypo and (talks := _last(_TALKS_BEFORE, low, max(0, start - 150), lead + hypo.start())) is not None:
        # "Peace talks ... appeared to have stalled, with rebels saying there will be no truce until ...": a truce
        # said with a modal inside the negotiation named before it is that negotiation's aim or condition, not a
        # proposal of its own (corpus convention 4), as a modal agreement expected from talks is (`_modality_before`).
        return _Cue(
            "talks", f"modality {_quote(low, (lead + hypo.start(), lead + hypo.end()))} inside {_quote(low, talks)}"
        )
    if hypo:
        return _Cue("proposed", f"modality {_quote(low, (lead + hypo.start(), lead + hypo.end()))}")
    modal_after = _MODAL_AFTER.match(low, end)
    if modal_after and (
        _CONSEQUENCE.match(low, modal_after.end()) is None
        or not (is_title or _DEFINITE.search(low, max(left, start - 30), start))
    ):
        return _Cue("proposed", f"modality {_quote(low, modal_after)}")
    if modal_after:
        # What a truce that exists may bring about is no modality on the truce: "Philippines Cease-Fire Could Pave
        # Way for Resumption of Peace Talks", "the truce could lead to talks" ("a ceasefire would help" is one wanted).
        return _Cue(None, f"consequence of the truce {_quote(low, modal_after)}")
    aspired = _aspired(low, left, start, end)
    if aspired:
        # "an immediate and sustained ceasefire"
        return _Cue(
            "proposed",
            f"aspiration {_quote(low, (aspired.start(), aspired.start() + len(aspired.group().split()[0])))}",
        )
    if _DEFINITE.search(low, max(left, start - 30), start):
        return _Cue("agreed", _PRESUPPOSED)  # "the truce in Gaza": a definite truce with no cue is one in force
    return _Cue(None, _NO_CUE)


_ANAPHOR = lazyre.compile(r"\bthe (?:humanitarian |temporary |relative |fragile )?(?P<anaphor>pause|lull|calm)\b")
_CHANGES = frozenset(["collapsed", "violated", "extended", "holding"])


_HALT = lazyre.compile(r"(?:halt|stop|cease|suspend)(?:ing)?\b")
# A halt the parties agreed to is a truce: "Russia and Ukraine agreed to halt strikes on energy facilities".
_AGREED_HALT = lazyre.compile(
    r"\b(?:agree[ds]?|committed|commit(?:s|ments?)?)\s+to\s+(?:an?\s+|the\s+|immediately\s+)?(?P<halt>(?:halt|stop|cease|suspend)(?:ing)?\s+"
    r"(?:all\s+)?(?:the\s+|their\s+)?(?:fighting|hostilities|attacks|(?:air|missile|drone|rocket|military|artillery)\s+strikes|"
    r"strikes\s+(?:on|against)|fire|firing|shelling|military operations))\b"
)

# A halt to hostilities called for is a ceasefire called for (corpus convention 4): "calls for all parties to support
# the envoy by immediately ceasing hostilities", "urged both sides to stop fighting". Only hostilities or fighting in
# general: "urged Russia to halt its attacks on cities" is a demand about attacks, not a truce.
_HALT_PHRASE = r"(?:ceas(?:e|ing)|halt(?:ing)?|stop(?:ping)?)\s+(?:all\s+)?(?:the\s+)?(?:hostilities|fighting)"
_CALLED_HALT = lazyre.compile(
    _EXHORT.pattern + r"[^.;]{0,90}?\b(?:to\s+|by\s+)?(?:immediately\s+)?(?P<halt>" + _HALT_PHRASE + r")\b"
)
_HALT_WORDS = lazyre.compile(_HALT_PHRASE + r"\b")
_HALT_NOUNS = lazyre.compile(r"\b(?:hostilities|fighting)\b")  # a cheap test before _CALLED_HALT


def _halt_noun(low: str) -> bool:
    """_HALT_NOUNS, asked only when the text holds one of its words (a substring test costs less than the scan)."""
    return ("hostilities" in low or "fighting" in low) and _HALT_NOUNS.search(low) is not None


_TRUCE_NOUN = lazyre.compile(r"\b(?:cease-?\s?fires?|truces?|armistice)\b")


def _mentions(low: str, named: bool) -> list[re.Match[str]]:
    """The ceasefire mentions of a sentence; with `named` (the article names a truce), also its anaphors."""
    found = list(_CEASEFIRE.finditer(low))
    taken_halt = [(m.start(), m.end()) for m in found]
    # Every match of _AGREED_HALT starts with "agree..." or "commit...": most sentences are not searched.
    halts = _AGREED_HALT.finditer(low) if "agree" in low or "commit" in low else ()
    for h in halts:
        if not any(a <= h.start("halt") < b for a, b in taken_halt):
            found.append(_HALT.match(low, h.start("halt")) or h)
    # Every match of _CALLED_HALT holds "hostilities" or "fighting": most sentences are not searched.
    called = _CALLED_HALT.finditer(low) if "hostilities" in low or "fighting" in low else ()
    for h in called:
        if not any(a <= h.start("halt") < b for a, b in taken_halt):
            found.append(_HALT_WORDS.match(low, h.start("halt")) or h)
    found.sort(key=lambda m: m.start())
    if named:
        taken = [(m.start(), m.end()) for m in found]
        anaphors = _ANAPHOR.finditer(low) if _MAY_ANAPHOR(low) else ()
        found += [m for m in anaphors if not any(a <= m.start() < b for a, b in taken)]
        found.sort(key=lambda m: m.start())
    return found


def is_background(sent: Sentence) -> bool:
    """A sentence about history: past years, earlier wars, anniversaries, 'previous' agreements."""
    low = sent.folded
    if may_be_background(low) and _BACKGROUND.search(low):
        return True
    # Every match of _EARLIER holds one of its four words: most sentences are not searched.
    return _HOLDS_EARLIER_WORD(low) and bool(_EARLIER.search(low))


# A truce that held in the past ("the truce held until 2016") is history, not a truce in force.
_HELD_PAST = lazyre.compile(
    r"\b(?:held|was holding|had been holding|lasted|ended|until|for (?:\w+ ){0,2}years)\b"
    r"|\b(?:was|were|had been) (?:\w+ly )?(?:respected|observed|honou?red|implemented|maintained|upheld)\b"
)


def _mention_is_background(low: str, start: int, end: int) -> bool:
    """A ceasefire mention whose own clause dates it to the past ("recommitted to the ceasefire in 2015"):
    a date elsewhere in the sentence does not make "an increase of ceasefire violations" history."""
    left, right = _bounds(low, start, end)
    return bool(_BACKGROUND.search(low, left, right)) or bool(_EARLIER.search(low, left, right))


_EARLIER = lazyre.compile(
    r"\b(?:previous|earlier|prior)\s+(?:\w+\s+)?(?:cease-?\s?fires?|truces?|agreements?|deals?|wars?|conflicts?|talks|rounds?|accords?)"
    r"|\bbefore\s*(?:[-,.;]|$)"
)
_EARLIER_WORDS = ("previous", "earlier", "prior", "before")
_HOLDS_EARLIER_WORD = holds_any(_EARLIER_WORDS)


# An attack placed in a named place ("the attack in Mogadishu", "attacks in southern Israel", "yesterday's attack on
# a vehicle convoy in Kabul"): a place of the gazetteer (country, capital, city, region) makes the attack an event
# somewhere, whatever the noun, where no list of targets can be complete. Not a heart, cyber or verbal attack.
_ATTACK_AT = word_initial(  # (every branch starts a word: tests/test_word_initial.py)
    r"(?<!heart )(?<!cyber )(?<!cyber-)(?<!verbal )(?<!political )(?<!personal )(?<!rhetorical )"
    r"\b(?:attacks?|bombings?|assaults?|raids?|massacres?)\s+(?:on\s+(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,2}?)?"
    r"(?:in|at|near|on|against|inside|outside)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|"
    r"south-?eastern|south-?western|indian-administered|pakistani-administered)\s+)?"
    r"(?P<place>[\w'-]+(?:\s+[\w'-]+){0,2})"
)


_ATTACK_WORDS = ("attack", "bombing", "assault", "raid", "massacre")
_HOLDS_ATTACK_WORD = holds_any(_ATTACK_WORDS)


def _attack_placed(sent: Sentence) -> bool:
    """Whether the sentence reports an attack in a capitalised place of the gazetteer (not negated, hypothetical,
    or named as what is defended against)."""
    low = sent.folded
    if not _HOLDS_ATTACK_WORD(low):
        return False  # every match of _ATTACK_AT starts with one of these words
    automaton = gazetteer.places().automaton
    for m in _ATTACK_AT.finditer(low):
        words = list(re.finditer(r"[\w'-]+", m.group("place")))
        start = m.start("place")
        named = False
        place_end = start
        for k in range(len(words), 0, -1):
            key = " ".join(w.group() for w in words[:k])
            if key in automaton and sent.text[start : start + 1].isupper():
                named = any(e.kind != "none" for e in automaton.get(key)[1])
                place_end = start + words[k - 1].end()
                break
        # The place's own words end the attack's name: "the attack in Kabul on March 3" is dated after "Kabul".
        if not named or not _fighting_reported(low, m.start(), place_end):
            continue
        if _INDEFINITE.search(low[max(0, m.start() - 30) : m.start()]) and not m.group().split()[0].endswith("s"):
            continue  # "a response to an attack in Berlin": one attack, unidentified, is a kind of event, not a report
        return True
    return False


def _fighting_reported(low: str, start: int, end: int | None = None) -> bool:
    """Whether the fighting named at `start` is reported: not negated, not hypothetical, not what is defended
    against, ended or halted ("a truce to end weeks of fighting"), prepared for ("training for an invasion"), named
    as the cause of the news ("cleanup following military aggression", "the port explosion investigation"), nor a
    match ("title clash"). In running text, `end` is where the words naming the fighting end: fighting dated right
    after them to an earlier day is an earlier event, background to the news ("the attack in Kabul on March 3",
    "the shelling last week"); a headline's date is the news's own, so headline callers pass no `end`."""
    if _negated(low, start) or (
        end is not None and ((_MAY_DATED(low) and _DATED.search(low[end:])) or _THIS_YEAR.match(low, end))
    ):
        return False
    if end is not None and _FIGHTING_ENDS.match(low, end):
        return False  # "Border Clashes End With New Truce": the fighting is over
    before = low[max(0, start - 30) : start]
    if _HYPOTHETICAL.search(before[-25:]) or _CLASH_CONTEXT.search(before) or _CLASH_CAUSE.search(before):
        return False
    if _WAR_WORD.match(low, start) and _WAR_JUDGED.search(low, max(0, start - 45), start):
        return False
    if _MAY_FIGHTING_BEFORE(low) and _FIGHTING_BEFORE.search(low, max(0, start - 70), start):
        return False
    return not _MATCH_CLASH.search(before) and not (_MAY_CLASH_TOPIC(low) and _CLASH_TOPIC.match(low, start))


_INDEFINITE = lazyre.compile(r"\ban?\s+(?:[\w-]+\s+)?$")
# Fighting said to be over right after the words that name it ("Clashes End With Truce", "the fighting stopped").
_FIGHTING_ENDS = lazyre.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:end(?:s|ed)?|halt(?:s|ed)?|stop(?:s|ped)?|ceas(?:es|ed)|subsid(?:es|ed))\b"
)

# Headline grammar drops auxiliaries and articles and puts the verb in the present: "Russian drones pound Kharkiv",
# "Israel strikes Rafah", "Sudan army, RSF trade fire", "Ukraine downs 30 drones", "Rebels seize key town". An armed
# subject (a weapon, a force, an armed group) with an attack verb, or a state opening the headline with one of the
# unambiguous verbs, reports fighting. Only headlines: in running text these present forms are rare and other words.
_ARMED_SUBJECT = (
    r"(?:drones?|missiles?|rockets?|shells?|jets?|warplanes?|warships?|gunships?|helicopters?|troops|forces|army|"
    r"military|navy|soldiers|militants|rebels|insurgents|gunmen|jihadists|fighters|militias?|paramilitar\w+|"
    r"houthis|hamas|hezbollah|taliban|isis|isil|al-shabaab|shabaab|boko haram|rsf|idf|junta|"
    r"strikes|airstrikes|air strikes|shelling|artillery|bombardment)"
)
_ATTACK_VERB = (
    rf"(?:{_ATTACK_PRESENT}|rain down on|trade fire|exchange fire|fire on|fires on|fire at|"
    r"fires at|open fire|opens fire|down|downs|shoot down|shoots down|intercept|intercepts|repel|repels|seize|seizes|"
    r"capture|captures|overrun|overruns|retake|retakes|recapture|recaptures|liberate|liberates|advance on|advances on|"
    r"push into|pushes into)"
)
# "Strikes a deal", "hits back", "hits record high", "strikes a chord": the everyday senses of the same verbs.
_NOT_FIGHTING = (
    r"\s+(?:back|out|home|gold|oil|it rich|(?:(?:a|an|the|new|trade|arms|gas|oil|energy|peace|grain|nuclear|"
    r"[\w-]+)\s+){0,2}(?:deal|agreement|accord|pact|compromise|bargain|record|high|low|milestone|target|goal|"
    r"headlines|chord|tone|balance|note|jackpot|snag|wall|road|roadblock|market|markets|shelves|stores))\b"
)
_HEADLINE_ARMED = lazyre.compile(
    rf"\b{_ARMED_SUBJECT}(?:\s+(?:in|from|of|and)\s+[\w'-]+)?,?\s+(?:(?:also|again|now|reportedly|heavily)\s+)?"
    rf"(?P<verb>{_ATTACK_VERB})\b(?!{_NOT_FIGHTING})"
)
# A state opening the headline ("Israel pounds Rafah", "Pakistan, India exchange fire"): only the verbs that have no
# everyday sense with a state as subject ("Russia targets Western firms", "China hits record" are not fighting).
_HEADLINE_STATE = lazyre.compile(
    rf"^(?:[\w'.,-]+\s+){{1,4}}?(?P<verb>pounds?|shells?|bombs?|bombards?|pummels?|strikes?|raids?|trade fire|"
    rf"exchange fire|fires? (?:on|at)|"
    rf"downs?|shoots? down|intercepts?|retakes?|recaptures?|liberates?|captures?)\b(?!{_NOT_FIGHTING})"
)
# The passive headline with its auxiliary dropped: "Fishing boats hit by mystery attackers", "Grain terminals hit in
# port attack", "Convoy ambushed by gunmen". The agent or the attack must be armed: "hit by strikes" (labour), "hit by
# cyber attack", "struck by lightning" are not fighting.
_HEADLINE_PASSIVE = lazyre.compile(
    rf"\b(?P<verb>{_ATTACK_PAST})\s+(?:by|in)\s+"
    r"(?!(?:[\w'-]+\s+){0,4}?(?:cyber|ransomware|hack\w*|heart|panic|shark|dog|bear|verbal)\b)(?:[\w'-]+\s+){0,5}?"
    r"(?:attackers|assailants|gunmen|drones?|missiles?|rockets?|shells?|mortars?|air ?strikes?|(?:drone|missile|"
    r"rocket|air|military|israeli|russian|ukrainian|us|u\.s\.) strikes?|shelling|bombardment|militants|rebels|"
    r"insurgents|jihadists|pirates|attacks?|raids?|ambush)\b"
)
# What is downed or intercepted must be a weapon; what is seized or captured, ground.
_DOWNED = lazyre.compile(
    r"\s+(?:\d+\s+|dozens of\s+|scores of\s+|[\w-]+\s+){0,3}?(?:drones?|missiles?|rockets?|jets?|planes?|aircraft|helicopters?|warplanes?|uavs?)\b"
)
_GROUND = lazyre.compile(
    r"\s+(?:the\s+|key\s+|strategic\s+|eastern\s+|western\s+|northern\s+|southern\s+|another\s+|second\s+|"
    r"[\w-]+\s+){0,3}?(?:town|city|village|district|province|base|airport|capital|positions?|territory|hill|"
    r"region|border post|crossing|stronghold|port)s?\b"
)


def _only_states(words: str) -> bool:
    """Whether a headline's opening words are only places of the gazetteer ("Israel", "Pakistan, India"), so that
    they are the subject ("US fast-food workers strike" is not a state striking)."""
    automaton = gazetteer.places().automaton
    pieces = [p.strip() for p in re.split(r",|&|\band\b", words)]
    return all(p in automaton and any(e.kind != "none" for e in automaton.get(p)[1]) for p in pieces if p) and any(
        pieces
    )


_TAKING = ("seize", "capture", "overrun", "retake", "recapture", "liberate")
# Words after a verb of taking that name no ground: "seize power" is a coup, "capture hearts" no fighting.
_NOT_GROUND = frozenset(["power", "hearts", "headlines", "attention", "imagination", "control", "the"])


def _named_ground(sent: Sentence, verb: int, at: int) -> bool:
    """Whether the verb of taking at `verb`..`at` takes a named place ("Rebels seize Goma", "Ukraine retakes Izium"):
    the next word is capitalised while the verb is not (in a title-case headline every word is), and is no
    possessive ("captures Apple's market share")."""
    words = sent.text[at:].split()
    if not words or words[0].strip(",.:;'\"").lower() in _NOT_GROUND:
        return False
    word = words[0].rstrip(",.:;")
    return word[:1].isupper() and not sent.text[verb : verb + 1].isupper() and not word.endswith(("'s", "’s"))


def _headline_attack(sent: Sentence, actor: bool) -> bool:
    """Whether a headline reports fighting in headline grammar (_HEADLINE_ARMED, _HEADLINE_PASSIVE, _HEADLINE_STATE);
    `actor`: the headline names a place (a state or a city)."""
    low = sent.folded
    found = list(_HEADLINE_ARMED.finditer(low)) + list(_HEADLINE_PASSIVE.finditer(low))
    if actor:
        found += [m for m in _HEADLINE_STATE.finditer(low) if _only_states(low[: m.start("verb")])]
    for m in found:
        verb = m.group("verb")
        rest = low[m.end() :]
        if verb.startswith(("down", "shoot", "intercept", "repel")) and not _DOWNED.match(rest):
            continue
        if verb.startswith(_TAKING) and not (_GROUND.match(rest) or _named_ground(sent, m.start("verb"), m.end())):
            continue
        if _fighting_reported(low, m.start("verb")) and not _TITLE_INFINITIVE.search(low, 0, m.start("verb")):
            return True
    return False


# A truce between street gangs or cartels is crime, not armed conflict (corpus conventions): "a truce between the
# government and gangs to reduce crime", "El Salvador's gang truce", "the truce among rival cartels".
_GANG_TRUCE = lazyre.compile(
    r"\b(?:gang|cartel|mara)s?\s+(?:truce|cease-?fire)\b"
    r"|\b(?:truce|cease-?fire)\s+(?:[\w'-]+\s+){0,6}?(?:between|among|with)\s+(?:[\w'-]+\s+){0,5}?(?:gangs|cartels|maras)\b"
    r"|\b(?:gangs|cartels|maras)\s+(?:[\w'-]+\s+){0,4}?(?:agreed|declared|signed|reached|announced|called)\s+"
    r"(?:(?:a|an|the|their)\s+)?(?:[\w-]+\s+)?(?:truce|cease-?fire)\b"
)
_GANG_WORDS = ("gang", "cartel", "mara")  # every match of _GANG_TRUCE holds one
_HOLDS_GANG_WORD = holds_any(_GANG_WORDS)
# A truce of trade, money, party politics, the courts or the media is no ceasefire of armed conflict: "US, China
# extend tariff truce", "a political truce ahead of the budget", "truce on the debt ceiling", "Democrats call truce
# with the White House", "a truce in the leadership fight", "a ceasefire in the patent war", "senators break their
# truce on nominees", "the star and the network call a truce after months of insults". Its domain names it (before
# the truce word or as what it is "on", "over" or "in"), or the side it is made with or by, or the quarrel it ends.
_DOMAIN = (
    r"(?:trade|tariffs?|tax(?:es)?|budget|spending|debt|shutdown|funding|prices?|pricing|wages?|pay|pensions?|"
    r"healthcare|health care|immigration|political|partisan|party|boardroom|corporate|culture|leadership|"
    r"nominees|nominations|judicial|patents?|lawsuits?|litigation|copyright)"
)
_CIVIL_SIDE = (
    r"(?:democrats|republicans|gop|congress|lawmakers|senators|legislators|shareholders|investors|regulators|"
    r"unions|(?:trade|labou?r|teachers'?) union|teachers|tv networks?|studios?|companies|firms|rappers|celebrities)"
)
_POLITICS_TRUCE = lazyre.compile(
    rf"\b{_DOMAIN}(?:[- ]war)?\s+(?:truce|cease-?fire)s?\b"
    r"|\b(?:truce|cease-?fire)s?\s+(?:in|on|over|of)\s+(?:(?:the|their|a|its|his|her)\s+)?(?:[\w'-]+\s+){0,2}?"
    rf"{_DOMAIN}\b(?!\s+(?:hubs?|routes?|corridors?|city|town|ports?|cent(?:er|re)s?|crossings?|zones?|areas?|regions?)\b)"
    r"|\b(?:truce|cease-?fire)s?\s+(?:[\w'-]+\s+){0,3}?(?:with|between)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?"
    rf"(?:{_CIVIL_SIDE}|the white house|white house)\b"
    rf"|\b{_CIVIL_SIDE}\s+(?:[\w'-]+\s+){{0,4}}?(?:calls?|called|declares?|declared|reach(?:es|ed)?|agrees?|agreed|"
    r"strikes?|struck|breaks?|broke|ends?|ended)\s+(?:(?:a|an|the|their|its)\s+)?(?:[\w-]+\s+)?(?:truce|cease-?fire)\b"
    r"|\b(?:truce|cease-?fire)s?\s+(?:after|ending)\s+(?:[\w'-]+\s+){0,3}?(?:insults|spats?|war of words)\b"
)
# Every match of _POLITICS_TRUCE holds one of these (a cheap test first).
_POLITICS_WORDS = tuple(
    "trade tariff tax budget spending debt shutdown funding pric wage pay pension health immigration politic partisan "
    "party boardroom corporate culture leadership nominee nomination judicial patent lawsuit litigation copyright "
    "democrats republicans gop congress white lawmakers senators legislators shareholders investors "
    "regulators union teachers network studio compan firms rappers celebrities insults spat "
    "words".split()
)


def readings(doc: Doc, actor_sentences: set[int], features: Features, topic_heavy: bool) -> list[Reading]:
    """Every event reading in the article, one per sentence and type.

    `features` (one keyword pass) says which sentences can hold which trigger and which are off-topic
    (labour, sport); `topic_heavy` says the whole article is (a match report, a labour deal), which
    silences every event type except casualty figures. Each sentence is read in turn for a truce
    (`_ceasefire_readings`), then, unless it is background or off-topic, for talks (`_talks_reading`), an
    agreement (`_agreement_reading`), fighting (`_clash_reported`) and sanctions (`_sanctions_reported`).
    """
    out: list[Reading] = []
    sets = _trigger_sets(doc, features)
    off = features.by_class.get("topic", set())
    # A headline on a labour dispute or a match makes the item's talks that dispute's ("Pelosi Statement on Tentative
    # Railway Labor Agreement" over "the Labor Secretary for leading the negotiations"): no talks between states.
    topic_title = any(doc.sentences[i].is_title for i in off)
    # Once a truce is named, "the pause", "the lull" and "the calm" refer to it (for its changes of state only).
    named = any(_CEASEFIRE.search(doc.sentences[i].folded) for i in sets[0])
    anaphoric = (
        {s.index for s in doc.sentences if _MAY_ANAPHOR(s.folded) and _ANAPHOR.search(s.folded)} if named else set()
    )
    # Whether the item names a state or an official anywhere: without one, a deal of firms or of a legislature's
    # parties is no agreement between states or sides (_DOMESTIC_DEAL).
    parties = bool(actor_sentences)
    for i in sorted(set().union(*sets, anaphoric)):
        sent = doc.sentences[i]
        cf, tk, ag, cl, sa = (i in s for s in sets)
        low = sent.folded
        actor = i in actor_sentences
        truce = i not in off and not topic_heavy and _names_truce(low, cf, i in anaphoric, ag)
        # The readings below the truce's that the sentence may still give (none off-topic; sanctions even when heavy).
        rest = i not in off and (sa or (not topic_heavy and ((tk and not topic_title) or ag or cl)))
        if not (truce or rest):
            continue  # (whether it is background matters to nothing: not searched)
        background = is_background(sent)
        if truce:
            out.extend(_ceasefire_readings(sent, named, background))
        if background or not rest:
            continue
        if tk and not topic_heavy and not topic_title and (talks := _talks_reading(doc, sent, actor)) is not None:
            out.append(talks)
        if ag and not topic_heavy and (deal := _agreement_reading(sent, actor, parties)) is not None:
            out.append(deal)
        if cl and not topic_heavy and _clash_reported(sent, actor, named):
            # (fighting told only as going on is marked: it does not break a truce agreed, _ceasefire_event)
            on = not _clash_reported(sent, actor, named, going_on=False)
            out.append(Reading("clash", None, sent.weight, sent, _GOES_ON_CUE if on else ""))
        if sa and _sanctions_reported(sent):
            out.append(Reading("sanctions", None, sent.weight, sent))
    return _headline_dated_ahead(doc, out)


def _trigger_sets(doc: Doc, features: Features) -> list[set[int]]:
    """The sentences that can hold a truce, talks, an agreement, fighting and sanctions (in that order): those
    the keyword pass found, with the headlines and sentences that report talks or fighting without a keyword."""
    sets = [features.by_class.get(c, set()) for c in ("ceasefire", "talks", "agreement", "clash", "sanctions")]
    # Headlines with a verb of headline grammar can report fighting without a clash word (_headline_attack), and a
    # statement can name the attack it reacts to as an act or atrocity (_ATTACK_DEPLORED).
    sets[3] = sets[3] | {i for i in features.by_class.get(HEADLINE_VERBS, ()) if doc.sentences[i].is_title}
    sets[3] = sets[3] | {
        s.index for s in doc.sentences if _MAY_ATTACK_DEPLORED(s.folded) and _ATTACK_DEPLORED.search(s.folded)
    }
    # Armed men who "continue to battle" name no clash keyword (_GOES_ON).
    sets[3] = sets[3] | {
        s.index for s in doc.sentences if _MAY_BATTLE_GOES_ON(s.folded) and _BATTLE_GOES_ON.search(s.folded)
    }
    # Headlines of weapons launched at a target name no clash word (_LAUNCHED_AT: "launches missiles at a base").
    sets[3] = sets[3] | {s.index for s in doc.sentences if s.is_title and _MAY_LAUNCHED_AT(s.folded)}
    # One official telling another state's office-holder is talks with no talks word (_TOLD).
    # (a word a sentence holds the whole folded text holds: an article without one has no sentence to ask)
    if _HOLDS_TOLD_WORD(doc.folded):
        sets[1] = sets[1] | {s.index for s in doc.sentences if _HOLDS_TOLD_WORD(s.folded)}
    # Calls, conferring, consulting, a press conference with a counterpart and a visitor received (_TALKS) name no
    # keyword of the talks class.
    if _HOLDS_TALKS_WORD(doc.folded):
        sets[1] = sets[1] | {s.index for s in doc.sentences if _HOLDS_TALKS_WORD(s.folded)}
    # A call told by a plain past verb (_CALLED: "phoned", "rang") or by "spoken" (_TALKS).
    if _HOLDS_SPOKEN_WORD(doc.folded):
        sets[1] = sets[1] | {s.index for s in doc.sentences if _HOLDS_SPOKEN_WORD(s.folded)}
    # A headline's present-tense meeting or call (_TITLE_TALKS, _title_call).
    sets[1] = sets[1] | {
        s.index
        for s in doc.sentences
        if s.is_title and ((_MAY_TITLE_TALKS(s.folded) and _TITLE_TALKS.search(s.folded)) or _title_call(s.folded))
    }
    return sets


def _names_truce(low: str, keyword: bool, anaphor: bool, agreement: bool) -> bool:
    """Whether a sentence names a truce: a ceasefire keyword, "the lull" once a truce is named, a halt agreed
    ("agreed to halt strikes on energy facilities") or called for ("urged both sides to stop fighting"), unless
    the truce it names is a gang truce or one of trade or party politics (every truce the sentence names is that
    one)."""
    truce = (
        keyword
        or anaphor
        or (agreement and _AGREED_HALT.search(low) is not None)
        or (_halt_noun(low) and _CALLED_HALT.search(low) is not None)
    )
    return (
        truce
        and not (_HOLDS_GANG_WORD(low) and _GANG_TRUCE.search(low))
        and not (any(w in low for w in _POLITICS_WORDS) and _POLITICS_TRUCE.search(low))
    )


def _ceasefire_readings(sent: Sentence, named: bool, background: bool) -> list[Reading]:
    """The sentence's reading of a truce (`_ceasefire_status`), and an agreement when one side's truce is matched
    by the other's."""
    best = _ceasefire_status(sent, named, background)
    if best is None:
        return []
    low = sent.folded
    (status, why, keep_called), weight = best
    found = [Reading("ceasefire", status, weight, sent, why, keep_called=keep_called)]
    if status in ("agreed", "extended") and (
        why.startswith(_TAKEN_UP_WHY)
        or any(_RECIPROCAL.search(low, max(0, m.start() - 50), m.start()) for m in _mentions(low, named))
    ):
        # One side's truce matched by the other's is both sides' now: an agreement (corpus convention 5).
        found.append(Reading("agreement", None, sent.weight, sent))
    return found


# A truce's cue and the weight of the sentence's evidence for it (`_ceasefire_status`).
_Weighed = tuple[_Cue, float]


def _ceasefire_status(sent: Sentence, named: bool, background: bool) -> _Weighed | None:
    """The status of the truce a sentence names, with its weight and cue: the first mention with a cue decides
    (a presupposed truce stands in until one); lacking any, a weak mention or fighting said to have stopped."""
    low, w = sent.folded, sent.weight
    best: _Weighed | None = None
    for m in _mentions(low, named):
        if background and not sent.is_title and _mention_is_background(low, m.start(), m.end()):
            # A truce dated earlier but said to be in force now ("the ceasefire agreed in March is
            # holding", "respect the truce declared in November") is today's news of it, not history.
            dated = ceasefire_cue(low, m.start(), m.end(), sent.is_title)
            if dated.status == "holding" and not _HELD_PAST.search(low):
                best = (dated, w)
                break
            if dated.status == "violated" and _PRESENT_BREACH.search(low):
                # "the resumed fighting is a worrying breach of the ceasefire brokered by the UN in September",
                # "continuing violations of the truce signed in March": a breach now of a truce agreed before.
                best = (dated, w)
                break
            continue
        if _negated(low, m.start()):
            said = _negated_mention(low, m, sent.is_title)
            if said is not None:
                best = (said, w)
                break
            continue
        cue = _mention_status(low, m, sent.is_title)
        if cue.why == _PRESUPPOSED and low.rstrip().endswith("?"):
            # A question that takes a truce for granted asks about it ("what happens to the ceasefire in Aleppo after
            # midnight?"): the answer, not the question, reports its state.
            cue = _Cue(None, "a truce a question takes for granted")
        if m.lastgroup == "anaphor" and cue.status not in _CHANGES:
            continue
        weight = w if cue.status and cue.why != _PRESUPPOSED else w * 0.5
        if cue.status == "holding" and _EXHORT.search(low, _bounds(low, m.start(), m.end())[0], m.start()):
            weight = w * 0.5  # "we call on the sides to respect the ceasefire": a call, weak evidence it holds
        # A presupposed truce stands in only until a mention with a cue (or, lacking one, any mention).
        if best is None or not best[0].status or (cue.status and best[0].why == _PRESUPPOSED):
            best = (cue, weight)
        if cue.status and cue.why != _PRESUPPOSED:
            break
    if best is None and not background:
        best = _weak_or_stopped(low, w, sent.is_title)
    return best


# A breach reported as present news (`_ceasefire_status`), whatever the date of the truce it breaks.
_PRESENT_BREACH = lazyre.compile(
    r"\b(?:is|are|constitutes?|amounts? to|represents?)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:breach|violation)(?:es|s)?\b"
    # A breach going on now, told by a participle of the present tense: "the army is stepping up operations in the
    # north, violating the ceasefire it declared in November 2008" ("in 2009 the army attacked the town, violating the
    # truce" is history).
    r"|\b(?:is|are)\b[^.;]{0,80}?\b(?:violat|breach|break|flout)ing\b"
    r"|\b(?:continu(?:e|es|ing)|ongoing|repeated|renewed|fresh|latest)\s+(?:[\w-]+\s+)?(?:breach|violation)(?:es|s)?\b"
)


def _negated_mention(low: str, m: re.Match[str], is_title: bool) -> _Cue | None:
    """What a negated mention still reports, or None: "rejected calls for a ceasefire" a proposal, "denied
    violating the ceasefire" an alleged violation; "no ceasefire", "refused a truce" report nothing."""
    refused = _PROPOSAL_BEFORE.search(low, max(0, m.start() - 30), m.start())
    breach = _DENIED_BREACH.search(low, max(0, m.start() - 40), m.start())
    if breach:
        return _Cue("violated", f"breach denied {_quote(low, breach)}")
    quiet = _QUIET.search(low, max(0, m.start() - 40), m.start()) if "no " in low else None
    if quiet:  # "no violations of the ceasefire have been reported": quiet, the truce holds
        return _Cue("holding", f"quiet reported {_quote(low, quiet)}")
    if refused:
        return _Cue("proposed", f"refused or rejected {_quote(low, refused)}")
    # The negation may be the news itself: "would not extend the truce" (called off), "failed to
    # agree on a ceasefire" (talks), "rejected the ceasefire proposal" (a proposal still).
    cue = ceasefire_cue(low, m.start(), m.end(), is_title)
    if cue.status in ("collapsed", "talks", "proposed"):
        return cue
    return None


# What a truce in force brings, told as done or under way in the sentence that names it (`_brought`): aid coming in
# ("more aid is arriving", "food trucks have entered", "relief supplies began flowing"), a blockade or siege ended
# ("ending a months-long blockade", "the siege was lifted"), hostages or prisoners freed ("the recently freed
# hostages", "prisoners have been released"). Terms and purposes are not here: "to allow aid to reach", "to ensure aid
# reaches", "the release of hostages", "to lift the siege" (no participle of a thing done).
_BROUGHT = lazyre.compile(
    r"\b(?:aid|relief|supplies|food|assistance|convoys?|trucks|shipments?)\s+(?P<gap>(?:[\w-]+\s+){0,3}?)"
    r"(?:arriving|arrived|entering|entered|flowing|flowed|reaching|reached|crossing|crossed|rolling|rolled|pouring|poured)\b"
    r"|\b(?:ending|ended|lifting|lifted|easing|eased|breaking|broke)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:blockade|siege)\b"
    r"|\b(?:blockade|siege)\s+(?:[\w-]+\s+){0,3}?(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?"
    r"(?:lifted|ended|eased|broken)\b"
    # The participle as an adjective ("the recently freed hostages"), not a verb ("freed two hostages and agreed to").
    r"|\b(?:the|recently|newly|just|already)\s+(?:freed|released)\s+(?:[\w-]+\s+)?(?:hostages|prisoners|captives|detainees)\b"
    r"|\b(?:hostages|prisoners|captives|detainees)\s+(?:[\w-]+\s+){0,3}?(?:were|was|have been|has been|had been|being)\s+"
    r"(?:\w+ly\s+)?(?:freed|released|handed over)\b"
)
_NO_SUCH = lazyre.compile(r"\b(?:no|not|never|yet|without)\b|n't\b")


def _brought(low: str) -> re.Match[str] | None:
    """What a truce in force has brought, told as done or under way in the sentence (`_BROUGHT`), or None: not when
    denied ("no aid has arrived"), said with a modal ("aid will be arriving"), or with the truce's start still ahead."""
    if _NOT_YET_THERE.search(low) or _STARTS_LATER.search(low):
        return None
    for m in _BROUGHT.finditer(low):
        if _NO_SUCH.search(low, max(0, m.start() - 20), m.end()):
            continue
        if m.group("gap") and _modal(m.group("gap")):
            continue
        return m
    return None


# A truce to keep, named as one in force (`_kept_in_force`): a verb of keeping it right before the mention, a definite
# one ("the", "this", a possessive), and a sign that it exists now: "the current ceasefire", "the truce now in force",
# "the ceasefire that took effect on Sunday", "continue to respect the truce", or making it work ("will do its part to
# make the truce work"). A pledge or call to keep such a truce is not a proposal of a new one, nor a new agreement
# (corpus conventions: a call that a truce "be maintained" beside its "continued adherence" is holding). A truce still
# to come ("a ceasefire", "a future truce", "the ceasefire that will take effect") and a condition ("would observe the
# truce if") keep their status.
_KEEP_BEFORE = lazyre.compile(
    r"(?P<go>\b(?:continu(?:e|es|ed|ing)|keep(?:s|ing)?|kept)\s+(?:to\s+)?(?:(?:fully|strictly)\s+)?)?"
    r"\b(?P<verb>respect\w*|observ\w*|abid\w* by|adher\w* to|uph[eo]ld\w*|honou?r\w*|keep(?:s|ing)?|kept|maintain\w*|"
    r"preserv\w*|safeguard\w*|consolidat\w*|strengthen\w*|stick(?:s|ing)? to|stuck to|mak(?:e|es|ing)|made)\s+"
    r"(?:the|this|its|their|our|his|her|[\w-]+'s)\s+(?P<adj>(?:(?!(?:a|an|to|of|for|and|or)\b)[\w-]+\s+){0,3})$"
)
_NOW_ADJ = lazyre.compile(r"\b(?:current|existing|present|ongoing)\b")
_NOT_NOW_ADJ = lazyre.compile(r"\b(?:future|proposed|planned|new|eventual|next|possible|potential|draft)\b")
_NOW_AFTER = lazyre.compile(
    r"(?:[\s-]+(?:agreement|deal|accord|pact))?(?:\s+(?:now|already|still))?\s+in (?:force|place|effect)\b"
    r"|(?:[\s-]+(?:agreement|deal|accord|pact))?,?\s+(?:which|that)\s+(?:(?:has|have|had)\s+)?"
    r"(?:took|taken|came|come|went|gone|entered|began|begun|started)\b(?!\s+(?:to|up)\b)"
)
_WORK_AFTER = lazyre.compile(r"\s+work\b")


def _kept_in_force(low: str, start: int, end: int) -> re.Match[str] | None:
    """A verb of keeping a truce named as one in force (`_KEEP_BEFORE`), or None: not under a condition."""
    left, right = _bounds(low, start, end)
    keep = _KEEP_BEFORE.search(low, max(left, start - 90), start)
    if keep is None or _NOT_NOW_ADJ.search(keep.group("adj")) or _CONDITIONAL.search(low, left, right):
        return None
    if keep.group("verb").startswith("ma") and not keep.group("verb").startswith("maint"):
        return keep if _WORK_AFTER.match(low, end) else None  # "make the truce work"
    if keep.group("go") or _NOW_ADJ.search(keep.group("adj")) or _NOW_AFTER.match(low, end, right):
        return keep
    return None


def _mention_status(low: str, m: re.Match[str], is_title: bool) -> _Cue:
    """A mention's status (`ceasefire_cue`); a truce in force with fighting soon after it is violated, and one agreed
    or started beside what it has brought (aid coming in, a blockade ended, hostages freed) is holding."""
    cue = ceasefire_cue(low, m.start(), m.end(), is_title)
    in_force = cue.status in ("agreed", "holding") or cue.why.startswith(
        ("declared by one side", "announced by one side")
    )
    if in_force and (fought := _fighting_soon_after(low, m.start())) is not None:
        return _Cue("violated", f"fighting soon after the truce {_quote(low, fought)}")
    if cue.status == "agreed" and (brought := _brought(low)) is not None:
        # "More aid is arriving ..., ending a months-long blockade after the warring sides agreed to a ceasefire",
        # "congratulated him on the recently freed hostages and the ceasefire agreement": the truce agreed before the
        # news is in force, its fruits the news (corpus convention 3: aid or hostages freed under it).
        return _Cue("holding", f"in force, with what it brings {_quote(low, brought)}")
    if cue.status in ("agreed", "proposed") and (kept := _kept_in_force(low, m.start(), m.end())) is not None:
        # "will do its part to make the truce work", "urged the sides to respect the ceasefire that took effect on
        # Sunday", "would continue to observe the truce": a truce in force to keep (corpus convention 3: holding).
        return _Cue("holding", f"kept while in force {_quote(low, kept)}")
    return cue


def _weak_or_stopped(low: str, w: float, is_title: bool) -> _Weighed | None:
    """A truce read from a weak mention (a change of its state at 0.8 of the weight), or fighting said to have
    stopped ("the guns fell silent"), when no mention decided."""
    weak = _CEASEFIRE_WEAK.search(low)
    if weak and not _negated(low, weak.start()):
        cue = ceasefire_cue(low, weak.start(), weak.end(), is_title)
        if cue.status in ("agreed", "proposed", "extended", "collapsed", "violated"):
            return cue, w * 0.8
    alone = _HOLDING_ALONE.search(low)
    if alone:
        return _Cue("holding", f"fighting stopped {_quote(low, alone)}"), w
    return None


def _talks_reading(doc: Doc, sent: Sentence, actor: bool) -> Reading | None:
    """Talks between officials (a country or an office must be in the sentence) held, not urged, ahead, past or
    the way to a deal the sentence reports; talks that only may come ("could", "possible") count half."""
    low = sent.folded
    tm = _talks_trigger(doc, sent)
    if tm is None or _negated(low, tm.start()) or _CAPTION.search(low):
        return None
    if not (actor or _ACTOR.search(low) or tm.group().endswith(("hotline", "hotlines"))):
        # (a hotline joins two states' commanders or leaders: "their top military commanders spoke over the
        # established mechanism of hotline contact" names no office and is talks all the same)
        return None
    left = _bounds(low, tm.start(), tm.end())[0]
    if _talks_concluded(low, tm, left) or _talks_not_held(low, tm, left):
        return None
    future = bool(_FUTURE.search(low, max(left, tm.start() - 40), tm.start()))
    # "The UN, which has mediated the talks": a mediator credited with talks named before; beside
    # a deal the item reports, they are its way there (decide()).
    credited = _CREDITED.search(low, max(left, tm.start() - 40), tm.start()) is not None
    return Reading("talks", None, sent.weight * (0.5 if future else 1.0), sent, credited=credited)


def _talks_concluded(low: str, tm: re.Match[str], left: int) -> bool:
    """Whether the talks are the way to the deal the sentence reports ("negotiators agreed", "signed following
    weeks of talks", "the deal, negotiated in N'Djamena")."""
    return bool(
        (tm.group().startswith("negotiator") and _DONE_DEAL.search(low, tm.end()))
        or (
            _MAY_TALKS_LED(low)
            and _TALKS_LED.search(low, max(left, tm.start() - 40), tm.start())
            and _DONE_DEAL.search(low)
        )
        or _SIGNED_AT.search(low, max(0, tm.start() - 120), tm.start())
        or (
            tm.group() in ("talks", "negotiations")
            and _TALKS_SETTING.search(low, max(left, tm.start() - 60), tm.start())
            and _DONE_DEAL.search(low)
        )
        or (tm.group() == "negotiated" and _DEAL_NEGOTIATED.search(low, max(0, tm.start() - 40), tm.start()))
    )


def _talks_not_held(low: str, tm: re.Match[str], left: int) -> bool:
    """Whether the talks are urged, asked for, still ahead, dated in the past or kept from someone rather than held."""
    return bool(
        (_MAY_TALKS_URGED(low) and _TALKS_URGED.search(low, left, tm.start()))
        or (
            _MAY_TALKS_NOT_YET(low)
            and (yet := _TALKS_NOT_YET.search(low, left, tm.start())) is not None
            and not (
                yet.group().startswith(("planned ", "proposed "))
                and _HELD_PLANNED.search(low, max(left, yet.start() - 30), yet.start())
            )
        )
        or (
            _TALKS_PUT_OFF.match(low, tm.end()) is not None
            and not _HELD_PLANNED.search(low, max(left, tm.start() - 30), tm.start())
        )
        or _KEPT_OUT.search(low, left, tm.start())
        or (_MAY_ENGAGING(low) and _ENGAGING.search(low, left, tm.start()) and _CALL_BEFORE.search(low, 0, tm.start()))
        or _talks_ahead(low, tm, left)
        # dated anywhere before the verb: "Last month, thousands of delegates ... met in Tunis"
        or (_MAY_TALKS_PAST(low) and _TALKS_PAST.search(low, 0, _bounds(low, tm.start(), tm.end())[1]))
    )


def _talks_ahead(low: str, tm: re.Match[str], left: int) -> bool:
    """Whether the talks are still ahead ("will hold talks", "talks open next week", "ahead of the talks":
    `ahead.still_ahead`) or planned, offered or agreed to ("agreed to peace talks", "willing to engage in talks"): an
    upcoming talk is no event (corpus/README.md, briefs)."""
    return ahead.still_ahead(low, tm, left, ahead.planned)


def _dated_ahead(low: str, tm: re.Match[str], left: int) -> bool:
    """Whether the talks are dated ahead (`_talks_ahead` less its plans, offers and stances: "grateful for this
    proposal to hold talks", said as they begin, dates none)."""
    return ahead.still_ahead(low, tm, left)


def _headline_dated_ahead(doc: Doc, found: list[Reading]) -> list[Reading]:
    """The readings less a headline's talks that the lead dates ahead.

    Headline grammar tells an upcoming event in the present ("Warring Parties Convene for Peace Talks", "Minister
    opens the Strategic Dialogue") or with "to" ("NATO summit to unveil steps"); the lead then says when: "talks are
    due to begin Monday", "during a summit next week", "will ... as he visits Tbilisi for talks". When a lead sentence
    names talks still ahead and none reports talks held, the headline's talks are those ahead. More talks ahead after
    some held ("agreed to hold further talks next month") date no headline.
    """
    title = [r for r in found if r.type == "talks" and r.sentence.is_title]
    if not title:
        return found
    ahead = False
    for sent in doc.sentences:
        if sent.is_title or sent.weight < LEAD_WEIGHT:
            continue
        if any(r.type == "talks" and r.sentence is sent for r in found):
            return found  # the lead reports talks held
        low = sent.folded
        tm = _talks_trigger(doc, sent)
        if tm is None or _negated(low, tm.start()):
            continue
        left = _bounds(low, tm.start(), tm.end())[0]
        if _dated_ahead(low, tm, left) and not _MORE_TALKS.search(low, max(left, tm.start() - 40), tm.start()):
            ahead = True
    return [r for r in found if r not in title] if ahead else found


# A deal of firms or of one legislature's parties: "Dow Jones agreed to be bought by News Corporation", "House
# Democrats strike deal on spending". With no state or official named anywhere in the item, it is no agreement
# between states or sides.
_DOMESTIC_DEAL = lazyre.compile(
    r"\b(?:democrats|republicans|gop|senate|house|congress|lawmakers|legislators|unions?|compan(?:y|ies)|firms?|"
    r"corp\w*|shareholders|investors|bought|buys?|acquir\w*|mergers?|takeovers?)\b"
)


def _agreement_reading(sent: Sentence, actor: bool, parties: bool) -> Reading | None:
    """An agreement actually adopted, signed, reached or agreed (not urged, pending or hoped for); in a headline,
    a deal in sight between the sides is talks ("Iran, US close to agreement", "EU and UK nearing deal")."""
    low = sent.folded
    if _agreement_made(low, sent.is_title) and (parties or not _DOMESTIC_DEAL.search(low)):
        return Reading("agreement", None, sent.weight, sent)
    if sent.is_title and actor and (near := _NEAR_DEAL.search(low)) and not _negated(low, near.start()):
        return Reading("talks", None, sent.weight, sent)
    return None


# Fighting named as what a measure answers is the measure's cause, no fighting reported (corpus convention 1): "new
# sanctions on Russia and Belarus over the invasion of Ukraine", "sanctioned in response to the attack".
_MEASURE_CAUSE = lazyre.compile(
    r"\b(?:over|for|in response to|in retaliation for|because of|punish\w*\s+(?:[\w'-]+\s+){0,3}?for)\s+"
    r"(?:(?:the|its|their|this|that|[\w-]+'s)\s+)?(?:[\w-]+\s+){0,2}$"
)


# "Moore clashes with McConnell over allegations", "Tech rivals clash over patents": the verb of a quarrel whose
# sides are people or firms. It stays fighting with an armed side, a place or a people on either side ("Troops clash
# with rebels", "Thailand and Cambodia clash", "Protesters clash with police"), with a toll in the sentence ("Rivals
# clash over land, 20 dead") and as a noun ("Fresh clashes with rebels", "Clashes over land").
_QUARREL_VERB = frozenset(["clash", "clashes", "clashed"])
# The other side ("with" and the words up to the topic) or the topic itself ("over", "about"): a place in the topic
# of a quarrel with a side ("clashed with reporters over the Russia probe") is no side.
_QUARREL_OTHER = lazyre.compile(
    r"\s+(?:with\s+(?P<side>(?:(?!(?:over|about|on|in|at|after|during)\b)[\w'’.-]+\s*){1,6})|"
    r"(?:over|about)\s+(?P<topic>(?:[\w'’.-]+\s*){1,6}))"
)
_QUARREL_SUBJECT = lazyre.compile(r"(?:^|[:;,]|\b(?:as|after|while|when|and then)\s)(?P<subject>[^:;,]*?)$")
_NOUN_BEFORE = lazyre.compile(
    r"\b(?:the|a|an|of|in|after|amid|following|despite|during|fresh|deadly|heavy|renewed|armed|violent|bloody|"
    r"fierce|new|latest|intense|further|sporadic|overnight|street|sectarian|ethnic|tribal|factional|communal|border|"
    r"no|more|several|\d+)\s*$"
)
_ARMED_SIDE = lazyre.compile(
    r"\b(?:troops?|forces|army|armies|soldiers|police\w*|militants|rebels|insurgents|gunmen|fighters|militias?|"
    r"protesters|demonstrators|rioters|mobs?|youths|settlers|guards|navy|navies|warships|military|security|jihadists|"
    r"tribes\w*|clans?|factions|villagers|herders|border|frontier)\b"
)
_TOLL_WORDS = ("kill", "dead", "died", "wound", "injur", "death")


def _names_a_place(text: str) -> bool:
    """Whether a few words name a place or a people of the gazetteer ("Cambodia", "Israeli and Palestinian")."""
    automaton = gazetteer.places().automaton
    words = re.findall(r"[\w'-]+", text)
    for n in (3, 2, 1):
        for k in range(len(words) - n + 1):
            key = " ".join(words[k : k + n])
            if key in automaton and any(e.kind != "none" for e in automaton.get(key)[1]):
                return True
    return False


def _quarrel(low: str, cm: re.Match[str]) -> bool:
    """Whether the clash word at `cm` is the verb of a quarrel between people or firms (_QUARREL_VERB), not fighting."""
    other = _QUARREL_OTHER.match(low, cm.end())
    if cm.group() not in _QUARREL_VERB or other is None or any(w in low for w in _TOLL_WORDS):
        return False
    subject = _QUARREL_SUBJECT.search(low, 0, cm.start())
    if subject is None or not subject.group("subject").strip() or _NOUN_BEFORE.search(subject.group("subject")):
        return False
    sides = f"{subject.group('subject')} {other.group('side') or other.group('topic')}"
    return not _ARMED_SIDE.search(sides) and not _names_a_place(sides)


def _launched_at(low: str) -> bool:
    """Whether a headline reports weapons launched at a target (_LAUNCHED_AT), not as a threat or plan."""
    return any(
        _fighting_reported(low, m.start()) and not _TO_BEFORE.search(low, max(0, m.start() - 4), m.start())
        for m in (_LAUNCHED_AT.finditer(low) if _MAY_LAUNCHED_AT(low) else ())
    )


def _clash_reported(sent: Sentence, actor: bool, named: bool, going_on: bool = True) -> bool:
    """Fighting, bombings, strikes, and attacks placed in a named place (not negated, not hypothetical, not what is
    fought against or ended: "a truce to end weeks of fighting", not what a measure in the sentence answers). A
    sentence about a ceasefire reports fighting too ("bombing raids continued, ignoring appeals to observe the
    cease-fire"). `going_on`: fighting told only as going on counts (_GOES_ON)."""
    low = sent.folded
    measure = _MAY_SANCTIONS(low) and _SANCTIONS.search(low) is not None
    return (
        _attack_placed(sent)
        or (
            going_on
            and _MAY_FIGHTING_GOES_ON(low)
            and any(_fighting_reported(low, gm.start(), gm.end()) for gm in _FIGHTING_GOES_ON.finditer(low))
        )
        or any(
            _fighting_reported(low, cm.start(), cm.end())
            and not (measure and _MEASURE_CAUSE.search(low, max(0, cm.start() - 40), cm.start()))
            and not _quarrel(low, cm)
            for cm in (_CLASH.finditer(low) if _MAY_CLASH(low) else ())
        )
        or any(
            _fighting_reported(low, am.start("verb"), am.end())
            for am in (_ARMED_ACT.finditer(low) if _MAY_ARMED_ACT(low) else ())
            if am.group("weapon") or am.group("verb") not in ("struck", "hit", "slammed into", "rained down")
        )
        or (sent.is_title and _headline_attack(sent, actor))
        or (sent.is_title and _launched_at(low))
        or (
            named
            and (vm := _CONDEMNED_VIOLENCE.search(low)) is not None
            and _fighting_reported(low, vm.start(), vm.end())
        )
        or any(
            _fighting_reported(low, am.start("attack"), am.end())
            for am in (_CONDEMNED_ATTACK.finditer(low) if _MAY_CONDEMNED_ATTACK(low) else ())
        )
        or any(
            _fighting_reported(low, dm.start("attack") if dm.group("attack") else dm.start("atrocity"), dm.end())
            for dm in (_ATTACK_DEPLORED.finditer(low) if _MAY_ATTACK_DEPLORED(low) else ())
        )
    )


def _sanctions_reported(sent: Sentence) -> bool:
    """Sanctions imposed or lifted (threats and plans are not)."""
    low = sent.folded
    sm = _SANCTIONS.search(low) if _MAY_SANCTIONS(low) else None
    if not sm:
        return False
    win = _window(low, sm.start(), sm.end())
    done = _SANCTIONED.search(low) or (sent.is_title and _TITLE_SANCTIONS.search(low))
    return bool(
        (_SANCTIONS_CUE.search(win) or done) and not _SANCTIONS_NOT.search(win) and not _negated(low, sm.start())
    )


# Talks urged or wished for did not take place: "we urge the delegations to begin negotiations", "must resolve
# their differences at the negotiating table", "calling for a resumption of negotiations".
_TALKS_URGED = lazyre.compile(
    r"\b(?:urg\w*|call(?:s|ed|ing)? (?:for|on|upon)|must|should|ought|need(?:s|ed)? to|demand\w*|appeal\w*|"
    r"encourag\w*|invit\w*|to begin|to start|to resume|make way for|aim(?:ed|ing|s)? at)\b"
    r"|\b(?:through|via)\s+(?:\w+\s+)?$"
    # "working to bring the US and Iran to the negotiating table": the table is where they are not yet ("returned
    # to the negotiating table" reports talks resumed).
    r"|\b(?:bring\w*|get(?:s|ting)?|lure\w*|push\w*|press\w*|coax\w*)\b[^.;]{0,40}\bto\s+(?:the\s+)?['\"]?$"
    # "during a Nato summit": the summit dates the news, it is not what the news reports.
    r"|\bduring\s+(?:a|an|the|this|last)\s+(?:[\w-]+\s+){0,2}$"
    # The bare verb of a call ("calls on both sides to end the violations and engage in dialogue", "urge the parties
    # to stop ... and return to substantive negotiations"): talks asked for, not held ("engaged in talks" is held).
    r"|\b(?:engage|return)\s+(?:constructively\s+|meaningfully\s+|fully\s+|immediately\s+)?(?:in|with|to)\s+"
    r"(?:[\w-]+\s+){0,3}$"
    # Talks named as the prospect a deal opens: "boosting hopes for peace talks", "could pave the way for a
    # resumption of talks", "so that both sides can sit down for negotiations", "set the stage for talks".
    r"|\b(?:hopes?\s+(?:of|for)|pav(?:e|es|ed|ing)\s+(?:the\s+)?way\s+(?:for|to)|set(?:s|ting)?\s+the\s+stage\s+for|"
    r"open(?:s|ed|ing)?\s+the\s+(?:door|way)\s+(?:for|to)|prospects?\s+(?:of|for)|sit\s+down\s+(?:for|to)|"
    # Talks prepared for: "trying to create conditions for peace talks", "the stage is now set for the next step of
    # the dialogue", "laying the groundwork for negotiations".
    r"creat(?:e|es|ed|ing)\s+(?:the\s+)?(?:right\s+|necessary\s+)?conditions\s+(?:for|to)|"
    r"(?:the\s+)?stage\s+(?:is|was|has been)\s+(?:now\s+)?set\s+for|"
    r"(?:lay(?:s|ing)?|laid|prepar(?:e|es|ed|ing))\s+the\s+(?:ground(?:work)?|foundations?)\s+for)\s+"
    r"(?:[\w-]+\s+){0,4}?$"
    # Support for talks is a stance on them: "reiterates our continued support for the IGAD-led talks", "stands ready
    # to support the successful conclusion of these negotiations".
    r"|\bsupport(?:s|ed|ing)?\s+(?:for\s+)?(?:the\s+|these\s+)?(?:(?:successful\s+)?(?:conclusion|outcome|success)\s+"
    r"of\s+(?:the\s+|these\s+)?)?(?:[\w-]+\s+){0,2}$"
    # Talks as the goal an effort works toward or promotes: "working quickly toward an inclusive political dialogue", "a
    # first step towards negotiations", "fostering dialogue between the two communities", "efforts to advance talks".
    # The words between are the talks' own ("moved toward a deal at talks in Geneva", "toward the end of the talks":
    # talks held); "advanced talks" are talks at a late stage, held.
    r"|\b(?:towards?|foster(?:s|ing)?|promot(?:e|es|ing)|advanc(?:e|es|ing))\s+"
    r"(?:(?!(?:at|during|in|on|of|with|after|following|before|by|from|that|which|while|but)\b)[\w'-]+,?\s+){0,5}$"
)
# Talks as the object of a plan, a proposal, a request, an announcement or a cancellation: "Government Plans Peace
# Talks", "canceled his planned June 12 summit", "the announcement of AU-led negotiations", "sought a meeting with",
# "proposed talks in Geneva", "called off the summit", "postponed the talks"; talks long stalled ("the long-stalled
# negotiations"); readiness for talks ("ready for talks"); a resumption demanded ("demanded a return to talks"). The
# words between are the talks' own (determiners, modifiers): "announced after talks in Geneva" or "sought to build on
# the meeting" govern no talks.
_TALKS_NOT_YET = lazyre.compile(
    r"\b(?:plan(?:s|ned|ning)?|propos(?:e|es|ed|ing|als?)|announc(?:e|es|ed|ing|ements?)|seek(?:s|ing)?|sought|"
    r"request(?:s|ed|ing)?|ask(?:s|ed|ing)?\s+for|cancel(?:s|ed|led|ling|lation)?|call(?:s|ed|ing)?\s+off|"
    r"postpon(?:e|es|ed|ing|ement)|put(?:s|ting)?\s+off|scrap(?:s|ped|ping)?|long-stalled|"
    r"ready\s+for|readiness\s+for|demand(?:s|ed|ing)?\s+(?:an?\s+|the\s+)?(?:resumption|return)\s+(?:of|to))\s+"
    r"(?:(?:of|for)\s+)?(?:(?!(?:after|following|at|during|before|in|on|with|by|from|that|and|but|as|when|while|which|"
    r"who|to|where|since|held|had|was|were|is|are)\b)[\w'-]+\s+){0,4}$"
)
# Talks planned, or put off, and then held: "the president held his planned meeting with the chancellor", "attended the
# proposed talks", "Putin and Erdogan Hold Talks Postponed from March".
_HELD_PLANNED = lazyre.compile(
    r"\b(?:held|hold|holds|holding|had|attended|attend|attends|opened|began|concluded|wrapped up)\s+"
    r"(?:(?:the|their|his|her|its|a|an)\s+)?(?:[\w-]+\s+)?$"
)
# Talks put off, called off, or stalled for long, by their own predicate: "the talks were postponed", "the summit has
# been cancelled", "negotiations, frozen since 2017", "talks that have stalled for years" (not "talks stalled on
# Monday over the border": that reports the talks held and their result).
_TALKS_PUT_OFF = lazyre.compile(
    r"(?:\s+between\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?\s+and\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?)?"
    r"(?:,?\s+(?!(?:and|but|after|while|which|that|who)\b)(?!(?!(?:scheduled|planned|slated)\b)[\w'-]+ed\b)[\w'-]+){0,4}?"
    r",?\s+(?:(?:was|were|has been|have been|had been|"
    r"is being|are being|remain(?:s|ed)?)\s+)?(?:postponed|cancell?ed|called off|put off|scrapped|"
    r"(?:stalled|frozen|suspended|deadlocked)\s+(?:since|for (?:years|months|decades|more than|over))|"
    r"(?:(?:has|have|had)\s+)?stalled\s+(?:since|for (?:years|months|decades|more than|over)))\b"
)
# Someone kept out of talks is the news, not the talks: "the junta leader's exclusion from the ASEAN summit", "barred
# from the peace talks", "not invited to the summit".
_KEPT_OUT = lazyre.compile(
    r"\b(?:exclu(?:de|des|ded|ding|sion)|bar(?:s|red|ring)?|ban(?:s|ned|ning)?|shut(?:s|ting)? out|left out|kept out|"
    r"disinvit\w*|uninvit\w*|not invited)\s+(?:[\w'-]+\s+){0,6}?(?:from|of|to)\s+(?:[\w'-]+\s+){0,3}$"
)
# The gerund of what a call asks for: "reiterates its call for all parties to support the envoy by immediately ceasing
# hostilities and engaging in direct talks" (asked for, not held; "the sides are engaging in talks" with no call is).
_ENGAGING = lazyre.compile(r"\b(?:engaging|returning)\s+(?:in|to|with)\s+(?:[\w-]+\s+){0,3}$")
_CALL_BEFORE = lazyre.compile(
    r"\b(?:call(?:s|ed|ing)?\s+(?:for|on|upon)|urg(?:e|es|ed|ing)|appeal(?:s|ed|ing)?\s+to)\b"
)
# One negotiator is a person ("rebel negotiator David Matsanga", "the veteran negotiator said"), and so are
# "negotiating partners" ("congratulate the President and his negotiating partners"): people, not talks held.
_NEGOTIATING_PEOPLE = lazyre.compile(r"\s+(?:partners?|team|teams)\b")
# "A negotiated settlement", "a negotiated end to the war", "an inclusive, negotiated political settlement": what talks
# should reach, not talks held.
_GOAL_ARTICLE = lazyre.compile(r"\b(?:a|an)\s+(?:[\w-]+,?\s+){0,2}$")
_NEGOTIATED_GOAL = lazyre.compile(r"\s+(?:[\w-]+\s+)?(?:settlement|solution|end|outcome|resolution|transition|peace)\b")
# A gathering named as the agent of the sentence's verb ("the deal was welcomed by NATO leaders meeting in Britain"):
# the meeting places who acted, it is not the news.
_AGENT_MEETING = lazyre.compile(
    r"\bby\s+(?:[\w.-]+\s+){0,3}(?:leaders|ministers|officials|diplomats|delegates|envoys|representatives|"
    r"heads of state(?: and government)?)\s+$"
)
# Meeting the culprit of a crime or an attack is no talks between officials: "the dealer said he had met the gunman one
# time", "neighbours who met the suspect".
_MET_CULPRIT = lazyre.compile(
    r"\s+(?:the|a|an|his|her|their)?\s*(?:[\w-]+\s+)?(?:gunman|shooter|killer|suspect|attacker|assailant|bomber|"
    r"murderer|hijacker|kidnapper)s?\b"
)
# A session of a council, assembly or cabinet is a body at work, not talks between states.
# COBR (or Cobra) is the UK government's emergency committee.
_SESSION = lazyre.compile(
    r"\b(?:council|assembly|committee|parliament|cabinet|board|congress|senate|cobra?)(?:'s)?\s+$"
)
# "Trilateral" naming a standing body or a text rather than a meeting: "the Trilateral Mechanism", "the Trilateral
# Contact Group", "trilateral cooperation", "a trilateral statement".
_NAMED_BODY = lazyre.compile(
    r"\s+(?:mechanism|contact group|commission|cooperation|co-operation|format|framework|partnership|statement|"
    r"declaration|secretariat)\b"
)
# Whom remarks are made to rather than with: "Remarks With Embassy Colombo Staff", "remarks with the traveling press".
_AUDIENCE = lazyre.compile(
    r"\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:staff|press|reporters|journalists|media|troops|students|employees|members|"
    r"community|families|embassy|mission|workforce|audience|participants)\b"
)
# A meeting of one government's own people is the government at work: "chaired a meeting of senior government officials
# and senior representatives from the police", "a meeting of cabinet ministers" (not of officials of several states).
_OWN_PEOPLE_MEETING = lazyre.compile(
    r"\s+of\s+(?:the\s+)?(?:senior\s+|top\s+)?(?:government\s+officials|cabinet\s+ministers|civil\s+servants|"
    r"emergency\s+services|police\b)"
)
# One government's own body or people as the other side of a meeting, so that everyone at it is of one state: "met
# with his cabinet", "met in the Situation Room with the President's Homeland Security Council", "chaired a meeting of
# the National Security Council", "a meeting with her top security chiefs", "met with governors". Advisers, aides,
# generals and ministers are one's own only when possessed ("his", "her", "my", "the President's"); another state's body
# or officer is no own body ("met with Ukraine's National Security Council secretary", "his Russian counterpart", "the
# UN Security Council", "the Board of Governors of the IAEA").
_OWN_BODY = (
    r"(?:(?:(?:his|her|my)\s+|the\s+(?:(?:vice\s+)?president|prime minister|premier|chancellor|king|emir|governor)'s\s+)(?:own\s+)?"
    r"(?:(?:top|senior|closest|key|military|security|economic|defen[cs]e)\s+){0,2}"
    r"(?:advisers|advisors|aides|staff|generals|commanders|ministers|military chiefs|security chiefs|service chiefs|"
    r"(?:national\s+)?security\s+team|team|government|cabinet|security cabinet|(?:national\s+|homeland\s+)?security council)"
    r"|(?:the\s+)?(?:(?:full|whole|entire|new|emergency)\s+)?(?:cabinet|security cabinet|(?:national|homeland)\s+security\s+"
    r"council|cobra?)"
    r"|(?:the\s+)?(?:(?:state|provincial|regional|county)\s+)?governors(?!\s+of\s+(?:the\s+)?(?:central\s+)?bank))"
    r"(?!'s|\s+(?:secretary|secretaries|chief|head|chairman|chair|member|adviser|advisor|spokes\w+|of\b|for\b))\b"
)
# After a meeting word, the body met: "met with his cabinet", "met his generals", "met in the Situation Room with the
# President's Homeland Security Council", "convened a meeting of the National Security Council".
_MET_OWN_BODY = lazyre.compile(
    r"(?:\s+(?:in|at|on)(?:\s+[\w'-]+){1,4}?(?=\s+with\b)|\s+(?:today|yesterday|tonight|again|briefly|separately|"
    r"this (?:morning|afternoon|evening))(?=\s+with\b))?(?:\s+(?:with|of))?\s+" + _OWN_BODY
)
# A readout of such a meeting: "Readout of the President's Homeland Security Council Meeting".
_READOUT_OWN = lazyre.compile(r"\s+of\s+" + _OWN_BODY + r"\s+meetings?\b")
# Such a meeting named, in any of those forms, as a session ("a cabinet meeting", "the COBR meeting") or as a meeting of
# officials (_OWN_PEOPLE_MEETING).
_OWN_MEETING_NAMED = lazyre.compile(
    rf"\b(?:met|meets|meet|meeting|meetings)(?:\s+with)?{_MET_OWN_BODY.pattern}|\breadout{_READOUT_OWN.pattern}"
    rf"|\b{_OWN_BODY}\s+(?:meeting|meetings|met|meets)\b|\bmeetings?{_OWN_PEOPLE_MEETING.pattern}"
)
# The same meeting referred back to: "Today's meeting took place as ...", "During the meeting, ...", "They also
# discussed the response".
_MEETING_BACK = lazyre.compile(
    r"\b(?:the|this|that|today's|tonight's|yesterday's|(?:mon|tues|wednes|thurs|fri|satur|sun)day's)\s+$"
)
_DISCUSSED_BACK = lazyre.compile(r"\bthey\s+(?:also\s+|then\s+|further\s+)?$")


def _refers_back(low: str, m: re.Match[str]) -> bool:
    """Whether a meeting word names no side of its own, only the meeting named before ("the meeting", "they
    discussed")."""
    before = max(0, m.start() - 15)
    return (m.group() == "meeting" and _MEETING_BACK.search(low, before, m.start()) is not None) or (
        m.group() == "discussed" and _DISCUSSED_BACK.search(low, before, m.start()) is not None
    )


# More talks named after some held: "agreed to hold further talks next month", "another round", "to meet again".
_MORE_TALKS = lazyre.compile(
    r"\b(?:further|more|another|fresh|new|second|third|next round of|follow-up)\s+(?:[\w-]+\s+)?$"
)
# Talks dated to last month or earlier are background: "last year", "weeks ago", "a month ago", "two years ago".
_TALKS_UNITS = earlier.one_of(earlier.units(earlier.WEEK, plural_only=True), earlier.units(earlier.MONTH, earlier.YEAR))
_TALKS_PAST = lazyre.compile(
    rf"\b(?:{earlier.last(earlier.MONTH, earlier.YEAR)}|{earlier.ago(_TALKS_UNITS)}|{earlier.earlier_this(earlier.YEAR)})\b"
)
# "Signed ... following two weeks of peace talks": the talks are the way to the deal the sentence reports ("after a
# meeting" reports the meeting).
_TALKS_LED = lazyre.compile(
    r"\b(?:following|after|ending|concluding|culminating|at the end of)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:days|weeks|months|years|decades|rounds|sessions)\s+of\s+(?:[\w-]+\s+)?$"
)
# A deal in sight, in a headline, is a negotiation under way ("Iran, US close to sort of agreement over Hormuz").
_NEAR_DEAL = lazyre.compile(
    r"\b(?:close to|closer to|near|nears|nearing|on the verge of|on the brink of|edg(?:e|es|ing) (?:closer )?(?:to|towards?))\s+"
    r"(?:(?:a|an|the|some|sort of|kind of|final|new|landmark|historic|possible)\s+){0,3}(?:[\w-]+\s+){0,2}?"
    r"(?:deal|agreement|accord|pact|treaty)\b"
)
# "The agreement was signed Monday at talks in Addis Ababa": the talks are where the deal the sentence reports was made.
_SIGNED_AT = lazyre.compile(
    r"\b(?:agreed|reached|signed|signing|clinched|struck|sealed)\b[^.;]{0,80}\bat\s+(?:the\s+)?(?:[\w+-]+\s+){0,5}$"
)
# Talks as the setting of the deal the sentence reports: "agreed to a cease-fire deal after talks in Minsk", "reached
# an accord at the UN-facilitated talks in Geneva", "sources close to peace talks say the two sides have agreed" ("after
# a meeting" reports the meeting).
_TALKS_SETTING = lazyre.compile(r"\b(?:after|following|at|close to)\s+(?:the\s+|these\s+)?(?:[\w+-]+\s+){0,5}$")
# "The deal, negotiated in N'Djamena", "a peace deal the rebels have negotiated": the deal is the news, or its state.
_DEAL_NEGOTIATED = lazyre.compile(
    r"\b(?:deal|agreement|accord|pact|truce|cease-?\s?fire)s?,?\s+(?:(?:the|that|which)\s+)?(?:[\w'-]+\s+){0,2}?"
    r"(?:(?:was|were|has|have|had|been|being)\s+)?$"
)
# A mediator credited with the talks by a definite reference back to them: "the United Nations, which has mediated the
# talks", "the vital role the envoy played in facilitating the talks".
_CREDITED = lazyre.compile(
    r"\b(?:mediat\w*|facilitat\w*|brokered|brokering|hosted|hosting|chaired|chairing|convened|convening)\s+"
    r"(?:the|these|those)\s+(?:[\w-]+\s+){0,2}$"
)
# Negotiators who announce a deal report the agreement, not the talks.
_DONE_DEAL = lazyre.compile(r"\b(?:agreed|reached|signed|clinched|struck|sealed)\b")
# A photo caption ends on its date ("... in Washington, Feb. 25, 2016."): chrome, not a report of a meeting.
_CAPTION = lazyre.compile(
    r",\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2},\s+\d{4}\.?)?\s*$"
)


# Headline and teaser grammar of a meeting or call: one official "told" another state's office-holder ("President
# Pezeshkian told Japan's prime minister that ...", "told Pakistan's visiting interior minister", "tells his Chinese
# counterpart"). The office is another state's when it is possessed ("Japan's"), visiting, or a counterpart; "told
# the prime minister" may be the speaker's own government, "told reporters" is no meeting.
_TOLD = lazyre.compile(
    r"\b(?:told|tells)\s+(?:(?:his|her|their|the)\s+)?(?:(?:visiting|[\w-]+'s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:counterparts?|president|prime minister|premier|(?:[\w-]+\s+)?minister|chancellor|king|emir|crown prince|envoys?|"
    r"ambassadors?|secretary of state|foreign secretary|delegation)|(?:[\w-]+\s+)?counterparts?)\b"
)
_TOLD_WORDS = (" told ", " tells ")
_HOLDS_TOLD_WORD = holds_any(_TOLD_WORDS)
_TALKS_WORDS = ("confer", "consult", "conference", "call", "received", "welcomed the visiting")
# Every match of _in_person holds one of these.
_IN_PERSON_WORDS = ("welcome", " you", " to be ", " to stand ")
_HOLDS_TALKS_WORD = holds_any(_TALKS_WORDS + _IN_PERSON_WORDS)
# Headline grammar of a meeting or a call, in the present with no talks word: "Araghchi receives Pakistani interior
# minister", "Erdogan hosts Iraqi prime minister", "Macron, Scholz discuss Ukraine aid", "Biden holds call with
# Zelensky", "Lavrov, Blinken speak by phone", "Xi, Biden hold video call". Receiving or hosting needs an office or
# a delegation after it ("receives award", "hosts concert" are no talks).
_OFFICE_AFTER = (
    r"(?:(?:the\s+)?visiting\s+)?(?:[\w'-]+\s+){0,3}?(?:counterparts?|president|prime minister|premier|"
    r"(?:[\w-]+\s+)?minister|chancellor|king|emir|crown prince|envoys?|ambassadors?|secretary of state|"
    r"foreign secretary|delegations?)\b"
)
_TITLE_TALKS = lazyre.compile(
    rf"\b(?:receives|hosts|welcomes)\s+{_OFFICE_AFTER}"
    # A host greeting the visitor: "Hegseth Greets the United Kingdom's Secretary of State for Defence", "Remarks
    # Welcoming the Prime Minister of Sweden" (not the office's possession: "welcoming the president's decision").
    rf"|\b(?:greets|greeting|welcoming)\s+{_OFFICE_AFTER}(?!'s)"
    # Two sides that discuss, or one that discusses with the other ("Fed officials discuss rates" is no meeting); the
    # other side may be "U.K. Counterpart" ("Hegseth, U.K. Counterpart Discuss ...").
    r"|\b[\w'-]+(?:,|\s+and)\s+(?:[\w'.-]+\s+counterparts?|[\w'-]+)\s+discuss\b|\bdiscusses\s+[^.;:]{0,60}?\bwith\b"
    r"|\b(?:speak|speaks|talk|talks)\s+(?:by\s+)?(?:phone|telephone|video\s+link)\b"
    r"|\b(?:hold|holds)\s+(?:a\s+|first\s+|second\s+|new\s+|rare\s+|another\s+)?(?:[\w'-]+\s+)?"
    r"(?:phone|telephone|video|virtual)?\s*(?:call|calls|summit|videoconference)\b"
)


# Receiving another state's office-holder: "received the visiting Qatari emir", "received the Chinese foreign minister
# in Tehran"; not a letter or a message "from" one, nor the office's possession ("received the president's letter").
_RECEIVED_OFFICE = lazyre.compile(rf"\s+(?!(?:[\w'-]+\s+){{0,3}}?(?:from|of)\b){_OFFICE_AFTER}(?!'s)")


# A meeting in person told by the host's or the guest's words to the other (issue 13): a greeting to an official
# addressed as such ("Mr. Secretary, your entire delegation, welcome to the Pentagon", "Mr. Minister, it's an honor to
# meet you here"), or the pleasure of being beside a counterpart ("It's very good to be with my friend and colleague,
# Foreign Secretary Cleverly"). Not a welcome hoped for ("we hope to welcome you to Warsaw"), a welcome to a broadcast
# or to one's own team ("Mr. Secretary, welcome to the program", "welcome to the cabinet"), nor a colleague with no
# office of another state ("good to be with my colleague, the Attorney General").
_ADDRESSED = lazyre.compile(
    r"\b(?:mr\.?|mister|madam|madame|mrs\.?|ms\.?)\s+(?:vice\s+)?(?:president|prime minister|premier|chancellor|"
    r"secretary(?:[- ]general)?|(?:foreign\s+|defen[cs]e\s+)?minister|ambassador|foreign secretary)\b"
    r"|\byour\s+(?:royal\s+)?(?:majesty|excellency|excellencies|highness)\b"
)
_GREETING = lazyre.compile(
    r"(?:^|[,:;!-]\s*|\b(?:and|well|so|again)\s+)welcome\s+(?:you\s+)?(?:back\s+)?(?:again\s+)?to\b"
    r"(?!\s+(?:the\s+|our\s+|this\s+)?(?:[\w'-]+\s+){0,2}?(?:program(?:me)?|show|broadcast|interview|studio|podcast|"
    r"nation|press|cabinet|team|administration|job|department)\b)"
    r"|\b(?:honou?r|pleasure|privilege|delight|delighted|pleased|glad|happy|good|great|nice|wonderful)\s+to\s+"
    r"(?:meet|see|welcome|host|receive)\s+you\b"
)
_BESIDE_COUNTERPART = lazyre.compile(
    r"\b(?:honou?r|pleasure|privilege|delighted|pleased|glad|happy|good|great|nice|wonderful)\s+to\s+(?:be|stand)\s+"
    r"(?:here\s+)?(?:again\s+)?(?:with|beside|alongside)\s+(?:my\s+)?(?:(?:good|dear|old)\s+)?"
    r"(?:(?:[\w-]+\s+)?counterparts?\b|(?:friends?|colleagues?)\b(?=[^.;]{0,40}?\b(?:counterparts?|foreign\s+"
    r"(?:minister|secretary)|prime\s+minister|president|chancellor|secretary\s+of\s+state|king|emir|crown\s+prince)\b))"
)


def _in_person(low: str) -> re.Match[str] | None:
    """A meeting in person told by a greeting to an addressed official or by being beside a counterpart."""
    if _MAY_GREETING(low) and _MAY_ADDRESSED(low) and _ADDRESSED.search(low):
        greeting = _GREETING.search(low)
        if greeting is not None:
            return greeting
    return _BESIDE_COUNTERPART.search(low) if _MAY_BESIDE_COUNTERPART(low) else None


# A call told by a plain past verb with no call noun (issue 13): "we have just called President Gemayel to congratulate
# him", "phoned his Russian counterpart", "called Turkey's foreign minister on Monday", "telephoned the President of
# France". The one called is another state's office-holder: a counterpart, a head of state or government named after
# the office, an office owned by a state ("Israel's prime minister") or "of" one. Not "called for a ceasefire", "called
# on both sides", "called the attack", "called elections", "called President X a liar", "what he called President X's
# war", "the so-called president", nor a minister of one's own government ("called Interior Minister X").
_CALLED = lazyre.compile(
    r"\b(?:called|phoned|telephoned|rang)\s+(?:"
    r"(?P<counterpart>(?:(?:his|her|their|the)\s+)?(?:[\w-]+\s+)?counterparts?)"
    r"|(?P<owned>(?!(?:the\s+)?(?:country|nation|party|government|city|state|region|province)'s)(?:the\s+)?[\w-]+'s\s+"
    r"(?:[\w-]+\s+)?(?:president|prime minister|premier|chancellor|king|emir|crown prince|foreign minister|"
    r"foreign secretary|secretary of state))"
    r"|(?P<of>the\s+(?:president|prime minister|premier|chancellor|king|emir|crown prince|foreign minister)\s+of\s+"
    r"(?!the\b)[\w-]+)"
    r"|(?P<head>(?:(?!vice\b|deputy\b|acting\b|former\b|the\b)[\w-]+\s+)?(?<!vice )(?<!deputy )"
    r"(?:president|prime minister|premier|chancellor|king|emir|crown prince)\s+(?P<name>[\w.'-]))"
    r")"
)
# What may follow the one called: the end, the purpose or the day ("to congratulate him", "on Monday", "about the
# crisis"); not a name given ("a liar"), an object of theirs ("'s decision") nor a summons ("to account", "to order").
_CALLED_END = lazyre.compile(
    r"(?!'s\b)\s*(?:$|[.,;:!?)\"-]|\s(?:of|on|about|over|after|amid|as|ahead|in|before|and|this|last|yesterday|today|"
    r"tonight|earlier|again|twice|late|early|from|following|shortly|regarding|with|at|during)\b"
    r"|\sto\s(?!(?:account|task|order|testify|resign|step|the|a|an)\b))"
)
# "what he called President X's war", "was called Prime Minister", "the so-called president": a naming, not a call.
_CALLED_NAMING = lazyre.compile(r"(?:\bwhat\s+\w+\s+(?:has\s+|had\s+)?|\b(?:is|was|were|be|been|being)\s+|\bso[- ])$")
_CALLED_WORDS = ("called ", "phoned ", "rang ")
_HOLDS_SPOKEN_WORD = holds_any(("spoken ", "phoned ", "rang ", "hotline"))
_HOLDS_CALLED_WORD = holds_any(_CALLED_WORDS)


def _called(low: str, cased: str) -> re.Match[str] | None:
    """A call told by a plain past verb to another state's office-holder (_CALLED), or None."""
    for m in _CALLED.finditer(low):
        if _CALLED_NAMING.search(low, max(0, m.start() - 25), m.start()):
            continue
        if m.group("head") is None:
            if _CALLED_END.match(low, m.end()):
                return m
            continue
        # The name after the office, as written (one to three capitalised words), then what may follow the one
        # called: "President Gemayel to congratulate him", "President Recep Tayyip Erdogan on Monday".
        start = m.start("name")
        for word in islice(re.finditer(r"[\w.'-]+", cased[start : start + 60]), 3):
            if not word.group()[:1].isupper():
                break
            if _CALLED_END.match(low, start + word.end()):
                return m
    return None


def _talks_trigger(doc: Doc, sent: Sentence) -> re.Match[str] | None:
    """The first talks trigger that is not part of a name ("the High Negotiations Committee"), a session
    of a council or assembly ("at the UN Security Council meeting on Gaza"), nor a person or a goal ("the veteran
    negotiator", "a negotiated settlement")."""
    low = sent.folded
    cased = doc.unified[sent.start : sent.start + len(low)]
    session = False
    for m in _TALKS.finditer(low) if _MAY_TALKS(low) else ():
        if _SESSION.search(low, max(0, m.start() - 25), m.start()):
            session = session or m.group().startswith("meeting")
            continue
        if session and m.group().startswith("meeting"):
            continue  # "held his first cabinet meeting on Monday - a meeting he called historic": the same session
        if m.group() == "trilateral" and _NAMED_BODY.match(low, m.end()):
            continue  # "Joint Statement by the Trilateral Mechanism": a standing body named, no talks reported
        if m.group() == "remarks with" and (not sent.is_title or _AUDIENCE.match(low, m.end())):
            continue  # "remarks with reporters", "Remarks With Embassy Staff": an audience, not a counterpart
        if m.group().endswith((" with", " to")) and _AUDIENCE.match(low, m.end()):
            continue  # "spoke by phone to reporters", "a news conference with journalists": an audience
        if m.group() == "received" and not _RECEIVED_OFFICE.match(low, m.end()):
            continue  # "received an award", "received a letter from the president": no counterpart received
        if m.group().startswith("meeting") and _OWN_PEOPLE_MEETING.match(low, m.end()):
            continue  # "chaired a meeting of senior government officials": one government at work
        if m.group() in ("met", "met with", "meets", "meet with", "meeting", "meetings") and _MET_OWN_BODY.match(
            low, m.end()
        ):
            continue  # "met with his cabinet", "a meeting of the National Security Council": one government at work
        if m.group() == "readout" and _READOUT_OWN.match(low, m.end()):
            continue  # "Readout of the President's Homeland Security Council Meeting": the same
        if _refers_back(low, m) and _own_before(doc, sent):
            continue  # "Today's meeting took place as ...", after a meeting with the cabinet: that meeting again
        if m.group() in ("met", "met with", "meets", "meet with") and _MET_CULPRIT.match(low, m.end()):
            continue  # "said he had met the gunman one time": an acquaintance with a culprit, not talks
        if m.group() == "meeting" and _AGENT_MEETING.search(low, max(0, m.start() - 60), m.start()):
            continue  # "welcomed by NATO leaders meeting in Britain": who welcomed it, where; not talks reported
        if (
            m.group() == "negotiator"
            or (m.group() == "negotiating" and _NEGOTIATING_PEOPLE.match(low, m.end()))
            or (
                m.group() == "negotiated"
                and _NEGOTIATED_GOAL.match(low, m.end())
                and _GOAL_ARTICLE.search(low, max(0, m.start() - 40), m.start())
            )
        ):
            continue  # "veteran negotiator Lakhdar Brahimi", "a negotiated settlement": a person, a goal; not talks
        word = cased[m.start() : m.end()]
        if not sent.is_title and m.start() > 0 and word[:1].isupper():
            before = cased[max(0, m.start() - 30) : m.start()].split()
            after = cased[m.end() : m.end() + 30].split()
            if (before and before[-1][:1].isupper()) or (after and after[0][:1].isupper()):
                continue
        return m
    if _HOLDS_TOLD_WORD(low) and (told := _TOLD.search(low)) is not None:
        return told
    if (met := _in_person(low)) is not None:
        return met
    if _HOLDS_CALLED_WORD(low) and (called := _called(low, cased)) is not None:
        return called
    if not sent.is_title:
        return None
    return (_TITLE_TALKS.search(low) if _MAY_TITLE_TALKS(low) else None) or _title_call(low)


def _own_before(doc: Doc, sent: Sentence) -> bool:
    """Whether the last meeting the item names before `sent` (headline included) is one government's own
    (_OWN_MEETING_NAMED), not talks with another side named after it."""
    own = False
    for before in doc.sentences[: sent.index]:
        low = before.folded
        if _MAY_OWN_MEETING_NAMED(low) and _OWN_MEETING_NAMED.search(low):
            own = True
        elif _MAY_TALKS(low) and any(not _refers_back(low, m) for m in _TALKS.finditer(low)):
            own = False  # a meeting or call with another side; "the meeting" alone refers back
    return own


# Headline grammar of a call: one side "calls", "phones" or "speaks with" a watched official or another state's
# office-holder, and the headline ends or goes on to the subject or the occasion: "Biden calls Netanyahu", "Trump
# phones Xi over tariffs", "Erdogan speaks to Putin", "Macron speaks with Saudi crown prince". "Calls Comey a liar",
# "calls for calm" and "speaks to reporters" name no counterpart.
_CALL_VERB = lazyre.compile(
    r"\b(?:calls|phones|rings|telephones|(?:speaks|talks)\s+(?:by\s+(?:tele)?phone\s+)?(?:to|with))\s+"
)
_CALL_END = lazyre.compile(r"\s*(?:$|[,:;]|\s(?:over|on|about|after|amid|as|ahead|to|for|in|before)\b)")
_CALL_OFFICE = lazyre.compile(_OFFICE_AFTER)


def _title_call(low: str) -> re.Match[str] | None:
    """A headline's call to a counterpart (_CALL_VERB), or None."""
    if not _HOLDS_CALL_WORD(low):
        return None
    people = gazetteer.people()
    for m in _CALL_VERB.finditer(low):
        office = _CALL_OFFICE.match(low, m.end())
        if office and _CALL_END.match(low, office.end()):
            return m
        words = list(re.finditer(r"[\w'-]+", low[m.end() : m.end() + 40]))
        for n in (3, 2, 1):
            if len(words) < n:
                continue
            name = " ".join(w.group() for w in words[:n])
            named = people.lookup(name) is not None or (n == 1 and name in people.by_surname)
            if named and _CALL_END.match(low, m.end() + words[n - 1].end()):
                return m
    return None


_CALL_WORDS = ("calls ", "phones ", "rings ", "telephones ", "speaks ", "talks ")
_HOLDS_CALL_WORD = holds_any(_CALL_WORDS)


# A violation denied is a violation alleged.
_DENIED_BREACH = lazyre.compile(
    r"\b(?:den(?:y|ies|ied|ying)|reject\w*)\s+(?:\w+\s+){0,3}?(?:violat\w*|breach\w*|break\w*)\b"
)
_PROPOSAL_BEFORE = lazyre.compile(
    r"\b(?:calls?|proposals?|offers?|demands?|appeals?|plans?|push(?:es)?)\s+(?:for\s+)?(?:an?\s+|the\s+)?(?:\w+\s+)?$"
)
# A ceasefire sought and not (yet) reached is the negotiation's news: "failed to agree on a ceasefire", "have yet
# to reach a ceasefire deal", "could not secure a truce".
_FAILED_TO_REACH = lazyre.compile(
    r"\b(?:fail(?:ed|s)? to|yet to|did not|didn't|could not|couldn't|unable to|not been able to)\s+(?:\w+\s+)?"
    r"(?:agree|reach|secure|clinch|strike|seal|broker|hammer out|finali[sz]e)\b(?:\W+\w+){0,3}\W*$"
    # "no agreement had been reached on a ceasefire", "no deal yet on a truce": talks without result (convention 4)
    r"|\bno\s+(?:agreement|deal|accord)\s+(?:(?:has|had|have|was)\s+)?(?:yet\s+)?(?:been\s+)?(?:reached|struck|made|yet)\b"
    r"(?:\W+\w+){0,3}\W*$"
)
_FUTURE = lazyre.compile(r"\b(?:will|would|could|plan(?:s|ned)? to|expected to|scheduled to|possible|ready to)\b")
# The cue of a truce the parties made themselves: signed, reached, struck (not announced, welcomed or starting).
_SIGNING_AHEAD = lazyre.compile(
    r"\b(?:to be (?:signed|sealed|inked)|to (?:sign|seal|ink)|will (?:sign|seal)|would (?:sign|seal)|scheduled|set to|due to|"
    r"expected to|preparing to|planned signing|signing ceremony|ready to sign)\b"
)
_MADE_CUE = lazyre.compile(
    r'(?:predicate|governing word) "(?:signed|signing|signs|sign|reached|reach|reaches|struck|sealed|inked)"'
)
_THRESHOLDS = {"ceasefire": 0.6, "talks": 1.0, "agreement": 1.0, "clash": 2.0, "sanctions": 1.0}
_PRIORITY = ["extended", "collapsed", "violated", "talks", "proposed", "agreed", "holding"]


# Pages that carry several stories: newscasts and round-ups (a title clue), or a page whose reports are handed
# over and signed off the way broadcast scripts are ("VOA's Zlatica Hoke has more." ... "Zlatica Hoke, VOA News").
_MULTI_STORY_TITLE = lazyre.compile(
    r"\b(?:newscast|news ?cast|round-?up|news in brief|news summary|news bulletin|bulletin|hourly news|"
    r"headlines|news update|news digest|briefs?)\b"
)
_HANDOVER = lazyre.compile(
    r"\b(?:has|have|with) (?:more|the story|this report|the details)\b|\breports? from\b|\breporting from\b"
    r"|,\s*[a-z]+ news,\s*[a-z .'-]+[.\"']*$|^i'm [a-z .'-]+ reporting\.?$|\bthis is [a-z .'-]*news\b"
)
_SIGN_OFF = lazyre.compile(r",\s*[a-z]+ news,\s*[a-z .'-]+[.\"']*$")
_WORDS = lazyre.compile(r"[a-z]{4,}")
# A paragraph opening on a pronoun or "the envoy" goes on with the story before it.
_CONTINUES = lazyre.compile(
    r"[\"'(]*(?:he|she|they|it|his|her|their|its|the (?:\w+ )?(?:envoy|official|minister|spokes\w+|group|government|army|rebels))\b"
)
# Words every story uses (reporting verbs, time, people in general): they do not tie two paragraphs together.
_COMMON = frozenset(
    "that this these those there then they their them with from have been were will would could should about after "
    "before also more most than other some many into over under while when what where which who whom whose said says "
    "saying told tell officials official people government state news report reports reporting reported year years "
    "week weeks month months today yesterday monday tuesday wednesday thursday friday saturday sunday january "
    "february march april june july august september october november december local time just only such being "
    "does made make makes like well very much even still both each including according added another first last "
    "president minister secretary spokesman spokeswoman voa's united nations nation states country countries "
    "international world leaders leader south southern north northern east eastern west western central capital "
    "region regions province border city town area areas".split()
)


# Words of one field tie paragraphs of one story together ("talks" in Kuwait continue "close to a cease-fire").
_FIELDS = {
    **dict.fromkeys("cease truce talks negot agree peace media accor cessa hosti armis".split(), "=peace"),
}


def _topic_words(text: str) -> set[str]:
    """The content words of a paragraph, compared by their first five letters ("Syria(n)", "negotiat...")."""
    out: set[str] = set()
    for w in _WORDS.findall(text):
        if w not in _COMMON:
            out.add(w[:5])
            field = _FIELDS.get(w[:5])
            if field:
                out.add(field)
    return out


def story_segments(doc: Doc) -> list[int] | None:
    """For a page of several stories, the story segment of each sentence (-1 for the title); else None.

    A new segment starts at a paragraph that follows a sign-off, or whose content words (places, people,
    topics) share nothing with the segment so far: a newscast is a run of short stories, each with its own cast.
    """
    body = [s for s in doc.sentences if not s.is_title]
    # (two hand-overs are enough to tell: the rest of the body is not asked)
    handovers = islice((s for s in body if _is_handover(s.folded)), 2) if _HOLDS_HANDOVER_WORD(doc.folded) else ()
    title = fold(doc.title)
    if not (_MAY_MULTI_STORY_TITLE(title) and _MULTI_STORY_TITLE.search(title)) and len(list(handovers)) < 2:
        return None
    paragraphs: list[list[Sentence]] = []
    for sent in body:
        if sent.line_start or not paragraphs:
            paragraphs.append([])
        paragraphs[-1].append(sent)
    places: dict[int, set[str]] = {}
    for hit in find_places(doc):
        places.setdefault(hit.sentence, set()).add(hit.entry.country or hit.entry.written)
    out = [-1] * len(doc.sentences)
    seg = 0
    recent: set[str] = set()
    last_words: set[str] = set()
    seen_places: set[str] = set()
    hold = True  # after a hand-over ("... has more.") the report that follows is the same story
    signed_off = False
    for para in paragraphs:
        last = para[-1].folded.strip()
        if any(_is_prose(s.text) for s in para):
            words = _topic_words(" ".join(s.folded for s in para))
            where = set().union(*(places.get(s.index, set()) for s in para))
            handover = _MAY_HANDOVER(last) and bool(_HANDOVER.search(last)) and not _SIGN_OFF.search(last)
            # A story changes where a paragraph takes the news elsewhere (a place not yet in this story) and
            # shares no words with it; a paragraph that names no place continues the story.
            # A paragraph moves on when it brings a place this story has not named and shares no words with it.
            moved = bool(where - seen_places) and not words & recent
            if signed_off or (not hold and not handover and moved and not _CONTINUES.match(para[0].folded)):
                seg += 1
                seen_places = set()
                last_words = set()
            # Words tie a paragraph to the last two of its story (a long story shares some word with anything).
            recent = words | last_words
            last_words = words
            if not handover:
                seen_places |= where
            hold = handover
            signed_off = bool(_SIGN_OFF.search(last))
        for sent in para:
            out[sent.index] = seg
    return out


def _is_handover(low: str) -> bool:
    """A broadcast hand-over or sign-off line: short, and naming the news, the report or "more"."""
    if len(low) > 120 or not _HOLDS_HANDOVER_WORD(low) or not _MAY_HANDOVER(low):
        return False
    return bool(_HANDOVER.search(low.strip()))


_HANDOVER_WORDS = ("news", "more", "report", "story", "details")
_HOLDS_HANDOVER_WORD = holds_any(_HANDOVER_WORDS)


def _is_prose(text: str) -> bool:
    """A sentence of running text, not chrome (menus, captions cut short, player lines)."""
    return len(text) > 25 and text.rstrip()[-1:] in ".!?\"')\u201d\u2019"


def _segment_weights(doc: Doc, segments: list[int]) -> list[float]:
    """Each segment of a multi-story page weighs its own lead like an article's (a newscast story is news)."""
    weights = [s.weight for s in doc.sentences]
    prose: dict[int, int] = {}
    for sent in doc.sentences:
        seg = segments[sent.index]
        if seg < 0:
            continue
        k = prose.get(seg, 0)
        weights[sent.index] = LEAD_WEIGHT if k < 2 else (1.0 if k < 8 else 0.6)
        if len(sent.text) > 40 and sent.text.rstrip()[-1:] in ".!?\"')\u201d\u2019":
            prose[seg] = k + 1
    return weights


# The ceasefire naming a proposal ("ceasefire proposal", "truce plan"); what is done to a proposal short of
# taking it up (accepted, agreed, signed, matched) leaves it a proposal.
_PROPOSAL_NOUN = lazyre.compile(
    r"[\s-]+(?:proposals?|plans?|offers?|initiatives?|blueprints?|roadmap|idea|framework|draft)\b"
)
_TAKEN_UP = lazyre.compile(r"accept|agree|sign|match|reciprocat|join|implement")
# What "under the" governs when it is a plan's, not a deal's: "Under the plan, a ceasefire would take effect" (a plan
# agreed or adopted is a deal's: "under the plan agreed on Monday").
_PLAN_AFTER = lazyre.compile(
    r"\s*(?:[\w'-]+\s+){0,3}?(?:plan|proposal|draft|initiative|framework|blueprint|offer|roadmap)s?\b"
    r"(?!\s+(?:\w+\s+)?(?:agreed|signed|accepted|approved|adopted|endorsed)\b)"
)
_AGREE_WITH = lazyre.compile(r"(?:\s+in principle)?\s+with\b")
# A party still urged to stop fighting, or commitments still to be secured: the truce is not accepted by all.
_UNACCEPTED = lazyre.compile(
    r"\b(?:urg\w*|call\w* (?:on|upon)|press\w*|ask\w*|should|must)\b[^.;]{0,80}?\b(?:to\s+)?(?:(?:immediately|similarly|"
    r"also|likewise|now)\s+)?(?:cease|halt|stop)\s+(?:all\s+)?(?:the\s+|their\s+|its\s+)?(?:hostilities|attacks|fighting|"
    r"military operations|offensive|shelling)\b|\b(?:secure|obtain|seek\w*|get)\s+(?:the\s+)?(?:\w+\s+)?commitments?\b"
    # The other side's answer still awaited: "accepted the proposal, but Israel has not responded".
    r"|\b(?:has|have) not (?:yet )?(?:responded|replied|accepted|agreed)\b|\byet to (?:respond|reply|accept|agree|sign|confirm|approve)\b"
    # "agreed to the proposal, pending Russia's approval", "Hamas said it was studying it": the answer still to come.
    r"|\bpending\s+(?:[\w'-]+\s+){0,3}?(?:approval|acceptance|response|reply|agreement|consent)\b"
    r"|\b(?:is|was|are|were)\s+(?:still\s+)?(?:studying|considering|reviewing|weighing|examining)\s+(?:it|them|the (?:proposal|offer|plan|text|draft))\b"
    r"|\b(?:awaits?|awaiting|waiting for)\s+(?:[\w'-]+\s+){0,3}?(?:response|answer|reply|decision)\b"
    # A headline's "Accepts US Truce Proposal, Awaits Russia"; "putting the onus on Russia"; "terms not met".
    r"|\bawaits\s+[\w'-]+\s*$|\bonus (?:is )?(?:now )?on\b|\bterms (?:were |are )?not met\b"
    # One side accepted, the offer still goes to the other: "we'll take this offer now to the Russians", "the ball
    # is now in their court", "subject to acceptance by Russia", "we hope that they'll say yes".
    r"|\btak(?:e|es|ing|en)\s+(?:this|the|that|our)\s+(?:offer|proposal|plan)\s+(?:now\s+)?to\b"
    r"|\bball is (?:now |squarely )?in (?:their|his|her|its|[\w-]+['’]s|the [\w-]+['’]s) court\b"
    r"|\bsubject to (?:its |their |the )?(?:acceptance|approval)\b"
    # The warring parties still to declare themselves: "all parties warring in Syria must indicate to the Russian
    # Federation or our American partners their commitment to the cessation of hostilities" (corpus convention 2).
    r"|\b(?:must|should|are to|have to|need to)\s+(?:indicate|confirm|declare|signal|state|notify)\b[^.;]{0,80}?"
    r"\b(?:commitment|acceptance|adherence|consent)\b"
    r"|\bhop(?:e|es|ed|ing)\s+(?:that\s+)?(?:the\s+)?[\w-]+\s*(?:will|['’]ll)\s+(?:also\s+)?"
    r"(?:say yes|agree|accept|reciprocate)\b"
)

# Every side named as the one called on to stop fighting ("all sides must stop fighting now", "urged both parties to
# halt attacks"): the call asks the parties to live up to a truce, it names no side still to accept it.
_EVERY_SIDE = (
    r"(?:\b(?:all|both|each|every)\s+(?:of\s+)?(?:the\s+)?(?:two\s+)?(?:warring\s+|relevant\s+)?(?:sides?|part(?:y|ies))"
    r"|\bthe\s+(?:two\s+)?(?:warring\s+)?(?:sides|parties))"
)
_EVERY_SIDE_BEFORE = lazyre.compile(_EVERY_SIDE + r"\s+(?:now\s+|still\s+)?$")
_EVERY_SIDE_CALLED = lazyre.compile(
    r"(?:urg\w*|call\w* (?:on|upon)|press\w*|ask\w*)\s+"
    + _EVERY_SIDE
    + r"\s+(?:to\s+)?(?:(?:immediately|also|now)\s+)?"
    r"(?:cease|halt|stop)\b"
)
_STOP_WORDS = lazyre.compile(r"\b(?:cease|halt|stop)\s")


def _unaccepted(low: str) -> re.Match[str] | None:
    """The first sign in the sentence that a party has not accepted the truce (`_UNACCEPTED`), leaving out a call on
    every side to stop fighting ("all sides must stop fighting now"), which names no side still to accept it."""
    for m in _UNACCEPTED.finditer(low):
        if _STOP_WORDS.search(m.group(0)) and (
            _EVERY_SIDE_CALLED.match(m.group(0))
            or (m.group(0).startswith(("must", "should")) and _EVERY_SIDE_BEFORE.search(low, 0, m.start()))
        ):
            continue
        return m
    return None


# The war's start told as its history: "The fighting began when Hezbollah entered Israel", "the war erupted in 2011
# when ...", "broke out two years ago", "since the conflict began", "since 2014" (`_ceasefire_event`).
_WAR_BEGAN = lazyre.compile(
    r"\b(?:fighting|war|conflict|violence|clashes|hostilities|crisis|insurgency|uprising|offensive|invasion|unrest)\s+"
    r"(?:first\s+|originally\s+)?(?:began|erupted|broke out|started|was (?:sparked|triggered))\s+"
    r"(?:(?:in|on)\s+(?:early\s+|late\s+|mid-?)?(?:\d{4}|(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)\b)|(?:\w+\s+){1,2}(?:years?|months?|decades?)\s+ago|last year|when|after)\b"
    r"|\bsince\s+(?:(?:the|its|their)\s+)?(?:fighting|war|conflict|violence|hostilities|crisis|insurgency|uprising|"
    r"invasion|unrest)\s+(?:first\s+)?(?:began|erupted|broke out|started)\b"
    r"|\bsince\s+(?:early\s+|late\s+|mid-?)?(?:19|20)\d\d\b"
)
# Fighting told anew beside the truce ("fresh fighting broke out when rebels attacked hours after the truce began"),
# or measured against the war's history ("the heaviest shelling since the war began" is today's).
_FIGHTING_ANEW = lazyre.compile(
    r"\b(?:cease-?fires?|truce|armistice|cessation|again|fresh|renewed|resum\w*|new|today|tonight|overnight|"
    r"worst|heaviest|deadliest|fiercest|bloodiest|biggest|largest|most|first time|"
    r"yesterday|this (?:week|morning)|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)


def _war_history(low: str) -> bool:
    """Whether the sentence tells the war's start or its running history, not fighting anew (`_WAR_BEGAN`)."""
    return bool(_WAR_BEGAN.search(low)) and not _FIGHTING_ANEW.search(low)


# A truce's start still ahead in the sentence that reports it agreed (`_ceasefire_event`).
_STARTS_LATER = lazyre.compile(
    r"\bwithin (?:\d+|twenty-four|forty-eight|seventy-two|\w+) hours\b"
    r"|\b(?:will|would|is to|are to|is due to|is set to|shall) (?:take effect|start|begin|come into (?:force|effect))\b"
)

_INCIDENT_TOLL = 1000  # a conflict toll below this is one incident's, not a war's running total


def decide(doc: Doc, found: Sequence[Reading], casualties: Sequence[Casualty]) -> list[Event]:
    """Turn readings into the article's events: one per type, the ceasefire with its weightiest status.

    The readings are reweighed by story (`_reweighed`, when the item holds several), casualties add the fighting
    they tell of (`_implied_clashes`), each type's readings must reach its bar (`_reported`), the ceasefire takes
    its status (`_ceasefire_event`), and a truce's status brings or removes other events (`_truce_implies`).
    """
    events: list[Event] = []
    segments = story_segments(doc)
    if segments is not None:
        found = _reweighed(doc, found, segments)
    # A full article: it has body sentences past the lead paragraphs (weighed below 1, bot/detect/text.py).
    long_item = any(not s.is_title and s.weight < 1.0 for s in doc.sentences)
    by_type: dict[str, list[Reading]] = {}
    for r in found:
        by_type.setdefault(r.type, []).append(r)
    implied = _implied_clashes(doc, casualties, by_type)
    for etype in ("ceasefire", "casualties", "clash", "talks", "agreement", "sanctions"):
        if etype == "casualties":
            current = [c for c in casualties if c.current]
            if current:
                events.append(Event("casualties", None, current[0].evidence))
            continue
        rs = _reported(etype, by_type, events, long_item)
        if not rs:
            continue
        if etype == "ceasefire":
            events.append(
                _ceasefire_event(doc, rs, segments, by_type.get("clash", []), implied, by_type.get("talks", []))
            )
        else:
            best = max(rs, key=lambda r: r.weight)
            events.append(Event(etype, None, best.sentence.text))
    return _truce_implies(events)


def _reweighed(doc: Doc, found: Sequence[Reading], segments: list[int]) -> list[Reading]:
    """The readings of an item of several stories, each weighed by its story's weight (`_segment_weights`)."""
    weights = _segment_weights(doc, segments)
    return [replace(r, weight=r.weight / r.sentence.weight * weights[r.sentence.index]) for r in found]


def _implied_clashes(doc: Doc, casualties: Sequence[Casualty], by_type: dict[str, list[Reading]]) -> set[str]:
    """Add to `by_type` the fighting casualties tell of; return the evidence of the tolls that only imply it.

    Casualties among armed men in the headline or lead are fighting; so is the toll of one incident of armed
    violence, whoever the victims ("45 people killed by government planes", "40 civilians killed" in a statement
    on a siege): the reader learns of an attack. A war's running total ("the war has killed 13,000") is no
    incident: tolls of a thousand or more stay casualties alone.
    """
    implied: set[str] = set()
    for c in casualties:
        if (
            c.current
            and c.kind in ("killed", "dead", "wounded", "injured")
            and (
                (c.who in _ARMED_WHO and c.cause in (None, "conflict"))  # soldiers killed in a crash died in no fight
                or (c.cause == "conflict" and c.count < _INCIDENT_TOLL)
            )
        ):
            if c.who not in _ARMED_WHO:
                # The toll tells of an attack, not of when it happened: beside a truce it may be the fighting that
                # led to it, so it never turns a truce in force into a violated one (_ceasefire_event).
                implied.add(c.evidence)
            sent = next((s for s in doc.sentences if s.text == c.evidence), None)
            if sent is not None and sent.weight >= 2.0:
                by_type.setdefault("clash", []).append(Reading("clash", None, 2.0, sent))
    return implied


def _reported(etype: str, by_type: dict[str, list[Reading]], events: list[Event], long_item: bool) -> list[Reading]:
    """The readings of one event type that count, when together they reach its bar (none otherwise)."""
    rs = by_type.get(etype, [])
    total = sum(r.weight for r in rs)
    bar = _THRESHOLDS[etype]
    if etype == "talks" and long_item:
        # In a full article one passing mention of talks in the body is context (support for talks, talks that
        # led to a deal, talks to come); the headline, the lead or several mentions report talks held. In a
        # headline and teaser every sentence is the lead.
        bar = LEAD_WEIGHT
    if etype == "clash" and any(e.type == "ceasefire" and e.status == "collapsed" for e in events):
        # Beside a truce that is over, fighting in one sentence of the body is the collapse's news ("The military
        # says six soldiers have died in fresh fighting", "Syria and its allies resumed airstrikes").
        bar = 1.0
    if etype == "talks" and any(r.credited for r in rs):
        agreed = any(e.type == "ceasefire" and e.status == "agreed" for e in events)
        if agreed or sum(r.weight for r in by_type.get("agreement", [])) >= _THRESHOLDS["agreement"]:
            # Talks credited to their mediator beside the deal the item reports are the deal's way there.
            rs = [r for r in rs if not r.credited]
            total = sum(r.weight for r in rs)
    if not rs or total < bar:
        return []
    return rs


def _ceasefire_event(
    doc: Doc,
    rs: list[Reading],
    segments: list[int] | None,
    clashes: list[Reading],
    implied: set[str],
    talks: Sequence[Reading] = (),
) -> Event:
    """The ceasefire event: the status its readings weigh most (`_weighed_status`), unless the item says a party has
    not accepted the truce (proposed) or reports fighting beside a truce in force (violated); an agreement named as a
    goal beside negotiations the item reports (`talks`) is what they aim at (talks)."""
    if segments is not None:
        # The story about the ceasefire decides its status, not a sum over unrelated stories.
        per_segment: dict[int, float] = {}
        for r in rs:
            per_segment[segments[r.sentence.index]] = per_segment.get(segments[r.sentence.index], 0.0) + r.weight
        top = max(per_segment, key=lambda k: per_segment[k])
        rs = [r for r in rs if segments[r.sentence.index] == top]
    # Fighting told as the war's origin or history ("The fighting began when ...", "since the conflict began") is
    # background to the truce, not news that breaks it.
    # Fighting told only as going on ("although fighting continues") says it has not stopped, not that it broke a
    # truce in force (_GOES_ON).
    clash = [
        r
        for r in clashes
        if r.sentence.text not in implied and not _war_history(r.sentence.folded) and r.cue != _GOES_ON_CUE
    ]
    if sum(r.weight for r in clash) >= _THRESHOLDS["clash"]:
        # Beside fighting reported as news, one side's acceptance is read as the words say, agreed: whether the
        # truce is still one side's offer or a truce agreed and broken, the fighting does not tell (helper cfs8's
        # try, 7 December, moved a held-out truce agreed to violated through this class).
        rs = [replace(r, status="agreed") if r.cue.startswith(_ONE_SIDE_WHY) else r for r in rs]
    if any(r.cue.startswith(_GOAL_WHY) for r in rs) and any(_NEGOTIATING.search(r.sentence.folded) for r in talks):
        # "Formal peace negotiations ... have been launched tonight. ... An immediate agreement to a monitored
        # cessation of hostilities must be the priority": the priority is the negotiation's, which the item reports
        # (corpus convention 4: efforts to reach a truce are talks); named with no negotiation, a goal is a call.
        rs = [replace(r, status="talks") if r.cue.startswith(_GOAL_WHY) else r for r in rs]
    status = _weighed_status(rs)
    unaccepted = None
    if status == "agreed" and sum(r.weight for r in clash) < _THRESHOLDS["clash"]:
        unaccepted = next(
            (m for s in doc.sentences if _MAY_UNACCEPTED(s.folded) and (m := _unaccepted(s.folded))), None
        )
    if unaccepted is not None:
        # A truce announced while a party is still urged to cease hostilities, or while commitments are
        # still to be secured, is one side's or outside powers' offer that not every party has accepted.
        status = "proposed"
    one_side = [r for r in rs if r.status == "proposed"]
    if (
        status == "proposed"
        and all(r.cue.startswith(_ONE_SIDE_WHY) for r in one_side)
        and any(_SECOND_ACCEPTED.search(s.folded) for s in doc.sentences)
    ):
        # One side's acceptance, the other's told in another sentence ("Russia also accepted the proposal on
        # Wednesday", "a plan Eritrea has already accepted"): both sides have taken it up (corpus convention 2).
        status = "agreed"
    if status == "proposed" and sum(r.weight for r in clash) >= _THRESHOLDS["clash"] and _kept_truce_called(rs):
        # A call to keep a truce ("all parties need to fully respect the truce they agreed to", "urged the sides to
        # adhere to the ceasefire") beside fighting reported as current news: the truce exists and is broken.
        status = "violated"
    if (
        status in ("agreed", "holding")
        and sum(r.weight for r in clash) >= _THRESHOLDS["clash"]
        and not any(r.status == status and r.sentence.is_title for r in rs)
        # A truce agreed to start later is not yet there to break: "agreed to a cessation of hostilities within 24
        # hours" beside "concerns over continued fighting".
        and not (
            status == "agreed" and any(r.status == "agreed" and _STARTS_LATER.search(r.sentence.folded) for r in rs)
        )
    ):
        # Fighting reported as current news beside a truce in force breaks it, unless the headline itself
        # says the truce was agreed or holds ("Mali, separatists reach cease-fire deal" after clashes).
        status = "violated"
    top_reading = next((r for r in sorted(rs, key=lambda r: -r.weight) if r.status == status), rs[0])
    return Event("ceasefire", status, top_reading.sentence.text, top_reading.cue)


# A call to keep a truce (a reading's `keep_called`: the modal or exhortation governs a verb of keeping it) that
# asks for it as a duty ("need to respect", "urged the sides to adhere to"), not as an offer ("its readiness to
# abide by a cessation of hostilities" is one side's proposal).
_KEEP_DUTY = lazyre.compile(
    r"\b(?:must|should|need(?:s|ed)? to|ha(?:s|ve) to|urg\w*|call(?:s|ed|ing)? (?:on|upon)|ask\w*|demand\w*|remind\w*)"
    r"\b[^.;]{0,60}?\b(?:respect|observ|maintain|abid|uph[eo]ld|adher|honou?r|keep|stick|preserv|safeguard)"
)


def _kept_truce_called(rs: list[Reading]) -> bool:
    """True when every reading that proposes a truce is a call to keep one ("need to respect the truce")."""
    asked = [r for r in rs if r.status == "proposed"]
    return bool(asked) and all(r.keep_called and _KEEP_DUTY.search(r.sentence.folded) for r in asked)


def _weighed_status(rs: list[Reading]) -> str | None:
    """The status the ceasefire readings weigh most (ties to a status read from words, then by `_PRIORITY`), talks
    set aside beside a truce in force or agreed in the lead, and the first of talks and a proposal when the item
    carries both."""
    scores: dict[str, float] = {}
    for r in rs:
        if r.status:
            scores[r.status] = scores.get(r.status, 0.0) + r.weight
    if "talks" in scores and scores.keys() & {"holding", "violated", "extended"}:
        # Talks on a new truce beside the state of the one in force: the truce in force is the news
        # ("cease-fire holding, truce talks to open in Cairo").
        del scores["talks"]
    elif "talks" in scores and any(r.status == "agreed" and r.sentence.weight >= LEAD_WEIGHT for r in rs):
        # Talks that produced the truce the headline or lead reports as agreed: the agreement is the news.
        del scores["talks"]
    # At equal weight a state some sentence reads from its words wins over a truce only presupposed ("a report on
    # current ceasefire developments" in the lead, "the lowest level of military activity since the ceasefire began"
    # in the body): the presupposition says no more than that a truce exists.
    read = {r.status for r in rs if r.status and r.cue != _PRESUPPOSED}
    status = max(scores, key=lambda s: (scores[s], s in read, -_PRIORITY.index(s))) if scores else None
    asked = [r for r in rs if r.status in ("talks", "proposed")]
    if status in ("talks", "proposed") and {r.status for r in asked} == {"talks", "proposed"}:
        # Corpus convention 4: an item that carries both the negotiation and a ceasefire put forward is
        # about the first of them, headline then lead ("we need an immediate ceasefire" before "these talks
        # offer a vital opportunity to secure an immediate ceasefire" is a call).
        status = min(asked, key=lambda r: r.sentence.index).status
    return status


def _truce_implies(events: list[Event]) -> list[Event]:
    """The events with what the truce's status implies: talks, fighting or an agreement no word named, and no
    agreement beside a truce whose state is the news."""
    truce = next((e for e in events if e.type == "ceasefire"), None)
    if truce is None:
        return events
    if truce.status == "talks" and not any(e.type == "talks" for e in events):
        # A truce being negotiated is talks held ("Norwegian officials in Sri Lanka to broker truce", "mediators
        # are seeking a ceasefire"), though no meeting word names them.
        events.append(Event("talks", None, truce.evidence))
    if truce.status == "violated" and not any(e.type == "clash" for e in events):
        # Violations of a truce are fighting (corpus convention 1): "ceasefire violations continue", "rebels
        # ignore the cease-fire", "accusing each other of violating the truce" report hostile acts, though no
        # clash word names them.
        events.append(Event("clash", None, truce.evidence))
    if (
        truce.status == "agreed"
        and _MADE_CUE.fullmatch(truce.cue or "")
        and not _SIGNING_AHEAD.search(truce.evidence.lower())
        and not any(e.type == "agreement" for e in events)
    ):
        # The warring parties signed or reached the truce: a ceasefire agreed is an agreement (corpus convention 5),
        # though no deal word names it ("Rebels and the army have signed a cease-fire"). Not while the signing is
        # still ahead ("to be signed on Saturday": agreed, no agreement yet, convention 2).
        events.append(Event("agreement", None, truce.evidence))
    if truce.status in ("holding", "violated", "collapsed"):
        # The news is the state of a truce agreed before: holding, broken or over. Its agreement is no news of the
        # item (corpus convention 5: "Cease-fire Violated Hours After It Began", "Cease-Fire Holds").
        return [e for e in events if e.type != "agreement"]
    return events


# Word pre-checks (bot/detect/prefilter.py): most sentences hold none of the words these regexes need.
_MAY_SANCTIONS = gate(_SANCTIONS)
_MAY_CLASH = gate(_CLASH)
_MAY_ARMED_ACT = gate(_ARMED_ACT)
_MAY_LAUNCHED_AT = gate(_LAUNCHED_AT)
_MAY_CONDEMNED_ATTACK = gate(_CONDEMNED_ATTACK)
_MAY_ATTACK_DEPLORED = gate(_ATTACK_DEPLORED)
_MAY_BATTLE_GOES_ON = gate(_BATTLE_GOES_ON)
_MAY_FIGHTING_GOES_ON = gate(_FIGHTING_GOES_ON)
_MAY_TALKS_URGED = gate(_TALKS_URGED)
_MAY_TALKS_NOT_YET = gate(_TALKS_NOT_YET)
_MAY_TALKS_PAST = gate(_TALKS_PAST)
_MAY_LEFT_CUES = gate(_LEFT_CUES)
_MAY_UNACCEPTED = gate(_UNACCEPTED)
_MAY_ANAPHOR = gate(_ANAPHOR)
_MAY_TITLE_TALKS = gate(_TITLE_TALKS)
_MAY_GREETING = gate(_GREETING)
_MAY_ADDRESSED = gate(_ADDRESSED)
_MAY_BESIDE_COUNTERPART = gate(_BESIDE_COUNTERPART)
_MAY_HANDOVER = gate(_HANDOVER)
_MAY_FIGHTING_BEFORE = gate(_FIGHTING_BEFORE)
_MAY_CLASH_TOPIC = gate(_CLASH_TOPIC)
_MAY_SOON_AFTER = gate(_SOON_AFTER)
_MAY_ENGAGING = gate(_ENGAGING)
_MAY_RESTORE = gate(_RESTORE)
_MAY_TALKS_LED = gate(_TALKS_LED)
_MAY_TALKS = gate(_TALKS)
_MAY_DATED = gate(_DATED)
_MAY_OWN_MEETING_NAMED = gate(_OWN_MEETING_NAMED)
_MAY_MULTI_STORY_TITLE = gate(_MULTI_STORY_TITLE)
