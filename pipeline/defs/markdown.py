"""Small markdown renderings for Dagster metadata (no extra dependency)."""

import pandas as pd


def markdown_table(frame: pd.DataFrame, rows: int = 10, width: int = 60) -> str:
    """The first `rows` rows as a GitHub markdown table, long cells shortened."""
    if frame.empty:
        return "_empty_"

    def cell(value: object) -> str:
        text = str(value).replace("|", "\\|").replace("\n", " ")
        return text if len(text) <= width else text[: width - 1] + "…"

    shown = frame.head(rows)
    lines = ["| " + " | ".join(map(str, shown.columns)) + " |", "|" + "---|" * len(shown.columns)]
    lines += ["| " + " | ".join(cell(v) for v in record) + " |" for record in shown.itertuples(index=False)]
    return "\n".join(lines)
