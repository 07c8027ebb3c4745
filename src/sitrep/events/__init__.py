"""Event detection and coding internals used by the events, coding and notes stages."""
