#+ summary: Materialise the standard citation edges (ELI, CiTO, DCTERMS) once per distinct edge
#+ description: >
#+   Document graphs state itu:cites (and its typed sub-property) for their own
#+   citations; eli:cites, cito:cites and dcterms:references are stated here once
#+   per source and target, however many documents make that citation, so that
#+   queries written against ELI, CiTO or DCTERMS work without a reasoner.
PREFIX itu: <https://w3id.org/itukg/ontology#>
PREFIX cito: <http://purl.org/spar/cito/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX frbr: <http://purl.org/vocab/frbr/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
INSERT { GRAPH <graph/derived> { ?s eli:cites ?t ; cito:cites ?t ; dcterms:references ?t } }
WHERE { { SELECT DISTINCT ?s ?t WHERE { GRAPH ?g { ?s itu:cites ?t } } } }
