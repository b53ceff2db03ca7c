#+ summary: State each version's step to its work next to the citation edges
#+ description: >
#+   itu:versionOf is stated once per version in graph/instruments; the same step
#+   is stated here as itu:stepToWork, so that a chain of citations and versions
#+   (path-between) is followed inside graph/derived alone, not over the union of
#+   every graph (about ten times slower to follow).
PREFIX itu: <https://w3id.org/itukg/ontology#>
INSERT { GRAPH <graph/derived> { ?version itu:stepToWork ?work } }
WHERE { GRAPH <graph/instruments> { ?version itu:versionOf ?work } }
