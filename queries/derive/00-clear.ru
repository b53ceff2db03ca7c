#+ summary: Drop the derived graph before deriving it again
PREFIX itu: <https://w3id.org/itukg/ontology#>
PREFIX cito: <http://purl.org/spar/cito/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX frbr: <http://purl.org/vocab/frbr/core#>
DROP SILENT GRAPH <graph/derived>
