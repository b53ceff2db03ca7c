#+ summary: Store which instruments make a stale citation
#+ description: >
#+   Once per ingest, after the stale flags (derive/40-stale.ru): every
#+   instrument that makes at least one stale citation is flagged
#+   (itu:makesStaleCitation), so that stale-citations picks its first citing
#+   instruments from a few thousand facts instead of every stale citation.
PREFIX itu: <https://w3id.org/itukg/ontology#>
PREFIX cito: <http://purl.org/spar/cito/>
INSERT { GRAPH <graph/derived> { ?source itu:makesStaleCitation true } }
WHERE { { SELECT DISTINCT ?source WHERE {
  GRAPH <graph/derived> { ?stale itu:staleTarget true }
  GRAPH ?g { ?stale cito:hasCitingEntity ?source }
} } }
