"""One module per file format; each exposes ``read(path, data) -> Document``."""
