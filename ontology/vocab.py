"""The namespaces of itukg. Generated from itu.ttl by
``python -m itukg.ontology.codegen``; do not edit by hand."""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

PREFIXES: dict[str, str] = {
    "cito": "http://purl.org/spar/cito/",
    "dcterms": "http://purl.org/dc/terms/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "frbr": "http://purl.org/vocab/frbr/core#",
    "hydra": "http://www.w3.org/ns/hydra/core#",
    "itu": "https://w3id.org/itukg/ontology#",
    "itukg": "https://w3id.org/itukg/",
    "oa": "http://www.w3.org/ns/oa#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "undo": "https://w3id.org/un/ontology/undo/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

CITO = Namespace(PREFIXES["cito"])
DCTERMS = Namespace(PREFIXES["dcterms"])
ELI = Namespace(PREFIXES["eli"])
FOAF = Namespace(PREFIXES["foaf"])
FRBR = Namespace(PREFIXES["frbr"])
HYDRA = Namespace(PREFIXES["hydra"])
ITUKG = Namespace(PREFIXES["itukg"])
OA = Namespace(PREFIXES["oa"])
OWL = Namespace(PREFIXES["owl"])
PROV = Namespace(PREFIXES["prov"])
RDF = Namespace(PREFIXES["rdf"])
RDFS = Namespace(PREFIXES["rdfs"])
SCHEMA = Namespace(PREFIXES["schema"])
SKOS = Namespace(PREFIXES["skos"])
UNDO = Namespace(PREFIXES["undo"])
XSD = Namespace(PREFIXES["xsd"])


class ITU(DefinedNamespace):
    _NS = Namespace(PREFIXES["itu"])
    _fail = True

    Actor: URIRef
    ActorGroup: URIRef
    ActorTemplate: URIRef
    Actors: URIRef
    Body: URIRef
    Citation: URIRef
    Conference: URIRef
    Decision: URIRef
    Document: URIRef
    ExternalBody: URIRef
    Extraction: URIRef
    FinalActs: URIRef
    LineageStep: URIRef
    Mandate: URIRef
    NamedInstrument: URIRef
    OperativeVerb: URIRef
    Opinion: URIRef
    OtherActor: URIRef
    Paragraph: URIRef
    Proposal: URIRef
    Provision: URIRef
    Question: URIRef
    Recommendation: URIRef
    Resolution: URIRef
    Sections: URIRef
    Sector: URIRef
    SectorRecommendation: URIRef
    Verbs: URIRef
    Version: URIRef
    Work: URIRef
    acknowledges: URIRef
    action: URIRef
    addressee: URIRef
    addresses: URIRef
    amendmentsCount: URIRef
    attested: URIRef
    attestedIn: URIRef
    bearsInMind: URIRef
    body: URIRef
    candidate: URIRef
    chainStep: URIRef
    citationCount: URIRef
    citationOrder: URIRef
    citationsMadeCount: URIRef
    citationsReceivedCount: URIRef
    citedAt: URIRef
    citedByCount: URIRef
    cites: URIRef
    citesAs: URIRef
    citesAt: URIRef
    citesCount: URIRef
    citingSourceCount: URIRef
    collaborationMarker: URIRef
    conference: URIRef
    considers: URIRef
    contentHash: URIRef
    currentCitationCount: URIRef
    date: URIRef
    deletedWords: URIRef
    emphasizes: URIRef
    fromParagraph: URIRef
    fromVersion: URIRef
    hasCitation: URIRef
    hasVersion: URIRef
    headingConcept: URIRef
    heldIn: URIRef
    inDocument: URIRef
    inInstrument: URIRef
    infinitive: URIRef
    insertedWords: URIRef
    instructsOn: URIRef
    invitesOn: URIRef
    isAwareOf: URIRef
    isConcernedBy: URIRef
    isConvincedBy: URIRef
    isGuidedBy: URIRef
    issues: URIRef
    key: URIRef
    keyOrder: URIRef
    keyOrderTail: URIRef
    kind: URIRef
    knownByCitationOnly: URIRef
    makesStaleCitation: URIRef
    mandateTarget: URIRef
    members: URIRef
    modifierLead: URIRef
    nextVersion: URIRef
    number: URIRef
    onParagraph: URIRef
    order: URIRef
    otherAddressee: URIRef
    paragraph: URIRef
    paragraphOf: URIRef
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
    quote: URIRef
    quotedAs: URIRef
    reaffirms: URIRef
    recalls: URIRef
    recognizes: URIRef
    relation: URIRef
    resolvedVersion: URIRef
    resolvesOn: URIRef
    revision: URIRef
    section: URIRef
    sector: URIRef
    selfAddressed: URIRef
    sourceFile: URIRef
    staleTarget: URIRef
    status: URIRef
    supersededAtCitation: URIRef
    supersededBy: URIRef
    supersedes: URIRef
    takesIntoAccount: URIRef
    takesNoteOf: URIRef
    text: URIRef
    toParagraph: URIRef
    toVersion: URIRef
    verb: URIRef
    versionOf: URIRef
    view: URIRef
    work: URIRef
    year: URIRef


MODEL = "0.3.0"  # the owl:versionInfo of itu.ttl
