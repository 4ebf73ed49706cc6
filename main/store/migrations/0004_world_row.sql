CREATE TABLE `activity_observations` (
	`character_id` integer NOT NULL,
	`week_start` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`tier` integer NOT NULL,
	`source` text NOT NULL,
	`count` integer NOT NULL,
	`first_seen_at` integer NOT NULL,
	`happened_at` integer,
	PRIMARY KEY(`character_id`, `week_start`, `kind`, `name`, `source`),
	FOREIGN KEY (`character_id`) REFERENCES `characters`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "activity_kind" CHECK("activity_observations"."kind" in ('delve', 'prey', 'world', 'heroic', 'mythic0')),
	CONSTRAINT "activity_source" CHECK("activity_observations"."source" in ('blizzard', 'snapshot')),
	CONSTRAINT "activity_count" CHECK("activity_observations"."count" > 0)
);
--> statement-breakpoint
CREATE INDEX `activity_observation_time` ON `activity_observations` (`character_id`,`first_seen_at`);--> statement-breakpoint
CREATE TABLE `activity_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`character_id` integer NOT NULL,
	`week_start` integer NOT NULL,
	`captured_at` integer NOT NULL,
	`statistics_json` text,
	`absent_quests_json` text,
	`clean_statistics` integer,
	`clean_dungeons` integer,
	`clean_quests` integer,
	FOREIGN KEY (`character_id`) REFERENCES `characters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `activity_snapshot_time` ON `activity_snapshots` (`character_id`,`captured_at`);