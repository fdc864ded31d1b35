import { z } from 'zod';
import { contactFilterSchema } from './contact-lists.ts';

/**
 * What the data-quality report counts, in the order it shows them. Each indicator counts people
 * (live ones: neither in the trash nor merged), never coordinates.
 */
export const dataQualityIndicators = [
  'invalidEmail',
  'bouncedEmail',
  'invalidPhone',
  'invalidAddress',
  'noEmailOrPhone',
  'noPostalAddress',
  'noLastName',
  'noFirstName',
  'duplicateSuspect',
  'noConsent',
] as const;
export const dataQualityIndicatorSchema = z.enum(dataQualityIndicators);
export type DataQualityIndicator = z.infer<typeof dataQualityIndicatorSchema>;

export const dataQualityCountSchema = z.object({
  count: z.number().int(),
  /** The people list filter (`GET /api/v1/contacts?filter=`) that lists exactly these people. */
  filter: contactFilterSchema,
});
export type DataQualityCount = z.infer<typeof dataQualityCountSchema>;

export const dataQualityCountsSchema = z.object({
  /** Every person of the group. */
  people: dataQualityCountSchema,
  /** With at least one e-mail address marked invalid (kept as imported, awaiting correction). */
  invalidEmail: dataQualityCountSchema,
  /** With at least one e-mail address that bounced. */
  bouncedEmail: dataQualityCountSchema,
  /** With at least one phone number that could not be read as a phone number. */
  invalidPhone: dataQualityCountSchema,
  /** With at least one postal address marked invalid (e.g. an unknown French postal code). */
  invalidAddress: dataQualityCountSchema,
  /** With neither an e-mail address nor a phone number: cannot be reached but by post. */
  noEmailOrPhone: dataQualityCountSchema,
  /** Without any address carrying a postal code: no mail, no geography. */
  noPostalAddress: dataQualityCountSchema,
  noLastName: dataQualityCountSchema,
  noFirstName: dataQualityCountSchema,
  /** Named by at least one suspected duplicate pair still awaiting review. */
  duplicateSuspect: dataQualityCountSchema,
  /** Holding no granted consent (any purpose, any channel): not to be contacted on a consent basis. */
  noConsent: dataQualityCountSchema,
});
export type DataQualityCounts = z.infer<typeof dataQualityCountsSchema>;

export const dataQualitySourceSchema = z.object({
  /**
   * The people's `source` (ticketing system, import…); sources differing only by case or accents
   * are one, shown under one of their spellings. `null` gathers people recorded without a source
   * (back office, API).
   */
  source: z.string().nullable(),
  counts: dataQualityCountsSchema,
});
export type DataQualitySource = z.infer<typeof dataQualitySourceSchema>;

export const dataQualityReportSchema = z
  .object({
    /** When the counts were taken (they are computed on each request). */
    generatedAt: z.string(),
    /** The whole base. */
    total: dataQualityCountsSchema,
    /** One entry per source, the largest first, people without a source last. */
    sources: z.array(dataQualitySourceSchema),
  })
  .meta({ id: 'DataQualityReport' });
export type DataQualityReport = z.infer<typeof dataQualityReportSchema>;
