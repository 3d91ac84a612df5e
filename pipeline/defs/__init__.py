"""The Dagster shell: assets, checks and resources that wire the pure core together."""
