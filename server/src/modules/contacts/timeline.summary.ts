/**
 * French one-line summaries of events for the contact history, built from the event type
 * (`<entity>.<verb>`) and its payload. Unknown types still read sensibly: "Commande : imported".
 */

type Noun = { word: string; feminine: boolean; plural?: boolean };

const NOUNS: Record<string, Noun> = {
  contact: { word: 'Fiche', feminine: true },
  person: { word: 'Fiche', feminine: true },
  organisation: { word: 'Structure', feminine: true },
  note: { word: 'Note', feminine: true },
  relationship: { word: 'Relation', feminine: true },
  email: { word: 'Adresse e-mail', feminine: true },
  phone: { word: 'Téléphone', feminine: false },
  address: { word: 'Adresse postale', feminine: true },
  coordinates: { word: 'Coordonnées', feminine: true, plural: true },
  consent: { word: 'Consentement', feminine: false },
  order: { word: 'Commande', feminine: true },
  ticket: { word: 'Billet', feminine: false },
  visit: { word: 'Visite', feminine: true },
  gift: { word: 'Don', feminine: false },
  donation: { word: 'Don', feminine: false },
  membership: { word: 'Adhésion', feminine: true },
  message: { word: 'Message', feminine: false },
  request: { word: 'Demande', feminine: true },
  booking: { word: 'Réservation', feminine: true },
  merge: { word: 'Fusion', feminine: true },
  tag: { word: 'Étiquette', feminine: true },
};

const PARTICIPLES: Record<string, string> = {
  created: 'créé',
  added: 'ajouté',
  imported: 'importé',
  recorded: 'enregistré',
  updated: 'modifié',
  changed: 'modifié',
  deleted: 'supprimé',
  removed: 'retiré',
  restored: 'restauré',
  merged: 'fusionné',
  unmerged: 'défusionné',
  anonymised: 'anonymisé',
  anonymized: 'anonymisé',
  sent: 'envoyé',
  received: 'reçu',
  cancelled: 'annulé',
  refunded: 'remboursé',
  given: 'recueilli',
  withdrawn: 'retiré',
  renewed: 'renouvelé',
  exported: 'exporté',
  completed: 'terminé',
  tagged: 'étiqueté',
};

/** Fields whose change is a change of contact details rather than of identity. */
const COORDINATE_FIELDS = new Set(['emails', 'phones', 'addresses', 'email', 'phone', 'address']);

function agree(noun: Noun, participle: string): string {
  return `${participle}${noun.feminine ? 'e' : ''}${noun.plural ? 's' : ''}`;
}

function changedFields(payload: Record<string, unknown>): string[] {
  const changes = payload.changes ?? payload.fields ?? payload.changedFields;
  if (Array.isArray(changes)) return changes.map(String);
  if (changes && typeof changes === 'object') return Object.keys(changes);
  return [];
}

const CONSENT_STATUSES: Record<string, string> = {
  granted: 'Consentement accordé',
  withdrawn: 'Consentement retiré',
  pending: 'Consentement en attente de confirmation',
  unknown: 'Consentement inconnu',
};
const CONSENT_CHANNELS: Record<string, string> = {
  email: 'e-mail',
  sms: 'SMS',
  post: 'courrier',
  phone: 'téléphone',
};

/** « Consentement retiré : Lettre d’information (e-mail) ». */
function consentSummary(payload: Record<string, unknown>): string {
  const status = CONSENT_STATUSES[String(payload.status)] ?? 'Consentement enregistré';
  const channel = CONSENT_CHANNELS[String(payload.channel)];
  const purpose = typeof payload.purposeName === 'string' ? ` : ${payload.purposeName}` : '';
  return `${status}${purpose}${channel ? ` (${channel})` : ''}`;
}

export function summariseEvent(
  type: string,
  payload: Record<string, unknown>,
  departmentName: string | null,
): string {
  const [entity, ...rest] = type.split('.');
  const verb = rest.join('.');
  let noun = NOUNS[entity];
  if ((entity === 'contact' || entity === 'person') && (verb === 'updated' || verb === 'changed')) {
    const fields = changedFields(payload);
    if (fields.length > 0 && fields.every((f) => COORDINATE_FIELDS.has(f))) noun = NOUNS.coordinates;
    if (payload.action === 'tag' || payload.action === 'untag') {
      const tag = typeof payload.tag === 'string' ? ` « ${payload.tag} »` : '';
      return `Étiquettes modifiées${tag}`;
    }
  }
  let text: string;
  if (entity === 'contact' && verb === 'merged') text = 'Fiches fusionnées';
  else if (entity === 'consent' && verb === 'recorded') text = consentSummary(payload);
  else if (noun && PARTICIPLES[verb]) text = `${noun.word} ${agree(noun, PARTICIPLES[verb])}`;
  else if (noun) text = `${noun.word} : ${verb || 'événement'}`;
  else text = type;
  return departmentName ? `${text} (${departmentName})` : text;
}
