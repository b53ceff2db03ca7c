"""One router per resource: instruments, search, queries, sparql, pages."""
