"""Scorers that measure sitrep against public gold data in ../shared/data."""
