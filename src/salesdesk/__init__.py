"""SalesDesk: an offline-first desktop application for sales managers."""

__version__ = "0.1.0"
