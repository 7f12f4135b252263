-- Issue 13: the spend report totals the ledger in the database (EntryLog.total: GROUP BY and SUM over
-- these columns), never by loading entries. The columns are the index columns of BudgetStores.LEDGER,
-- written by every append from now on (SchemaDefinitions.addIndexes(EntryType) writes them;
-- SchemaDefinitionsTest checks). Entries are never updated, so rows written before this migration are
-- filled here from their documents, once. H2 stores documents as text: each value is read with a
-- regular expression anchored on its JSON key, which cannot match inside a string value (an
-- unescaped quote cannot occur there).
ALTER TABLE budget_ledger_entry ADD COLUMN kind CHARACTER VARYING;
ALTER TABLE budget_ledger_entry ADD COLUMN entry_date DATE;
ALTER TABLE budget_ledger_entry ADD COLUMN category CHARACTER VARYING;
ALTER TABLE budget_ledger_entry ADD COLUMN amount_pence BIGINT;
UPDATE budget_ledger_entry
   SET kind = REGEXP_SUBSTR(doc, '"kind":"([A-Z_]+)"', 1, 1, '', 1),
       entry_date = CAST(REGEXP_SUBSTR(doc, '"date":"([0-9-]+)"', 1, 1, '', 1) AS DATE),
       category = REGEXP_SUBSTR(doc, '"category":\{"code":"([^"]*)"\}', 1, 1, '', 1),
       amount_pence = CAST(REGEXP_SUBSTR(doc, '"amount":\{"pence":([0-9]+)\}', 1, 1, '', 1) AS BIGINT);
-- The report reads one kind over a date range, grouped by date and category, summing the amount: all
-- from this index.
CREATE INDEX budget_ledger_entry_report_idx ON budget_ledger_entry (kind, entry_date, category, amount_pence);
