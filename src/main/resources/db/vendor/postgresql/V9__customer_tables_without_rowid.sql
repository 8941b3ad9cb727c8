-- SQLite only (its tables keyed without a rowid); PostgreSQL keeps its tables as V5 and V8 made them.
SELECT 1;
