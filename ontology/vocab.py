"""The itukg ontology as a closed namespace. Generated from itu.ttl by
``python -m ontology.codegen``; do not edit by hand."""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class ITU(DefinedNamespace):
    _NS = Namespace("https://w3id.org/itukg/ontology#")
    _fail = True

    Body: URIRef
    Citation: URIRef
    Conference: URIRef
    Decision: URIRef
    Document: URIRef
    ExternalBody: URIRef
    Extraction: URIRef
    FinalActs: URIRef
    NamedInstrument: URIRef
    Opinion: URIRef
    Proposal: URIRef
    Provision: URIRef
    Question: URIRef
    Recommendation: URIRef
    Resolution: URIRef
    Sections: URIRef
    Sector: URIRef
    SectorRecommendation: URIRef
    Version: URIRef
    Work: URIRef
    acknowledges: URIRef
    action: URIRef
    attested: URIRef
    bearsInMind: URIRef
    body: URIRef
    candidate: URIRef
    cites: URIRef
    citesAs: URIRef
    conference: URIRef
    considers: URIRef
    contentHash: URIRef
    date: URIRef
    emphasizes: URIRef
    hasVersion: URIRef
    headingConcept: URIRef
    heldIn: URIRef
    inDocument: URIRef
    instructsOn: URIRef
    invitesOn: URIRef
    isAwareOf: URIRef
    isConcernedBy: URIRef
    isConvincedBy: URIRef
    isGuidedBy: URIRef
    issues: URIRef
    key: URIRef
    kind: URIRef
    knownByCitationOnly: URIRef
    nextVersion: URIRef
    number: URIRef
    paragraph: URIRef
    part: URIRef
    partOf: URIRef
    pinpoint: URIRef
    place: URIRef
    previousVersion: URIRef
    proposalId: URIRef
    proposedIn: URIRef
    proposedSupersession: URIRef
    proposesAmendmentOf: URIRef
    proposesSuppressionOf: URIRef
    proposesVersion: URIRef
    provisionPrefix: URIRef
    reaffirms: URIRef
    recalls: URIRef
    recognizes: URIRef
    relation: URIRef
    resolvedVersion: URIRef
    resolvesOn: URIRef
    revision: URIRef
    section: URIRef
    sector: URIRef
    sourceFile: URIRef
    staleTarget: URIRef
    supersededAtCitation: URIRef
    supersededBy: URIRef
    supersedes: URIRef
    takesIntoAccount: URIRef
    takesNoteOf: URIRef
    versionOf: URIRef
    view: URIRef
    year: URIRef
