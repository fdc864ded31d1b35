import { defineErrors } from '../../platform/errors.ts';

export const SEGMENTS_ERRORS = defineErrors({
  'segments.bad_criteria': {
    status: 400,
    fr: 'Critères invalides, règle {rule} : {reasonFr}',
    en: 'Invalid criteria, rule {rule}: {reasonEn}',
  },
  'segments.not_found': { status: 404, fr: 'Segment introuvable.', en: 'Segment not found.' },
  'segments.in_use': {
    status: 409,
    fr: 'Ce segment est utilisé par un autre segment ({name}) : retirez-le de ses critères d’abord.',
    en: 'This segment is used by another segment ({name}): remove it from its criteria first.',
  },
  'segments.unknown_set': {
    status: 400,
    fr: 'Segment ou liste introuvable : {id}.',
    en: 'Segment or list not found: {id}.',
  },
  'lists.not_found': { status: 404, fr: 'Liste introuvable.', en: 'List not found.' },
  'lists.unknown_people': {
    status: 400,
    fr: 'Ces personnes n’existent pas ou ont été supprimées : {ids}.',
    en: 'These people do not exist or were deleted: {ids}.',
  },
});
