#+ summary: Store, for every key with amendments, how many rows amendments-of gives for it
#+ description: >
#+   The distinct rows (proposal id, action, target, result, document) of the
#+   proposals made in a document, or that change or produce a key or a version
#+   of it, counted once per ingest for every such key (itu:amendmentsCount):
#+   the total of a page of amendments, read instead of counting thousands of
#+   proposals per request. A key without amendments has none (counted at
#+   request time: nothing to count).
PREFIX itu: <https://w3id.org/itukg/ontology#>
INSERT { GRAPH <graph/derived> { ?key itu:amendmentsCount ?n } }
WHERE { { SELECT ?key (COUNT(*) AS ?n) WHERE {
  { SELECT DISTINCT ?key ?proposal ?action ?target ?result ?document WHERE {
    # every proposal's rows, read once in its document's graph
    { SELECT ?p ?proposal ?action ?target ?result ?document WHERE {
      GRAPH ?g { ?p itu:action ?action ; itu:proposedIn ?document
        OPTIONAL { ?p itu:proposalId ?proposal }
        OPTIONAL { ?p itu:proposesAmendmentOf|itu:proposesSuppressionOf ?target }
        OPTIONAL { ?p itu:proposesVersion ?result } }
    } }
    # the keys it counts for: its document, what it changes or produces, and
    # the work of that
    { SELECT DISTINCT ?p ?key WHERE {
      { GRAPH ?h { ?p itu:proposedIn ?key } }
      UNION
      { GRAPH ?h { ?p itu:proposesAmendmentOf|itu:proposesSuppressionOf|itu:proposesVersion ?key } }
      UNION
      { GRAPH ?h { ?p itu:proposesAmendmentOf|itu:proposesSuppressionOf|itu:proposesVersion ?x }
        GRAPH <graph/instruments> { ?x itu:versionOf ?key } }
    } }
  } }
} GROUP BY ?key } }
