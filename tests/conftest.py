import sys
from pathlib import Path

import pytest
from hypothesis import settings

# Timing is a benchmark's business, not a test's: no per-example deadline on a loaded machine.
settings.register_profile("release_parser", deadline=None, print_blob=True)
settings.load_profile("release_parser")

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
sys.path.insert(0, str(TESTS))


@pytest.fixture
def shared_dir() -> Path:
    """The team's shared folder beside the checkout; tests needing it skip when it is absent."""
    shared = REPO.parent / "shared"
    if not shared.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return shared


@pytest.fixture
def reference_sample() -> Path:
    return REPO / "samples" / "iij_2q_fy2004_results.txt"
