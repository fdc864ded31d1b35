import { z } from 'zod';

export const searchQuerySchema = z.object({
  /** What the user typed: a name, an e-mail start, a phone number in any form, a postal code. */
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const searchMatchSchema = z.enum(['name', 'email', 'phone', 'postalCode', 'organisation']);
export type SearchMatch = z.infer<typeof searchMatchSchema>;

export const searchResultSchema = z
  .object({
    kind: z.enum(['person', 'organisation']),
    id: z.uuid(),
    /** Full name, or the organisation's name. */
    label: z.string(),
    /** The matched e-mail, else the city, else the organisation: what tells homonyms apart. */
    sublabel: z.string().nullable(),
    /** Higher is better: 3+ exact, 2+ prefix, below 2 fuzzy. */
    score: z.number(),
    matchedOn: searchMatchSchema,
  })
  .meta({ id: 'SearchResult' });
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchResponseSchema = z.object({ data: z.array(searchResultSchema) });
