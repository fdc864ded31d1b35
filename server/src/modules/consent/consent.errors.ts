import { defineErrors } from '../../platform/errors.ts';

export const consentErrors = defineErrors({
  'consent.purpose_not_found': { status: 404, fr: 'Finalité introuvable.', en: 'Purpose not found.' },
  'consent.purpose_code_taken': {
    status: 409,
    fr: 'Une finalité porte déjà le code « {code} ».',
    en: 'A purpose already has the code "{code}".',
  },
  'consent.person_not_found': { status: 404, fr: 'Personne introuvable.', en: 'Person not found.' },
  'consent.person_merged': {
    status: 409,
    fr: 'Cette fiche a été fusionnée dans une autre : enregistrez le consentement sur la fiche conservée.',
    en: 'This record was merged into another one: record the consent on the surviving record.',
  },
  'consent.unknown_purpose': {
    status: 400,
    fr: 'Finalité inconnue.',
    en: 'Unknown purpose.',
  },
  'consent.purpose_archived': {
    status: 409,
    fr: 'La finalité « {purpose} » est archivée : elle ne reçoit plus de consentement.',
    en: 'The purpose "{purpose}" is archived: it accepts no new consent.',
  },
  'consent.channel_not_allowed': {
    status: 400,
    fr: 'Le canal « {channel} » ne fait pas partie des canaux de la finalité « {purpose} ».',
    en: 'The channel "{channel}" is not one of the channels of the purpose "{purpose}".',
  },
  'consent.wording_mismatch': {
    status: 400,
    fr: 'Ce texte de consentement n’appartient pas à la finalité « {purpose} ».',
    en: 'This consent wording does not belong to the purpose "{purpose}".',
  },
  'consent.occurred_in_future': {
    status: 400,
    fr: 'La date du consentement est dans le futur.',
    en: 'The consent date is in the future.',
  },
});
