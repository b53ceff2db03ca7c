#+ summary: Store which instruments address which actor
#+ description: >
#+   Once per ingest: for every instrument version whose operative paragraphs
#+   address an actor (in any document and view), itu:addresses links the
#+   version to the actor. mandates-to and mandate-changes pick the first
#+   versions or works of an actor from these few facts, then read the mandates
#+   of those only, instead of every mandate addressed to the actor.
PREFIX itu: <https://w3id.org/itukg/ontology#>
INSERT { GRAPH <graph/derived> { ?instrument itu:addresses ?actor } }
WHERE { { SELECT DISTINCT ?instrument ?actor WHERE {
  GRAPH ?g { ?m itu:addressee ?actor ; itu:onParagraph ?p . ?p itu:paragraphOf ?instrument }
} } }
