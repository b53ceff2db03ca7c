#+ summary: Flag the instruments that only citations tell of (no ingested document holds their text)
PREFIX itu: <https://w3id.org/itukg/ontology#>
PREFIX cito: <http://purl.org/spar/cito/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX frbr: <http://purl.org/vocab/frbr/core#>
INSERT { GRAPH <graph/derived> { ?target itu:knownByCitationOnly true } }
WHERE {
  GRAPH <graph/instruments> { ?target itu:key ?key }
  FILTER EXISTS { GRAPH ?g { ?c cito:hasCitedEntity ?target } }
  FILTER NOT EXISTS { GRAPH ?h { ?target itu:heldIn ?doc } }
  FILTER NOT EXISTS { GRAPH <graph/instruments> { ?v itu:versionOf ?target }
                      GRAPH ?k { ?v itu:heldIn ?doc2 } }
}
