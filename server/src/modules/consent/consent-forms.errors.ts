import { defineErrors } from '../../platform/errors.ts';

export const consentFormErrors = defineErrors({
  'consent_forms.not_found': {
    status: 404,
    fr: 'Formulaire introuvable.',
    en: 'Form not found.',
  },
  'consent_forms.invalid_purpose': {
    status: 400,
    fr: 'Cette finalité n’existe pas, est archivée ou ne se consent pas par email.',
    en: 'This purpose does not exist, is archived or is not consented to by email.',
  },
  'consent_forms.invalid_email': {
    status: 400,
    fr: 'Adresse e-mail invalide.',
    en: 'Invalid email address.',
  },
  'consent_forms.no_purpose': {
    status: 400,
    fr: 'Choisissez au moins une case.',
    en: 'Tick at least one box.',
  },
  'consent_forms.link_invalid': {
    status: 400,
    fr: 'Ce lien de confirmation n’est pas valide.',
    en: 'This confirmation link is not valid.',
  },
  'consent_forms.link_expired': {
    status: 410,
    fr: 'Ce lien de confirmation a expiré.',
    en: 'This confirmation link has expired.',
  },
});
