CREATE TABLE `crest_readings` (
	`character_id` integer NOT NULL,
	`week_start` integer NOT NULL,
	`statistic_id` integer NOT NULL,
	`name` text,
	`first_quantity` integer NOT NULL,
	`first_at` integer NOT NULL,
	`first_updated_at` integer,
	`latest_quantity` integer NOT NULL,
	`latest_at` integer NOT NULL,
	PRIMARY KEY(`character_id`, `week_start`, `statistic_id`),
	FOREIGN KEY (`character_id`) REFERENCES `characters`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "crest_quantities" CHECK("crest_readings"."first_quantity" >= 0 and "crest_readings"."latest_quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE `quest_checks` (
	`character_id` integer NOT NULL,
	`week_start` integer NOT NULL,
	`quest_id` integer NOT NULL,
	`present` integer NOT NULL,
	`seen_missing` integer NOT NULL,
	`appeared_at` integer,
	`checked_at` integer NOT NULL,
	`login_at` integer,
	PRIMARY KEY(`character_id`, `week_start`, `quest_id`),
	FOREIGN KEY (`character_id`) REFERENCES `characters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `characters` ADD `guild_name` text;--> statement-breakpoint
ALTER TABLE `characters` ADD `guild_realm` text;