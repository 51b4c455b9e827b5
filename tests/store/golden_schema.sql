-- index idx__sqlite_migrations_migration_set_name on _sqlite_migrations
CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name" ON "_sqlite_migrations" ("migration_set", "name");
-- index idx_accuracy_items_inspection_id on accuracy_items
CREATE INDEX "idx_accuracy_items_inspection_id" ON "accuracy_items" ("inspection_id");
-- index idx_agencies_inspection_id on agencies
CREATE INDEX "idx_agencies_inspection_id" ON "agencies" ("inspection_id");
-- index idx_allocations_inspection_id on allocations
CREATE INDEX "idx_allocations_inspection_id" ON "allocations" ("inspection_id");
-- index idx_area_reviews_inspection_id on area_reviews
CREATE INDEX "idx_area_reviews_inspection_id" ON "area_reviews" ("inspection_id");
-- index idx_audit_evaluations_child_id on audit_evaluations
CREATE INDEX "idx_audit_evaluations_child_id" ON "audit_evaluations" ("child_id");
-- index idx_audit_log_inspection_id on audit_log
CREATE INDEX "idx_audit_log_inspection_id" ON "audit_log" ("inspection_id");
-- index idx_children_inspection_id on children
CREATE INDEX "idx_children_inspection_id" ON "children" ("inspection_id");
-- index idx_codes_inspection_id_criterion_id on codes
CREATE INDEX "idx_codes_inspection_id_criterion_id" ON "codes" ("inspection_id", "criterion_id");
-- index idx_codes_source_id on codes
CREATE INDEX "idx_codes_source_id" ON "codes" ("source_id");
-- index idx_devices_inspection_id on devices
CREATE INDEX "idx_devices_inspection_id" ON "devices" ("inspection_id");
-- index idx_events_child_id on events
CREATE INDEX "idx_events_child_id" ON "events" ("child_id");
-- index idx_evidence_inspection_id on evidence
CREATE INDEX "idx_evidence_inspection_id" ON "evidence" ("inspection_id");
-- index idx_evidence_rules_inspection_id on evidence_rules
CREATE INDEX "idx_evidence_rules_inspection_id" ON "evidence_rules" ("inspection_id");
-- index idx_finding_sources_inspection_id on finding_sources
CREATE INDEX "idx_finding_sources_inspection_id" ON "finding_sources" ("inspection_id");
-- index idx_findings_inspection_id on findings
CREATE INDEX "idx_findings_inspection_id" ON "findings" ("inspection_id");
-- index idx_front_door_samples_inspection_id on front_door_samples
CREATE INDEX "idx_front_door_samples_inspection_id" ON "front_door_samples" ("inspection_id");
-- index idx_front_door_settings_inspection_id on front_door_settings
CREATE INDEX "idx_front_door_settings_inspection_id" ON "front_door_settings" ("inspection_id");
-- index idx_inspections_inspection_id on inspections
CREATE INDEX "idx_inspections_inspection_id" ON "inspections" ("inspection_id");
-- index idx_letter_versions_inspection_id on letter_versions
CREATE INDEX "idx_letter_versions_inspection_id" ON "letter_versions" ("inspection_id");
-- index idx_letters_inspection_id on letters
CREATE INDEX "idx_letters_inspection_id" ON "letters" ("inspection_id");
-- index idx_links_evidence_id on links
CREATE INDEX "idx_links_evidence_id" ON "links" ("evidence_id");
-- index idx_members_inspection_id on members
CREATE INDEX "idx_members_inspection_id" ON "members" ("inspection_id");
-- index idx_notes_inspection_id on notes
CREATE INDEX "idx_notes_inspection_id" ON "notes" ("inspection_id");
-- index idx_ops_entity_id_field on ops
CREATE INDEX "idx_ops_entity_id_field" ON "ops" ("entity_id", "field");
-- index idx_ops_inspection_id_device_id_seq on ops
CREATE UNIQUE INDEX "idx_ops_inspection_id_device_id_seq" ON "ops" ("inspection_id", "device_id", "seq");
-- index idx_ops_looked_up on ops
CREATE INDEX idx_ops_looked_up ON ops (inspection_id, entity, field) WHERE entity IN ('agency', 'child', 'evidence', 'inspection');
-- index idx_report_entries_inspection_id on report_entries
CREATE INDEX "idx_report_entries_inspection_id" ON "report_entries" ("inspection_id");
-- index idx_reviews_child_id on reviews
CREATE INDEX "idx_reviews_child_id" ON "reviews" ("child_id");
-- index idx_reviews_inspection_id on reviews
CREATE INDEX "idx_reviews_inspection_id" ON "reviews" ("inspection_id");
-- index idx_thematic_extracts_source on thematic_extracts
CREATE UNIQUE INDEX "idx_thematic_extracts_source" ON "thematic_extracts" ("source");
-- index idx_timetable_entries_inspection_id on timetable_entries
CREATE INDEX "idx_timetable_entries_inspection_id" ON "timetable_entries" ("inspection_id");
-- index sqlite_autoindex_accuracy_items_1 on accuracy_items
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_agencies_1 on agencies
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_allocations_1 on allocations
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_area_reviews_1 on area_reviews
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_audit_evaluations_1 on audit_evaluations
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_children_1 on children
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_clock_marks_1 on clock_marks
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_codes_1 on codes
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_conflicts_1 on conflicts
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_devices_1 on devices
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_events_1 on events
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_evidence_1 on evidence
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_evidence_rules_1 on evidence_rules
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_finding_sources_1 on finding_sources
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_findings_1 on findings
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_front_door_samples_1 on front_door_samples
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_front_door_settings_1 on front_door_settings
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_identity_1 on identity
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_inspection_keys_1 on inspection_keys
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_inspections_1 on inspections
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_letter_versions_1 on letter_versions
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_letters_1 on letters
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_links_1 on links
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_members_1 on members
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_notes_1 on notes
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_ops_1 on ops
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_report_entries_1 on report_entries
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_reviews_1 on reviews
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_sent_bundles_1 on sent_bundles
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_settings_1 on settings
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_sync_state_1 on sync_state
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_thematic_extracts_1 on thematic_extracts
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_thematic_keys_1 on thematic_keys
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_timetable_entries_1 on timetable_entries
-- (made by SQLite, no SQL)
-- table _sqlite_migrations on _sqlite_migrations
CREATE TABLE "_sqlite_migrations" ( "id" INTEGER PRIMARY KEY, "migration_set" TEXT, "name" TEXT, "applied_at" TEXT );
-- table accuracy_items on accuracy_items
CREATE TABLE "accuracy_items" ( "id" TEXT PRIMARY KEY, "inspection_id" TEXT, "created_at" TEXT, "created_by" TEXT, "created_device" TEXT, "updated_at" TEXT, "updated_by" TEXT, "version_id" TEXT, "kind" TEXT, "section" TEXT, "heading" TEXT, "paragraph" INTEGER, "quoted" TEXT, "comment" TEXT, "author" TEXT, "status" TEXT, "response" TEXT );
-- table agencies on agencies
CREATE TABLE "agencies" ( "id" TEXT PRIMARY KEY, "inspection_id" TEXT, "created_at" TEXT, "created_by" TEXT, "created_device" TEXT, "updated_at" TEXT, "updated_by" TEXT, "kind" TEXT, "name" TEXT, "in_scope" INTEGER , "service_type" TEXT);
-- table allocations on allocations
CREATE TABLE "allocations" ( "id" TEXT PRIMARY KEY, "inspection_id" TEXT, "created_at" TEXT, "created_by" TEXT, "created_device" TEXT, "updated_at" TEXT, "updated_by" TEXT, "member_id" TEXT, "target_kind" TEXT, "target_id" TEXT );
-- table area_reviews on area_reviews
CREATE TABLE "area_reviews" ( "id" TEXT PRIMARY KEY, "inspection_id" TEXT, "created_at" TEXT, "created_by" TEXT, "created_device" TEXT, "updated_at" TEXT, "updated_by" TEXT, "criterion_id" TEXT, "agency_id" TEXT, "observation" TEXT, "rating" TEXT, "strength" INTEGER, "concern" INTEGER, "moderated" INTEGER );
-- table audit_evaluations on audit_evaluations
CREATE TABLE "audit_evaluations" ( "id" TEXT PRIMARY KEY, "inspection_id" TEXT, "created_at" TEXT, "created_by" TEXT, "created_device" TEXT, "updated_at" TEXT, "updated_by" TEXT, "child_id" TEXT, "area_summary" TEXT, "agreement" TEXT, "evaluation" TEXT , "agency_id" TEXT);
-- table audit_log on audit_log
CREATE TABLE "audit_log" ( "id" INTEGER PRIMARY KEY, "at" TEXT, "action" TEXT, "inspection_id" TEXT, "actor" TEXT, "device_id" TEXT, "details" TEXT );
-- table children on children
CREATE TABLE "children" ( "id" TEXT PRIMARY KEY, "inspection_id" TEXT, "created_at" TEXT, "created_by" TEXT, "created_device" TEXT, "updated_at" TEXT, "updated_by" TEXT, "pseudonym" TEXT, "case_ref" TEXT, "age_band" TEXT, "selection" TEXT, "summary" TEXT, "agencies" TEXT, "private_name" TEXT, "private_address" TEXT, "private_school" TEXT, "private_dob" TEXT , "looked_at" TEXT);
-- table clock_marks on clock_marks
CREATE TABLE "clock_marks" ( "inspection_id" TEXT, "device_id" TEXT, "first_seq" INTEGER, "last_seq" INTEGER, "offset_ms" INTEGER, PRIMARY KEY ("inspection_id", "device_id", "first_seq") );
-- table codes on codes
CREATE TABLE "codes" ( "id" TEXT PRIMARY KEY, "inspection_id" TEXT, "created_at" TEXT, "created_by" TEXT, "created_device" TEXT, "updated_at" TEXT, "updated_by" TEXT, "source_kind" TEXT, "source_id" TEXT, "quote" TEXT, "criterion_id" TEXT, "mark" TEXT, "voice" TEXT, "passage_start" INTEGER, "passage_end" INTEGER, "agencies" TEXT );
-- table conflicts on conflicts
CREATE TABLE "conflicts" ( "entity_id" TEXT, "field" TEXT, "entity" TEXT, "inspection_id" TEXT, "op_ids" TEXT, PRIMARY KEY ("entity_id", "field") );
-- table devices on devices
CREATE TABLE "devices" ( "id" TEXT PRIMARY KEY, "inspection_id" TEXT, "created_at" TEXT, "created_by" TEXT, "created_device" TEXT, "updated_at" TEXT, "updated_by" TEXT, "public_key" TEXT, "status" TEXT, "member_id" TEXT, "label" TEXT, "is_lead" INTEGER, "evidence_block" INTEGER );
-- table events on events
CREATE TABLE "events" ( "id" TEXT PRIMARY KEY, "inspection_id" TEXT, "created_at" TEXT, "created_by" TEXT, "created_device" TEXT, "updated_at" TEXT, "updated_by" TEXT, "child_id" TEXT, "kind" TEXT, "summary" TEXT, "agency_id" TEXT, "date" TEXT , "time" TEXT, "lookback_reason" TEXT);
-- table evidence on evidence
CREATE TABLE "evidence" ( "id" TEXT PRIMARY KEY, "inspection_id" TEXT, "created_at" TEXT, "created_by" TEXT, "created_device" TEXT, "updated_at" TEXT, "updated_by" TEXT, "ref" TEXT, "title" TEXT, "source" TEXT, "sha256" TEXT, "file_name" TEXT, "media_type" TEXT, "description" TEXT, "size" INTEGER, "date" TEXT );
-- table evidence_rules on evidence_rules
CREATE TABLE "evidence_rules" ( "id" TEXT PRIMARY KEY, "inspection_id" TEXT, "created_at" TEXT, "created_by" TEXT, "created_device" TEXT, "updated_at" TEXT, "updated_by" TEXT, "min_sources" INTEGER, "min_kinds" INTEGER );
-- table field_heads on field_heads
CREATE TABLE field_heads (entity_id TEXT NOT NULL, field TEXT NOT NULL, op_id TEXT NOT NULL, inspection_id TEXT NOT NULL, PRIMARY KEY (entity_id, field, op_id)) WITHOUT ROWID;
-- table finding_sources on finding_sources
CREATE TABLE "finding_sources" ( "id" TEXT PRIMARY KEY, "inspection_id" TEXT, "created_at" TEXT, "created_by" TEXT, "created_device" TEXT, "updated_at" TEXT, "updated_by" TEXT, "finding_id" TEXT, "source_kind" TEXT, "source_id" TEXT );
-- table findings on findings
CREATE TABLE "findings" ( "id" TEXT PRIMARY KEY, "inspection_id" TEXT, "created_at" TEXT, "created_by" TEXT, "created_device" TEXT, "updated_at" TEXT, "updated_by" TEXT, "kind" TEXT, "title" TEXT, "text" TEXT, "agencies" TEXT, "moderated" INTEGER );
-- table front_door_samples on front_door_samples
CREATE TABLE "front_door_samples" ( "id" TEXT PRIMARY KEY, "inspection_id" TEXT, "created_at" TEXT, "created_by" TEXT, "created_device" TEXT, "updated_at" TEXT, "updated_by" TEXT, "label" TEXT, "child_id" TEXT, "source_kind" TEXT, "source_agency_id" TEXT, "source_role" TEXT, "threshold_decision" TEXT, "decision_by" TEXT, "decision_agreement" TEXT, "strategy_agreement" TEXT, "section47_agreement" TEXT, "child_seen" TEXT, "quality" TEXT, "notes" TEXT, "lookback_reason" TEXT, "contact_time" TEXT, "decision_time" TEXT, "strategy_time" TEXT, "section47_time" TEXT, "seen_time" TEXT, "contact_date" TEXT, "decision_date" TEXT, "strategy_date" TEXT, "section47_date" TEXT, "seen_date" TEXT, "strategy_agencies" TEXT );
-- table front_door_settings on front_door_settings
CREATE TABLE "front_door_settings" ( "id" TEXT PRIMARY KEY, "inspection_id" TEXT, "created_at" TEXT, "created_by" TEXT, "created_device" TEXT, "updated_at" TEXT, "updated_by" TEXT, "day_start" TEXT, "day_end" TEXT, "decision_target" INTEGER, "strategy_target" INTEGER, "section47_target" INTEGER, "seen_target" INTEGER );
-- table held_bundles on held_bundles
CREATE TABLE "held_bundles" ( "id" INTEGER PRIMARY KEY, "inspection_id" TEXT, "device_id" TEXT, "first_seq" INTEGER, "last_seq" INTEGER, "reason" TEXT, "bundle" BLOB, "received_at" TEXT );
-- table identity on identity
CREATE TABLE "identity" ( "inspection_id" TEXT PRIMARY KEY, "member_id" TEXT );
-- table inspection_keys on inspection_keys
CREATE TABLE "inspection_keys" ( "inspection_id" TEXT PRIMARY KEY, "data_key" TEXT, "device_id" TEXT, "signing_key" TEXT, "lead_device_id" TEXT, "lead_public_key" TEXT , "installation" TEXT, "certificate" TEXT, "clash" TEXT);
-- table inspections on inspections
CREATE TABLE "inspections" ( "id" TEXT PRIMARY KEY, "inspection_id" TEXT, "created_at" TEXT, "created_by" TEXT, "created_device" TEXT, "updated_at" TEXT, "updated_by" TEXT, "kind" TEXT, "theme_id" TEXT, "theme_pack" TEXT, "area" TEXT, "title" TEXT, "partnership" TEXT, "inspectorates" TEXT, "notification_date" TEXT, "retention_date" TEXT, "notice_days" INTEGER, "lookback_months" INTEGER, "fieldwork_days" INTEGER, "notification_is_day_one" INTEGER , "theme_version" TEXT);
-- table letter_versions on letter_versions
CREATE TABLE "letter_versions" ( "id" TEXT PRIMARY KEY, "inspection_id" TEXT, "created_at" TEXT, "created_by" TEXT, "created_device" TEXT, "updated_at" TEXT, "updated_by" TEXT, "number" INTEGER, "purpose" TEXT, "file_name" TEXT, "sha256" TEXT, "size" INTEGER, "letter_date" TEXT, "sections" TEXT, "findings" TEXT );
-- table letters on letters
CREATE TABLE "letters" ( "id" TEXT PRIMARY KEY, "inspection_id" TEXT, "created_at" TEXT, "created_by" TEXT, "created_device" TEXT, "updated_at" TEXT, "updated_by" TEXT, "format" TEXT, "letter_date" TEXT, "principal_authority" TEXT, "sender" TEXT, "wsoa_days" INTEGER, "small_count_below" INTEGER, "published_version" TEXT, "published_on" TEXT, "wsoa_due" TEXT, "retention_proposed" TEXT );
-- table links on links
CREATE TABLE "links" ( "id" TEXT PRIMARY KEY, "inspection_id" TEXT, "created_at" TEXT, "created_by" TEXT, "created_device" TEXT, "updated_at" TEXT, "updated_by" TEXT, "evidence_id" TEXT, "target_kind" TEXT, "target_id" TEXT );
-- table members on members
CREATE TABLE "members" ( "id" TEXT PRIMARY KEY, "inspection_id" TEXT, "created_at" TEXT, "created_by" TEXT, "created_device" TEXT, "updated_at" TEXT, "updated_by" TEXT, "name" TEXT, "inspectorate" TEXT, "role" TEXT, "device_id" TEXT, "evidence_block" INTEGER , "specialism" TEXT);
-- table notes on notes
CREATE TABLE "notes" ( "id" TEXT PRIMARY KEY, "inspection_id" TEXT, "created_at" TEXT, "created_by" TEXT, "created_device" TEXT, "updated_at" TEXT, "updated_by" TEXT, "kind" TEXT, "title" TEXT, "text" TEXT, "date" TEXT, "attendees" TEXT, "children" TEXT, "criteria" TEXT, "children_or_families_present" INTEGER, "consent_recorded" INTEGER );
-- table ops on ops
CREATE TABLE "ops" ( "op_id" TEXT PRIMARY KEY, "inspection_id" TEXT NOT NULL, "entity" TEXT NOT NULL, "entity_id" TEXT NOT NULL, "field" TEXT NOT NULL, "value" TEXT NOT NULL, "hlc" TEXT NOT NULL, "device_id" TEXT NOT NULL, "author" TEXT NOT NULL, "parents" TEXT NOT NULL, "seq" INTEGER NOT NULL );
-- table report_entries on report_entries
CREATE TABLE "report_entries" ( "id" TEXT PRIMARY KEY, "inspection_id" TEXT, "created_at" TEXT, "created_by" TEXT, "created_device" TEXT, "updated_at" TEXT, "updated_by" TEXT, "entry" TEXT, "section" TEXT, "heading" TEXT, "text" TEXT, "hit_kind" TEXT, "hit_location" TEXT, "reason" TEXT, "hit_match" TEXT, "items" TEXT );
-- table reviews on reviews
CREATE TABLE "reviews" ( "id" TEXT PRIMARY KEY, "inspection_id" TEXT, "created_at" TEXT, "created_by" TEXT, "created_device" TEXT, "updated_at" TEXT, "updated_by" TEXT, "child_id" TEXT, "criterion_id" TEXT, "agency_id" TEXT, "observation" TEXT, "rating" TEXT, "strength" INTEGER, "concern" INTEGER, "moderated" INTEGER );
-- table search_index on search_index
CREATE VIRTUAL TABLE search_index USING fts5(title, body, entity UNINDEXED, entity_id UNINDEXED, inspection_id UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2');
-- table search_index_config on search_index_config
CREATE TABLE 'search_index_config'(k PRIMARY KEY, v) WITHOUT ROWID;
-- table search_index_content on search_index_content
CREATE TABLE 'search_index_content'(id INTEGER PRIMARY KEY, c0, c1, c2, c3, c4);
-- table search_index_data on search_index_data
CREATE TABLE 'search_index_data'(id INTEGER PRIMARY KEY, block BLOB);
-- table search_index_docsize on search_index_docsize
CREATE TABLE 'search_index_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
-- table search_index_idx on search_index_idx
CREATE TABLE 'search_index_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
-- table search_pending on search_pending
CREATE TABLE search_pending (entity_id TEXT PRIMARY KEY, entity TEXT NOT NULL, inspection_id TEXT NOT NULL) WITHOUT ROWID;
-- table sent_bundles on sent_bundles
CREATE TABLE "sent_bundles" ( "inspection_id" TEXT, "remote" TEXT, "device_id" TEXT, "name" TEXT, "first_seq" INTEGER, "last_seq" INTEGER, "size" INTEGER, "sha256" TEXT, PRIMARY KEY ("inspection_id", "remote", "device_id", "name") );
-- table settings on settings
CREATE TABLE "settings" ( "key" TEXT PRIMARY KEY, "value" TEXT );
-- table sync_log on sync_log
CREATE TABLE "sync_log" ( "id" INTEGER PRIMARY KEY, "inspection_id" TEXT, "remote" TEXT, "at" TEXT, "outcome" TEXT, "details" TEXT );
-- table sync_state on sync_state
CREATE TABLE "sync_state" ( "inspection_id" TEXT, "remote" TEXT, "device_id" TEXT, "received_upto" INTEGER, "pushed_upto" INTEGER, PRIMARY KEY ("inspection_id", "remote", "device_id") );
-- table thematic_extracts on thematic_extracts
CREATE TABLE "thematic_extracts" ( "id" TEXT PRIMARY KEY, "source" TEXT, "theme_id" TEXT, "theme_version" TEXT, "area" TEXT, "fieldwork_start" TEXT, "public_key" TEXT, "fingerprint" TEXT, "sha256" TEXT, "imported_at" TEXT, "payload" TEXT );
-- table thematic_keys on thematic_keys
CREATE TABLE "thematic_keys" ( "public_key" TEXT PRIMARY KEY, "fingerprint" TEXT, "confirmed_at" TEXT );
-- table timetable_entries on timetable_entries
CREATE TABLE "timetable_entries" ( "id" TEXT PRIMARY KEY, "inspection_id" TEXT, "created_at" TEXT, "created_by" TEXT, "created_device" TEXT, "updated_at" TEXT, "updated_by" TEXT, "kind" TEXT, "title" TEXT, "start_time" TEXT, "end_time" TEXT, "room" TEXT, "date" TEXT, "attendees" TEXT, "children" TEXT );
-- table unfinished_work on unfinished_work
CREATE TABLE "unfinished_work" ( "id" INTEGER PRIMARY KEY, "kind" TEXT NOT NULL, "target" TEXT NOT NULL, "inspection_id" TEXT, "process_id" INTEGER, "created_at" TEXT NOT NULL );
