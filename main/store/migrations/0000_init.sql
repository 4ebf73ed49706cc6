CREATE TABLE `characters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`region` text NOT NULL,
	`realm_slug` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`class_name` text,
	`spec_name` text,
	`item_level` integer,
	`last_login_at` integer,
	`created_at` integer NOT NULL,
	CONSTRAINT "characters_region" CHECK("characters"."region" in ('us', 'eu', 'kr', 'tw', 'cn'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `characters_identity` ON `characters` (`region`,`realm_slug`,`name_key`);--> statement-breakpoint
CREATE TABLE `encounter_snapshot_entries` (
	`snapshot_id` integer NOT NULL,
	`boss_key` text NOT NULL,
	`boss_name` text NOT NULL,
	`difficulty` text NOT NULL,
	`completed_count` integer NOT NULL,
	`last_kill_at` integer,
	PRIMARY KEY(`snapshot_id`, `boss_key`, `difficulty`),
	FOREIGN KEY (`snapshot_id`) REFERENCES `encounter_snapshots`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "snapshot_entry_difficulty" CHECK("encounter_snapshot_entries"."difficulty" in ('lfr', 'normal', 'heroic', 'mythic')),
	CONSTRAINT "snapshot_entry_count" CHECK("encounter_snapshot_entries"."completed_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE `encounter_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`character_id` integer NOT NULL,
	`captured_at` integer NOT NULL,
	`week_start` integer NOT NULL,
	FOREIGN KEY (`character_id`) REFERENCES `characters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `encounter_snapshot_week` ON `encounter_snapshots` (`character_id`,`week_start`,`captured_at`);--> statement-breakpoint
CREATE TABLE `keystone_run_observations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`character_id` integer NOT NULL,
	`week_start` integer NOT NULL,
	`dungeon` text NOT NULL,
	`level` integer NOT NULL,
	`completed_at` integer NOT NULL,
	`timed` integer,
	`source` text NOT NULL,
	`observed_at` integer NOT NULL,
	FOREIGN KEY (`character_id`) REFERENCES `characters`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "keystone_run_level" CHECK("keystone_run_observations"."level" >= 0),
	CONSTRAINT "keystone_run_source" CHECK("keystone_run_observations"."source" in ('blizzard', 'warcraftlogs', 'raiderio'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `keystone_run_identity` ON `keystone_run_observations` (`character_id`,`source`,`dungeon`,`level`,`completed_at`);--> statement-breakpoint
CREATE INDEX `keystone_run_week` ON `keystone_run_observations` (`character_id`,`week_start`);--> statement-breakpoint
CREATE TABLE `raid_kill_observations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`character_id` integer NOT NULL,
	`week_start` integer NOT NULL,
	`boss_key` text NOT NULL,
	`boss_name` text NOT NULL,
	`difficulty` text NOT NULL,
	`source` text NOT NULL,
	`killed_at` integer,
	`observed_at` integer NOT NULL,
	FOREIGN KEY (`character_id`) REFERENCES `characters`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "raid_kill_difficulty" CHECK("raid_kill_observations"."difficulty" in ('lfr', 'normal', 'heroic', 'mythic')),
	CONSTRAINT "raid_kill_source" CHECK("raid_kill_observations"."source" in ('blizzard', 'warcraftlogs', 'snapshot'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `raid_kill_identity` ON `raid_kill_observations` (`character_id`,`week_start`,`boss_key`,`difficulty`,`source`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value_json` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `source_sync_status` (
	`character_id` integer NOT NULL,
	`source` text NOT NULL,
	`last_attempt_at` integer,
	`last_success_at` integer,
	`last_error_code` text,
	`last_error_message` text,
	PRIMARY KEY(`character_id`, `source`),
	FOREIGN KEY (`character_id`) REFERENCES `characters`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "sync_status_source" CHECK("source_sync_status"."source" in ('blizzard', 'warcraftlogs', 'raiderio'))
);
--> statement-breakpoint
CREATE TABLE `vault_results` (
	`character_id` integer NOT NULL,
	`week_start` integer NOT NULL,
	`week_end` integer NOT NULL,
	`period` integer NOT NULL,
	`vault_json` text NOT NULL,
	`computed_at` integer NOT NULL,
	PRIMARY KEY(`character_id`, `week_start`),
	FOREIGN KEY (`character_id`) REFERENCES `characters`(`id`) ON UPDATE no action ON DELETE cascade
);
