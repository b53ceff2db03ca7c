#+ summary: Forget the instruments that no document names any more (after a removal or a change)
#+ description: >
#+   graph/instruments describes every key some document graph names (as
#+   subject or object), and the work of every such version; a key no other
#+   graph names, and that no version in graph/instruments realizes, is dropped
#+   with its description: first such versions and works, then (the same update
#+   again) the works whose last version went. Each check is an index lookup of
#+   one key, so the cost grows with the instruments, not with the documents.
#+   Only document and reference graphs count: the derived graphs (graph/derived,
#+   cleared just before, and graph/lineage, derived after) do not keep a key.
PREFIX itu: <https://w3id.org/itukg/ontology#>
DELETE { GRAPH <graph/instruments> { ?i ?p ?o } }
WHERE {
  { SELECT ?i WHERE {
      GRAPH <graph/instruments> { ?i itu:key ?key }
      FILTER NOT EXISTS { GRAPH ?g { ?i ?p1 ?o1 } FILTER(?g NOT IN (<graph/instruments>, <graph/derived>, <graph/lineage>)) }
      FILTER NOT EXISTS { GRAPH ?g { ?s1 ?p1 ?i } FILTER(?g NOT IN (<graph/instruments>, <graph/derived>, <graph/lineage>)) }
      FILTER NOT EXISTS { GRAPH <graph/instruments> { ?v itu:versionOf ?i } }
  } }
  GRAPH <graph/instruments> { ?i ?p ?o }
} ;
DELETE { GRAPH <graph/instruments> { ?i ?p ?o } }
WHERE {
  { SELECT ?i WHERE {
      GRAPH <graph/instruments> { ?i itu:key ?key }
      FILTER NOT EXISTS { GRAPH ?g { ?i ?p1 ?o1 } FILTER(?g NOT IN (<graph/instruments>, <graph/derived>, <graph/lineage>)) }
      FILTER NOT EXISTS { GRAPH ?g { ?s1 ?p1 ?i } FILTER(?g NOT IN (<graph/instruments>, <graph/derived>, <graph/lineage>)) }
      FILTER NOT EXISTS { GRAPH <graph/instruments> { ?v itu:versionOf ?i } }
  } }
  GRAPH <graph/instruments> { ?i ?p ?o }
}
