"""Marshmallow schemas: the only definition of the wire format.

Query arguments, response bodies and problem+json. Schemas load to plain dicts and never
import the service package, so clients and tools can reuse them on their own.
"""
