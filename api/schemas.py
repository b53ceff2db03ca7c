"""The response models (pydantic, only at the API edge). Field names are the
snake_case variables of the named queries."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

Value = str | int | float | bool | None
T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a long list: ``next`` is the URL of the following page."""

    items: list[T]
    total: int = Field(description="length of the whole list")
    offset: int
    limit: int
    next: str | None = None


class Evidence(BaseModel):
    """Where a citation stands and the words that carry it."""

    document: str = Field(description="key of the document the text is in")
    view: str = Field(description="current or previous")
    section: str | None = None
    paragraph: str | None = None
    pinpoint: str | None = None
    quote: str = Field(description="the citation's words, verbatim")


class CitationEdge(BaseModel):
    source: str
    source_label: str | None = None
    target: str
    target_label: str | None = None
    relation: str = Field(description="the typed citation property, e.g. itu:recalls")
    evidence: Evidence


class VersionOut(BaseModel):
    version: str
    label: str | None = None
    year: int | None = None
    revision: str | None = None
    conference: str | None = None
    status: str = Field(description="attested or proposed")
    held: bool = Field(description="an ingested document holds its text")


class SupersedesEdge(BaseModel):
    """``version`` (the key, or a version of a work key) supersedes ``superseded``:
    adopted (the chain of known versions) or proposed (a MOD proposal)."""

    version: str
    superseded: str
    label: str | None = None
    status: str = Field(description="adopted or proposed")
    proposal: str | None = None
    document: str | None = None


class SupersededByEdge(BaseModel):
    """``version`` is superseded by ``successor``: adopted, proposed (MOD) or
    suppression proposed (SUP, no successor)."""

    version: str
    successor: str | None = None
    label: str | None = None
    status: str = Field(description="adopted, proposed or suppression proposed")
    proposal: str | None = None
    document: str | None = None


class AmendmentOut(BaseModel):
    proposal: str | None = None
    action: str = Field(description="MOD, ADD, SUP or NOC")
    target: str | None = Field(None, description="the version changed")
    result: str | None = Field(None, description="the version produced")
    document: str = Field(description="the proposing document")


class Counts(BaseModel):
    cites: int = Field(description="distinct instruments it cites")
    cited_by: int = Field(description="distinct instruments that cite it")
    citations_made: int
    citations_received: int
    versions: int
    amendments: int


class InstrumentSummary(BaseModel):
    key: str
    iri: str
    label: str | None = None
    labels: list[str] = Field(description="every label the graph gives it")
    body: str | None = None
    kind: str = Field(description="resolution, decision, document … (from the key)")
    level: str = Field(description="work or version")
    work: str | None = Field(None, description="the work a version realizes")
    types: list[str]
    year: int | None = None
    versions: list[VersionOut]
    counts: Counts
    links: dict[str, str]


class SearchHit(BaseModel):
    key: str
    label: str | None = None
    body: str | None = None
    score: float
    citations: int = Field(description="citations it receives")


class SearchPage(Page[SearchHit]):
    query: str


class ParamInfo(BaseModel):
    name: str
    type: str
    description: str
    default: str | None = None
    example: str | None = None


class QueryInfo(BaseModel):
    name: str
    summary: str
    description: str
    tags: list[str]
    params: list[ParamInfo]
    url: str


class QueryResult(Page[dict[str, Value]]):
    query: str
    params: dict[str, str]
    columns: list[str]


class ErrorOut(BaseModel):
    """An RFC 9457 problem (``application/problem+json``) with the service's
    extension members: ``error`` (a stable code) and ``message`` (= ``detail``)."""

    type: str = "about:blank"
    title: str | None = None
    status: int | None = None
    detail: str | None = None
    instance: str | None = None
    error: str
    message: str
    closest: list[str] | None = None
    grammar: list[str] | None = None


class SparqlHead(BaseModel):
    vars: list[str] = []
    link: list[str] | None = None


class SparqlResults(BaseModel):
    bindings: list[dict[str, dict[str, str]]]


class SparqlJson(BaseModel):
    """application/sparql-results+json (SPARQL 1.1 Query Results JSON Format)."""

    head: SparqlHead
    results: SparqlResults | None = None
    boolean: bool | None = None
