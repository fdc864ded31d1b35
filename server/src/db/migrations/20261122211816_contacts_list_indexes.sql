-- Indexes for the contact list, search and filters (contacts-list.*, contacts-search.*).
-- Expression indexes are written by hand: the Drizzle schema does not carry them.
-- The people list sorts names accent- and case-insensitively; live people only.
CREATE INDEX IF NOT EXISTS "people_tenant_folded_name_idx" ON "people" USING btree ("tenant_id", f_unaccent(lower("last_name")), f_unaccent(lower("first_name")), "id") WHERE "deleted_at" IS NULL AND "merged_into_id" IS NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "people_tenant_updated_idx" ON "people" USING btree ("tenant_id", "updated_at", "id") WHERE "deleted_at" IS NULL AND "merged_into_id" IS NULL;--> statement-breakpoint
-- Search by the last digits of a phone number: a prefix range on the reversed E.164 form.
CREATE INDEX IF NOT EXISTS "phones_tenant_e164_reversed_idx" ON "phones" USING btree ("tenant_id", reverse("e164") text_pattern_ops);--> statement-breakpoint
-- Filter by city, accent- and case-insensitively.
CREATE INDEX IF NOT EXISTS "addresses_tenant_folded_city_idx" ON "addresses" USING btree ("tenant_id", f_unaccent(lower("city")));
