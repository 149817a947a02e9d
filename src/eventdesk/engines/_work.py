"""The work of one partition, the same wherever it runs: the pipeline's stages over its articles,
written to the partition's result file. ``InProcess`` runs partitions here, one after another."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from eventdesk.engines._partitions import Task, encode_file
from eventdesk.errors import ConfigError
from eventdesk.pipeline import Pipeline
from eventdesk.services import Services

__all__ = ["run_task", "InProcess"]


def run_task(task: Task, services: Services) -> bytes:
    """The stages over the task's articles (in batches, as the local engine runs them) -> the bytes
    of its result file. Refused (``ConfigError``) when these services extract with another pipeline
    version than the driver's: a node with other rules, data, code or model installed."""
    version = services.versions.pipeline
    if task.pipeline_version and task.pipeline_version != version:
        raise ConfigError(f"this worker extracts with pipeline version {version}, the driver with "
                          f"{task.pipeline_version}: install the same eventdesk, data and model on every node")
    pipeline = Pipeline(services, batch_size=services.settings.batch_size)
    return encode_file(task, list(pipeline.run(task.articles)), version)


class InProcess:
    """Runs each partition in this process with services already loaded (no cluster)."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def __enter__(self) -> InProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def map(self, tasks: Iterable[Task]) -> Iterator[tuple[Task, bytes]]:
        for task in tasks:
            yield task, run_task(task, self.services)
