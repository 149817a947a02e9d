"""Shared fixtures. The real services (gazetteer, spaCy pipeline, dictionaries) load once per
test session: no mocks stand in for the parts a user runs."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def services():
    from eventdesk.services import Services
    from eventdesk.settings import Settings

    return Services.load(Settings(progress=False))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the shared corpus/eval data is needed for this test")
    return SHARED


@pytest.fixture(scope="session")
def examples_manifest() -> Path:
    return ROOT / "examples" / "manifest.jsonl"
