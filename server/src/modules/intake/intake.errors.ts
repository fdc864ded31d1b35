import { defineErrors } from '../../platform/errors.ts';

/** Codes of the intake module. `intake.bad_mapping` carries one field error per faulty column. */
export const intakeErrors = defineErrors({
  'intake.bad_mapping': {
    status: 400,
    fr: 'La correspondance des colonnes est invalide.',
    en: 'The column mapping is invalid.',
  },
  'intake.unknown_encoding': {
    status: 400,
    fr: 'Encodage inconnu : {encoding}.',
    en: 'Unknown encoding: {encoding}.',
  },
  'intake.unreadable_file': {
    status: 400,
    fr: 'Fichier illisible : {reason}',
    en: 'Unreadable file: {reason}',
  },
  'intake.empty_file': {
    status: 400,
    fr: "Le fichier ne contient pas de ligne d'en-tête.",
    en: 'The file has no header row.',
  },
  'intake.sheet_not_found': {
    status: 400,
    fr: 'Feuille « {sheet} » introuvable dans le classeur.',
    en: 'Sheet "{sheet}" not found in the workbook.',
  },
  'intake.unknown_preset': {
    status: 400,
    fr: "Modèle d'import inconnu : {name}.",
    en: 'Unknown import preset: {name}.',
  },
  'intake.import_not_found': {
    status: 404,
    fr: 'Import introuvable.',
    en: 'Import not found.',
  },
  'intake.missing_file': {
    status: 400,
    fr: 'Aucun fichier reçu (champ « file » du formulaire).',
    en: 'No file received (form field "file").',
  },
  'intake.missing_mapping': {
    status: 400,
    fr: 'Indiquez un modèle d’import (« preset ») ou une correspondance de colonnes (« mapping »).',
    en: 'Give an import preset ("preset") or a column mapping ("mapping").',
  },
});

export type IntakeErrorCode = keyof typeof intakeErrors;
