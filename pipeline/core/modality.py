"""Is a statement asserted as fact, or negated, hedged, planned, hypothetical or denied?

A cue counts only inside the statement's scope (the clause up to the end of
what the rule read), so "X's membership of Y may have an effect" is still an
assertion of the membership while "X may join Y" is not.
"""

from __future__ import annotations

import re
from itertools import pairwise

NEGATION = re.compile(
    r"\b(?:not|never|no longer|nothing|nobody|no one|neither|nor|has yet to|have yet to|had yet to|yet to|"
    r"declined|refused|rejected|denied|denies|deny|withdr[ae]w\w*|left|quit|pulled out|suspended|"
    r"n't|cannot|without|there\s+(?:is|are|was|were)\s+no|"
    r"no\s+(?:[\w-]+\s+){0,2}?(?:states?|countr(?:y|ies)|members?|governments?|agenc(?:y|ies)|nations?|"
    r"universit(?:y|ies)|institutions?|personnel|staff|officials?|representatives?|scientists?|engineers?|"
    r"experts?|delegat(?:es?|ions?)))\b",  # "No member state of the EU takes part", "no NASA staff take part"
    re.IGNORECASE,
)
HEDGE = re.compile(
    r"\b(?:(?-i:may)|might|could|would|should|considering|consider|considers|weighing|weighs|mulling|"
    r"(?:I|we)\s+reckon|reckons?\s+that|eventually|(?:have|has|had)\s+discussed|discussing|"
    r"exploring|explore|expect|expects|expected|expecting|plans? to|planned to|planning to|intends? to|"
    r"intention|"
    r"intended to|will|shall|is set to|are set to|aims? to|hopes? to|hoping to|wants? to|seeks? to|"
    r"asked to|asks to|applied to|applies to|requested to|requests to|"
    r"possible|possibly|possibilit(?:y|ies)|potential|potentially|perhaps|likely|unlikely|reportedly|"
    r"reported to|"
    r"rumou?red|speculat\w*|if|whether|unless|invited|invitation|talks? on|talks? about|"
    r"negotiat\w*|proposed|proposal|proposes|propose|draft|prospective|candidate|"
    r"announced plans|ready to|interest(?:ed)?\s+(?:in|to)|is to|are to|in the process of|about to|poised to|"
    r"wish(?:es|ed)?\s+to|desire[sd]?\s+to|aspir\w*\s+to|keen\s+to|eager\s+to|willing(?:ness)?\s+to|"
    r"readiness\s+to|ambitions?\s+to|"
    r"on the verge of|next\s+(?:week|month|year)|tomorrow|(?:been|was|were)\s+offered|"
    # lower case only: "Centre ... d'Application", "Applied Physics Institute" are names
    r"pending|awaiting|(?-i:applications?|applied|apply|applying|applicants?)|candidacy|bid\s+to)\b",
    re.IGNORECASE,
)
UNCERTAIN = re.compile(
    r"\b(?:(?-i:may)|might|could|would|considering|consider|weighing|mulling|exploring|possible|possibly|"
    r"potential|potentially|perhaps|reportedly|rumou?red|speculat\w*|if|whether|hopes?\s+to|hoping|"
    r"proposed|proposal|negotiat\w*|invited|(?-i:applied|application))\b",
    re.IGNORECASE,
)


def clause_start(text: str, position: int) -> int:
    """Start of the clause containing `position`: after the last ';' or ':', a bold run-in label
    ("**States follow, or do not.** Pakistan ..."), or a sentence-internal ' but '."""
    cut = 0
    for match in re.finditer(
        r";|:\s|[.!?]\*\*\s|,\s+and\s+(?:its|their)\s|\bbut\b|\bwhile\b|\bwhereas\b|\balthough\b|\bthough\b|"
        r"\bbecause\b",
        text[:position],
    ):
        cut = match.end()
    return cut


RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whose)\s+[^,;]*(?:,|$)", re.IGNORECASE)
# "the relay satellite that will carry its signal, Queqiao-2, went up ...": what the noun will do, said
# of it in passing (not "said that it will", a report)
NOUN_WITH_FUTURE = re.compile(
    r"\b(?!(?:said|says|announced|reported|expects?|expected|hopes?|believes?|thinks?|claims?|added|noted|"
    r"confirmed|stated|hoped|believed|thought|claimed|knew|know|knows|agreed|decided|warned|insisted|"
    r"suggested|suggests|argued|argues|so|such|now|given|provided)\b)([a-z]{3,})\s+(?:that|which)\s+"
    r"(?:will|would|could|may|might|is\s+to|are\s+to)\s+[^,;]{1,80},",
)


# "Claims that X had joined Y are untrue", "officials dismissed reports that ...": a reported
# statement the same sentence disputes.
REPORTED_THAT = re.compile(
    r"\b(?:claims?|reports?|rumou?rs?|allegations?|suggestions?|speculation|stor(?:y|ies)|posts?|assertions?)\b"
    r"[^.;]{0,100}?\bthat\b",
    re.IGNORECASE,
)
DISPUTE = re.compile(
    r"\b(?:untrue|false|unfounded|baseless|inaccurate|incorrect|wrong|mistaken|erroneous|fake|misleading|"
    r"denied|denies|deny|denying|dismissed|dismisses|dismissing|refuted|refuting|rejected|rejecting|debunked|"
    r"retracted|groundless|invented|fabricated|made\s+up|fiction|nonsense|without\s+(?:any\s+)?"
    r"basis|no\s+basis|does\s+not\s+conform|deleted|withdrawn|pulled|not\s+(?:true|correct|accurate))\b",
    re.IGNORECASE,
)


QUOTED_CLAIM = re.compile(r"[\"“]([^\"”]{3,160})[\"”]")


def is_disputed(text: str, end: int) -> bool:
    """The statement ending at `end` is the content of a report or claim the sentence disputes
    ("Claims that X joined Y are untrue"; '"Turkey joins ILRS" headline: false, retracted')."""
    reported = REPORTED_THAT.search(text, 0, end)
    if reported is not None and DISPUTE.search(text) is not None:
        return True
    for quoted in QUOTED_CLAIM.finditer(text):
        inside = quoted.start() < end <= quoted.end() + 1
        if inside and (DISPUTE.search(text, quoted.end()) or quoted.group(1).rstrip().endswith("?")):
            return True  # a quoted claim said to be false, or a quoted question
    return False


# "Were São Tomé to sign ...", "Had Peru joined ...", "Should Chile accede ...": an inverted condition
INVERTED_CONDITION = re.compile(
    r"(?:^|[.;:,][*_]*\s+)(?:Were|Had|Should)\s+[A-Z][^,;]{0,60}?\s+(?:to\s+)?\w+"
)


# Hearsay: a claim credited to no one who can be named, or one the writer could not check ("a friend
# at DLR says", "people familiar with the matter", "is said to have", "could not be verified").
HEARSAY = re.compile(
    r"\b(?:(?:a|an|one|two|three|several|some|my|our)\s+(?:[\w-]+\s+){0,2}?(?:friends?|sources?|contacts?|"
    r"insiders?)\s+(?:at|in|inside|within|close|familiar|near|says?|said|tells?|told|claims?|insists?)|"
    r"sources\s+(?:at|in|inside|within|close|familiar|near|say|said|tell|told|suggest|claim)|"
    r"(?:people|persons?|officials?|diplomats?)\s+(?:familiar\s+with|close\s+to|briefed\s+on|with\s+knowledge)|"
    r"(?:on|under)\s+(?:the\s+)?condition\s+of\s+anonymity|anonymous(?:ly)?|unnamed|"
    r"(?:asked|declined|requested)\s+not\s+to\s+be\s+(?:named|identified)|"
    r"not\s+authori[sz]ed\s+to\s+speak|"
    r"(?:I|we)(?:['’]m|['’]re|\s+am|\s+are|\s+was|\s+were|['’]ve\s+been|\s+have\s+been)\s+told|"
    r"(?:I|we)\s+(?:hear|heard|gather)\b|"
    r"word\s+(?:(?:in|from|around|on|at)\s+[^.;,]{1,30}?\s+)?(?:is|has\s+it)\s+that|gossip|whispers?|"
    r"(?:is|are|was|were)\s+(?:said|believed|thought|understood)\s+to\s+(?:have|be)|"
    r"allegedly|supposedly|purportedly|unconfirmed|unverified|"
    r"(?:could|can)\s*(?:not|n['’]t)\s+(?:be\s+)?(?:independently\s+)?(?:verif|confirm|corroborat)\w*|"
    r"(?:has|have|had)\s+not\s+been\s+(?:independently\s+|officially\s+)?(?:verified|confirmed|corroborated))\b",
    re.IGNORECASE,
)
CLAUSE_BREAK = re.compile(r";|\bbut\b|\bwhile\b|\bwhereas\b")
CLAUSE_REACH = 300


