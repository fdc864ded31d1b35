import type { RelationshipKind } from '@parterre/contract/relationships';
import type { Locale } from '../../platform/errors.ts';

/** "de Orchestre" → "d’Orchestre". */
function de(name: string): string {
  return /^[aeiouyhàâäéèêëîïôöùûü]/i.test(name) ? `d’${name}` : `de ${name}`;
}

const withRole = (text: string, role: string | null) => (role ? `${text} (${role})` : text);

/**
 * How a relationship reads from the record being viewed: a person sees "Directrice de Théâtre X",
 * the organisation sees "Emploie Jeanne Martin (Directrice)"; a subsidiary sees "Filiale de Y".
 */
export function relationshipLabel(
  kind: RelationshipKind,
  direction: 'outgoing' | 'incoming',
  counterpart: string,
  role: string | null,
  locale: Locale,
): string {
  const outgoing = direction === 'outgoing';
  if (locale === 'en') {
    switch (kind) {
      case 'employment':
        return outgoing
          ? `${role ?? 'Employee'} at ${counterpart}`
          : withRole(`Employs ${counterpart}`, role);
      case 'household':
        return withRole(`Same household as ${counterpart}`, role);
      case 'family':
        return withRole(`Family of ${counterpart}`, role);
      case 'other':
        return withRole(`Linked to ${counterpart}`, role);
      case 'parent':
        return outgoing ? `Parent organisation of ${counterpart}` : `Subsidiary of ${counterpart}`;
      case 'member':
        return outgoing ? `Member of ${counterpart}` : `Has member ${counterpart}`;
    }
  }
  switch (kind) {
    case 'employment':
      return outgoing
        ? `${role ?? 'Salarié·e'} ${de(counterpart)}`
        : withRole(`Emploie ${counterpart}`, role);
    case 'household':
      return withRole(`Même foyer que ${counterpart}`, role);
    case 'family':
      return withRole(`Famille ${de(counterpart)}`, role);
    case 'other':
      return withRole(`Lien avec ${counterpart}`, role);
    case 'parent':
      return outgoing ? `Maison mère ${de(counterpart)}` : `Filiale ${de(counterpart)}`;
    case 'member':
      return outgoing ? `Membre ${de(counterpart)}` : `A pour membre ${counterpart}`;
  }
}
