"""The plot in docs/timeseries.md is drawn from the samples by docs/plot_revenues.py."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location("plot_revenues", ROOT / "docs" / "plot_revenues.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_plotted_series_are_the_samples_revenues(tmp_path):
    script = _script()
    iij, kns = script.revenue_series()
    assert iij.set_index("period")["amount"].to_dict() == {"2Q03": 9_185_000_000, "1Q04": 8_675_000_000,
                                                          "2Q04": 10_512_000_000}
    assert kns.set_index("period")["restated"].loc["1Q11"]
    target = script.draw(tmp_path / "revenues.png")
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (ROOT / "docs" / "img" / "revenues.png").is_file()  # the image the page shows