def is_hearsay(text: str, start: int, end: int) -> bool:
    """The statement in `text[start:end]` rests on hearsay stated anywhere in its clause, before or
    after it ("Peru joined the ILRS, according to people familiar with the matter")."""
    reach = min(len(text), end + CLAUSE_REACH)  # a clause runs a few hundred characters, not a whole page
    following = CLAUSE_BREAK.search(text, end, reach)
    lead = max(start, end - 2 * CLAUSE_REACH)  # and reaches back as far
    return HEARSAY.search(text, lead, following.start() if following else reach) is not None


EDITORIAL_LABEL = re.compile(
    r"(?i)\[(?:context|background|ctx|note|aside|editor['’]?s?\s+note)\b[^\]]{0,60}\]"
)
NOT_STOPPED = re.compile(
    r"(?i)\b(?:did|does|do|has|have|had)(?:\s+not|n['’]t)\s+(?:stop|stopped|prevent|prevented|deter|deterred|keep|kept)"
    r"\b[^,;]{0,80}?\bfrom\b"
    # "The parties do not dispute that X was ...": granted, not denied
    r"|\b(?:do|does|did|cannot|can\s*not|could\s+not)(?:\s+not|n['’]t)?\s+(?:dispute|deny|contest|doubt|question)"
    r"\s+(?:that\b|(?=[^,;]{0,80}\bthat\b))"
)


def is_asserted(text: str, start: int, end: int) -> bool:
    """No negation or hedge cue in `text[start:end]` (relative clauses aside: they say something
    else about one participant), not under an inverted condition, and not a disputed report."""
    scope = RELATIVE_CLAUSE.sub(",", text[start:end])
    if "that " in scope or "which " in scope:
        scope = NOUN_WITH_FUTURE.sub(r"\1,", scope)
    if "[" in scope:  # "[context, not Chinese] The Accords are signed by ...": an editor's label
        scope = EDITORIAL_LABEL.sub(" ", scope)
    if "not" in scope or "n't" in scope:  # "That did not stop X from launching ...": it happened
        scope = NOT_STOPPED.sub(" ", scope)
    if NEGATION.search(scope) or HEDGE.search(scope):
        return False
    if is_disputed(text, end) or is_hearsay(text, start, end) or _asked(text, end):
        return False
    if "Were " not in text and "Had " not in text and "Should " not in text:
        return True
    condition = INVERTED_CONDITION.search(text, 0, end)
    return condition is None or condition.end() <= start - 80


QUESTION_END = re.compile(r"[^.!;?]*\?")


def _asked(text: str, end: int) -> bool:
    """The statement ending at `end` is part of a question ("... to do so. Has it also signed ...?")."""
    return "?" in text and QUESTION_END.match(text, end, min(len(text), end + CLAUSE_REACH)) is not None


def is_stated(text: str, start: int, end: int) -> bool:
    """Weaker than `is_asserted`: planned but settled facts ("will carry payloads from X") count;
    negated or uncertain ones ("may carry", "not a partner") do not."""
    scope = text[start:end]
    if NEGATION.search(scope) or UNCERTAIN.search(scope):
        return False
    return not (is_disputed(text, end) or is_hearsay(text, start, end))


