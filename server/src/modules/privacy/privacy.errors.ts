import { defineErrors } from '../../platform/errors.ts';

export const privacyErrors = defineErrors({
  'privacy.not_found': { status: 404, fr: 'Demande introuvable.', en: 'Request not found.' },
  'privacy.person_not_found': { status: 400, fr: 'Personne introuvable.', en: 'Person not found.' },
  'privacy.export_person_not_found': { status: 404, fr: 'Personne introuvable.', en: 'Person not found.' },
  'privacy.assignee_not_found': {
    status: 400,
    fr: 'Cet utilisateur n’existe pas.',
    en: 'This user does not exist.',
  },
  'privacy.received_in_future': {
    status: 400,
    fr: 'La date de réception est dans le futur.',
    en: 'The date of receipt is in the future.',
  },
  'privacy.already_extended': {
    status: 409,
    fr: 'Le délai de réponse a déjà été prolongé : il ne peut l’être qu’une fois (article 12.3 du RGPD).',
    en: 'The deadline was already extended: it can be extended only once (GDPR article 12.3).',
  },
  'privacy.answer_required': {
    status: 400,
    fr: 'Indiquez la réponse apportée (ou le motif du refus).',
    en: 'Give the answer (or the reason for the refusal).',
  },
  'privacy.answered_before_received': {
    status: 400,
    fr: 'La date de réponse précède la date de réception.',
    en: 'The answer date is before the date of receipt.',
  },
});
