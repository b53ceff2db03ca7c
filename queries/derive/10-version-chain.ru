#+ summary: Link the attested versions of every work in order; a later version supersedes the one before it
#+ description: >
#+   Attested versions are those cited, amended, or held as adopted texts; a
#+   version known only as what a proposal would produce stays out of the chain.
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
  { SELECT DISTINCT ?earlier ?later WHERE {
      GRAPH ?g1 { ?earlier itu:versionOf ?work ; itu:attested true .
                  OPTIONAL { ?earlier itu:year ?y1 } OPTIONAL { ?earlier itu:revision ?r1 } }
      GRAPH ?g2 { ?later itu:versionOf ?work ; itu:attested true .
                  OPTIONAL { ?later itu:year ?y2 } OPTIONAL { ?later itu:revision ?r2 } }
      BIND(COALESCE(?y1, ?r1) AS ?o1)
      BIND(COALESCE(?y2, ?r2) AS ?o2)
      FILTER(?o2 > ?o1)
      FILTER NOT EXISTS {
        GRAPH ?g3 { ?mid itu:versionOf ?work ; itu:attested true .
                    OPTIONAL { ?mid itu:year ?y3 } OPTIONAL { ?mid itu:revision ?r3 } }
        BIND(COALESCE(?y3, ?r3) AS ?o3)
        FILTER(?o3 > ?o1 && ?o3 < ?o2)
      }
  } }
}
