-- Each person's chosen language and time zone; NULL means "as the browser says".
ALTER TABLE person ADD COLUMN language VARCHAR(8) NULL;
ALTER TABLE person ADD COLUMN time_zone VARCHAR(60) NULL;
