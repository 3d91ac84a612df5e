"""The data contract in code: one Pandera model and one Arrow schema per table.

The Pandera models check values (types, allowed values, unique ids, nullable
years); the Arrow schemas fix the physical types every Parquet file is written
with, so the same frame always gives the same file.
"""

from __future__ import annotations

from typing import Annotated

import pandas as pd
import pandera.pandas as pa
import pyarrow as arrow
from pandera.typing import Series

SCHEMA_VERSION = "1.0.0"

MEMBER_TYPES = ["country", "space_agency", "institution", "university", "company", "organization"]
ROLES = ["founder", "member", "signatory", "partner"]
AGREEMENT_TYPES = [
    "memorandum",
    "treaty",
    "convention",
    "accord",
    "roadmap",
    "joint_laboratory",
    "data_exchange",
    "lease",
    "legislation",
    "cooperation_agreement",
    "other",
]
AGREEMENT_STATUSES = ["signed", "active", "terminated", "announced", "proposed"]
FACT_TABLES = ["memberships", "agreements", "missions"]
ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"

StringList = Annotated[pd.ArrowDtype, arrow.list_(arrow.string())]


def _year_matches_date(df: pd.DataFrame, date_col: str, year_col: str) -> pd.Series:
    """`year_col` equals the first four digits of `date_col` wherever the date is known."""
    dated = df[date_col].notna()
    years = pd.to_numeric(df[date_col].str.slice(0, 4), errors="coerce")
    return ~dated | (years == df[year_col])


def _sorted_unique(values: object) -> bool:
    items = list(values) if values is not None else []
    return items == sorted(set(items))


class _Contract(pa.DataFrameModel):
    class Config:
        strict = "filter"
        coerce = True


class Memberships(_Contract):
    """One row per (member, organization): who belongs to which cooperation framework."""

    membership_id: Series[str] = pa.Field(
        description="Stable id: hash of (member, organization).",
        unique=True,
        str_matches=r"^mem_[0-9a-f]{16}$",
    )
    member: Series[str] = pa.Field(
        description="Canonical name of the member (a country or an institution).", str_length={"min_value": 1}
    )
    member_type: Series[str] = pa.Field(
        description="country, space_agency, institution, university, company or organization.",
        isin=MEMBER_TYPES,
    )
    member_iso3: Series[str] = pa.Field(
        description="ISO 3166-1 alpha-3 code where the member is a country.",
        nullable=True,
        str_matches=r"^[A-Z]{3}$",
    )
    organization: Series[str] = pa.Field(
        description="Canonical short name of the framework joined (ILRS, APSCO, Artemis Accords, ...).",
        str_length={"min_value": 1},
    )
    role: Series[str] = pa.Field(description="founder, member, signatory or partner.", isin=ROLES)
    joined: Series[str] = pa.Field(
        description="When the member joined: ISO date at the precision stated (2021, 2021-03, 2021-07-07).",
        nullable=True,
        str_matches=ISO_DATE,
    )
    joined_year: Series[pd.Int64Dtype] = pa.Field(
        description="Year joined, whenever the year is known.", nullable=True, ge=1900, le=2100
    )

    @pa.dataframe_check
    def joined_year_matches(cls, df: pd.DataFrame) -> pd.Series:
        return _year_matches_date(df, "joined", "joined_year")

    @pa.dataframe_check
    def one_row_per_member_and_organization(cls, df: pd.DataFrame) -> pd.Series:
        return ~df.duplicated(["member", "organization"], keep=False)

    @pa.dataframe_check
    def countries_have_iso3(cls, df: pd.DataFrame) -> pd.Series:
        return (df["member_type"] != "country") | df["member_iso3"].notna()


