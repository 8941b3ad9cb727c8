-- How many attempts the vendor's create took, for the console's customer look-up (NULL for customers
-- remembered before this column). Both engines run this unchanged.
ALTER TABLE customer_record ADD COLUMN attempts INTEGER;
