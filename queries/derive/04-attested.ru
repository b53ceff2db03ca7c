#+ summary: State once that a version is attested (some document graph attests it)
PREFIX itu: <https://w3id.org/itukg/ontology#>
PREFIX cito: <http://purl.org/spar/cito/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX frbr: <http://purl.org/vocab/frbr/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
INSERT { GRAPH <graph/derived> { ?v itu:attested true } }
WHERE { { SELECT DISTINCT ?v WHERE { GRAPH ?g { ?v itu:attestedIn ?doc } } } }