class Agreements(_Contract):
    """One row per agreement or cooperation instrument."""

    agreement_id: Series[str] = pa.Field(
        description="Stable id: hash of (type, parties, year or title).",
        unique=True,
        str_matches=r"^agr_[0-9a-f]{16}$",
    )
    title: Series[str] = pa.Field(
        description="The instrument's name, or a short description when unnamed.", str_length={"min_value": 1}
    )
    agreement_type: Series[str] = pa.Field(
        description=f"One of: {', '.join(AGREEMENT_TYPES)}.",
        isin=AGREEMENT_TYPES,
    )
    parties: Series[StringList] = pa.Field(
        description="Canonical names of all parties (countries or institutions), sorted.",
    )
    signed: Series[str] = pa.Field(
        description="When it was signed: ISO date at the precision stated.",
        nullable=True,
        str_matches=ISO_DATE,
    )
    signed_year: Series[pd.Int64Dtype] = pa.Field(
        description="Year signed, whenever the year is known.", nullable=True, ge=1900, le=2100
    )
    status: Series[str] = pa.Field(
        description="signed, active, terminated, announced or proposed.", isin=AGREEMENT_STATUSES
    )

    @pa.check("parties", element_wise=True)
    def parties_sorted_and_unique(cls, value: object) -> bool:
        return _sorted_unique(value)

    @pa.dataframe_check
    def signed_year_matches(cls, df: pd.DataFrame) -> pd.Series:
        return _year_matches_date(df, "signed", "signed_year")


class Missions(_Contract):
    """One row per mission or programme."""

    mission_id: Series[str] = pa.Field(
        description="Stable id: hash of the mission name.", unique=True, str_matches=r"^mis_[0-9a-f]{16}$"
    )
    name: Series[str] = pa.Field(
        description="Canonical mission name as commonly written in English.",
        unique=True,
        str_length={"min_value": 1},
    )
    target: Series[str] = pa.Field(description="Moon, Mars, Earth orbit, asteroid, ...", nullable=True)
    launch_date: Series[str] = pa.Field(
        description="Launch date: ISO date at the precision stated.", nullable=True, str_matches=ISO_DATE
    )
    launch_year: Series[pd.Int64Dtype] = pa.Field(
        description="Launch year, whenever the year is known.", nullable=True, ge=1900, le=2100
    )
    launch_site: Series[str] = pa.Field(
        description="Launch site, e.g. Wenchang Satellite Launch Center.", nullable=True
    )
    launch_vehicle: Series[str] = pa.Field(description="Launch vehicle, e.g. Long March 5.", nullable=True)
    partners: Series[StringList] = pa.Field(
        description="Non-Chinese participants (countries, agencies), sorted; empty when none stated.",
    )

    @pa.check("partners", element_wise=True)
    def partners_sorted_and_unique(cls, value: object) -> bool:
        return _sorted_unique(value)

    @pa.dataframe_check
    def launch_year_matches(cls, df: pd.DataFrame) -> pd.Series:
        return _year_matches_date(df, "launch_date", "launch_year")


class Documents(_Contract):
    """One row per source document; `text` is what evidence offsets index into."""

    doc_id: Series[str] = pa.Field(
        description="Stable id: the file path relative to the corpus, without extension.",
        unique=True,
        str_length={"min_value": 1},
    )
    source_path: Series[str] = pa.Field(
        description="The file's path relative to the corpus folder.", unique=True
    )
    sha256: Series[str] = pa.Field(description="sha256 of the raw bytes.", str_matches=r"^[0-9a-f]{64}$")
    title: Series[str] = pa.Field(description="The document's title where one can be found.", nullable=True)
    text: Series[str] = pa.Field(
        description="What evidence offsets index into: plain text exactly as decoded; HTML's text content.",
    )
    chars: Series[pd.Int64Dtype] = pa.Field(description="len(text).", ge=0)
    encoding: Series[str] = pa.Field(
        description="The encoding the bytes were decoded with.",
    )
    bytes: Series[pd.Int64Dtype] = pa.Field(description="Size of the raw file in bytes.", ge=0)

    @pa.dataframe_check
    def chars_is_text_length(cls, df: pd.DataFrame) -> pd.Series:
        return df["text"].str.len() == df["chars"]