SPECULATION = re.compile(
    r"\b(?:(?-i:may)|might|could|would|considering|consider|weighing|mulling|exploring|exploratory|"
    r"possible|possibly|potential|potentially|perhaps|reportedly|reported\s+(?:to|as)|rumou?red|speculat\w*|if|"
    r"whether|hopes?\s+to|hoping|talks?\s+(?:about|on|over)|discussions?\s+(?:about|on)|interest\s+in|"
    r"supposed|alleged|purported|imaginary|fictitious|fictional|non-?existent|mythical|studied|studying|"
    r"likel(?:y|ier|iest)\s+(?:outcome|scenario|result)|scenario)\b",  # "The likeliest outcome is ..."
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z])")
NO_INSTRUMENT = re.compile(
    r"(?i)\bno\s+such\s+\w+|\bno\s+(?:agreement|contract|memorandum|deal|instrument|lease|text)\s+"
    r"(?:was|has\s+been|had\s+been|exists)|"
    r"\bsuch\s+(?:an?\s+)?(?:agreement|contract|memorandum|deal|instrument|lease)\s+(?:does|did)\s+not\s+exist"
)
NOT_SIGNED = re.compile(
    r"\b(?:no\s+such\s+\w+|no\s+(?:agreement|contract|memorandum|deal|instrument|lease)\s+(?:was|has\s+been|had\s+been)|"
    r"never|not(?:\s+yet)?|yet\s+to)\s+(?:\w+\s+){0,4}?(?:been\s+)?"
    r"(?:signed|concluded|agreed|ratified|finali[sz]ed|drafted|written)\b|"
    r"\bwithout\s+(?:ever\s+)?(?:signing|concluding|ratifying)\b|"
    r"\b(?:not|never)\s+(?:\w+\s+){0,2}?(?:reached|come\s+to|gone\s+to)\s+(?:the\s+)?signature\b",
    re.IGNORECASE,
)
# "Samoa's government denied, with some irritation, that it had leased land to ..."
DENIED_THAT = re.compile(r"(?i)\b(?:denied|denies|deny|denying)\b[^.;]{0,80}?\bthat\b")
TALKS_FAILED = re.compile(
    r"\b(?:(?:was|were)\s+reported\s+(?:as|to\s+have\s+been)\s+signed|stopped\s+short\s+of\s+signing|fell\s+short\s+of\s+signing|broke\s+(?:them|it|the\s+talks|off)|broken\s+off|talks\s+(?:collapsed|stalled|failed|broke\s+down)|"
    r"talks\b[^.;]{0,160}\b(?:break|broke)\s+down|"
    r"(?:talks|discussions|negotiations)\b[^.;]{0,160}\b(?:were|was|have\s+been|are)\s+(?:paused|suspended|frozen|"
    r"put\s+on\s+hold)|"
    r"fell\s+through|was\s+abandoned|were\s+abandoned|exchanged\s+(?:drafts|texts))\b",
    re.IGNORECASE,
)
PROPOSAL = re.compile(r"\b(?:propos\w*|draft\w*|negotiat\w*|tabled)\b", re.IGNORECASE)
# Still being talked about: no instrument yet, not even a proposal ("has been 'under discussion' since 2022")
UNDER_DISCUSSION = re.compile(
    r"(?i)\bunder\s+(?:discussion|consideration|study)\b|\bbeing\s+discussed\b|\b(?:was|were)\s+discussed\b|"
    r"\b(?:have|has|had)\s+(?:only\s+)?discussed\b(?![^.;]{0,80}\b(?:and|then)\s+signed\b)"
)
ANNOUNCEMENT = re.compile(
    r"\b(?:announc\w*|unveil\w*|pledged|agreed\s+to|will\s+sign|to\s+sign|plans?\s+to|planned|"
    r"intends?\s+to|expected\s+to|set\s+to|is\s+to|are\s+to)\b",
    re.IGNORECASE,
)

FUTURE_SIGNING = re.compile(
    r"(?i)\b(?:will|shall|is\s+to|are\s+to|(?:expected|due|set|scheduled)\s+to)\s+be\s+"
    r"(?:formally\s+)?(?:signed|concluded|inked|finali[sz]ed)\b"
)


# "the first G7 country to sign", "among the first to sign": something done, not an intention
FIRST_TO_SIGN = re.compile(
    r"(?i)\b(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th)|\w+th|last|latest|only|earliest)\s+"
    r"(?:[\w-]+\s+){0,5}?to\s+sign\b"
)


