#+ summary: State every step of a chain of citations with one property, next to the citation edges
#+ description: >
#+   itu:chainStep is each eli:cites edge (stated once per edge just before) and
#+   each version's itu:versionOf (once per version in graph/instruments), so
#+   that path-between follows a chain inside graph/derived alone, with one
#+   property: over the union of every graph a path is about ten times slower to
#+   follow, and an alternative of two properties looks each node up twice.
PREFIX itu: <https://w3id.org/itukg/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
INSERT { GRAPH <graph/derived> { ?from itu:chainStep ?to } }
WHERE {
  { GRAPH <graph/derived> { ?from eli:cites ?to } }
  UNION
  { GRAPH <graph/instruments> { ?from itu:versionOf ?to } }
}
