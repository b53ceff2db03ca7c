"""One module per file format; each exposes ``read(path, data) -> Document``.
``marks`` (formatted runs to text and changes) serves the DOCX, HTML and PDF
readers, ``pdflayout`` (page geometry to paragraphs) the PDF reader."""
