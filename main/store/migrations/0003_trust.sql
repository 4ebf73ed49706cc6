CREATE TABLE `feed_successes` (
	`character_id` integer NOT NULL,
	`feed` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`character_id`, `feed`, `at`),
	FOREIGN KEY (`character_id`) REFERENCES `characters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `source_sync_status` ADD `failing_since` integer;--> statement-breakpoint
CREATE INDEX `encounter_snapshot_time` ON `encounter_snapshots` (`character_id`,`captured_at`);--> statement-breakpoint
CREATE INDEX `keystone_run_time` ON `keystone_run_observations` (`character_id`,`completed_at`);--> statement-breakpoint
-- Hand-corrected: drizzle-kit 0.31 writes expression indexes with broken quoting.
CREATE INDEX `raid_kill_time` ON `raid_kill_observations` (`character_id`,coalesce(`killed_at`, `observed_at`));