#+ summary: Flag citations of versions already superseded at the citing text's date
PREFIX itu: <https://w3id.org/itukg/ontology#>
PREFIX cito: <http://purl.org/spar/cito/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX frbr: <http://purl.org/vocab/frbr/core#>
INSERT { GRAPH <graph/derived> { ?c itu:staleTarget true ; itu:supersededAtCitation ?newer } }
WHERE {
  { SELECT ?c (MIN(?newer0) AS ?newer) WHERE {
      GRAPH ?g { ?c cito:hasCitedEntity ?target ; cito:hasCitingEntity ?source ; itu:inDocument ?doc }
      GRAPH ?g1 { ?target itu:versionOf ?work ; itu:year ?ty }
      GRAPH ?g2 { ?newer0 itu:versionOf ?work ; itu:year ?ny ; itu:attested true }
      OPTIONAL { GRAPH ?g3 { ?source itu:year ?sy } }
      OPTIONAL { GRAPH ?g4 { ?doc itu:year ?dy } }
      BIND(COALESCE(?sy, ?dy) AS ?date)
      FILTER(?ny > ?ty && BOUND(?date) && ?ny <= ?date && ?newer0 != ?source)
    } GROUP BY ?c }
}
