"""For analysts: query a release with SQL, explain a fact, the data dictionary and the evidence report.

Everything here reads published releases (never writes to one, except `write_report`, which the
publisher calls on the staging folder before the release is sealed).
"""
