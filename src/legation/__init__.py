"""Legation: a living, sourced model of the world's diplomatic network."""

__version__ = "0.1.0"
