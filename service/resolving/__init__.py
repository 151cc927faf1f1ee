"""Resolving names into actors: every spelling of one person becomes one Actor with aliases.

`spellings` compares names (normal form, slug, same person); `lookup` finds, creates and extends
the Actor rows (the loader's `resolve`, the editors' `by_ref`, `add_alias` for participant merges).
"""
