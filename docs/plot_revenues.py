"""Draw docs/img/revenues.png: revenues by quarter from the samples, through rp.timeseries.

Run from the repository's root: ``.venv/bin/python docs/plot_revenues.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display needed
import matplotlib.pyplot as plt  # noqa: E402

import release_parser as rp  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
IIJ = [ROOT / "samples" / "iij_2q_fy2004_results.txt"]
KNS = [*sorted((ROOT / "samples").glob("kns_*.txt")), *sorted((ROOT / "samples").glob("kns_*.md")),
       ROOT / "tests" / "data" / "timeseries" / "kns_3q_fy2011_restated.txt"]


def revenue_series():
    """Quarterly revenues of IIJ (its sample) and KNS (its five releases), in JPY billions."""
    iij = rp.timeseries([rp.parse(path) for path in IIJ], "revenues", freq="quarter")
    kns = rp.timeseries([rp.parse(path) for path in KNS], "revenues", freq="quarter")
    return iij, kns


def draw(target: Path) -> Path:
    iij, kns = revenue_series()
    figure, axes = plt.subplots(1, 2, figsize=(10, 3.6), constrained_layout=True)
    for axis, series, title in ((axes[0], iij, "IIJ: revenues by quarter (sample release)"),
                                (axes[1], kns, "KNS: revenues by quarter (five releases)")):
        billions = series["amount"].astype(float) / 1e9
        labels = series["period"].tolist()
        colours = ["#d62728" if restated else "#1f77b4" for restated in series["restated"]]
        axis.bar(range(len(billions)), billions, color=colours)
        axis.set_xticks(range(len(labels)), labels, rotation=45)
        axis.set_ylabel("JPY billions")
        axis.set_title(title, fontsize=10)
    axes[1].text(0.02, 0.95, "red: restated by a later release", transform=axes[1].transAxes, fontsize=8, va="top")
    target.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(target, dpi=100)
    plt.close(figure)
    return target


if __name__ == "__main__":
    print(draw(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "img" / "revenues.png"))
