CREATE TABLE "duplicate_pairs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"a_id" uuid NOT NULL,
	"b_id" uuid NOT NULL,
	"score" real NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"detected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "merges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"survivor_id" uuid NOT NULL,
	"merged_id" uuid NOT NULL,
	"survivor_before" jsonb NOT NULL,
	"merged_before" jsonb NOT NULL,
	"moved_references" jsonb NOT NULL,
	"merged_by" uuid,
	"merged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "import_rejections" (
	"import_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"reason" text NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "import_rejections_import_id_row_number_pk" PRIMARY KEY("import_id","row_number")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"job_id" uuid,
	"file_name" text NOT NULL,
	"stored_path" text NOT NULL,
	"source" text NOT NULL,
	"preset" text,
	"mapping" jsonb NOT NULL,
	"dedupe" text DEFAULT 'review' NOT NULL,
	"dry_run" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"committed_rows" integer DEFAULT 0 NOT NULL,
	"counts" jsonb DEFAULT '{"rows":0,"created":0,"updated":0,"unchanged":0,"merged":0,"rejected":0}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mapping_presets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"buyer_person_id" uuid,
	"buyer_organisation_id" uuid,
	"ordered_at" timestamp with time zone,
	"channel" text DEFAULT 'autre' NOT NULL,
	"status" text DEFAULT 'paid' NOT NULL,
	"total" numeric(12, 2),
	"currency" text DEFAULT 'EUR' NOT NULL,
	"content_hash" text,
	"import_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "performances" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"production_id" uuid NOT NULL,
	"venue_id" uuid,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"capacity" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_ticketing_summaries" (
	"tenant_id" uuid NOT NULL,
	"person_id" uuid PRIMARY KEY NOT NULL,
	"first_order_at" timestamp with time zone,
	"last_order_at" timestamp with time zone,
	"first_visit_at" timestamp with time zone,
	"last_visit_at" timestamp with time zone,
	"orders_count" integer DEFAULT 0 NOT NULL,
	"tickets_count" integer DEFAULT 0 NOT NULL,
	"visits_count" integer DEFAULT 0 NOT NULL,
	"spend_total" numeric(14, 2) DEFAULT 0 NOT NULL,
	"orders_12m" integer DEFAULT 0 NOT NULL,
	"tickets_12m" integer DEFAULT 0 NOT NULL,
	"visits_12m" integer DEFAULT 0 NOT NULL,
	"spend_12m" numeric(14, 2) DEFAULT 0 NOT NULL,
	"favourite_disciplines" text[] DEFAULT '{}'::text[] NOT NULL,
	"favourite_venue_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"facts" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price_categories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"kind" text DEFAULT 'autre' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "productions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"title" text NOT NULL,
	"kind" text DEFAULT 'spectacle' NOT NULL,
	"discipline" text,
	"season_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seasons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"order_id" uuid NOT NULL,
	"performance_id" uuid,
	"price_category_id" uuid,
	"holder_person_id" uuid,
	"amount" numeric(12, 2) DEFAULT 0 NOT NULL,
	"seat" text,
	"status" text DEFAULT 'valid' NOT NULL,
	"content_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "venues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"city" text,
	"capacity" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"person_id" uuid,
	"ticket_line_id" uuid,
	"performance_id" uuid,
	"scanned_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_rejections" ADD CONSTRAINT "import_rejections_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performances" ADD CONSTRAINT "performances_production_id_productions_id_fk" FOREIGN KEY ("production_id") REFERENCES "public"."productions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performances" ADD CONSTRAINT "performances_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "productions" ADD CONSTRAINT "productions_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_lines" ADD CONSTRAINT "ticket_lines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_lines" ADD CONSTRAINT "ticket_lines_performance_id_performances_id_fk" FOREIGN KEY ("performance_id") REFERENCES "public"."performances"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_lines" ADD CONSTRAINT "ticket_lines_price_category_id_price_categories_id_fk" FOREIGN KEY ("price_category_id") REFERENCES "public"."price_categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_ticket_line_id_ticket_lines_id_fk" FOREIGN KEY ("ticket_line_id") REFERENCES "public"."ticket_lines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_performance_id_performances_id_fk" FOREIGN KEY ("performance_id") REFERENCES "public"."performances"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "duplicate_pairs_pair_idx" ON "duplicate_pairs" USING btree ("tenant_id","a_id","b_id");--> statement-breakpoint
CREATE INDEX "duplicate_pairs_pending_idx" ON "duplicate_pairs" USING btree ("tenant_id","status","score");--> statement-breakpoint
CREATE INDEX "merges_survivor_idx" ON "merges" USING btree ("tenant_id","survivor_id");--> statement-breakpoint
CREATE INDEX "merges_merged_idx" ON "merges" USING btree ("tenant_id","merged_id");--> statement-breakpoint
CREATE INDEX "imports_tenant_created_idx" ON "imports" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "mapping_presets_tenant_idx" ON "mapping_presets" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_source_idx" ON "orders" USING btree ("tenant_id","source","external_id");--> statement-breakpoint
CREATE INDEX "orders_buyer_idx" ON "orders" USING btree ("tenant_id","buyer_person_id","ordered_at");--> statement-breakpoint
CREATE INDEX "orders_tenant_ordered_idx" ON "orders" USING btree ("tenant_id","ordered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "performances_source_idx" ON "performances" USING btree ("tenant_id","source","external_id");--> statement-breakpoint
CREATE INDEX "performances_production_idx" ON "performances" USING btree ("tenant_id","production_id","starts_at");--> statement-breakpoint
CREATE INDEX "person_ticketing_summaries_tenant_idx" ON "person_ticketing_summaries" USING btree ("tenant_id","last_order_at");--> statement-breakpoint
CREATE UNIQUE INDEX "price_categories_code_idx" ON "price_categories" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "productions_source_idx" ON "productions" USING btree ("tenant_id","source","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "seasons_source_idx" ON "seasons" USING btree ("tenant_id","source","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_lines_source_idx" ON "ticket_lines" USING btree ("tenant_id","source","external_id");--> statement-breakpoint
CREATE INDEX "ticket_lines_order_idx" ON "ticket_lines" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "ticket_lines_performance_idx" ON "ticket_lines" USING btree ("tenant_id","performance_id");--> statement-breakpoint
CREATE INDEX "ticket_lines_holder_idx" ON "ticket_lines" USING btree ("tenant_id","holder_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "venues_source_idx" ON "venues" USING btree ("tenant_id","source","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "visits_source_idx" ON "visits" USING btree ("tenant_id","source","external_id");--> statement-breakpoint
CREATE INDEX "visits_person_idx" ON "visits" USING btree ("tenant_id","person_id","scanned_at");