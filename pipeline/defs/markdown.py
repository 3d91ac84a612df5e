"""Small markdown renderings for Dagster metadata (no extra dependency)."""

import pandas as pd

from pipeline.core.claims import DocumentClaims


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


def claims_frame(claims: DocumentClaims, text: str, quote_chars: int = 80) -> pd.DataFrame:
    """One row per claim of one document: what it says and the words it was read from."""
    rows = []
    for claim in claims.memberships:
        joined = f", {claim.joined}" if claim.joined else ""
        rows.append(
            ("membership", f"{claim.member} → {claim.organization} ({claim.role}{joined})", claim.span)
        )
    for claim in claims.agreements:
        rows.append(
            ("agreement", f"{claim.title} [{', '.join(claim.parties)}] {claim.signed or ''}", claim.span)
        )
    for claim in claims.missions:
        rows.append(
            ("mission", f"{claim.name} → {claim.target or '?'} {claim.launch_date or ''}", claim.span)
        )
    return pd.DataFrame(
        [
            {
                "kind": kind,
                "claim": statement.strip(),
                "span": f"{span.start}:{span.end}",
                "quote": " ".join(text[span.start : span.end].split())[:quote_chars],
            }
            for kind, statement, span in rows
        ],
        columns=["kind", "claim", "span", "quote"],
    )
