"""Extraction: one component a question, each in its own package, run in this order on the
article's document (``eventdesk.document``). Each declares the layers it needs and the layers it
adds; the pipeline checks the order when it is built.

========== ============================================ ==================================
component  question                                     package
========== ============================================ ==================================
context    which countries, provinces and dated         ``context.py``
           statements the article names
places     where each event sentence happened           ``places/`` (gazetteer, hints, chains)
actors     who each sentence names, in which role       ``actors/`` (dictionary, generic names,
                                                        roles, ACLED's side conventions)
trigger    does the sentence name an event ACLED         ``trigger/`` (cues, type hierarchy)
           codes, of which type
scope      is it reported as fact (not negated,          ``scope/`` (modality)
           future, hypothetical, a threat, ...)
dates      on which day                                 ``dates/``
tolls      how many were killed                         ``tolls/``
assembly   which sentences tell one event; the event    ``assembly/``
           mentions with their fields and notes
claims     what the article claims about each field,    ``claims/``
           in whose voice
bounds     every date and toll in range                 ``bounds.py``
========== ============================================ ==================================
"""

from __future__ import annotations

from eventdesk.document import Stage, each
from eventdesk.extract.actors.component import read_actors
from eventdesk.extract.assembly.component import assemble
from eventdesk.extract.bounds import bound
from eventdesk.extract.claims.component import read_claims
from eventdesk.extract.context import read_context
from eventdesk.extract.dates.component import read_dates
from eventdesk.extract.places.component import read_places
from eventdesk.extract.scope.component import read_scope
from eventdesk.extract.tolls.component import read_tolls
from eventdesk.extract.trigger.component import read_triggers

__all__ = ["COMPONENTS"]


def _stage(name: str, requires: set[str], assigns: set[str], fn) -> Stage:
    return Stage(name, frozenset(requires), frozenset(assigns), each(fn))


COMPONENTS: tuple[Stage, ...] = (
    _stage("context", {"reading", "publication", "sentences"}, {"context"}, read_context),
    _stage("places", {"context", "docs", "sentences"}, {"places", "countries"}, read_places),
    _stage("actors", {"context", "docs", "countries"}, {"actors"}, read_actors),
    _stage("trigger", {"reading", "context", "docs", "actors"}, {"triggers"}, read_triggers),
    _stage("scope", {"reading", "context", "triggers", "docs", "actors"}, {"verdicts", "retypes"}, read_scope),
    _stage("dates", {"reading", "triggers", "retypes", "verdicts", "context", "publication"}, {"dates"}, read_dates),
    _stage("tolls", {"reading", "triggers", "retypes", "verdicts", "countries", "docs"}, {"tolls"}, read_tolls),
    _stage("assembly", {"clean", "reading", "publication", "sentences", "context", "places", "countries", "actors",
                        "triggers", "retypes", "verdicts", "dates", "tolls", "minhash"}, {"result"}, assemble),
    _stage("claims", {"reading", "result", "sentences"}, {"claims"}, read_claims),
    _stage("bounds", {"result", "claims"}, {"bounded"}, bound),
)
