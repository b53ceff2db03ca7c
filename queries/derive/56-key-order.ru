#+ summary: Store, for every key that the version and amendment lookups sort by, its order as an integer and a short string
#+ description: >
#+   A key (its IRI after the base) read as digits in base 97, one a
#+   character: 0 past its end, 1 to 95 printable ASCII in code point order, 96
#+   any other (and 0 after that one). itu:keyOrder is the number of its first
#+   8 characters (below 2^53, exact in every store) and itu:keyOrderTail the
#+   rest of it (the whole key when those 8 are not all ASCII). Keys ordered by
#+   the two are in string order, so supersedes, superseded-by and
#+   amendments-of sort by them: an inline integer and, for a key of up to 23
#+   characters, an inline string,
#+   where comparing two keys themselves reads both from the store. For every
#+   key those lookups sort by: the ends of the version chain, the versions of
#+   works, the ends of proposals and their documents.
PREFIX itu: <https://w3id.org/itukg/ontology#>
INSERT { GRAPH <graph/derived> { ?k itu:keyOrder ?n ; itu:keyOrderTail ?tail } }
WHERE {
  { SELECT ?k (SUM(?digit * ?weight) AS ?n) WHERE {
    { SELECT DISTINCT ?k WHERE {
      { GRAPH <graph/derived> { ?k itu:previousVersion|itu:nextVersion ?other } }
      UNION
      { GRAPH ?g { ?p itu:proposedIn|itu:proposesAmendmentOf|itu:proposesSuppressionOf|itu:proposesVersion ?k } }
      UNION
      { GRAPH <graph/instruments> { ?k itu:versionOf ?work } }
    } }
    # the key up to its first character outside ASCII, if any: the characters
    # after one count as past its end (keys that differ there are told apart by
    # the tail, the whole key)
    BIND(REPLACE(SUBSTR(STR(?k), STRLEN(STR(<graph/derived>)) - STRLEN("graph/derived") + 1),
                 "^([ -~]*[^ -~]).*$", "$1") AS ?key)
    VALUES (?i ?weight) {
      (1 80798284478113) (2 832972004929) (3 8587340257) (4 88529281)
      (5 912673) (6 9409) (7 97) (8 1)
    }
    BIND(SUBSTR(?key, ?i, 1) AS ?c)
    BIND(IF(?c = "", 0, IF(CONTAINS(" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~", ?c),
            STRLEN(STRBEFORE(" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~", ?c)) + 1, 96)) AS ?digit)
  } GROUP BY ?k }
  BIND(SUBSTR(STR(?k), STRLEN(STR(<graph/derived>)) - STRLEN("graph/derived") + 1) AS ?key)
  BIND(IF(REGEX(SUBSTR(?key, 1, 8), "^[ -~]*$"), SUBSTR(?key, 9), ?key) AS ?tail)
}
