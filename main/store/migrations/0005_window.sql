CREATE TABLE `vaults_opened` (
	`character_id` integer NOT NULL,
	`week_start` integer NOT NULL,
	`opened_at` integer NOT NULL,
	PRIMARY KEY(`character_id`, `week_start`),
	FOREIGN KEY (`character_id`) REFERENCES `characters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `characters` ADD `realm_name` text;--> statement-breakpoint
ALTER TABLE `characters` ADD `raiderio_crawled_at` integer;