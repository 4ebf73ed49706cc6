CREATE TABLE `blizzard_reads` (
	`character_id` integer PRIMARY KEY NOT NULL,
	`login_at` integer NOT NULL,
	`login_seen_at` integer NOT NULL,
	`read_at` integer NOT NULL,
	`scope` text NOT NULL,
	`reused_at` integer,
	FOREIGN KEY (`character_id`) REFERENCES `characters`(`id`) ON UPDATE no action ON DELETE cascade
);
