#+ summary: Link the attested versions of every work in order; a later version supersedes the one before it
#+ description: >
#+   Attested versions are those cited, amended, or held as adopted texts; a
#+   version known only as what a proposal would produce stays out of the chain.
#+   Each version is stated once (graph/instruments, attested in graph/derived),
#+   so the cost does not grow with the number of documents citing a work.
PREFIX itu: <https://w3id.org/itukg/ontology#>
PREFIX cito: <http://purl.org/spar/cito/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX frbr: <http://purl.org/vocab/frbr/core#>
INSERT {
  GRAPH <graph/derived> {
    ?later itu:previousVersion ?earlier ; itu:supersedes ?earlier ; dcterms:replaces ?earlier ;
           prov:wasRevisionOf ?earlier ; frbr:revisionOf ?earlier .
    ?earlier itu:nextVersion ?later ; itu:supersededBy ?later ; dcterms:isReplacedBy ?later ;
             frbr:revision ?later .
  }
}
WHERE {
  # the order of the next attested version of the same work, for every one
  { SELECT ?work ?earlier (MIN(?o2) AS ?next) WHERE {
      { SELECT ?work ?earlier ?o1 WHERE {
          GRAPH <graph/derived> { ?earlier itu:attested true }
          GRAPH <graph/instruments> { ?earlier itu:versionOf ?work .
                      OPTIONAL { ?earlier itu:year ?y1 } OPTIONAL { ?earlier itu:revision ?r1 } }
          BIND(COALESCE(?y1, ?r1) AS ?o1)
      } }
      { SELECT DISTINCT ?work ?o2 WHERE {
          GRAPH <graph/derived> { ?v2 itu:attested true }
          GRAPH <graph/instruments> { ?v2 itu:versionOf ?work .
                      OPTIONAL { ?v2 itu:year ?y2 } OPTIONAL { ?v2 itu:revision ?r2 } }
          BIND(COALESCE(?y2, ?r2) AS ?o2)
      } }
      FILTER(?o2 > ?o1)
  } GROUP BY ?work ?earlier }
  # the versions of that order
  { SELECT ?work ?later ?next WHERE {
      GRAPH <graph/derived> { ?later itu:attested true }
      GRAPH <graph/instruments> { ?later itu:versionOf ?work .
                  OPTIONAL { ?later itu:year ?y3 } OPTIONAL { ?later itu:revision ?r3 } }
      BIND(COALESCE(?y3, ?r3) AS ?next)
  } }
}
