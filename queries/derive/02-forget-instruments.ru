#+ summary: Forget the instruments that no document names any more (after a removal or a change)
#+ description: >
#+   graph/instruments describes every key some document graph names (as
#+   subject or object), and the work of every such version; a key no document
#+   graph names is dropped with its description. Each check is an index lookup
#+   of that one key, so the cost grows with the instruments, not the documents.
PREFIX itu: <https://w3id.org/itukg/ontology#>
PREFIX cito: <http://purl.org/spar/cito/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX frbr: <http://purl.org/vocab/frbr/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
DELETE { GRAPH <graph/instruments> { ?i ?p ?o } }
WHERE {
  GRAPH <graph/instruments> { ?i itu:key ?key }
  FILTER NOT EXISTS { GRAPH ?g { ?i ?p1 ?o1 } FILTER(?g != <graph/instruments>) }
  FILTER NOT EXISTS { GRAPH ?g { ?s1 ?p1 ?i } FILTER(?g != <graph/instruments>) }
  FILTER NOT EXISTS {
    GRAPH <graph/instruments> { ?v itu:versionOf ?i }
    { GRAPH ?g { ?v ?p2 ?o2 } FILTER(?g != <graph/instruments>) }
    UNION { GRAPH ?g { ?s2 ?p2 ?v } FILTER(?g != <graph/instruments>) }
  }
  GRAPH <graph/instruments> { ?i ?p ?o }
}
