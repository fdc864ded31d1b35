CREATE TABLE "addresses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid,
	"organisation_id" uuid,
	"type" text DEFAULT 'home' NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"validity" text DEFAULT 'valid' NOT NULL,
	"line1" text,
	"line2" text,
	"postal_code" text,
	"city" text,
	"region" text,
	"country" text DEFAULT 'FR' NOT NULL,
	"insee_code" text,
	"departement_code" text,
	"region_code" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "addresses_one_owner" CHECK ((person_id IS NULL) <> (organisation_id IS NULL))
);
--> statement-breakpoint
CREATE TABLE "custom_field_definitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"type" text NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"sensitive" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emails" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid,
	"organisation_id" uuid,
	"address" text NOT NULL,
	"type" text DEFAULT 'other' NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"validity" text DEFAULT 'valid' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "emails_one_owner" CHECK ((person_id IS NULL) <> (organisation_id IS NULL))
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid,
	"organisation_id" uuid,
	"department_id" uuid,
	"visibility" text DEFAULT 'department' NOT NULL,
	"body" text NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "notes_one_owner" CHECK ((person_id IS NULL) <> (organisation_id IS NULL))
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text DEFAULT 'autre' NOT NULL,
	"siren" text,
	"siret" text,
	"website" text,
	"department_id" uuid,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"external_ids" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"search_name" text GENERATED ALWAYS AS (f_unaccent(lower(name))) STORED NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"civility" text,
	"first_name" text,
	"last_name" text,
	"usage_name" text,
	"birth_date" date,
	"language" text,
	"preferred_channel" text,
	"source" text,
	"department_id" uuid,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"external_ids" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"search_name" text GENERATED ALWAYS AS (f_unaccent(lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(usage_name, '')))) STORED NOT NULL,
	"merged_into_id" uuid,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid,
	"organisation_id" uuid,
	"e164" text NOT NULL,
	"type" text DEFAULT 'other' NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"validity" text DEFAULT 'valid' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "phones_one_owner" CHECK ((person_id IS NULL) <> (organisation_id IS NULL))
);
--> statement-breakpoint
CREATE TABLE "relationships" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_person_id" uuid,
	"from_organisation_id" uuid,
	"to_person_id" uuid,
	"to_organisation_id" uuid,
	"role" text,
	"start_date" date,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox_events" ADD COLUMN "subjects" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emails" ADD CONSTRAINT "emails_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emails" ADD CONSTRAINT "emails_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phones" ADD CONSTRAINT "phones_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phones" ADD CONSTRAINT "phones_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_from_person_id_people_id_fk" FOREIGN KEY ("from_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_from_organisation_id_organisations_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_to_person_id_people_id_fk" FOREIGN KEY ("to_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_to_organisation_id_organisations_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "addresses_tenant_postal_idx" ON "addresses" USING btree ("tenant_id","postal_code");--> statement-breakpoint
CREATE INDEX "addresses_tenant_departement_idx" ON "addresses" USING btree ("tenant_id","departement_code");--> statement-breakpoint
CREATE INDEX "addresses_person_idx" ON "addresses" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "addresses_organisation_idx" ON "addresses" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "custom_field_definitions_key_idx" ON "custom_field_definitions" USING btree ("tenant_id","entity","key");--> statement-breakpoint
CREATE INDEX "emails_address_prefix_idx" ON "emails" USING btree ("tenant_id", "address" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "emails_person_idx" ON "emails" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "emails_organisation_idx" ON "emails" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "notes_person_idx" ON "notes" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "notes_organisation_idx" ON "notes" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "organisations_tenant_name_idx" ON "organisations" USING btree ("tenant_id","name","id");--> statement-breakpoint
CREATE INDEX "organisations_search_name_trgm_idx" ON "organisations" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organisations_tenant_siren_idx" ON "organisations" USING btree ("tenant_id","siren");--> statement-breakpoint
CREATE INDEX "organisations_tenant_tags_idx" ON "organisations" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "people_tenant_name_idx" ON "people" USING btree ("tenant_id","last_name","first_name","id");--> statement-breakpoint
CREATE INDEX "people_tenant_created_idx" ON "people" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "people_search_name_trgm_idx" ON "people" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_tenant_tags_idx" ON "people" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "people_external_ids_idx" ON "people" USING gin ("external_ids" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "people_tenant_deleted_idx" ON "people" USING btree ("tenant_id","deleted_at");--> statement-breakpoint
CREATE INDEX "phones_tenant_e164_idx" ON "phones" USING btree ("tenant_id","e164");--> statement-breakpoint
CREATE INDEX "phones_person_idx" ON "phones" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "phones_organisation_idx" ON "phones" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "relationships_from_person_idx" ON "relationships" USING btree ("from_person_id");--> statement-breakpoint
CREATE INDEX "relationships_to_person_idx" ON "relationships" USING btree ("to_person_id");--> statement-breakpoint
CREATE INDEX "relationships_from_organisation_idx" ON "relationships" USING btree ("from_organisation_id");--> statement-breakpoint
CREATE INDEX "relationships_to_organisation_idx" ON "relationships" USING btree ("to_organisation_id");--> statement-breakpoint
CREATE INDEX "saved_views_user_idx" ON "saved_views" USING btree ("tenant_id","user_id","entity");--> statement-breakpoint
CREATE INDEX "outbox_events_subjects_idx" ON "outbox_events" USING gin ("subjects");