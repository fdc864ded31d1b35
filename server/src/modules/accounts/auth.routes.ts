import {
  changePasswordInputSchema,
  loginInputSchema,
  passwordResetConfirmInputSchema,
  passwordResetRequestInputSchema,
  sessionInfoSchema,
  setupInputSchema,
  setupStatusSchema,
  signedInSchema,
  totpDisableInputSchema,
  totpEnableInputSchema,
  totpSetupSchema,
} from '@parterre/contract/accounts';
import { problemSchema } from '@parterre/contract/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { createAuthService } from './auth.service.ts';
import { createPasswordResetService } from './password-reset.service.ts';
import { noContent, problems, SIGN_IN_RATE_LIMIT, sendEmpty } from './route-schemas.ts';
import { clearSessionCookie, sessionIdHashOf, setSessionCookie } from './session-cookie.ts';

const tags = ['auth'];
const clientOf = (request: FastifyRequest) => ({ userAgent: request.headers['user-agent'] ?? null });

/** First-run setup, sign-in/out, current user, passwords and TOTP. */
export function registerAuthRoutes(server: FastifyInstance, context: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const auth = createAuthService(context);
  const resets = createPasswordResetService(context);

  app.get(
    '/api/v1/setup/status',
    {
      config: { permission: 'public' },
      schema: {
        summary: "Savoir si l'installation reste à faire",
        tags,
        response: { 200: setupStatusSchema },
      },
    },
    async (request) => ({ needsSetup: await auth.needsSetup(request.scope) }),
  );

  app.post(
    '/api/v1/setup',
    {
      config: { permission: 'public', rateLimit: SIGN_IN_RATE_LIMIT },
      schema: {
        summary: 'Créer le premier administrateur (et ouvrir sa session)',
        tags,
        body: setupInputSchema,
        response: { 201: signedInSchema, 400: problemSchema, 409: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const opened = await auth.setup(request.scope, request.body, clientOf(request));
      setSessionCookie(reply, context.config, opened.sessionId, opened.expiresAt);
      return reply.status(201).send({ user: opened.user });
    },
  );

  app.post(
    '/api/v1/auth/login',
    {
      config: { permission: 'public', rateLimit: SIGN_IN_RATE_LIMIT },
      schema: {
        summary: 'Se connecter (email, mot de passe, code TOTP si activé)',
        tags,
        body: loginInputSchema,
        response: {
          200: signedInSchema,
          400: problemSchema,
          401: problemSchema,
          423: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const opened = await auth.login(request.scope, request.body, clientOf(request));
      setSessionCookie(reply, context.config, opened.sessionId, opened.expiresAt);
      return { user: opened.user };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { permission: 'authenticated' },
      schema: { summary: 'Se déconnecter', tags, response: { 204: noContent, ...problems } },
    },
    async (request, reply) => {
      if (request.authenticatedVia === 'session') await auth.logout(request.scope, sessionIdHashOf(request));
      clearSessionCookie(reply);
      return sendEmpty(reply, 204);
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { permission: 'authenticated' },
      schema: {
        summary: 'Utilisateur connecté, permissions et jeton CSRF',
        tags,
        response: { 200: sessionInfoSchema, ...problems },
      },
    },
    async (request, reply) => ({ user: await auth.me(request.scope), csrfToken: await reply.generateCsrf() }),
  );

  app.post(
    '/api/v1/auth/password',
    {
      config: { permission: 'authenticated', rateLimit: SIGN_IN_RATE_LIMIT },
      schema: {
        summary: 'Changer son mot de passe (ferme ses autres sessions)',
        tags,
        body: changePasswordInputSchema,
        response: { 204: noContent, ...problems, 429: problemSchema },
      },
    },
    async (request, reply) => {
      await auth.changePassword(request.scope, request.body, sessionIdHashOf(request));
      return sendEmpty(reply, 204);
    },
  );

  app.post(
    '/api/v1/auth/password-reset/request',
    {
      config: { permission: 'public', rateLimit: SIGN_IN_RATE_LIMIT },
      schema: {
        summary: 'Recevoir un lien de réinitialisation du mot de passe',
        description: "Répond 202 que l'adresse soit connue ou non.",
        tags,
        body: passwordResetRequestInputSchema,
        response: { 202: noContent, 400: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      await resets.requestPasswordReset(request.scope, request.body.email);
      return sendEmpty(reply, 202);
    },
  );

  app.post(
    '/api/v1/auth/password-reset/confirm',
    {
      config: { permission: 'public', rateLimit: SIGN_IN_RATE_LIMIT },
      schema: {
        summary: 'Choisir un nouveau mot de passe avec le lien reçu',
        tags,
        body: passwordResetConfirmInputSchema,
        response: { 204: noContent, 400: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      await resets.confirmPasswordReset(request.scope, request.body);
      return sendEmpty(reply, 204);
    },
  );

  app.post(
    '/api/v1/auth/totp/setup',
    {
      config: { permission: 'authenticated' },
      schema: {
        summary: 'Préparer la double authentification (secret et QR code)',
        tags,
        response: { 200: totpSetupSchema, ...problems },
      },
    },
    async (request) => auth.totp.setupTotp(request.scope),
  );

  app.post(
    '/api/v1/auth/totp/enable',
    {
      config: { permission: 'authenticated', rateLimit: SIGN_IN_RATE_LIMIT },
      schema: {
        summary: 'Activer la double authentification avec un premier code',
        tags,
        body: totpEnableInputSchema,
        response: { 204: noContent, ...problems, 429: problemSchema },
      },
    },
    async (request, reply) => {
      await auth.totp.enableTotp(request.scope, request.body.code);
      return sendEmpty(reply, 204);
    },
  );

  app.post(
    '/api/v1/auth/totp/disable',
    {
      config: { permission: 'authenticated', rateLimit: SIGN_IN_RATE_LIMIT },
      schema: {
        summary: 'Désactiver la double authentification (mot de passe requis)',
        tags,
        body: totpDisableInputSchema,
        response: { 204: noContent, ...problems, 429: problemSchema },
      },
    },
    async (request, reply) => {
      await auth.totp.disableTotp(request.scope, request.body.password);
      return sendEmpty(reply, 204);
    },
  );
}
