"""Reports into events: what one document says of an event (`reports.Report`), which stored event
a report describes (`matching`), and an event recomputed from all its reports (`refresh`)."""