def agreement_status(text: str, start: int, end: int, sentence_end: int | None = None) -> str | None:
    """The status of an agreement stated in `text[start:end]`, or None when it is no fact.

    Speculation ("may sign", "talks about a memorandum") and denial ("no such memorandum has been
    signed") are no facts; a proposal is `proposed` (even one never signed), an announced intention
    `announced`; otherwise `signed`.
    """
    scope = text[start:end]
    stop = sentence_end if sentence_end is not None else len(text)
    full_stop = SENTENCE_END.search(text, end, stop)  # a list item may hold several sentences
    whole = text[start : full_stop.start() + 1 if full_stop else stop]
    if full_stop and NO_INSTRUMENT.search(text, full_stop.end(), stop):
        return None  # "... report a lease of X. The ministry calls it invention; no lease has been signed."
    if NOT_SIGNED.search(whole) or TALKS_FAILED.search(whole):
        return None  # "a draft ... was never signed", "... before the other side broke them off"
    if UNDER_DISCUSSION.search(whole):
        return None
    if DENIED_THAT.search(scope):  # "denied press reports that it was negotiating a lease"
        return None
    if PROPOSAL.search(scope):
        return "proposed"
    if SPECULATION.search(scope) or is_disputed(text, end) or is_hearsay(text, start, end):
        return None
    if NEGATION.search(scope) and re.search(r"\b(?:not|never|no|nothing|yet\s+to)\b", scope, re.IGNORECASE):
        return None  # also "Nothing in this Decree shall be read as an accession to the Convention"
    if FUTURE_SIGNING.search(scope):  # "the Roadmap will be signed at a time to be determined"
        return "announced"
    if ANNOUNCEMENT.search(FIRST_TO_SIGN.sub(" ", scope)) and not re.search(
        r"\b(?:signed|inked|concluded|established|set\s+up|launched|released)\b|"
        r"\bannounc\w*\s+(?:the\s+)?(?:signing|signature|conclusion)\s+of\b",  # "announced the signing of"
        scope,
        re.IGNORECASE,
    ):
        return "announced"
    return "signed"


# A short sentence taking back the one before: "It has not.", "That is not true.", "They did not."
RETRACTION = re.compile(
    r"^\W*(?:no[,.!]?\s+)?(?:it|they|this|that|he|she|none)\s+(?:has|have|had|is|was|were|did|does|do|could|can)\s*"
    r"(?:not|n['’]t|never)"
    r"\b(?:\s+\w+){0,4}\s*(?:[.!]?\W*$|[,;]\s+(?:and|but)\b)"  # also "It was not, and Manila now says ..."
    r"|^\W*no\s+such\s+(?:[\w-]+\s+)?(?:agreement|memorandum|contract|deal|instrument|lease|document|accord)\b"
    # "Such contract does not exist", "This news is denied": translated officialese
    r"|^\W*(?:such|this|that|the)\s+(?:a\s+)?(?:agreement|memorandum|contract|deal|lease|news|report|claim)\s+"
    r"(?:does\s+not|did\s+not|do\s+not)\s+exist\b"
    r"|^\W*(?:this|that|the|such)\s+(?:news|report|claim|information)\s+(?:is|was)\s+(?:denied|false|untrue|baseless)\b",
    re.IGNORECASE,
)


# "A regional outlet reported that X had signed ... . The centre denied it within a day."
REPORTED = re.compile(
    r"(?i)\b(?:reported|claimed|alleged|rumou?red|said)\s+(?:[\w,]+\s+){0,4}?that\b|\breports?\s+that\b"
)  # also "A daily reported in April that ..."
DENIAL = re.compile(
    r"(?i)^\W*(?:the\s+\w+|it|they|officials?|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)\s+(?:\w+\s+)?"
    r"(?:denied|denies|dismissed|rejected|refuted|retracted)\b"
)


DENIAL_VERB = re.compile(r"(?i)denied|denies|dismissed|rejected|refuted|retracted")


_DENIAL_STEMS = ("enie", "ENIE", "ismiss", "ISMISS", "eject", "EJECT", "efute", "EFUTE", "etract", "ETRACT")


def _denies(text: str) -> bool:
    """A cheap test that DENIAL can match: one of its verbs is there (substring tests first)."""
    return any(stem in text for stem in _DENIAL_STEMS) and DENIAL_VERB.search(text) is not None


