"""The name a place is given: the gazetteer's, or the report's own writing of that same name.

The gazetteer matches names by key (``gazetteer.name_key``), which drops an article and the spaces
between words: "El Retiro" finds Retiro (Antioquia), "Tierra Alta" finds Tierralta (Cordoba), "the
port of El Callao" finds Callao. The place is the gazetteer's, but its name is the one the report
writes when the two are the same name written with an article more or less, or split into other
words: a reader looks for "El Retiro" in the report, and a coder names the place as the source does.
Another spelling of the same words ("Kisi" for Kisii, "Dayr" for Deir) keeps the gazetteer's name.

A town whose full name opens with a generic word ("Ciudad Tecun Uman") is written without it
("kidnapped in Tecun Uman"): a name of two words or more that the gazetteer lacks is looked up again
with each such word before it (``place_words.json`` generic_name_prefixes), and keeps the report's
writing.
"""

from __future__ import annotations

from eventdesk.gazetteer import ARTICLES, Gazetteer, GazEntry, fold, name_key, spelling
from eventdesk.rules import word_list

__all__ = ["prefixed_entries", "written_name"]

_PREFIXES: tuple[str, ...] = tuple(word_list("place_words.json", "generic_name_prefixes"))


def prefixed_entries(name: str, gaz: Gazetteer) -> list[GazEntry]:
    """The towns named ``name`` after a generic word ("Tecun Uman": Ciudad Tecun Uman), for a name
    of two words or more; [] for one word, which may be a surname ("Delgado")."""
    if len(name.split()) < 2:
        return []
    return [e for p in _PREFIXES for e in gaz.lookup(f"{p} {name}") if e.kind != "admin1"
            and name_key(e.name) == name_key(f"{p} {name}")]


def _words(name: str) -> list[str]:
    return [w for w in fold(name).lower().replace("-", " ").split() if w]


def written_name(surface: str, name: str) -> str:
    """``surface`` (the report's words) when it writes the gazetteer's ``name`` with an article more
    or less or with other word breaks, in ordinary case; else ``name``."""
    surface = " ".join(surface.split())
    if not surface or surface.isupper() or surface == name or not all(w[:1].isupper() for w in surface.split()):
        return name  # not in ordinary case: "EL CALLAO", "el Callao"
    if any(name_key(f"{p} {surface}") == name_key(name) for p in _PREFIXES):
        return surface  # "Tecun Uman" for Ciudad Tecun Uman
    if name_key(surface) != name_key(name) or spelling(surface) == spelling(name):
        return name
    ours, theirs = _words(surface), _words(name)
    if len(ours) == len(theirs):
        return name  # the same words, spelled otherwise
    drop = (lambda ws: ws[1:] if len(ws) > 1 and ws[0] in ARTICLES else ws)
    # an article more or less ("El Retiro" / Retiro), or the same letters in other words ("Tierra Alta" / Tierralta)
    same_letters = "".join(drop(ours)) == "".join(drop(theirs)) or \
        name_key("".join(ours)) == name_key("".join(theirs))
    return surface if same_letters else name
