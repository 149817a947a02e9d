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


@pytest.fixture(scope="session")
def events_of(services):
    """The events the real pipeline extracts from one undated text: ``events_of("On 3 May 2020, ...")``."""
    from eventdesk.app import process
    from eventdesk.ingest import content_hash
    from eventdesk.model import Article, ArticleResult

    def run(text: str):
        article = Article(id="a", raw=text, kind="text", origin="test", content_hash=content_hash(text),
                          published=None)
        result = process([article], services)[0]
        assert isinstance(result, ArticleResult)
        return result.events

    return run
