import { defineErrors } from '../../platform/errors.ts';

/** Codes of identity resolution: duplicate pairs, merges and their undoing. */
export const identityErrors = defineErrors({
  'identity.pair_not_found': {
    status: 404,
    fr: 'Paire de doublons introuvable.',
    en: 'Duplicate pair not found.',
  },
  'identity.person_not_found': {
    status: 404,
    fr: 'Contact introuvable : {id}.',
    en: 'Contact not found: {id}.',
  },
  'identity.same_person': {
    status: 400,
    fr: 'Choisissez deux fiches différentes.',
    en: 'Choose two different records.',
  },
  'identity.person_in_trash': {
    status: 409,
    fr: 'Une des fiches est dans la corbeille : restaurez-la avant de la fusionner.',
    en: 'One of the records is in the trash: restore it before merging.',
  },
  'identity.already_merged': {
    status: 409,
    fr: 'Une des fiches a déjà été fusionnée dans une autre.',
    en: 'One of the records has already been merged into another.',
  },
  'identity.pair_decided': {
    status: 409,
    fr: 'Cette paire a déjà été traitée (fusionnée).',
    en: 'This pair has already been handled (merged).',
  },
  'identity.unknown_custom_field': {
    status: 400,
    fr: 'Champ personnalisé inconnu : {key}.',
    en: 'Unknown custom field: {key}.',
  },
  'identity.merge_not_found': {
    status: 404,
    fr: 'Aucune fusion à annuler pour cette fiche.',
    en: 'No merge to undo for this record.',
  },
  'identity.merge_id_required': {
    status: 400,
    fr: 'Cette fiche a reçu plusieurs fusions : indiquez laquelle annuler (mergeId).',
    en: 'Several records were merged into this one: say which merge to undo (mergeId).',
  },
  'identity.merge_undone': {
    status: 409,
    fr: 'Cette fusion a déjà été annulée.',
    en: 'This merge has already been undone.',
  },
  'identity.survivor_changed': {
    status: 409,
    fr: 'Impossible d’annuler exactement cette fusion : une des deux fiches a été modifiée (ou a reçu une autre fusion) depuis. Annulez d’abord les fusions plus récentes, ou corrigez les fiches à la main.',
    en: 'This merge cannot be undone exactly: one of the two records changed (or received another merge) since. Undo the later merges first, or fix the records by hand.',
  },
  'identity.references_changed': {
    status: 409,
    fr: 'Impossible d’annuler exactement cette fusion : des commandes, billets, passages ou notes déplacés ont changé depuis ({kinds}).',
    en: 'This merge cannot be undone exactly: orders, tickets, visits or notes it moved have changed since ({kinds}).',
  },
});
