import type { Person } from './contact-record-api';

/** "Mme Camille Dupont": civility, first name and the name in use (usage name, else last name). */
export function personTitle(
  person: Pick<Person, 'civility' | 'firstName' | 'lastName' | 'usageName' | 'emails'>,
): string {
  const name = [person.firstName, person.usageName || person.lastName].filter(Boolean).join(' ');
  if (!name) return person.emails[0]?.address ?? '';
  return [person.civility, name].filter(Boolean).join(' ');
}
