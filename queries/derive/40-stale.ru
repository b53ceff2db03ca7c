#+ summary: Flag citations of versions already superseded at the citing text's date
#+ description: >
#+   Superseded by a version adopted in or before the citing text's year, but not
#+   by the very conference that the citing text comes from or is proposed to.
#+   Years and conferences of sources, targets and documents are read in
#+   graph/instruments, where each is stated once.
PREFIX itu: <https://w3id.org/itukg/ontology#>
PREFIX cito: <http://purl.org/spar/cito/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX frbr: <http://purl.org/vocab/frbr/core#>
INSERT { GRAPH <graph/derived> { ?c itu:staleTarget true ; itu:supersededAtCitation ?newer } }
WHERE {
  { SELECT ?c (MIN(?newer0) AS ?newer) WHERE {
      { SELECT ?c ?source ?doc ?work ?ty ?date WHERE {
          GRAPH ?g { ?c cito:hasCitedEntity ?target ; cito:hasCitingEntity ?source ; itu:inDocument ?doc }
          GRAPH <graph/instruments> { ?target itu:versionOf ?work ; itu:year ?ty }
          OPTIONAL { GRAPH <graph/instruments> { ?source itu:year ?sy } }
          OPTIONAL { GRAPH <graph/instruments> { ?doc itu:year ?dy } }
          BIND(COALESCE(?sy, ?dy) AS ?date)
          FILTER(BOUND(?date))
      } }
      GRAPH <graph/instruments> { ?newer0 itu:versionOf ?work ; itu:year ?ny }
      GRAPH <graph/derived> { ?newer0 itu:attested true }
      FILTER(?ny > ?ty && ?ny <= ?date && ?newer0 != ?source)
      # a version adopted by the conference the citing text comes from (or is
      # proposed to) did not exist yet when that text was written
      FILTER NOT EXISTS {
        GRAPH <graph/instruments> { ?newer0 itu:conference ?same
          { ?source itu:conference ?same } UNION { ?doc itu:conference ?same } }
      }
    } GROUP BY ?c }
}
