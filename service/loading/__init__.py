"""Articles in: reading sources (`sources`), extracting and storing them (`ingest`, one transaction
per article), and the API's pushes and deletions of documents (`submissions`)."""