class Evidence(_Contract):
    """One row per (fact, supporting span)."""

    evidence_id: Series[str] = pa.Field(
        description="Stable id: hash of (fact, document, span).",
        unique=True,
        str_matches=r"^evi_[0-9a-f]{16}$",
    )
    fact_table: Series[str] = pa.Field(
        description="The table of the fact this span supports: memberships, agreements or missions.",
        isin=FACT_TABLES,
    )
    fact_id: Series[str] = pa.Field(description="The supported fact's id in `fact_table`.")
    doc_id: Series[str] = pa.Field(description="The source document (documents.doc_id).")
    char_start: Series[pd.Int64Dtype] = pa.Field(
        description="Start of the span in documents.text (0-based, in characters).", ge=0
    )
    char_end: Series[pd.Int64Dtype] = pa.Field(
        description="End of the span in documents.text (exclusive).", ge=0
    )
    quote: Series[str] = pa.Field(
        description="Exactly documents.text[char_start:char_end].", str_length={"min_value": 1}
    )
    method: Series[str] = pa.Field(
        description="The extractor that read it (e.g. table, rule:joined).", str_length={"min_value": 1}
    )

    @pa.dataframe_check
    def span_is_ordered(cls, df: pd.DataFrame) -> pd.Series:
        return df["char_start"] < df["char_end"]

    @pa.dataframe_check
    def quote_length_matches_span(cls, df: pd.DataFrame) -> pd.Series:
        return df["quote"].str.len() == df["char_end"] - df["char_start"]


class Conflicts(_Contract):
    """One row per claim in a disagreement: the sources state different values for one attribute."""

    fact_table: Series[str] = pa.Field(
        description="The table of the fact in dispute: memberships, agreements or missions.", isin=FACT_TABLES
    )
    fact_id: Series[str] = pa.Field(description="The disputed fact's id in `fact_table`.")
    attribute: Series[str] = pa.Field(description="The column the sources disagree on (e.g. joined).")
    value: Series[str] = pa.Field(description="The value this claim states, as text.")
    chosen: Series[bool] = pa.Field(description="Whether this value is the one published in the fact row.")
    doc_id: Series[str] = pa.Field(description="The document making this claim (documents.doc_id).")
    char_start: Series[pd.Int64Dtype] = pa.Field(
        description="Start of the claim's span in documents.text.", ge=0
    )
    char_end: Series[pd.Int64Dtype] = pa.Field(
        description="End of the claim's span in documents.text (exclusive).", ge=0
    )


MODELS: dict[str, type[pa.DataFrameModel]] = {
    "memberships": Memberships,
    "agreements": Agreements,
    "missions": Missions,
    "documents": Documents,
    "evidence": Evidence,
    "conflicts": Conflicts,
}

_S = arrow.string()
_I = arrow.int64()
_L = arrow.list_(arrow.string())

ARROW_SCHEMAS: dict[str, arrow.Schema] = {
    "memberships": arrow.schema(
        [
            ("membership_id", _S),
            ("member", _S),
            ("member_type", _S),
            ("member_iso3", _S),
            ("organization", _S),
            ("role", _S),
            ("joined", _S),
            ("joined_year", _I),
        ]
    ),
    "agreements": arrow.schema(
        [
            ("agreement_id", _S),
            ("title", _S),
            ("agreement_type", _S),
            ("parties", _L),
            ("signed", _S),
            ("signed_year", _I),
            ("status", _S),
        ]
    ),
    "missions": arrow.schema(
        [
            ("mission_id", _S),
            ("name", _S),
            ("target", _S),
            ("launch_date", _S),
            ("launch_year", _I),
            ("launch_site", _S),
            ("launch_vehicle", _S),
            ("partners", _L),
        ]
    ),
    "documents": arrow.schema(
        [
            ("doc_id", _S),
            ("source_path", _S),
            ("sha256", _S),
            ("title", _S),
            ("text", _S),
            ("chars", _I),
            ("encoding", _S),
            ("bytes", _I),
        ]
    ),
    "evidence": arrow.schema(
        [
            ("evidence_id", _S),
            ("fact_table", _S),
            ("fact_id", _S),
            ("doc_id", _S),
            ("char_start", _I),
            ("char_end", _I),
            ("quote", _S),
            ("method", _S),
        ]
    ),
}

ARROW_SCHEMAS["conflicts"] = arrow.schema(
    [
        ("fact_table", _S),
        ("fact_id", _S),
        ("attribute", _S),
        ("value", _S),
        ("chosen", arrow.bool_()),
        ("doc_id", _S),
        ("char_start", _I),
        ("char_end", _I),
    ]
)

