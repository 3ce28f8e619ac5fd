"""Exchange formats: what the field already uses, in and out of the ledger.

- `gdelt`: GDELT 2.0 event exports in (CAMEO mapped to PLOVER, source URLs kept);
- `formats`: events out as PLOVER JSON, CAMEO-coded TSV, CSV and Parquet, and Legation's own
  exports back in (a round trip gives the same ledger);
- `graph`: the channel network on a date as GraphML;
- `dictionaries`: CAMEO/PETRARCH actor and agent dictionaries for the extractor;
- `cameo`: CAMEO event, country and agent codes; `data/cameo_plover.csv` and its licence;
- `staging`: large writes staged in DuckDB and merged with the ledger's rules.
"""
