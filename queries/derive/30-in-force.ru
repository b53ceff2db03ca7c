#+ summary: Resolve each citation of a work to the version in force at the citing text's date
#+ description: >
#+   The citing date is the year of the citing version, else of the citing
#+   document's conference; the version in force is the latest known version of the
#+   cited work adopted in or before that year.
PREFIX itu: <https://w3id.org/itukg/ontology#>
PREFIX cito: <http://purl.org/spar/cito/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX frbr: <http://purl.org/vocab/frbr/core#>
INSERT { GRAPH <graph/derived> { ?c itu:resolvedVersion ?version } }
WHERE {
  { SELECT ?c ?work (MAX(?vy) AS ?best) WHERE {
      GRAPH ?g { ?c cito:hasCitedEntity ?work ; cito:hasCitingEntity ?source ; itu:inDocument ?doc }
      GRAPH <graph/instruments> { ?v itu:versionOf ?work ; itu:year ?vy }
      GRAPH <graph/derived> { ?v itu:attested true }
      OPTIONAL { GRAPH <graph/instruments> { ?source itu:year ?sy } }
      OPTIONAL { GRAPH <graph/instruments> { ?doc itu:year ?dy } }
      BIND(COALESCE(?sy, ?dy) AS ?date)
      FILTER(BOUND(?date) && ?vy <= ?date)
    } GROUP BY ?c ?work }
  GRAPH <graph/instruments> { ?version itu:versionOf ?work ; itu:year ?best }
  GRAPH <graph/derived> { ?version itu:attested true }
}
