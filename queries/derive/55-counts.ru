#+ summary: Store the counts that statistics and instrument summaries read
#+ description: >
#+   Over the current view, once per ingest: for every cited instrument, the
#+   distinct instruments that cite it (itu:citingSourceCount) and the citation
#+   nodes that do (itu:currentCitationCount); and for every heading and typed
#+   relation, a tally node (a blank node with itu:section, "" for none,
#+   itu:relation and itu:currentCitationCount); and for every key (a work with
#+   its versions) what instrument-counts gives: distinct instruments it cites
#+   and that cite it, citation nodes made and received. The queries read these
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
 ;
INSERT { GRAPH <graph/derived> { ?key itu:citesCount ?cites ; itu:citationsMadeCount ?made } }
WHERE { { SELECT ?key (COUNT(DISTINCT ?cited) AS ?cites) (COUNT(DISTINCT ?c) AS ?made) WHERE {
  # a citation counts for its source and for the work of its source (cites with
  # a work key aggregates its versions: ?source itu:versionOf? ?key)
  GRAPH ?g { ?c cito:hasCitingEntity ?source ; cito:hasCitedEntity ?cited }
  OPTIONAL { GRAPH <graph/instruments> { ?source itu:versionOf ?work } }
  VALUES ?level { "self" "work" }
  BIND(IF(?level = "self", ?source, ?work) AS ?key)
  FILTER(BOUND(?key))
} GROUP BY ?key } } ;
INSERT { GRAPH <graph/derived> { ?key itu:citedByCount ?citing ; itu:citationsReceivedCount ?received } }
WHERE { { SELECT ?key (COUNT(DISTINCT ?source) AS ?citing) (COUNT(DISTINCT ?c) AS ?received) WHERE {
  GRAPH ?g { ?c cito:hasCitedEntity ?target ; cito:hasCitingEntity ?source }
  OPTIONAL { GRAPH <graph/instruments> { ?target itu:versionOf ?work } }
  VALUES ?level { "self" "work" }
  BIND(IF(?level = "self", ?target, ?work) AS ?key)
  FILTER(BOUND(?key))
} GROUP BY ?key } }
