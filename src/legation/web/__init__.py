"""The analyst's desk: a JSON API over the ledger and the web page that shows it.

`create_app(db_path, token=None)` builds the FastAPI application; `legation serve` runs it.
The API is a thin layer over `legation.queries.Legation`: each route turns query parameters
into one call and returns its answer as JSON.
"""

from .app import create_app

__all__ = ["create_app"]
