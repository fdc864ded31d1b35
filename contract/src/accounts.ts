import { z } from 'zod';
import { isoDateTime, pageQuerySchema } from './common.ts';

/** Addresses are compared trimmed and lower-cased: `Jean@Theatre.fr ` and `jean@theatre.fr` are one account. */
export const accountEmailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

/** At least 12 characters; the upper bound only protects the hashing from absurd inputs. */
export const passwordSchema = z
  .string()
  .min(12, 'Le mot de passe doit compter au moins 12 caractères.')
  .max(1024);

export const localeSchema = z.enum(['fr', 'en']);

/** Stable identifier typed by administrators: lower-case letters, digits, `-` or `_`. */
export const codeSchema = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,49}$/,
    'Lettres minuscules, chiffres, « - » ou « _ » (50 caractères au plus).',
  );

/** Optional justification kept in the audit trail with the change. */
const reasonSchema = z.string().trim().max(500).optional();

// ---------------------------------------------------------------------------------------------
// Users

export const userStatusSchema = z.enum(['active', 'disabled']);

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    locale: localeSchema,
    status: userStatusSchema,
    roleIds: z.array(z.uuid()),
    departmentIds: z.array(z.uuid()),
    /** Whether the user signs in with a second factor (TOTP). */
    totpEnabled: z.boolean(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    /** Send it back as `If-Match: "<version>"` to update. */
    version: z.number().int(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const userListQuerySchema = pageQuerySchema.extend({
  /** Part of the name or email address. */
  q: z.string().trim().max(200).optional(),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const createUserInputSchema = z.object({
  email: accountEmailSchema,
  name: z.string().trim().min(1).max(200),
  /** Omitted: the user receives an invitation email to choose one (link valid 7 days). */
  password: passwordSchema.optional(),
  roleIds: z.array(z.uuid()).max(50),
  departmentIds: z.array(z.uuid()).max(100),
  locale: localeSchema.optional(),
});
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

export const updateUserInputSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  /** `disabled` signs the user out everywhere and refuses their tokens. */
  status: userStatusSchema.optional(),
  roleIds: z.array(z.uuid()).max(50).optional(),
  departmentIds: z.array(z.uuid()).max(100).optional(),
  locale: localeSchema.optional(),
  reason: reasonSchema,
});
export type UpdateUserInput = z.infer<typeof updateUserInputSchema>;

// ---------------------------------------------------------------------------------------------
// Authentication

/** The signed-in user as the back office needs it. */
export const currentUserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    locale: localeSchema,
    roleIds: z.array(z.uuid()),
    departmentIds: z.array(z.uuid()),
    /** Effective permission codes (narrowed by the scopes when called with a token). */
    permissions: z.array(z.string()),
    totpEnabled: z.boolean(),
    /** The security policy requires TOTP and the user has none yet: only enrolment is allowed. */
    mustEnrolTotp: z.boolean(),
  })
  .meta({ id: 'CurrentUser' });
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const signedInSchema = z.object({ user: currentUserSchema });
export type SignedIn = z.infer<typeof signedInSchema>;

export const sessionInfoSchema = z.object({
  user: currentUserSchema,
  /** Send it as `x-csrf-token` on every POST/PATCH/DELETE made with the session cookie. */
  csrfToken: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const setupStatusSchema = z.object({
  /** True until the first administrator has been created. */
  needsSetup: z.boolean(),
});

export const setupInputSchema = z.object({
  email: accountEmailSchema,
  name: z.string().trim().min(1).max(200),
  password: passwordSchema,
});
export type SetupInput = z.infer<typeof setupInputSchema>;

export const loginInputSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(1024),
  /** Six-digit code from the authenticator app, when the account has TOTP. */
  totpCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Le code doit compter 6 chiffres.')
    .optional(),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export const changePasswordInputSchema = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;

export const passwordResetRequestInputSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
});

export const passwordResetConfirmInputSchema = z.object({
  /** The token from the link received by email. */
  token: z.string().min(1).max(200),
  password: passwordSchema,
});
export type PasswordResetConfirmInput = z.infer<typeof passwordResetConfirmInputSchema>;

