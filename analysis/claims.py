"""The article's numbers checked against the bundled data: tariff rates, then market moves."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

CLAIM_COLUMNS = ["claim", "subject", "article_value", "data_value", "unit", "verdict", "source", "start", "end"]


def check_claims(extraction: dict, *, market_csv: str | Path | None = None) -> pd.DataFrame:
    """One row per checkable figure, CLAIM_COLUMNS plus `basis` (why the verdict, where a stage says).

    claim: what the article states; subject: actor id; article_value / data_value: the two numbers; unit;
    verdict: match | mismatch | not checkable; source: the data row used; start, end: the span in the article.
    """
    from . import market, schedule

    closes = market.read_market_csv(market_csv) if market_csv else market.load_closes()
    parts = [schedule.tariff_claims(extraction), market.market_claims(extraction, closes)]
    columns = [*CLAIM_COLUMNS, "basis"]
    frames = [p.reindex(columns=columns) for p in parts if len(p)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)
