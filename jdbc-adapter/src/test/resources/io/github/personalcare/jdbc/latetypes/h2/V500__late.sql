-- A migration numbered below an applied one, to prove the runner refuses it.
CREATE TABLE late_table (id INTEGER PRIMARY KEY);
