"""The loaded services a run needs, built once and passed in (no module globals)."""

from __future__ import annotations

import gc
from dataclasses import dataclass

from eventdesk.settings import Settings
from eventdesk.versions import Versions, current_versions

__all__ = ["Services"]

_GC_YOUNG = 50_000  # allocations between two collections of the cyclic collector's young generation


@dataclass
class Services:
    settings: Settings
    gazetteer: object
    actors: object
    outlets: object
    nlp: object
    triggers: object
    versions: Versions  # what these services extract with (the pipeline version is stored with results)
    recaser: object = None  # stages.casing.Recaser: a cased reading of uncased paragraphs
    event_classifier: object = None  # extract.scope.learned.EventClassifier, or None (rules only)
    undated_news: object = None  # extract.assembly.learned_dating.DatingModel, or None (rules only)

    @classmethod
    def load(cls, settings: Settings) -> Services:
        """Load the gazetteer, dictionaries and the spaCy pipeline (seconds; do it once)."""
        from eventdesk.gazetteer import Gazetteer
        from eventdesk.extract.actors.find import ActorDictionary
        from eventdesk.stages.parse import NlpService
        from eventdesk.stages.metadata import OutletConventions
        from eventdesk.stages.sentences import TriggerFilter

        gazetteer = Gazetteer.load(settings.cache_dir)
        if settings.default_country:
            country = gazetteer.country_of(settings.default_country)
            if country is None:
                from eventdesk.errors import ConfigError

                raise ConfigError(f"default_country: unknown country {settings.default_country!r}")
            from dataclasses import replace

            settings = replace(settings, default_country=country)
        from eventdesk._model import find_model

        actors = ActorDictionary.load()
        nlp = NlpService.load(find_model())
        from eventdesk.stages.casing import Recaser

        recaser = Recaser.load(actors.acronyms())
        from eventdesk.extract.scope.learned import EventClassifier

        classifier = EventClassifier.load() if settings.event_classifier else None
        from eventdesk.extract.assembly.learned_dating import DatingModel

        dating = DatingModel.load() if settings.learned_dating else None
        services = cls(settings, gazetteer, actors, OutletConventions.load(), nlp, TriggerFilter(), current_versions(),
                       recaser, classifier, dating)
        # the loaded model, gazetteer and dictionaries live as long as the process: moved out of the
        # cyclic collector's sight (gc.freeze), full collections no longer rescan them (1.1 s of CPU
        # to 0.3 s over the 1,500 MUC-4 reports). Objects made later are collected as before; frozen
        # ones are still freed by reference counting, only a cycle among them would stay
        gc.freeze()
        # and the young generation is collected after _GC_YOUNG allocations instead of Python's 700: the
        # steps make and drop many small objects (matches, tuples, dataclasses), nearly all freed by
        # reference counting, and the collector's 1,067 young passes over the 1,500 MUC-4 bench reports
        # took 1.2 CPU s (52 passes, 0.4 s, at 10,000; 9 passes, 0.3 s, at 50,000); peak memory the
        # same (1,130 MiB). What is collected is the same, only later
        gc.set_threshold(_GC_YOUNG, *gc.get_threshold()[1:])
        return services
