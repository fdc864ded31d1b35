import { defineErrors } from '../../platform/errors.ts';

export const accountErrors = defineErrors({
  'setup.already_done': {
    status: 409,
    fr: 'Parterre est déjà installé : un administrateur existe. Connectez-vous.',
    en: 'Parterre is already set up: an administrator exists. Sign in.',
  },
  'auth.invalid_credentials': {
    status: 401,
    fr: 'Adresse email ou mot de passe incorrect.',
    en: 'Incorrect email address or password.',
  },
  'auth.locked': {
    status: 423,
    fr: 'Trop de tentatives de connexion échouées : le compte est verrouillé pendant encore {minutes} min.',
    en: 'Too many failed sign-in attempts: the account is locked for another {minutes} min.',
  },
  'auth.totp_required': {
    status: 401,
    fr: "Saisissez le code à 6 chiffres de votre application d'authentification.",
    en: 'Enter the 6-digit code from your authenticator app.',
  },
  'auth.totp_invalid': {
    status: 401,
    fr: "Le code d'authentification est incorrect ou a expiré.",
    en: 'The authentication code is incorrect or has expired.',
  },
  'auth.totp_code_incorrect': {
    status: 400,
    fr: "Le code est incorrect. Vérifiez l'heure de votre téléphone et saisissez le code affiché.",
    en: "The code is incorrect. Check your phone's clock and enter the code shown.",
  },
  'auth.totp_enrolment_required': {
    status: 403,
    fr: 'La double authentification est obligatoire : activez-la dans « Mon compte » avant de continuer.',
    en: 'Two-factor authentication is mandatory: enable it in “My account” before continuing.',
  },
  'auth.totp_required_by_policy': {
    status: 409,
    fr: 'La double authentification est obligatoire dans cette institution : elle ne peut pas être désactivée.',
    en: 'Two-factor authentication is mandatory in this institution: it cannot be disabled.',
  },
  'auth.totp_already_enabled': {
    status: 409,
    fr: 'La double authentification est déjà active. Désactivez-la avant de changer d’appareil.',
    en: 'Two-factor authentication is already enabled. Disable it before changing device.',
  },
  'auth.totp_not_pending': {
    status: 409,
    fr: "Aucune activation en cours : recommencez l'étape du QR code.",
    en: 'No enrolment in progress: start again from the QR code step.',
  },
  'auth.wrong_password': {
    status: 400,
    fr: 'Le mot de passe actuel est incorrect.',
    en: 'The current password is incorrect.',
  },
  'auth.weak_password': {
    status: 400,
    fr: 'Le mot de passe ne doit pas être votre adresse email.',
    en: 'The password must not be your email address.',
  },
  'auth.reset_invalid': {
    status: 400,
    fr: 'Ce lien de réinitialisation est invalide, expiré ou déjà utilisé. Demandez-en un nouveau.',
    en: 'This reset link is invalid, expired or already used. Request a new one.',
  },
  'users.not_found': { status: 404, fr: 'Utilisateur introuvable.', en: 'User not found.' },
  'users.email_taken': {
    status: 409,
    fr: 'Un utilisateur a déjà cette adresse email.',
    en: 'A user already has this email address.',
  },
  'users.last_admin': {
    status: 409,
    fr: "C'est le dernier administrateur actif : nommez-en un autre avant de le désactiver ou de lui retirer ce rôle.",
    en: 'This is the last active administrator: appoint another one before disabling them or removing the role.',
  },
  'users.unknown_reference': {
    status: 400,
    fr: 'Un rôle ou un service choisi n’existe pas (ou plus).',
    en: 'A chosen role or department does not exist (any more).',
  },
  'users.cannot_grant': {
    status: 403,
    fr: "Vous ne pouvez pas attribuer un rôle qui donne des permissions que vous n'avez pas.",
    en: 'You cannot grant a role carrying permissions you do not have.',
  },
  'departments.not_found': { status: 404, fr: 'Service introuvable.', en: 'Department not found.' },
  'departments.code_taken': {
    status: 409,
    fr: 'Un service utilise déjà ce code.',
    en: 'A department already uses this code.',
  },
  'departments.in_use': {
    status: 409,
    fr: 'Ce service est encore utilisé (membres ou données rattachées) : retirez-les avant de le supprimer.',
    en: 'This department is still in use (members or attached data): remove them before deleting it.',
  },
  'roles.not_found': { status: 404, fr: 'Rôle introuvable.', en: 'Role not found.' },
  'roles.code_taken': {
    status: 409,
    fr: 'Un rôle utilise déjà ce code.',
    en: 'A role already uses this code.',
  },
  'roles.built_in': {
    status: 409,
    fr: 'Les rôles intégrés ne peuvent être ni modifiés ni supprimés. Créez un rôle personnalisé.',
    en: 'Built-in roles cannot be changed or deleted. Create a custom role.',
  },
  'roles.in_use': {
    status: 409,
    fr: 'Ce rôle est attribué à des utilisateurs : retirez-le-leur avant de le supprimer.',
    en: 'This role is assigned to users: remove it from them before deleting it.',
  },
  'roles.unknown_permission': {
    status: 400,
    fr: 'Permission inconnue.',
    en: 'Unknown permission.',
  },
  'roles.cannot_grant': {
    status: 403,
    fr: "Vous ne pouvez pas donner à un rôle des permissions que vous n'avez pas.",
    en: 'You cannot give a role permissions you do not have.',
  },
  'settings.idle_exceeds_absolute': {
    status: 400,
    fr: "Le délai d'inactivité ne peut pas dépasser la durée maximale d'une session.",
    en: 'The idle time-out cannot exceed the maximum session length.',
  },
  'tokens.not_found': { status: 404, fr: "Jeton d'API introuvable.", en: 'API token not found.' },
  'tokens.unknown_scope': {
    status: 400,
    fr: 'Portée inconnue : utilisez des codes de permission ou « * ».',
    en: 'Unknown scope: use permission codes or “*”.',
  },
  'tokens.scope_not_held': {
    status: 403,
    fr: "Un jeton ne peut pas recevoir de permissions que vous n'avez pas vous-même.",
    en: 'A token cannot receive permissions you do not have yourself.',
  },
  'tokens.expiry_in_past': {
    status: 400,
    fr: "La date d'expiration doit être dans le futur.",
    en: 'The expiry date must be in the future.',
  },
});