PRIMARY_KEYS: dict[str, str] = {
    "memberships": "membership_id",
    "agreements": "agreement_id",
    "missions": "mission_id",
    "documents": "doc_id",
    "evidence": "evidence_id",
}
CONTRACT_TABLES: tuple[str, ...] = ("memberships", "agreements", "missions", "documents", "evidence")

TABLES: tuple[str, ...] = tuple(MODELS)


class Rejections(_Contract):
    """One row per input file that is not a document, with the reason (see pipeline.core.intake)."""

    source_path: Series[str] = pa.Field(
        description="The file's path relative to the corpus folder.", unique=True, str_length={"min_value": 1}
    )
    sha256: Series[str] = pa.Field(
        description="sha256 of the raw bytes; null when the file could not be read safely (a link, "
        "a file deleted or changed during the build).",
        nullable=True,
        str_matches=r"^[0-9a-f]{64}$",
    )
    bytes: Series[pd.Int64Dtype] = pa.Field(
        description="Size of the file in bytes, when read.", nullable=True, ge=0
    )
    reason: Series[str] = pa.Field(
        description="Why the file is not a document, in words (e.g. 'duplicate of a.txt').",
        str_length={"min_value": 1},
    )


# Not one of TABLES: rejections are a report on the build's inputs, written beside the dataset's tables
# as `rejections.parquet` in each release (see pipeline.release.publish).
REJECTIONS = "rejections"
MODELS[REJECTIONS] = Rejections
ARROW_SCHEMAS[REJECTIONS] = arrow.schema([("source_path", _S), ("sha256", _S), ("bytes", _I), ("reason", _S)])


def empty_frame(table: str) -> pd.DataFrame:
    """A zero-row frame with the table's columns and dtypes."""
    return ARROW_SCHEMAS[table].empty_table().to_pandas(types_mapper=_types_mapper)


def _types_mapper(arrow_type: arrow.DataType) -> object:
    if arrow_type == _I:
        return pd.Int64Dtype()
    if arrow_type == _L:
        return pd.ArrowDtype(_L)
    return None


def validate(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Validate `frame` against the table's model (lazily: every failure at once)."""
    return MODELS[table].validate(frame, lazy=True)


def describe_failures(table: str, errors: pa.errors.SchemaErrors, samples: int = 5) -> str:
    """A readable summary of a failed validation: table, column, check and sample failing rows."""
    cases = errors.failure_cases
    lines = [f"table {table!r} failed validation ({len(cases)} failure case(s)):"]
    grouped = cases.groupby(["column", "check"], dropna=False, sort=True)
    for (column, check), group in grouped:
        column_name = "(whole table)" if pd.isna(column) or column == table else column
        sample = ", ".join(
            f"row {index}: {value!r}" if not pd.isna(index) else f"{value!r}"
            for index, value in zip(
                group["index"].head(samples), group["failure_case"].head(samples), strict=True
            )
        )
        more = f" (+{len(group) - samples} more)" if len(group) > samples else ""
        lines.append(
            f"  column {column_name!r} failed check {check!r} on {len(group)} row(s): {sample}{more}"
        )
    return "\n".join(lines)


def to_arrow(table: str, frame: pd.DataFrame) -> arrow.Table:
    """Convert a validated frame to Arrow with the table's fixed schema and column order."""
    schema = ARROW_SCHEMAS[table]
    columns = []
    for field in schema:
        values = frame[field.name]
        if pd.api.types.is_list_like(values.dtype) or field.type == _L:
            data = [None if v is None else [str(x) for x in v] for v in values.tolist()]
        elif field.type == _I:
            data = [None if pd.isna(v) else int(v) for v in values.tolist()]
        elif field.type == arrow.bool_():
            data = [bool(v) for v in values.tolist()]
        else:
            data = [None if v is None or (isinstance(v, float) and pd.isna(v)) else str(v) for v in values]
        columns.append(arrow.array(data, type=field.type))
    return arrow.Table.from_arrays(columns, schema=schema)


def from_arrow(table: arrow.Table) -> pd.DataFrame:
    """Read an Arrow table back into the frame types the models expect."""
    return table.to_pandas(types_mapper=_types_mapper)
