import { AppError, defineErrors, errorMessage, type FieldError, type Locale } from '../../platform/errors.ts';

/** Codes of the contacts module. Field-level codes (400) also give the message of one field error. */
export const contactsErrors = defineErrors({
  'contacts.not_found': { status: 404, fr: 'Contact introuvable.', en: 'Contact not found.' },
  'contacts.in_trash': {
    status: 409,
    fr: 'Ce contact est dans la corbeille : restaurez-le pour le modifier.',
    en: 'This contact is in the trash: restore it to edit it.',
  },
  'contacts.not_in_trash': {
    status: 409,
    fr: "Ce contact n'est pas dans la corbeille.",
    en: 'This contact is not in the trash.',
  },
  'contacts.probable_duplicate': {
    status: 409,
    fr: 'Ce contact existe peut-être déjà. Vérifiez les fiches proposées ou confirmez la création.',
    en: 'This contact may already exist. Check the suggested records or confirm the creation.',
  },
  'contacts.identity_required': {
    status: 400,
    fr: 'Indiquez au moins un nom, une adresse e-mail ou un numéro de téléphone.',
    en: 'Give at least a name, an email address or a phone number.',
  },
  'contacts.invalid_email': { status: 400, fr: 'Adresse e-mail invalide', en: 'Invalid email address' },
  'contacts.duplicate_email': {
    status: 400,
    fr: 'Adresse e-mail déjà saisie',
    en: 'Email address entered twice',
  },
  'contacts.invalid_phone': {
    status: 400,
    fr: 'Numéro de téléphone invalide',
    en: 'Invalid phone number',
  },
  'contacts.unknown_postal_code': {
    status: 400,
    fr: 'Code postal inconnu',
    en: 'Unknown postal code',
  },
  'contacts.invalid_country': { status: 400, fr: 'Code pays inconnu', en: 'Unknown country code' },
  'contacts.vcard_empty': {
    status: 400,
    fr: 'Aucune fiche vCard trouvée dans le fichier.',
    en: 'No vCard found in the file.',
  },
  'contacts.vcard_too_many': {
    status: 413,
    fr: 'Le fichier contient plus de {max} fiches : découpez-le.',
    en: 'The file holds more than {max} cards: split it.',
  },
  'organisations.not_found': { status: 404, fr: 'Structure introuvable.', en: 'Organisation not found.' },
  'organisations.in_trash': {
    status: 409,
    fr: 'Cette structure est dans la corbeille : restaurez-la pour la modifier.',
    en: 'This organisation is in the trash: restore it to edit it.',
  },
  'organisations.not_in_trash': {
    status: 409,
    fr: "Cette structure n'est pas dans la corbeille.",
    en: 'This organisation is not in the trash.',
  },
  'organisations.invalid_siren': {
    status: 400,
    fr: 'SIREN invalide (9 chiffres)',
    en: 'Invalid SIREN (9 digits)',
  },
  'organisations.invalid_siret': {
    status: 400,
    fr: 'SIRET invalide (14 chiffres)',
    en: 'Invalid SIRET (14 digits)',
  },
  'organisations.siret_mismatch': {
    status: 400,
    fr: 'Le SIRET doit commencer par le SIREN',
    en: 'The SIRET must start with the SIREN',
  },
  'organisations.invalid_website': { status: 400, fr: 'Adresse web invalide', en: 'Invalid web address' },
  'relationships.not_found': { status: 404, fr: 'Lien introuvable.', en: 'Relationship not found.' },
  'relationships.invalid_ends': {
    status: 400,
    fr: 'Ce type de lien ne relie pas ces fiches',
    en: 'This kind of relationship does not link these records',
  },
  'relationships.end_not_found': {
    status: 400,
    fr: 'Fiche introuvable',
    en: 'Record not found',
  },
  'relationships.self': {
    status: 400,
    fr: 'Une fiche ne peut pas être liée à elle-même',
    en: 'A record cannot be linked to itself',
  },
  'relationships.parent_cycle': {
    status: 409,
    fr: 'Ce lien créerait une boucle : cette structure est déjà au-dessus de l’autre.',
    en: 'This link would create a loop: this organisation is already above the other one.',
  },
  'relationships.dates_order': {
    status: 400,
    fr: 'La date de fin doit suivre la date de début',
    en: 'The end date must follow the start date',
  },
  'custom_fields.not_found': {
    status: 404,
    fr: 'Champ personnalisé introuvable.',
    en: 'Custom field not found.',
  },
  'custom_fields.key_taken': {
    status: 409,
    fr: 'Un champ personnalisé porte déjà cet identifiant.',
    en: 'A custom field already uses this key.',
  },
  'custom_fields.options_required': {
    status: 400,
    fr: 'Une liste de choix doit proposer au moins une option',
    en: 'A choice list needs at least one option',
  },
  'custom_fields.unknown': { status: 400, fr: 'Champ personnalisé inconnu', en: 'Unknown custom field' },
  'custom_fields.required': { status: 400, fr: 'Champ obligatoire', en: 'Required field' },
  'custom_fields.expected_text': { status: 400, fr: 'Texte attendu', en: 'Text expected' },
  'custom_fields.expected_number': { status: 400, fr: 'Nombre attendu', en: 'Number expected' },
  'custom_fields.expected_date': {
    status: 400,
    fr: 'Date attendue (AAAA-MM-JJ)',
    en: 'Date expected (YYYY-MM-DD)',
  },
  'custom_fields.expected_boolean': { status: 400, fr: 'Oui ou non attendu', en: 'Yes or no expected' },
  'custom_fields.not_an_option': {
    status: 400,
    fr: 'Valeur absente de la liste de choix',
    en: 'Value not in the list of choices',
  },
  'custom_fields.invalid_url': { status: 400, fr: 'Adresse web invalide', en: 'Invalid web address' },
  'notes.not_found': { status: 404, fr: 'Note introuvable.', en: 'Note not found.' },
  'notes.department_required': {
    status: 400,
    fr: 'Choisissez le département qui verra cette note',
    en: 'Choose the department that will see this note',
  },
});

export type ContactsErrorCode = keyof typeof contactsErrors;

/** Collects one error per faulty field, then throws them together as `common.validation`. */
export class FieldErrors {
  readonly list: FieldError[] = [];
  constructor(private readonly locale: Locale) {}

  add(path: string, code: string, details?: Record<string, unknown>): void {
    this.list.push({ path, code, message: errorMessage(code, this.locale, details) });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw new AppError('common.validation', { fieldErrors: this.list });
  }
}
