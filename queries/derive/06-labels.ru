#+ summary: Choose each instrument's label once (skos:prefLabel)
#+ description: >
#+   graph/instruments keeps every form documents name a key by (the plain label,
#+   and "Rev. …" for a version first named so in some document); the chosen
#+   label, skos:prefLabel in graph/derived, is the least of them in code-point
#+   order, so it never depends on the order documents were ingested in.
PREFIX itu: <https://w3id.org/itukg/ontology#>
PREFIX cito: <http://purl.org/spar/cito/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX frbr: <http://purl.org/vocab/frbr/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
INSERT { GRAPH <graph/derived> { ?i skos:prefLabel ?label } }
WHERE { { SELECT ?i (MIN(?l) AS ?label) WHERE { GRAPH <graph/instruments> { ?i rdfs:label ?l } }
          GROUP BY ?i } }
