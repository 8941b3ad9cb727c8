-- Times are kept as milliseconds since the epoch (UTC), as on PostgreSQL after its V3. SQLite stores a
-- value by what it is, not by the column's declared type: the TIMESTAMP columns of V1 and V2 hold those
-- numbers as they are, so there is nothing to convert here.
SELECT 1;
