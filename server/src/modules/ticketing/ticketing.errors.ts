import { defineErrors } from '../../platform/errors.ts';

export const ticketingErrors = defineErrors({
  'ticketing.not_found': {
    status: 404,
    fr: 'Élément de billetterie introuvable.',
    en: 'Ticketing item not found.',
  },
  'ticketing.order_not_found': { status: 404, fr: 'Commande introuvable.', en: 'Order not found.' },
  'ticketing.in_use': {
    status: 409,
    fr: 'Cet élément est utilisé ({count} références) : il ne peut pas être supprimé.',
    en: 'This item is in use ({count} references): it cannot be deleted.',
  },
  'ticketing.duplicate': {
    status: 409,
    fr: 'Un élément identique existe déjà.',
    en: 'An identical item already exists.',
  },
  'ticketing.unknown_reference': {
    status: 400,
    fr: 'Référence inconnue',
    en: 'Unknown reference',
  },
  'ticketing.duplicate_in_batch': {
    status: 400,
    fr: 'Cet identifiant apparaît déjà plus haut dans le lot : {externalId}',
    en: 'This identifier already appears earlier in the batch: {externalId}',
  },
  'ticketing.unknown_ticket': {
    status: 404,
    fr: 'Aucun billet ne porte cet identifiant dans cette source.',
    en: 'No ticket has this identifier in this source.',
  },
  'ticketing.bad_signature': {
    status: 401,
    fr: 'Signature du webhook absente ou invalide.',
    en: 'Missing or invalid webhook signature.',
  },
});
