export type Locale = 'fr' | 'en';

export type ErrorDefinition = {
  status: number;
  fr: string;
  en: string;
};

/** One table maps every code to its HTTP status and messages; modules add theirs with `defineErrors`. */
const errorTable = new Map<string, ErrorDefinition>();

export function defineErrors<const T extends Record<string, ErrorDefinition>>(definitions: T): T {
  for (const [code, definition] of Object.entries(definitions)) {
    if (errorTable.has(code)) throw new Error(`Error code defined twice: ${code}`);
    errorTable.set(code, definition);
  }
  return definitions;
}

export type FieldError = { path: string; code?: string; message: string };

export class AppError extends Error {
  readonly code: string;
  readonly fieldErrors?: FieldError[];
  readonly details?: Record<string, unknown>;
  /** Extra members of the problem body (RFC 9457 extensions), e.g. `current` on a 412. */
  readonly extensions?: Record<string, unknown>;

  constructor(
    code: string,
    options: {
      fieldErrors?: FieldError[];
      details?: Record<string, unknown>;
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(code);
    this.code = code;
    this.fieldErrors = options.fieldErrors;
    this.details = options.details;
    this.extensions = options.extensions;
  }
}

export function errorDefinition(code: string): ErrorDefinition {
  return errorTable.get(code) ?? errorTable.get('common.internal')!;
}

/** Fills `{name}` placeholders from the error's details. */
export function errorMessage(code: string, locale: Locale, details?: Record<string, unknown>): string {
  const template = errorDefinition(code)[locale];
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    details && key in details ? String(details[key]) : whole,
  );
}

defineErrors({
  'common.internal': {
    status: 500,
    fr: 'Une erreur inattendue est survenue. Réessayez ; si elle persiste, contactez votre administrateur.',
    en: 'An unexpected error occurred. Try again; if it persists, contact your administrator.',
  },
  'common.validation': {
    status: 400,
    fr: 'Certaines informations sont invalides.',
    en: 'Some of the information is invalid.',
  },
  'common.unauthenticated': {
    status: 401,
    fr: 'Vous devez vous connecter.',
    en: 'You must sign in.',
  },
  'common.forbidden': {
    status: 403,
    fr: "Vous n'avez pas la permission d'effectuer cette action.",
    en: 'You do not have permission to do this.',
  },
  'common.csrf': {
    status: 403,
    fr: 'La session de la page a expiré. Rechargez la page puis réessayez.',
    en: 'The page session has expired. Reload the page and try again.',
  },
  'common.not_found': { status: 404, fr: 'Introuvable.', en: 'Not found.' },
  'common.stale': {
    status: 412,
    fr: "Cet élément a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert. Rechargez-le pour voir ses changements.",
    en: 'Someone else changed this item since you opened it. Reload it to see their changes.',
  },
  'common.precondition_required': {
    status: 428,
    fr: "L'en-tête If-Match est obligatoire pour modifier cet élément.",
    en: 'The If-Match header is required to update this item.',
  },
  'common.idempotency_conflict': {
    status: 422,
    fr: 'Cette clé Idempotency-Key a déjà servi pour une autre requête.',
    en: 'This Idempotency-Key was already used for a different request.',
  },
  'common.idempotency_in_progress': {
    status: 409,
    fr: 'Une requête avec cette clé Idempotency-Key est encore en cours.',
    en: 'A request with this Idempotency-Key is still in progress.',
  },
  'common.rate_limited': {
    status: 429,
    fr: 'Trop de requêtes. Patientez un instant avant de réessayer.',
    en: 'Too many requests. Wait a moment before trying again.',
  },
  'common.payload_too_large': {
    status: 413,
    fr: 'Le contenu envoyé est trop volumineux.',
    en: 'The request body is too large.',
  },
  'common.bad_cursor': {
    status: 400,
    fr: 'Le curseur de pagination est invalide.',
    en: 'The pagination cursor is invalid.',
  },
  'common.unsupported_media_type': {
    status: 415,
    fr: "Ce type de contenu n'est pas accepté.",
    en: 'This content type is not accepted.',
  },
  'common.embedded_database_busy': {
    status: 409,
    fr: 'La base embarquée est utilisée par un autre processus.',
    en: 'The embedded database is in use by another process.',
  },
});
