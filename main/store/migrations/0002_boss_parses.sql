CREATE TABLE `boss_parses` (
	`character_id` integer NOT NULL,
	`boss_key` text NOT NULL,
	`difficulty` text NOT NULL,
	`percent` real NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`character_id`, `boss_key`, `difficulty`),
	FOREIGN KEY (`character_id`) REFERENCES `characters`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "boss_parse_difficulty" CHECK("boss_parses"."difficulty" in ('lfr', 'normal', 'heroic', 'mythic'))
);
