"""Tested docs: every CLI command and every setting is documented in the README."""

from pathlib import Path

from eventdesk.cli import COMMANDS, build_parser
from eventdesk.settings import SETTINGS_HELP

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands():
    head = README.split("\n## ")[0]
    assert "make demo" in head and "make test" in head


def test_every_command_is_documented():
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert set(sub.choices) == set(COMMANDS)
    for command in COMMANDS:
        assert f"eventdesk {command}" in README, command


def test_every_setting_is_documented():
    for name in SETTINGS_HELP:
        assert f"`{name}`" in README, name


def test_export_options_and_exit_codes_are_documented():
    import argparse

    from eventdesk.cli import EXIT_CODES

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    for action in sub.choices["export"]._actions:
        if action.option_strings and action.dest != "help":
            assert max(action.option_strings, key=len) in README, action.option_strings
    for code, _ in EXIT_CODES:
        assert f"| {code} |" in README, code
