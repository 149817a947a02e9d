"""Named armed groups the knowledge base lacks, as themselves (issue: knowledge, "unknown named
groups still come out as themselves").

A name is a group's when it ends in a group's head noun after at least one name word ("the Gerardo
Barrios Commando Unit", "Zarate Willka Liberation Armed Forces"), opens with an Arabic faction word
("Jaysh al-Izza", "Liwa al-Quds"), or follows "calling itself" / "known as", or a word for a group and "called" ("the gang called the
Owls"). It is typed by its own
words: rebels (inter 2) when they speak of liberation or revolution, else a political militia
(inter 3). A name with a word of a party, union, state body or institution is no armed group, and
a name of force words only ("Special Forces", "Armed Forces") or one that opens with a nation
("Salvadoran Armed Forces") is the state's, left to the generic rules. The words are data
(``data/rules/named_groups.json``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from eventdesk._literals import LiteralFilter
from eventdesk.rules import word_list

__all__ = ["GroupNames", "identity_militia", "load_group_names", "unknown_groups"]

#: a word for a group's men and "of (the)" opening a name's words
_MEN_OF = re.compile(r"(\w+)\s+of\s+(?:the\s+)?")
#: the first word of a name's words, and the space after it
_OPENER = re.compile(r"([A-Z][a-z]*)\s+(?=[A-Z])")
#: a capitalised word right after a group's lower-case head noun: the name it describes ("the rebel group M23")
_NAME_AFTER = re.compile(r"\s+[A-Z0-9]")
_PARTICLES = frozenset({"al", "el", "de", "del", "la", "las", "los", "of", "the", "and", "wa", "bin", "ibn"})


@dataclass(frozen=True)
class GroupNames:
    headed: re.Pattern[str]
    quoted: re.Pattern[str]
    quoted_headed: re.Pattern[str]
    prefixed: re.Pattern[str]
    introduced: re.Pattern[str]
    called: re.Pattern[str]
    rebel_words: frozenset[str]
    not_groups: frozenset[str]
    state_like: frozenset[str]
    stop: frozenset[str]  # function words, which never open a name ("this group", "no organization")


@cache
def load_group_names() -> GroupNames:
    head_words = [*word_list("named_groups.json", "heads"), *word_list("named_groups.json", "state_like_heads")]
    heads = "|".join(sorted((re.escape(w) for w in head_words), key=len, reverse=True))
    prefixes = "|".join(sorted((re.escape(w) for w in word_list("named_groups.json", "prefixes")), key=len, reverse=True))
    intro = "|".join(sorted((re.escape(w) for w in word_list("named_groups.json", "introducers")), key=len, reverse=True))
    called_nouns = "|".join(sorted((re.escape(w) for w in word_list("named_groups.json", "named_by_nouns")), key=len, reverse=True))
    name = r"[A-Z][\w'’-]+"
    link = r"(?:\s+(?:of\s+the|of|de\s+la|del|de|the|and|al|el)\b)?"
    return GroupNames(
        # one to five capitalised name words (particles between them), then one or two head nouns
        re.compile(rf"\b((?:{name}{link}\s+){{1,5}}(?:(?i:{heads})\s+)?(?i:{heads}))\b"),
        # a quoted name after a word for a group: 'the clandestine organization "Secret Anticommunist Army"'
        re.compile(rf"(?i:\b(?:organi[sz]ation|group|movement|command|commando|squad|front|cell|unit|army)\s+"
                   rf"(?:called\s+|named\s+)?)[\"“]([^\"”]{{3,60}})[\"”]"),
        # a quoted name that ends in a group's head noun, in any case (wire copy loses the capitals a
        # name has): 'THE "PATRIOTIC LIBERATION FRONT" BOMBED THREE BUILDINGS'
        re.compile(rf"[\"“]((?:[\w'’-]+\s+){{1,5}}(?i:{heads}))[\"”]"),
        re.compile(rf"\b((?i:{prefixes})\s+(?:(?:al|as|ash|an|ar|at|ad|az|el)[-\s])?{name}"
                   rf"(?:\s+(?:(?:al|wa|el)[-\s])?{name}){{0,3}})"),
        # a quoted name, or words up to a head noun, or capitalised words
        # (a quoted name may go on to its head noun: 'calling itself the "9 May" People's Liberation Forces')
        re.compile(rf"(?i:\b(?:{intro})\s+(?:the\s+|a\s+)?)(?:[\"“]([^\"”]{{3,60}}[\"”]"
                   rf"(?:\s+(?:[\w'’-]+\s+){{0,3}}?(?i:{heads})(?:\s+(?i:{heads}))?\b)?)|"
                   rf"((?:[\w'’-]+\s+){{0,4}}?(?i:{heads})(?:\s+(?i:{heads}))?)\b)"),
        # a word for a group, then its name: "the gang called the Owls", "a group called Chile's
        # Independence Movement" (the name's words are cut at the first function word: _called_name)
        re.compile(rf"(?i:\b(?:{called_nouns})\s+(?:called|named|known\s+as)\s+)((?:\S+(?:\s+|$)){{1,5}})"),
        frozenset(word_list("named_groups.json", "rebel_words")),
        frozenset(word_list("named_groups.json", "not_groups")),
        frozenset(word_list("named_groups.json", "state_like_heads")),
        frozenset(STOP_WORDS) | frozenset(word_list("named_groups.json", "not_name_openers")),
    )


def unknown_groups(text: str, names: GroupNames, is_state_name, people_of,
                   names_it=None) -> list[tuple[int, int, str, int]]:
    """(start, end, name, inter) of each named armed group in ``text`` (a sentence of the reading).
    ``is_state_name(surface)`` says a name is made of force words only; ``people_of(word)`` names
    the nation or community of a word, if it is one ("Fulani militias" are the generic rules');
    ``names_it(start, end)`` gives where the name that "called" gives ends among the words at
    ``start:end`` (the parse's object predicate: "the gang called the Red Hand shot dead" ends at
    "Hand"), or None when they are what was called ("a group called the police"): without it, the
    words up to the first function word are taken."""
    out: list[tuple[int, int, str, int]] = []
    taken: list[tuple[int, int]] = []
    may = _filter(names).candidates(text)  # a pattern whose required words are missing cannot match
    for m in names.called.finditer(text) if "called" in may else ():
        # the span runs from the word for the group, which the name names ("the gang called the
        # Owls" is one actor, in the role of "gang"), to the name's end
        name = _called_name(m.group(1), names)
        if name is not None and names_it is not None:
            end = names_it(m.start(1), m.start(1) + len(name))
            name = _called_name(text[m.start(1):end], names) if end is not None else None
        if name is None or any(a < m.end(1) and m.start() < b for a, b in taken):
            continue
        words = [w.lower() for w in re.split(r"[\s-]+", name) if w]
        if set(words) & names.not_groups or is_state_name(name):
            continue
        inter = 2 if set(words) & names.rebel_words else 3
        # "a group called the Kashmir Resistance": the article is no part of the name (in quotes it is:
        # 'a gang named "The 42 Brothers"')
        quoted = m.group(1).lstrip()[:1] in ("\"", "'", "“", "‘")
        title = name if quoted else re.sub(r"^(?i:the)\s+(?=\S)", "", name)
        out.append((m.start(), m.start(1) + len(name), _title(title), inter))
        taken.append((m.start(), m.start(1) + len(name)))
    for key in ("introduced", "quoted", "quoted_headed", "prefixed", "headed"):
        if key not in may:
            continue
        pattern = getattr(names, key)
        for m in pattern.finditer(text):
            start, end = m.span(m.lastindex or 1)
            men = _MEN_OF.match(text, start, end)
            if pattern is names.headed and men is not None and \
                    men.group(1).lower() in word_list("named_groups.json", "member_nouns"):
                start = men.end()  # "Gunmen of the Ricardo Franco Commandos": the commandos
            opener = _OPENER.match(text, start, end)
            if pattern is names.headed and opener is not None and opener.group(1).lower() in names.stop:
                start = opener.end()  # "The Ricardo Franco Commandos killed": a sentence's first word
            surface = _trim(text[start:end])
            end = start + len(surface)
            words = [w.lower() for w in re.split(r"[\s-]+", surface) if w]
            if len(words) < 2 or any(a < end and start < b for a, b in taken):
                continue
            if set(words) & names.not_groups or is_state_name(surface) or people_of(surface.split()[0]):
                continue
            first = words[0]
            if pattern not in (names.introduced, names.quoted, names.quoted_headed) and \
                    (first in names.stop or first.isdigit()):
                continue  # "No organization has claimed", "two army units", "this group"
            if pattern is names.quoted_headed and first in names.stop:
                continue  # 'shot by a "terror gang"': a kind of group in quotes, no name
            quoted = text[max(0, start - 1):start] in ('"', "“", "'") or re.search(r"\(\s*[A-Z]{2,6}\s*\)", text[end:end + 10])
            if pattern is names.headed and surface.rsplit(None, 1)[-1].islower() and _NAME_AFTER.match(text, end):
                continue  # "the Islamist group Boko Haram": the words say what the group after them is
            if pattern is names.headed and _affiliated().search(surface):
                continue  # "an al Qaeda-linked group": a group described by what it is linked to, unnamed
            if pattern is names.headed and _of_a_state_force(text, end):
                continue  # "the C-60 commandos of Gadchiroli police": a unit of the state's force
            if pattern is names.headed and words[-1] in names.state_like and not set(words) & names.rebel_words \
                    and not quoted:  # a quoted or abbreviated name is a group's own: '"Secret Anticommunist Army" (ESA)' 
                continue  # "the Atlacatl Battalion", "the Guatemalan Army": the state's units
            inter = 2 if set(words) & names.rebel_words else 3
            out.append((start, end, _title(re.sub(r"[\"“”]", "", surface)), inter))
            taken.append((start, end))
    return sorted(out)


@cache
def _affiliated() -> re.Pattern[str]:
    """A word joined by a hyphen that makes a name describe another group ("al Qaeda-linked",
    ``actor_words.json`` affiliation_suffixes)."""
    return re.compile(r"-(?:" + "|".join(sorted(word_list("actor_words.json", "affiliation_suffixes"))) + r")\b",
                      re.IGNORECASE)


def _of_a_state_force(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is followed by "of" and a state force within four words ("of
    Gadchiroli police", "of the Nigerian army"): a unit of that force, by ``actor_words.json``'s police and
    military nouns."""
    m = _OF_WORDS.match(text, end)
    if m is None:
        return False
    forces = word_list("actor_words.json", "police_nouns") | word_list("actor_words.json", "military_nouns")
    return any(w.lower() in forces for w in m.group(1).split())


#: "of", then the words up to four before any punctuation
_OF_WORDS = re.compile(r"\s+of\s+((?:[\w'’-]+\s+){0,3}[\w'’-]+)")


@cache
def _filter(names: GroupNames) -> LiteralFilter:
    """Which of the name patterns can match a text at all, by the words they require
    (``eventdesk._literals``): most sentences name no group, and the patterns were searched in
    every sentence actors and attribution read."""
    keys = ("called", "introduced", "quoted", "quoted_headed", "prefixed", "headed")
    return LiteralFilter({key: getattr(names, key) for key in keys})


# lower-case words inside a name in capitals: "Jaysh al-Izza", "Frente de Liberacion"
_PARTICLES = frozenset({"al", "el", "de", "del", "la", "las", "los", "of", "wa", "bin", "ibn", "du", "des", "da", "do"})


def _called_name(words: str, names: GroupNames) -> str | None:
    """The name after "called": its words up to the first function word or punctuation ("the Owls
    that has been operating" -> "the Owls"), an opening "the" kept ("a group called for calm" names
    none). None when no name word is left. Capitals are not asked for: a recased wire report has
    lost them ("the gang called the owls")."""
    kept: list[str] = []
    for i, w in enumerate(words.split()):
        w = w.lstrip("\"'“‘") if i == 0 else w
        bare = re.sub(r"[.,;:!?)\]\"'”’]+$", "", w)
        low = bare.lower()
        named = any(k[:1].isupper() for k in kept if k.lower() != "the")
        capital = bare[:1].isupper() and not bare.isupper()  # (all-capital wire copy tells nothing)
        if not (i == 0 and low == "the") and (low in names.stop and not (named and capital) or not bare):
            break  # (a capitalised word goes on a name in capitals: "the Kashmir Freedom Front")
        if bare.islower() and named and low not in _PARTICLES:
            break  # "a group called the Kashmir Resistance claimed responsibility": a name in capitals ends
        kept.append(bare)
        if bare != w:
            break  # punctuation ends the name
    if not kept or kept[-1].lower() == "the":
        return None
    return " ".join(kept)


def _trim(surface: str) -> str:
    return re.sub(r"[\s\"”'’.,;:]+$", "", surface)


def _title(surface: str) -> str:
    """The name as a name: capitals kept where the text has them, else each word capitalised
    (particles in lower case: "Jaysh al-Izza", "Gerardo Barrios Commando Unit")."""
    out = []
    for i, w in enumerate(surface.split()):
        low = w.lower()
        if i and low in _PARTICLES:
            out.append(low)
        elif re.match(r"(?i)(al|as|ash|an|ar|at|ad|az|el)-", w):
            out.append(low[:3] + w[3:4].upper() + w[4:] if w[3:4].islower() else w)
        else:
            out.append(w if not w.islower() else w[:1].upper() + w[1:])
    return " ".join(out)


def identity_militia(name: str, country: str | None, ethnic) -> str | None:
    """The ACLED name of a named militia of a community or a people ("Eyenkorin Militia" ->
    "Eyenkorin Communal Militia (Nigeria)", "Bul Nuer Militia" -> "Bul Nuer Ethnic Militia (South
    Sudan)": the codebook's identity militias, inter 4), or None for a name that is no such militia
    (a party's acronym, a faith's, a movement's: ``named_groups.json`` not_identity_words; a
    liberation front). ``ethnic(word)`` says a word names a people (the dictionary's ethnic rows);
    hedges before the name ("Suspected Borana militia") are dropped."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in word_list("named_groups.json", "identity_militia_heads"):
        return None
    core = words[:-1]
    hedges = word_list("named_groups.json", "name_hedges")
    while core and core[0].lower() in hedges:
        core = core[1:]
    refuse = word_list("named_groups.json", "not_identity_words") | load_group_names().rebel_words
    if not core or len(core) > 3 or any(w.lower() in refuse or (w.isupper() and len(w) > 1) for w in core):
        return None
    people = [e for w in core if (e := ethnic(w)) is not None]
    if len(core) == 1 and people:
        base = people[0].name  # the dictionary's own name of the people's militia
    else:
        base = f"{' '.join(core)} {'Ethnic' if people else 'Communal'} Militia ({{country}})"
    return base.format(country=country) if country else base.replace(" ({country})", "")
