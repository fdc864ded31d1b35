import { idParamsSchema, problemSchema } from '@parterre/contract/common';
import {
  confirmTokenParamsSchema,
  consentFormListSchema,
  consentFormSchema,
  createConsentFormInputSchema,
  formIdParamsSchema,
  formSubmissionAcceptedSchema,
  formSubmissionInputSchema,
  updateConsentFormInputSchema,
} from '@parterre/contract/consent-forms';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.ts';
import { expectedVersion, setETag } from '../../platform/versioning.ts';
import { CONSENT_PERMISSIONS } from './consent.permissions.ts';
import type { ConsentFormsService } from './consent-forms.service.ts';
import { confirmPage, formPage, messagePage } from './double-opt-in.pages.ts';
import type { DoubleOptInService } from './double-opt-in.service.ts';

const errorResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};
const tags = ['consentements'];

/** Per client IP: a person retrying is fine, a robot filling the form in a loop is not. */
export const PUBLIC_FORM_RATE_LIMIT = { max: 10, timeWindow: '1 minute' };

const DEFAULT_THANKS =
  'Merci ! Un email de confirmation vient de vous être envoyé : cliquez sur le lien qu’il contient pour confirmer votre inscription.';

/** Mistakes of the person filling the form, shown back to them as a page. */
const FORM_INPUT_ERRORS = new Set([
  'consent_forms.invalid_email',
  'consent_forms.no_purpose',
  'consent_forms.invalid_purpose',
]);

/** Fields of an urlencoded body; a repeated name (`purposeIds`) becomes an array. */
function parseUrlEncoded(body: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const current = fields[key];
    fields[key] = current === undefined ? value : [...[current].flat(), value];
  }
  return fields;
}

const clientOf = (request: FastifyRequest) => ({
  ip: request.scope.ip,
  userAgent: request.headers['user-agent'] ?? null,
});

function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(html);
}

/** Expired or tampered links answer a readable French page, not a problem document. */
async function linkPage(reply: FastifyReply, run: () => Promise<FastifyReply>): Promise<FastifyReply> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && error.code === 'consent_forms.link_expired') {
      return sendHtml(
        reply,
        410,
        messagePage('Lien expiré', [
          'Ce lien de confirmation a expiré (il est valable 7 jours).',
          'Inscrivez-vous à nouveau avec le formulaire : vous recevrez un nouveau lien.',
        ]),
      );
    }
    if (error instanceof AppError && error.code === 'consent_forms.link_invalid') {
      return sendHtml(
        reply,
        400,
        messagePage('Lien invalide', [
          'Ce lien de confirmation n’est pas valide. Vérifiez qu’il a été copié en entier depuis l’email reçu.',
        ]),
      );
    }
    throw error;
  }
}

/**
 * `/api/v1/consent-forms` (administration) and the public side of double opt-in: `/public/forms/{formId}`
 * (embeddable HTML form, submission) and `/public/confirm/{token}` (confirmation page and click).
 */
