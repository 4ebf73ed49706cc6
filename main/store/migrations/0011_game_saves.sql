CREATE TABLE `game_saves` (
	`character_id` integer NOT NULL,
	`addon` text NOT NULL,
	`week_start` integer NOT NULL,
	`saved_at` integer NOT NULL,
	`slots` text NOT NULL,
	`rewards_waiting` integer,
	`read_at` integer NOT NULL,
	PRIMARY KEY(`character_id`, `addon`, `week_start`),
	FOREIGN KEY (`character_id`) REFERENCES `characters`(`id`) ON UPDATE no action ON DELETE cascade
);
