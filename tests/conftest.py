import sys
from pathlib import Path

import pytest

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
