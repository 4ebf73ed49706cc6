CREATE TABLE `response_cache` (
	`key` text PRIMARY KEY NOT NULL,
	`last_modified` text NOT NULL,
	`value_json` text NOT NULL,
	`stored_at` integer NOT NULL
);
