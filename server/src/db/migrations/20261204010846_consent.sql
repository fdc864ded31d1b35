CREATE TABLE "consent_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"purpose_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"wording_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"source_kind" text NOT NULL,
	"source_detail" text,
	"source_file_name" text,
	"source_file_row" integer,
	"ip" text,
	"user_agent" text,
	"recorded_by_kind" text NOT NULL,
	"recorded_by_id" uuid,
	"recorded_by_label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_states" (
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"purpose_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"event_id" uuid NOT NULL,
	"since" timestamp with time zone NOT NULL,
	CONSTRAINT "consent_states_tenant_id_person_id_purpose_id_channel_pk" PRIMARY KEY("tenant_id","person_id","purpose_id","channel")
);
--> statement-breakpoint
CREATE TABLE "purpose_wordings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"purpose_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"text_fr" text NOT NULL,
	"text_en" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "purposes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text,
	"description_fr" text,
	"description_en" text,
	"legal_basis" text NOT NULL,
	"channels" text[] NOT NULL,
	"retention_text" text NOT NULL,
	"retention_months" integer,
	"tracking_allowed" boolean DEFAULT false NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_purpose_id_purposes_id_fk" FOREIGN KEY ("purpose_id") REFERENCES "public"."purposes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_wording_id_purpose_wordings_id_fk" FOREIGN KEY ("wording_id") REFERENCES "public"."purpose_wordings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_states" ADD CONSTRAINT "consent_states_purpose_id_purposes_id_fk" FOREIGN KEY ("purpose_id") REFERENCES "public"."purposes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_states" ADD CONSTRAINT "consent_states_event_id_consent_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."consent_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purpose_wordings" ADD CONSTRAINT "purpose_wordings_purpose_id_purposes_id_fk" FOREIGN KEY ("purpose_id") REFERENCES "public"."purposes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_events_person_idx" ON "consent_events" USING btree ("tenant_id","person_id","occurred_at");--> statement-breakpoint
CREATE INDEX "consent_states_purpose_idx" ON "consent_states" USING btree ("tenant_id","purpose_id","channel","status","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "purpose_wordings_version_idx" ON "purpose_wordings" USING btree ("tenant_id","purpose_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "purposes_code_idx" ON "purposes" USING btree ("tenant_id","code");--> statement-breakpoint
-- The consent ledger is proof: no route, job or manual statement may rewrite it. Only a change of
-- person_id alone passes (a merge moves events to the survivor, an unmerge gives them back).
CREATE OR REPLACE FUNCTION consent_events_refuse_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND (to_jsonb(NEW) - 'person_id') IS NOT DISTINCT FROM (to_jsonb(OLD) - 'person_id') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'consent_events is append-only (only person_id may change)'
    USING ERRCODE = 'restrict_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER consent_events_append_only BEFORE UPDATE OR DELETE ON consent_events
  FOR EACH ROW EXECUTE FUNCTION consent_events_refuse_change();
--> statement-breakpoint
-- Old wordings are kept forever: the ledger names the exact version a person was shown.
CREATE OR REPLACE FUNCTION purpose_wordings_refuse_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'purpose_wordings is append-only' USING ERRCODE = 'restrict_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER purpose_wordings_append_only BEFORE UPDATE OR DELETE ON purpose_wordings
  FOR EACH ROW EXECUTE FUNCTION purpose_wordings_refuse_change();
