"""Shared fixtures: the site built once per test session, under a sub-path, in both languages."""

from __future__ import annotations

import pytest

from tests.sitebuild import BuiltSite, build_site, free_port


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    serve_root = tmp_path_factory.mktemp("serve")
    port = free_port()
    result = build_site(serve_root, port)
    log = result.stdout + result.stderr
    if result.returncode != 0:
        pytest.fail(f"the strict site build failed:\n{log}", pytrace=False)
    return BuiltSite(serve_root=serve_root, port=port, log=log)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """After the tests: the English pages whose Swedish page has changed since they were
    translated, with what changed (scripts/twins.py). Listed, not failed: such a page is published
    with a notice. A missing or malformed record fails tests/test_twins.py instead."""
    from scripts import twins
    from scripts.errors import InputError, InputErrors

    try:
        found = twins.read()
    except (InputError, InputErrors):
        return
    terminalreporter.section("translations (make twins)")
    terminalreporter.write_line(twins.listing(found))