export function registerConsentFormRoutes(
  server: FastifyInstance,
  services: { forms: ConsentFormsService; doubleOptIn: DoubleOptInService },
): void {
  const { forms, doubleOptIn } = services;
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/consent-forms',
    {
      config: { permission: CONSENT_PERMISSIONS.managePurposes },
      schema: {
        summary: 'Lister les formulaires d’inscription (double opt-in)',
        tags,
        response: { 200: consentFormListSchema, ...errorResponses },
      },
    },
    async (request) => forms.listForms(request.scope),
  );

  app.post(
    '/api/v1/consent-forms',
    {
      config: { permission: CONSENT_PERMISSIONS.managePurposes },
      schema: {
        summary: 'Créer un formulaire d’inscription public (finalités proposées par email)',
        tags,
        body: createConsentFormInputSchema,
        response: { 201: consentFormSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const form = await forms.createForm(request.scope, request.body);
      setETag(reply, form.version);
      reply.header('location', `/api/v1/consent-forms/${form.id}`);
      return reply.status(201).send(form);
    },
  );

  app.get(
    '/api/v1/consent-forms/:id',
    {
      config: { permission: CONSENT_PERMISSIONS.managePurposes },
      schema: {
        summary: 'Consulter un formulaire d’inscription',
        tags,
        params: idParamsSchema,
        response: { 200: consentFormSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const form = await forms.getForm(request.scope, request.params.id);
      setETag(reply, form.version);
      return form;
    },
  );

  app.patch(
    '/api/v1/consent-forms/:id',
    {
      config: { permission: CONSENT_PERMISSIONS.managePurposes },
      schema: {
        summary: 'Modifier un formulaire d’inscription (If-Match obligatoire)',
        tags,
        params: idParamsSchema,
        body: updateConsentFormInputSchema,
        response: {
          200: consentFormSchema,
          ...errorResponses,
          412: problemSchema.extend({ current: consentFormSchema.optional() }),
          428: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const form = await forms.updateForm(
        request.scope,
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      setETag(reply, form.version);
      return form;
    },
  );

  // The public side: its own context, for the urlencoded body of a plain HTML form.
  server.register(async (scoped) => {
    scoped.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 16 * 1024 },
      (_request, body, done) => done(null, parseUrlEncoded(body as string)),
    );
    const pub = scoped.withTypeProvider<ZodTypeProvider>();

    pub.get(
      '/public/forms/:formId',
      {
        config: { permission: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: {
          summary: 'Formulaire d’inscription en HTML, à intégrer (iframe) ou copier sur le site',
          tags,
          params: formIdParamsSchema,
          response: { 404: problemSchema, 429: problemSchema },
        },
      },
      async (request, reply) => {
        const { form, purposes, action } = await doubleOptIn.activeForm(request.scope, request.params.formId);
        // Embeddable anywhere; the page itself loads nothing and runs no script.
        reply.removeHeader('x-frame-options');
        reply.header(
          'content-security-policy',
          `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${new URL(action).origin}; frame-ancestors *; base-uri 'none'`,
        );
        return sendHtml(
          reply,
          200,
          formPage({
            name: form.name,
            action,
            purposes: purposes.map((p) => ({
              id: p.id,
              code: p.code,
              name: { fr: p.nameFr, en: p.nameEn },
              wordingId: p.currentWording.id,
              wordingVersion: p.currentWording.version,
              wording: { fr: p.currentWording.textFr, en: p.currentWording.textEn },
              archived: p.archived,
            })),
          }),
        );
      },
    );

    pub.post(
      '/public/forms/:formId',
      {
        config: { permission: 'public', rateLimit: PUBLIC_FORM_RATE_LIMIT },
        schema: {
          summary: 'S’inscrire (double opt-in) : enregistre « en attente » et envoie le lien de confirmation',
          description:
            'Public, sans cookie ni jeton CSRF, limité par adresse IP. JSON (réponse 202) ou `application/x-www-form-urlencoded` (réponse : page HTML de remerciement). La réponse est la même que l’adresse soit connue ou non. Le champ `website` est un piège à robots : rempli, la requête reçoit la même réponse et rien n’est enregistré.',
          tags,
          params: formIdParamsSchema,
          body: formSubmissionInputSchema,
          response: {
            202: formSubmissionAcceptedSchema,
            400: problemSchema,
            404: problemSchema,
            429: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const { form } = await doubleOptIn.activeForm(request.scope, request.params.formId);
        const thanks = form.thankYouText || DEFAULT_THANKS;
        const fromHtmlForm = String(request.headers['content-type'] ?? '').startsWith(
          'application/x-www-form-urlencoded',
        );
        try {
          await doubleOptIn.submit(request.scope, request.params.formId, request.body, clientOf(request));
        } catch (error) {
          // A plain HTML form shows a readable page; API clients get the problem document.
          if (!fromHtmlForm || !(error instanceof AppError) || !FORM_INPUT_ERRORS.has(error.code))
            throw error;
          return sendHtml(
            reply,
            400,
            messagePage('Inscription non enregistrée', [
              error.fieldErrors?.[0]?.message ?? 'La demande n’est pas valide.',
              'Revenez au formulaire pour corriger votre saisie.',
            ]),
          );
        }
        if (fromHtmlForm) return sendHtml(reply, 200, messagePage('Merci', [thanks]));
        return reply.status(202).send({ status: 'accepted' as const, message: thanks });
      },
    );

    pub.get(
      '/public/confirm/:token',
      {
        config: { permission: 'public', rateLimit: PUBLIC_FORM_RATE_LIMIT },
        schema: {
          summary: 'Page de confirmation (ne change rien : un bouton envoie la confirmation)',
          tags,
          params: confirmTokenParamsSchema,
          response: { 429: problemSchema },
        },
      },
      async (request, reply) =>
        linkPage(reply, async () => {
          const view = await doubleOptIn.viewConfirmation(request.scope, request.params.token);
          if (view.state === 'confirmed') {
            return sendHtml(
              reply,
              200,
              messagePage('Inscription confirmée', ['Votre inscription est déjà confirmée. Merci !']),
            );
          }
          return sendHtml(reply, 200, confirmPage(`/public/confirm/${request.params.token}`, view.purposes));
        }),
    );

    pub.post(
      '/public/confirm/:token',
      {
        config: { permission: 'public', rateLimit: PUBLIC_FORM_RATE_LIMIT },
        schema: {
          summary: 'Confirmer l’inscription : enregistre « accordé » avec la preuve du clic',
          description: 'Rejouer le lien ne change rien. Lien expiré : 410 ; lien altéré : 400 (pages HTML).',
          tags,
          params: confirmTokenParamsSchema,
          response: { 429: problemSchema },
        },
      },
      async (request, reply) =>
        linkPage(reply, async () => {
          const result = await doubleOptIn.confirm(request.scope, request.params.token, clientOf(request));
          return sendHtml(
            reply,
            200,
            messagePage('Inscription confirmée', [
              result.alreadyConfirmed
                ? 'Votre inscription était déjà confirmée. Merci !'
                : (result.thankYouText ?? 'Merci ! Votre inscription est confirmée.'),
            ]),
          );
        }),
    );
  });
}