export const totpSetupSchema = z.object({
  /** Base32 secret, for apps that cannot scan the QR code. */
  secret: z.string(),
  otpauthUrl: z.string(),
  /** PNG image of `otpauthUrl`, as a data: URL. */
  qrCodeDataUrl: z.string(),
});
export type TotpSetup = z.infer<typeof totpSetupSchema>;

export const totpEnableInputSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Le code doit compter 6 chiffres.'),
});

export const totpDisableInputSchema = z.object({ password: z.string().min(1).max(1024) });

// ---------------------------------------------------------------------------------------------
// Departments

export const departmentSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Department' });
export type Department = z.infer<typeof departmentSchema>;

export const createDepartmentInputSchema = z.object({
  code: codeSchema,
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullable().optional(),
});
export type CreateDepartmentInput = z.infer<typeof createDepartmentInputSchema>;

export const updateDepartmentInputSchema = createDepartmentInputSchema
  .partial()
  .extend({ reason: reasonSchema });
export type UpdateDepartmentInput = z.infer<typeof updateDepartmentInputSchema>;

// ---------------------------------------------------------------------------------------------
// Roles and permissions

export const roleSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    /** Built-in roles follow the permission catalogue and cannot be edited. */
    builtIn: z.boolean(),
    permissions: z.array(z.string()),
    version: z.number().int(),
  })
  .meta({ id: 'Role' });
export type Role = z.infer<typeof roleSchema>;

export const createRoleInputSchema = z.object({
  code: codeSchema,
  name: z.string().trim().min(1).max(200),
  /** Permission codes from GET /api/v1/permissions. */
  permissions: z.array(z.string().max(100)).max(500),
});
export type CreateRoleInput = z.infer<typeof createRoleInputSchema>;

export const updateRoleInputSchema = createRoleInputSchema
  .omit({ code: true })
  .partial()
  .extend({ reason: reasonSchema });
export type UpdateRoleInput = z.infer<typeof updateRoleInputSchema>;

export const permissionSchema = z
  .object({ code: z.string(), group: z.string(), labelFr: z.string(), labelEn: z.string() })
  .meta({ id: 'Permission' });
export type Permission = z.infer<typeof permissionSchema>;

export const permissionListSchema = z.object({ data: z.array(permissionSchema) });

// ---------------------------------------------------------------------------------------------
// API tokens

export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    userId: z.uuid(),
    /** Permission codes, or `*` for all of the owner's permissions. */
    scopes: z.array(z.string()),
    /** Start of the secret, to recognise it (`prt_ab12cd34`). */
    prefix: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const tokenListQuerySchema = pageQuerySchema.extend({
  /** Another user's tokens (needs `admin.tokens`). Omitted: own tokens, or every token for administrators. */
  userId: z.uuid().optional(),
});
export type TokenListQuery = z.infer<typeof tokenListQuerySchema>;

export const createTokenInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  scopes: z.array(z.string().max(100)).min(1).max(500),
  expiresAt: isoDateTime.optional(),
  /** Create the token for another user (needs `admin.tokens`). */
  userId: z.uuid().optional(),
});
export type CreateTokenInput = z.infer<typeof createTokenInputSchema>;

export const createdTokenSchema = z.object({
  token: apiTokenSchema,
  /** Shown once: only its SHA-256 is stored. Send it as `Authorization: Bearer prt_…`. */
  secret: z.string(),
});
export type CreatedToken = z.infer<typeof createdTokenSchema>;

// ---------------------------------------------------------------------------------------------
// Security settings

export const securitySettingsSchema = z
  .object({
    /** Every user must enrol a TOTP second factor before using the back office. */
    totpRequired: z.boolean(),
    /** A session unused for this long is closed. */
    sessionIdleMinutes: z.number().int(),
    /** A session is closed this long after sign-in, however active. */
    sessionAbsoluteHours: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'SecuritySettings' });
export type SecuritySettingsDto = z.infer<typeof securitySettingsSchema>;

export const updateSecuritySettingsInputSchema = z.object({
  totpRequired: z.boolean().optional(),
  sessionIdleMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .optional(),
  sessionAbsoluteHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .optional(),
  reason: reasonSchema,
});
export type UpdateSecuritySettingsInput = z.infer<typeof updateSecuritySettingsInputSchema>;
