"""Extraction of diplomatic events from article text (spaCy-based). Only the loader imports this."""

# bump when extraction output changes: documents extracted by an older version are re-extracted
EXTRACTOR_VERSION = "2"
