import { z } from 'zod';
import { localisedTextSchema } from './consent.ts';

/*
 * Public subscription forms with double opt-in (GDPR art. 7): a form offers purposes on the email
 * channel; a submission records `pending` events and mails a signed, expiring link; the click on
 * the confirmation page records `granted` events. The wording version shown is kept as proof.
 */

/** A purpose as the form offers it, with the wording shown next to its checkbox. */
export const consentFormPurposeSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: localisedTextSchema,
  /** The current wording: the version a submission records as shown. */
  wordingId: z.uuid(),
  wordingVersion: z.number().int(),
  wording: localisedTextSchema,
  /** Archived purposes stay listed here but are not shown on the public form. */
  archived: z.boolean(),
});
export type ConsentFormPurpose = z.infer<typeof consentFormPurposeSchema>;

export const consentFormSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** In the order shown. */
    purposes: z.array(consentFormPurposeSchema),
    channel: z.literal('email'),
    /** Shown after a submission; a default French text when null. */
    thankYouText: z.string().nullable(),
    /** An inactive form answers 404 publicly. */
    active: z.boolean(),
    /** `GET` it for the embeddable HTML form; `POST` to it to subscribe. */
    publicUrl: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** Send it back in `If-Match` to update. */
    version: z.number().int(),
  })
  .meta({ id: 'ConsentForm' });
export type ConsentForm = z.infer<typeof consentFormSchema>;

export const consentFormListSchema = z.object({
  /** Every form of the tenant, by name (few: `nextCursor` is always null). */
  data: z.array(consentFormSchema),
  nextCursor: z.string().nullable(),
});

const name = z.string().trim().min(1).max(200);
const purposeIds = z.array(z.uuid()).min(1).max(20);
const thankYouText = z.string().trim().max(5000).nullish();

export const createConsentFormInputSchema = z
  .object({
    name,
    purposeIds,
    channel: z.literal('email').optional(),
    thankYouText,
    active: z.boolean().optional(),
  })
  .meta({ id: 'CreateConsentForm' });
export type CreateConsentFormInput = z.infer<typeof createConsentFormInputSchema>;

export const updateConsentFormInputSchema = z
  .object({
    name: name.optional(),
    purposeIds: purposeIds.optional(),
    thankYouText,
    active: z.boolean().optional(),
  })
  .meta({ id: 'UpdateConsentForm' });
export type UpdateConsentFormInput = z.infer<typeof updateConsentFormInputSchema>;

export const formIdParamsSchema = z.object({ formId: z.uuid() });
export const confirmTokenParamsSchema = z.object({ token: z.string().min(1).max(2000) });

/**
 * A submission, as JSON or `application/x-www-form-urlencoded`. `purposeIds` may be repeated
 * (`purposeIds=…&purposeIds=…`) or a single value. `website` is the honeypot: left empty by people.
 */
export const formSubmissionInputSchema = z
  .object({
    email: z.string().trim().min(1).max(320),
    firstName: z.string().trim().max(200).optional(),
    lastName: z.string().trim().max(200).optional(),
    purposeIds: z.preprocess(
      (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
      z.array(z.uuid()).max(20),
    ),
    website: z.string().optional(),
  })
  .meta({ id: 'FormSubmission' });
export type FormSubmissionInput = z.infer<typeof formSubmissionInputSchema>;

/** The same answer whether the address was known or not. */
export const formSubmissionAcceptedSchema = z.object({
  status: z.literal('accepted'),
  message: z.string(),
});
