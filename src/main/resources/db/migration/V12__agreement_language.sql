-- The language a version of an agreement is written in, chosen when staff generate it: re-rendering and the
-- signature page added at execution speak the same language. Versions generated before were English.
ALTER TABLE agreement_version ADD COLUMN language VARCHAR(8) NOT NULL DEFAULT 'en';
