#+ summary: Store the counts that whole-graph statistics read (most-cited, citations-by-section)
#+ description: >
#+   Over the current view, once per ingest: for every cited instrument, the
#+   distinct instruments that cite it (itu:citingSourceCount) and the citation
#+   nodes that do (itu:currentCitationCount); and for every heading and typed
#+   relation, a tally node (a blank node with itu:section, "" for none,
#+   itu:relation and itu:currentCitationCount). The named queries read these
#+   few facts instead of grouping every citation of every document.
PREFIX itu: <https://w3id.org/itukg/ontology#>
PREFIX cito: <http://purl.org/spar/cito/>
INSERT { GRAPH <graph/derived> { ?t itu:citingSourceCount ?sources ; itu:currentCitationCount ?n } }
WHERE { { SELECT ?t (COUNT(DISTINCT ?s) AS ?sources) (COUNT(?c) AS ?n) WHERE {
  GRAPH ?g { ?c itu:view "current" ; cito:hasCitedEntity ?t ; cito:hasCitingEntity ?s }
} GROUP BY ?t } } ;
INSERT { GRAPH <graph/derived> { [] itu:section ?section ; itu:relation ?relation ;
                                    itu:currentCitationCount ?n } }
WHERE { { SELECT ?section ?relation (COUNT(?c) AS ?n) WHERE {
  GRAPH ?g { ?c a itu:Citation ; itu:relation ?relation ; itu:view "current" .
             OPTIONAL { ?c itu:section ?s } }
  BIND(COALESCE(?s, "") AS ?section)
} GROUP BY ?section ?relation } }
