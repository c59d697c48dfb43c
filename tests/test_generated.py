"""Generated pages are committed fresh: editing data/ without regenerating fails here."""

from __future__ import annotations

import subprocess
import sys

from scripts.paths import ROOT


def test_committed_generated_files_are_up_to_date() -> None:
    result = subprocess.run([sys.executable, "-m", "scripts.generate", "--check"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
