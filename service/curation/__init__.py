"""Editors' corrections: events changed, added and deleted (`event_edits`), duplicate participants
folded into one (`participant_merge`). Each public function is one unit of work."""
