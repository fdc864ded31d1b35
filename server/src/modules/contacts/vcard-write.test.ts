import { describe, expect, it } from 'vitest';
import { parseVCards } from './vcard-parse.ts';
import { type VCardPerson, writeVCard } from './vcard-write.ts';

const person: VCardPerson = {
  id: '0190b6a4-7d0c-7000-8000-00000000002a',
  civility: 'Mme',
  firstName: 'Hélène',
  lastName: 'Lefèvre-Dupont',
  birthDate: '1975-11-08',
  emails: [
    { value: 'helene.lefevre@example.fr', type: 'home', primary: false },
    { value: 'h.lefevre+presse@théâtre.fr', type: 'work', primary: true },
    { value: 'autre@example.org', type: 'other', primary: false },
  ],
  phones: [
    { e164: '+33612345678', type: 'mobile', primary: true },
    { e164: '+33142603456', type: 'work', primary: false },
    { e164: '+33142603457', type: 'fax', primary: false },
    { e164: '+442079460958', primary: false },
  ],
  addresses: [
    {
      line1: '12, rue de la Paix',
      line2: 'Bâtiment B; escalier 3',
      postalCode: '75002',
      city: 'Paris',
      country: 'France',
      type: 'home',
      primary: true,
    },
    { line1: '1 place du Trocadéro', postalCode: '75116', city: 'Paris', type: 'work', primary: false },
  ],
  organisationName: 'Théâtre de l’Œuvre, Paris',
  jobTitle: 'Responsable des relations publiques',
  note: 'Préfère être appelée le matin.\nAbonnée depuis 1998 ; place 12\\B.',
  tags: ['Abonnée', 'Mécène', 'Presse'],
};

describe('writeVCard', () => {
  it('writes a vCard 4.0 with CRLF line endings and the UID as a URN', () => {
    const text = writeVCard(person);
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).toContain('\r\nUID:urn:uuid:0190b6a4-7d0c-7000-8000-00000000002a\r\n');
    expect(text).toContain('\r\nN:Lefèvre-Dupont;Hélène;;Mme;\r\n');
    expect(text).toContain('\r\nBDAY:19751108\r\n');
    expect(text).toContain('\r\nTEL;VALUE=uri;TYPE=cell;PREF=1:tel:+33612345678\r\n');
    expect(text).toContain('\r\nEMAIL;TYPE=work;PREF=1:h.lefevre+presse@théâtre.fr\r\n');
    expect(text).toContain('\r\nCATEGORIES:Abonnée,Mécène,Presse\r\n');
  });

  it('escapes backslashes, commas, semicolons and newlines', () => {
    const text = writeVCard(person).replace(/\r\n /g, '');
    expect(text).toContain('ORG:Théâtre de l’Œuvre\\, Paris\r\n');
    expect(text).toContain(
      'NOTE:Préfère être appelée le matin.\\nAbonnée depuis 1998 \\; place 12\\\\B.\r\n',
    );
    expect(text).toContain(
      'ADR;TYPE=home;PREF=1:;Bâtiment B\\; escalier 3;12\\, rue de la Paix;Paris;;75002;France\r\n',
    );
  });

  it('folds at 75 octets without splitting a multi-byte character', () => {
    const note = 'é'.repeat(100) + '🎭'.repeat(30) + 'x'.repeat(200);
    const text = writeVCard({ ...person, note });
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      // A split sequence would decode to U+FFFD.
      expect(Buffer.from(line, 'utf8').toString('utf8')).not.toContain('\uFFFD');
      expect(line).not.toMatch(/[\uD800-\uDBFF]$/);
    }
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(parseVCards(text)[0].note).toBe(note);
  });

  it('round-trips through parseVCards', () => {
    const [parsed] = parseVCards(writeVCard(person));
    expect(parsed).toEqual({
      uid: person.id,
      formattedName: 'Hélène Lefèvre-Dupont',
      civility: 'Mme',
      firstName: 'Hélène',
      lastName: 'Lefèvre-Dupont',
      organisation: 'Théâtre de l’Œuvre, Paris',
      title: 'Responsable des relations publiques',
      birthDate: '1975-11-08',
      emails: person.emails,
      phones: person.phones.map(({ e164, ...rest }) => ({ value: e164, ...rest })),
      addresses: person.addresses,
      urls: [],
      note: person.note,
      categories: person.tags,
    });
  });

  it('round-trips a minimal person', () => {
    const minimal: VCardPerson = { id: 'abc', lastName: 'Molière', emails: [], phones: [], addresses: [] };
    expect(parseVCards(writeVCard(minimal))).toEqual([
      {
        uid: 'abc',
        formattedName: 'Molière',
        lastName: 'Molière',
        emails: [],
        phones: [],
        addresses: [],
        urls: [],
        categories: [],
      },
    ]);
  });

  it('shows the usage name and keeps the birth name in X-MAIDENNAME', () => {
    const text = writeVCard({ ...person, lastName: 'Dupont', usageName: 'Martin' });
    expect(text).toContain('\r\nFN:Hélène Martin\r\n');
    expect(text).toContain('\r\nN:Martin;Hélène;;Mme;\r\n');
    expect(text).toContain('\r\nX-MAIDENNAME:Dupont\r\n');
    expect(parseVCards(text)[0]).toMatchObject({ lastName: 'Martin', firstName: 'Hélène' });
  });

  it('always writes an FN, as RFC 6350 requires', () => {
    const base = { id: 'x', emails: [], phones: [], addresses: [] };
    expect(writeVCard({ ...base, organisationName: 'Opéra de Lyon' })).toContain('\r\nFN:Opéra de Lyon\r\n');
    expect(writeVCard(base)).toContain('\r\nFN:\r\n');
  });
});