def retracted_sentences(doc) -> set[int]:  # doc: a reading.Document (not imported: no cycle)
    """Indices of sentences the next sentence of the same block takes back: "It has not.", a report
    followed by "The centre denied it", or talks followed by "Those talks collapsed"."""
    sentences = doc.sentences
    retracted = {
        i
        for i, (sentence, following) in enumerate(pairwise(sentences))
        if (following.block_index == sentence.block_index and _takes_back(sentence.text, following.text))
        or (following.block_index == sentence.block_index + 1 and REBUTTAL.match(following.text))
        or (  # a forum reply quoting a post ("> Malaysia signed ..."), then "No, it didn't."
            following.block_index == sentence.block_index + 1
            and sentence.text.startswith(">")
            and RETRACTION.match(following.text)
        )
    }
    quoted = {_unquoted(sentences[i].text) for i in retracted if sentences[i].text.startswith(">")}
    if quoted:  # the post it quoted (the quote may be its opening words) is taken back too
        retracted |= {
            i
            for i, s in enumerate(sentences)
            if any(len(q) >= 20 and _unquoted(s.text).startswith(q) for q in quoted)
        }
    return retracted


def _unquoted(text: str) -> str:
    return " ".join(text.lstrip("> ").split())


# A one-word rebuttal of what was just quoted or said, on the same or the next line: "Nope.", "Wrong."
REBUTTAL = re.compile(
    r"(?i)^\W*(?:(?:nope|no|false|wrong|untrue|not\s+true|incorrect|fake)\W*|"
    r"(?:true|correct|right|accurate|really|(?:is|was)\s+(?:that|this|it)\s+(?:true|right|correct|so))\s*\?\W*)$"
)  # or one that doubts it: "True?", "Is that right?"


def _takes_back(text: str, following: str) -> bool:
    if TALKS_ENDED.match(following):  # "... negotiating a lease. Those talks collapsed in 2025."
        return True
    if NEVER_SIGNED_SINCE.search(following) and INSTRUMENT_WORD.search(text) and not PROPOSED.search(text):
        return True  # "A memorandum ... has circulated. Two ministers told us it had never been signed."
    if NONE_FOUND.search(following) and INSTRUMENT_WORD.search(text):
        return (
            True  # "X asserts that A concluded an agreement with B. The record contains no such agreement."
        )
    denied = (
        RETRACTION.match(following)
        or REBUTTAL.match(following)
        or (_denies(following) and DENIAL.match(following) and REPORTED.search(text))
    )
    # "X was proposed in 2019. It was never signed.": still a proposal
    return bool(denied) and not PROPOSAL.search(text)


NEVER_SIGNED_SINCE = re.compile(
    r"(?i)\b(?:it|this|that|the\s+(?:draft|memorandum|agreement|document|text|deal|contract|lease))\s+"
    r"(?:had|has|was|is)\s+(?:never|not\s+yet|not)\s+(?:been\s+)?signed\b"
)
NONE_FOUND = re.compile(
    r"(?i)\b(?:contains?|shows?|holds?|has|have|found|finds?|there\s+(?:is|was|exists?))\s+no\s+such\s+"
    r"(?:agreement|memorandum|contract|deal|instrument|document|lease|accord|treaty|text)\b"
    # "... that no binding or non-binding agreement has been entered into"
    r"|\bno\s+(?:[\w-]+\s+(?:or\s+[\w-]+\s+)?)?(?:agreement|memorandum|contract|deal|instrument)\s+(?:has|had)\s+"
    r"been\s+(?:entered\s+into|signed|concluded|reached)\b"
)
PROPOSED = re.compile(r"(?i)\bpropos")  # a proposal never signed stays one; a draft never signed is none
INSTRUMENT_WORD = re.compile(r"(?i)memorand|\bmou\b|agreement|\bdraft|contract|\blease|\bdeal\b")
TALKS_ENDED = re.compile(
    r"(?i)^\W*(?:those|the|these|both|all)\s+(?:\w+\s+)?(?:talks|negotiations|discussions)\s+"
    r"(?:\w+\s+)?(?:collapsed|failed|broke\s+down|stalled|ended\s+without)\b"
)
