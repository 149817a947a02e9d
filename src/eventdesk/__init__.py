"""eventdesk: raw news articles -> sourced, geocoded ACLED-style conflict event data."""

__version__ = "0.1.0"
