CREATE TABLE "privacy_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid,
	"requester_name" text NOT NULL,
	"requester_email" text,
	"details" text,
	"received_on" date NOT NULL,
	"channel" text NOT NULL,
	"identity_status" text DEFAULT 'to_verify' NOT NULL,
	"identity_checked_by" uuid,
	"identity_checked_by_name" text,
	"identity_checked_at" timestamp with time zone,
	"due_on" date NOT NULL,
	"extension_months" integer,
	"extension_reason" text,
	"extended_at" timestamp with time zone,
	"assignee_id" uuid,
	"status" text DEFAULT 'received' NOT NULL,
	"answer" text,
	"answered_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "privacy_requests_due_idx" ON "privacy_requests" USING btree ("tenant_id","due_on","id");--> statement-breakpoint
CREATE INDEX "privacy_requests_person_idx" ON "privacy_requests" USING btree ("tenant_id","person_id");