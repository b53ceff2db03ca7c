#+ summary: Store what search ranks instruments by (the service reads it instead of the whole graph)
#+ description: >
#+   For every cited instrument, the distinct words its citations quote
#+   (itu:quotedAs) and how many citation nodes cite it (itu:citationCount), once,
#+   in graph/derived; with the labels of graph/instruments, the named query
#+   instrument-index reads these alone, so the service's search index costs what
#+   the instruments do, not what the documents do.
PREFIX itu: <https://w3id.org/itukg/ontology#>
PREFIX cito: <http://purl.org/spar/cito/>
PREFIX oa: <http://www.w3.org/ns/oa#>
INSERT { GRAPH <graph/derived> { ?t itu:quotedAs ?quote } }
WHERE { { SELECT DISTINCT ?t ?quote WHERE {
  GRAPH ?g { ?c cito:hasCitedEntity ?t ; oa:hasTarget ?x . ?x oa:hasSelector ?s . ?s oa:exact ?quote }
} } } ;
INSERT { GRAPH <graph/derived> { ?t itu:citationCount ?n } }
WHERE { { SELECT ?t (COUNT(?c) AS ?n) WHERE { GRAPH ?g { ?c cito:hasCitedEntity ?t } } GROUP BY ?t } }
