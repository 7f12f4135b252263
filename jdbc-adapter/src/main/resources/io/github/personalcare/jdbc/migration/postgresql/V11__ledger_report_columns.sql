-- Issue 13: the spend report totals the ledger in the database (EntryLog.total: GROUP BY and SUM over
-- these columns), never by loading entries. The columns are the index columns of BudgetStores.LEDGER,
-- written by every append from now on (SchemaDefinitions.addIndexes(EntryType) writes them;
-- SchemaDefinitionsTest checks). Entries are never updated, so rows written before this migration are
-- filled here from their documents, once.
ALTER TABLE budget_ledger_entry ADD COLUMN kind text COLLATE "C";
ALTER TABLE budget_ledger_entry ADD COLUMN entry_date DATE;
ALTER TABLE budget_ledger_entry ADD COLUMN category text COLLATE "C";
ALTER TABLE budget_ledger_entry ADD COLUMN amount_pence BIGINT;
UPDATE budget_ledger_entry
   SET kind = doc->>'kind',
       entry_date = (doc->>'date')::date,
       category = doc->'category'->>'code',
       amount_pence = (doc->'amount'->>'pence')::bigint;
-- The report reads one kind over a date range, grouped by date and category, summing the amount: all
-- from this index (an index-only scan once the table is vacuumed).
CREATE INDEX budget_ledger_entry_report_idx ON budget_ledger_entry (kind, entry_date) INCLUDE (category, amount_pence);
