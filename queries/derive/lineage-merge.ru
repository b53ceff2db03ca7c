#+ summary: Merge the recomputed lineage of some works into graph/lineage
#+ kind: lineage
#+ description: >
#+   Not one of the derive steps (its kind is lineage): run by an incremental
#+   derive_lineage after it loaded graph/lineage-plan (each recomputed work as an
#+   itu:Work, each other work whose steps move as its itu:order shift) and
#+   graph/lineage-new (the recomputed works' steps, numbered as a full recompute
#+   numbers them). One request, hence one transaction; the two graphs dropped.
PREFIX itu: <https://w3id.org/itukg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
DELETE { GRAPH <graph/lineage> { ?to prov:wasRevisionOf ?from ; prov:qualifiedRevision ?step } }
WHERE {
  GRAPH <graph/lineage-plan> { ?work a itu:Work }
  GRAPH <graph/lineage> {
    ?step itu:work ?work ; itu:fromParagraph ?from ; itu:toParagraph ?to .
  }
} ;
DELETE { GRAPH <graph/lineage> { ?step ?p ?o } }
WHERE {
  GRAPH <graph/lineage-plan> { ?work a itu:Work }
  GRAPH <graph/lineage> { ?step itu:work ?work ; ?p ?o }
} ;
DELETE { GRAPH <graph/lineage> { ?step itu:order ?order } }
INSERT { GRAPH <graph/lineage> { ?step itu:order ?moved } }
WHERE {
  GRAPH <graph/lineage-plan> { ?work itu:order ?shift }
  GRAPH <graph/lineage> { ?step itu:work ?work ; itu:order ?order }
  BIND(?order + ?shift AS ?moved)
} ;
INSERT { GRAPH <graph/lineage> { ?s ?p ?o } }
WHERE { GRAPH <graph/lineage-new> { ?s ?p ?o } } ;
DROP SILENT GRAPH <graph/lineage-new> ;
DROP SILENT GRAPH <graph/lineage-plan>
