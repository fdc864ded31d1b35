import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { type ParsedCard, parseVCardFile, parseVCards } from './vcard-parse.ts';

/** The repository root is the first ancestor whose package.json declares the workspaces. */
function repositoryRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (dir !== path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in JSON.parse(readFileSync(manifest, 'utf8'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error('repository root not found');
}

const samplesDir = path.resolve(repositoryRoot(), '../shared/conformance/vcard');
const sampleFiles = readdirSync(samplesDir).filter((file) => file.toLowerCase().endsWith('.vcf'));

const card = (fields: Partial<ParsedCard>): ParsedCard => ({
  emails: [],
  phones: [],
  addresses: [],
  urls: [],
  categories: [],
  ...fields,
});
type Kind<T> = T extends { type?: infer K } ? K : never;
const email = (value: string, type?: Kind<ParsedCard['emails'][number]>, primary = false) => ({
  value,
  ...(type ? { type } : {}),
  primary,
});
const phone = (value: string, type?: Kind<ParsedCard['phones'][number]>, primary = false) => ({
  value,
  ...(type ? { type } : {}),
  primary,
});
const address = (fields: Omit<ParsedCard['addresses'][number], 'primary'>, primary = false) => ({
  ...fields,
  primary,
});
const licence = (start: string, end: string) =>
  expect.stringMatching(new RegExp(`^${start}[\\s\\S]*${end}$`));

const ñ = (count: number, separator = '') => Array(count).fill('Ñ').join(separator);
const androidNote = `${ñ(8, ' ')}${ñ(8, ' ')}${ñ(5, ' ')}`;
const johnDoe = {
  lastName: 'Doe',
  firstName: 'John',
  additionalNames: 'Richter James',
  civility: 'M.',
  suffix: 'Sr.',
};
const usa = 'United States of America';
const siliconAlley = {
  line1: 'Silicon Alley 5',
  postalCode: '12345',
  city: 'New York',
  region: 'New York',
  country: usa,
};
const street4 = {
  line1: 'Street4',
  line2: 'Building 6, Floor 8',
  postalCode: '12345',
  city: 'New York',
  country: 'USA',
};
const mainSt = (n: number) => ({
  line1: `${n} Main St`,
  postalCode: '10011',
  city: 'NY',
  region: 'New York',
});

/** What each sample holds, read by hand from the files. */
const EXPECTED: Record<string, ParsedCard[]> = {
  'John_Doe_ANDROID.vcf': [
    card({ emails: [email('john.doe@company.com', undefined, true)], categories: ['My Contacts'] }),
    card({ emails: [email('jane.doe@company.com', undefined, true)], categories: ['My Contacts'] }),
    card({
      formattedName: ñ(5, ' '),
      lastName: ñ(4, ' '),
      phones: [phone('123456789', 'mobile', true)],
      categories: ['My Contacts'],
    }),
    card({
      formattedName: ñ(11, ' '),
      lastName: ñ(11, ' '),
      phones: [
        phone('123456', 'mobile', true),
        phone('234567', 'home'),
        phone('3456789', 'mobile'),
        phone('45678901', 'home'),
      ],
      note: `${androidNote.trim()}\n${androidNote.trim()}`,
      categories: ['My Contacts'],
    }),
    card({
      formattedName: ñ(4, ' '),
      lastName: ñ(2, ' '),
      firstName: ñ(3, ' '),
      organisation: ñ(12),
      emails: [email('bob@company.com', 'work', true), email(ñ(14))],
      phones: [phone('123456', 'mobile', true), phone('123456', 'work'), phone('123456', 'fax')],
      urls: ['www.company.com', 'http://www.company.com'],
    }),
    card({
      formattedName: ñ(4),
      lastName: ñ(4),
      organisation: ñ(44),
      emails: [email('henry@company.com', undefined, true)],
      phones: [phone('55556666', 'mobile', true)],
      categories: ['My Contacts'],
    }),
  ],
  'John_Doe_BLACK_BERRY.vcf': [
    card({
      formattedName: 'John Doe',
      lastName: 'Doe',
      firstName: 'john',
      organisation: 'Acme Solutions',
      phones: [phone('+96123456789', 'mobile')],
    }),
  ],
  'John_Doe_EVOLUTION.vcf': [
    card({
      uid: '477343c8e6bf375a9bac1f96a5000837',
      formattedName: 'Mr. John Richter, James Doe Sr.',
      ...johnDoe,
      organisation: 'IBM',
      title: 'Money Counter',
      birthDate: '1980-03-22',
      emails: [email('john.doe@ibm.com', 'work')],
      phones: [phone('905-666-1234', 'mobile'), phone('905-555-1234', 'work')],
      addresses: [
        address({
          line1: '15 Crescent moon drive',
          line2: 'ASB-123',
          postalCode: '12345',
          city: 'Albaney',
          region: 'New York',
          country: usa,
          type: 'home',
        }),
      ],
      urls: ['http://www.ibm.com'],
      note: licence(
        'THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND',
        'SUCH DAMAGE\\.',
      ),
      categories: ['VIP'],
    }),
  ],
  'John_Doe_GMAIL.vcf': [
    card({
      formattedName: 'Mr. John Richter, James Doe Sr.',
      ...johnDoe,
      organisation: 'IBM',
      title: 'Money Counter',
      birthDate: '1980-03-22',
      emails: [email('john.doe@ibm.com', 'home')],
      phones: [phone('905-555-1234', 'mobile'), phone('905-666-1234', 'home')],
      addresses: [
        address({
          line1: 'Crescent moon drive',
          line2: `555-asd, Nice Area, Albaney, New York 12345, ${usa}`,
          type: 'home',
        }),
      ],
      urls: ['http://www.ibm.com'],
      note: licence(
        'THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"',
        '\nFavotire Color: Blue',
      ),
    }),
  ],
  'John_Doe_IPHONE.vcf': [
    card({
      formattedName: 'Mr. John Richter James Doe Sr.',
      ...johnDoe,
      organisation: 'IBM',
      title: 'Money Counter',
      birthDate: '2012-06-06',
      emails: [email('john.doe@ibm.com', undefined, true)],
      phones: [
        phone('905-555-1234', 'mobile', true),
        phone('905-666-1234', 'home'),
        phone('905-777-1234', 'work'),
        phone('905-888-1234', 'fax'),
        phone('905-999-1234', 'fax'),
        phone('905-111-1234', 'other'),
        phone('905-222-1234'),
      ],
      addresses: [address({ ...siliconAlley, type: 'home' }, true), address({ ...street4, type: 'work' })],
      urls: ['http://www.ibm.com'],
    }),
  ],
  'John_Doe_LOTUS_NOTES.vcf': [
    card({
      uid: '0e7602cc-443e-4b82-b4b1-90f62f99a199',
      formattedName: 'Mr. Doe John I Johny',
      lastName: 'Doe',
      firstName: 'John',
      additionalNames: 'Johny',
      civility: 'M.',
      suffix: 'I',
      organisation: 'IBM',
      title: 'Generic Accountant',
      birthDate: '1980-05-21',
      emails: [email('john.doe@ibm.com', 'work', true), email('billy_bob@gmail.com', 'work')],
      phones: [phone('+1 (212) 204-34456', 'mobile', true), phone('00-1-212-555-7777', 'fax')],
      addresses: [
        address(
          {
            line1: '25334',
            line2: 'South cresent drive, Building 5, 3rd floo r',
            postalCode: 'NYC887',
            city: 'New York',
            region: 'New York',
            country: 'U.S.A.',
            type: 'home',
          },
          true,
        ),
      ],
      urls: ['http://www.sun.com'],
      note: licence(
        'THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"\nAND ANY',
        '',
      ),
    }),
  ],
  'John_Doe_MAC_ADDRESS_BOOK.vcf': [
    card({
      formattedName: 'Mr. John Richter,James Doe Sr.',
      ...johnDoe,
      organisation: 'IBM',
      title: 'Money Counter',
      birthDate: '2012-06-06',
      emails: [email('john.doe@ibm.com', 'work', true)],
      phones: [
        phone('905-777-1234', 'work', true),
        phone('905-666-1234', 'home'),
        phone('905-555-1234', 'mobile'),
        phone('905-888-1234', 'fax'),
        phone('905-999-1234', 'fax'),
        phone('905-111-1234', 'other'),
        phone('905-222-1234'),
      ],
      addresses: [address({ ...siliconAlley, type: 'home' }, true), address({ ...street4, type: 'work' })],
      urls: ['http://www.ibm.com'],
      note: licence('THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"', ''),
    }),
  ],
  'John_Doe_MS_OUTLOOK.vcf': [
    card({
      formattedName: 'Mr. John Richter James Doe Sr.',
      ...johnDoe,
      organisation: 'IBM',
      title: 'Money Counter',
      birthDate: '1980-03-22',
      emails: [email('john.doe@ibm.cm', undefined, true)],
      phones: [phone('(905) 555-1234', 'work'), phone('(905) 666-1234', 'home')],
      addresses: [
        address({ ...siliconAlley, line1: 'Cresent moon drive', city: 'Albaney', type: 'work' }, true),
        address({ ...siliconAlley, type: 'home' }),
      ],
      urls: ['http://www.ibm.com'],
      note: licence("THIS SOFTWARE IS PROVIDED BY GEORGE EL-HADDAD ''AS IS''", ''),
    }),
  ],
  'fullcontact.vcf': [
    card({
      formattedName: 'Prefix FirstName MiddleName LastName Suffix',
      lastName: 'LastName',
      firstName: 'FirstName',
      additionalNames: 'MiddleName',
      civility: 'Prefix',
      suffix: 'Suffix',
      organisation: 'Organization1',
      title: 'Title1',
      birthDate: '2016-08-01',
      emails: [
        email('home@example.com', 'home'),
        email('work@example.com', 'work'),
        email('school@example.com', 'other'),
        email('other@example.com', 'other'),
        email('custom@example.com', 'other'),
      ],
      phones: [
        phone('555-555-1111', 'home'),
        phone('555-555-1112', 'work'),
        phone('555-555-1113', 'mobile'),
        phone('555-555-1114', 'mobile'),
        phone('555-555-1115'),
        phone('555-555-1116', 'fax'),
        phone('555-555-1117', 'fax'),
        phone('555-555-1118'),
        phone('555-555-1119'),
      ],
      addresses: (['Home', 'Work', 'Other', 'Custom'] as const).map((kind) =>
        address({
          line1: `${kind}Street`,
          line2: `${kind}Extended`,
          postalCode: `${kind}Postal`,
          city: `${kind}City`,
          region: `${kind}State`,
          country: `${kind}Country`,
          type: kind === 'Home' ? 'home' : kind === 'Work' ? 'work' : 'other',
        }),
      ),
      urls: [
        'http://www.homepage.com',
        'http://www.blog.com',
        'http://www.other.com',
        'http://www.custom.com',
      ],
      note: 'Notes line 1\nNotes line 2',
      categories: ['Tag'],
    }),
  ],
  'gmail-list.vcf': [
    ['Arnold', 'Smith', 'asmithk@gmail.com'],
    ['Chris', 'Beatle', 'chrisy55d@yahoo.com'],
    ['Doug', 'White', 'dwhite@gmail.com'],
  ].map(([firstName, lastName, address]) =>
    card({ formattedName: `${firstName} ${lastName}`, firstName, lastName, emails: [email(address)] }),
  ),
  'gmail-single.vcf': [
    card({
      formattedName: 'Greg Dartmouth',
      lastName: 'Dartmouth',
      firstName: 'Greg',
      organisation: 'TheCompany',
      title: 'TheJobTitle',
      birthDate: '1960-09-10',
      emails: [email('gdartmouth@hotmail.com')],
      phones: [phone('555 555 1111', 'mobile'), phone('555 555 2222')],
      addresses: [
        address({ line1: '123 Home St', line2: 'Home City, HM 12345', type: 'home' }),
        address({
          line1: '321 Custom St',
          postalCode: '98765',
          city: 'Custom City',
          region: 'TX',
          country: 'USA',
        }),
      ],
      urls: ['http://TheProfile.com'],
      note: "This is GMail's note field.\nIt should be added as a NOTE type.\nACustomField: CustomField",
    }),
  ],
  'gmail-single2.vcf': [
    card({
      formattedName: 'VCard Test',
      lastName: 'Test',
      firstName: 'VCard',
      organisation: 'TheCompany',
      title: 'TheJobTitle',
      birthDate: '1912-06-23',
      emails: [
        email('email@example.com'),
        email('homeemail@example.com', 'home'),
        email('workemail@example.com', 'work'),
        email('otheremail@example.com'),
        email('customcategory@example.com'),
      ],
      phones: [
        phone('5555551111'),
        phone('5555551112', 'home'),
        phone('5555551113', 'work'),
        phone('5555551114'),
        phone('5555551115', 'mobile'),
        phone('5555551116', 'other'),
        phone('5555551117', 'fax'),
        phone('5555551118', 'fax'),
        phone('5555551119'),
        phone('5555551120', 'other'),
        phone('5555551121'),
      ],
      addresses: [
        address(mainSt(111)),
        address({ ...mainSt(112), type: 'home' }),
        address({ ...mainSt(113), type: 'work' }),
        address(mainSt(114)),
        address(mainSt(115)),
      ],
      urls: [1, 2, 3, 4, 5, 6].map((n) => `http://www.example${n}.com`),
      note: 'note line 1\nnote line 2\nCustomField: field value',
    }),
  ],
  'issue114.vcf': [
    card({
      uid: '8b574c60-fd7f-4e99-b584-c5db131ae687',
      formattedName: 'Dummy, Dummy',
      lastName: 'Dummy',
      firstName: 'Dummy',
      organisation: 'Dummy GmbH',
      emails: [email('dummy.dummy@dummy.com', 'home')],
      phones: [phone('+49 1234 56789', 'mobile', true), phone('+49 9876 54321', 'work')],
      addresses: [
        address({
          line1: 'Dummy-Dummy-Strasse 1',
          // The LABEL parameter holds unquoted colons, which RFC 6350 forbids: the value starts at the
          // first one, so the rest of the label lands in the PO box, as it does in ez-vcard.
          line2: 'BHG01:, BHG01:^n61352 Bad Homburg^nGERMANY:61352 Bad Homburg, GERMANY:',
          postalCode: '61352',
          city: 'Bad Homburg',
          country: 'Germany',
          type: 'work',
        }),
      ],
    }),
  ],
  'outlook-2003.vcf': [
    card({
      formattedName: 'John Doe III',
      lastName: 'Doe',
      firstName: 'John',
      civility: 'M.',
      suffix: 'III',
      organisation: 'Company, The',
      title: 'The Job Title',
      birthDate: '1980-03-21',
      emails: [email('jdoe@hotmail.com', undefined, true)],
      phones: [
        phone('BusinessPhone', 'work'),
        phone('HomePhone', 'home'),
        phone('MobilePhone', 'mobile'),
        phone('BusinessFaxPhone', 'fax'),
      ],
      addresses: [
        address({
          line1: '123 Main St',
          line2: 'TheOffice',
          postalCode: '12345',
          city: 'Austin',
          region: 'TX',
          country: usa,
          type: 'work',
        }),
      ],
      urls: ['http://web-page-address.com'],
      note: 'This is the note field!!\nSecond line\n\nThird line is empty',
    }),
  ],
  'outlook-2007.vcf': [
    card({
      formattedName: 'Mr. Michael Angstadt Jr.',
      lastName: 'Angstadt',
      firstName: 'Michael',
      civility: 'M.',
      suffix: 'Jr.',
      organisation: 'TheCompany',
      title: 'TheJobTitle',
      birthDate: '1922-03-10',
      emails: [email('mike.angstadt@gmail.com', undefined, true)],
      phones: [
        phone('(111) 555-1111', 'work'),
        phone('(111) 555-2222', 'home'),
        phone('(111) 555-4444', 'mobile'),
        phone('(111) 555-3333', 'fax'),
      ],
      addresses: [
        address(
          {
            line1: '222 Broadway',
            line2: 'TheOffice',
            postalCode: '99999',
            city: 'New York',
            region: 'NY',
            country: 'USA',
            type: 'work',
          },
          true,
        ),
      ],
      urls: ['http://mikeangstadt.name', 'http://mikeangstadt.name'],
      note:
        'This is the NOTE field\t\nI assume it encodes this text inside a NOTE vCard type.\n' +
        "But I'm not sure because there's text formatting going on here.\nIt does not preserve the formatting",
    }),
  ],
  'rfc2426-example.vcf': [
    card({
      formattedName: 'Frank Dawson',
      firstName: 'Frank',
      lastName: 'Dawson',
      organisation: 'Lotus Development Corporation',
      emails: [email('Frank_Dawson@Lotus.com', undefined, true), email('fdawson@earthlink.net')],
      phones: [phone('+1-919-676-9515', 'work'), phone('+1-919-676-9564', 'fax')],
      addresses: [
        address({
          line1: '6544 Battleford Drive',
          postalCode: '27613-3502',
          city: 'Raleigh',
          region: 'NC',
          country: 'U.S.A.',
          type: 'work',
        }),
      ],
      urls: ['http://home.earthlink.net/~fdawson'],
    }),
    card({
      formattedName: 'Tim Howes',
      firstName: 'Tim',
      lastName: 'Howes',
      organisation: 'Netscape Communications Corp.',
      emails: [email('howes@netscape.com')],
      phones: [phone('+1-415-937-3419', 'work'), phone('+1-415-528-4164', 'fax')],
      addresses: [
        address({
          line1: '501 E. Middlefield Rd.',
          postalCode: '94043',
          city: 'Mountain View',
          region: 'CA',
          country: 'U.S.A.',
          type: 'work',
        }),
      ],
    }),
  ],
  'rfc6350-example.vcf': [
    card({
      formattedName: 'Simon Perreault',
      lastName: 'Perreault',
      firstName: 'Simon',
      suffix: 'ing. jr, M.Sc.',
      organisation: 'Viagenie',
      emails: [email('simon.perreault@viagenie.ca', 'work')],
      phones: [phone('+1-418-656-9254;ext=102', 'work', true), phone('+1-418-262-6501', 'mobile')],
      addresses: [
        address({
          line1: '2875 Laurier',
          line2: 'Suite D2-630',
          postalCode: 'G1V 2M2',
          city: 'Quebec',
          region: 'QC',
          country: 'Canada',
          type: 'work',
        }),
      ],
      urls: ['http://nomis80.org'],
    }),
  ],
  'thunderbird-MoreFunctionsForAddressBook-extension.vcf': [
    card({
      formattedName: 'John Doe',
      lastName: 'Doe',
      firstName: 'John',
      organisation: 'TheOrganization',
      title: 'TheTitle',
      birthDate: '1970-09-21',
      emails: [
        email('doe.john@hotmail.com', undefined, true),
        ...['', '1', '2', '3'].map((n) => email(`additional-email${n}@company.com`)),
      ],
      phones: [
        phone('555-555-1111', 'work'),
        phone('555-555-2222', 'home'),
        phone('555-555-5555', 'mobile'),
        phone('555-555-3333', 'fax'),
        phone('555-555-4444', 'other'),
      ],
      // Thunderbird swaps the street and extended components; the card is read as written.
      addresses: [
        address({
          line1: 'Suite 100',
          line2: '222 Broadway',
          postalCode: '98765',
          city: 'New York',
          region: 'NY',
          country: 'USA',
          type: 'work',
        }),
        address({
          line1: 'Apt 10',
          line2: '123 Main St',
          postalCode: '12345',
          city: 'Austin',
          region: 'TX',
          country: 'USA',
          type: 'home',
        }),
      ],
      urls: ['http://www.private-webpage.com', 'http://www.work-webpage.com'],
      note: 'This is the notes field.\nSecond Line\n\nFourth Line\nYou can put anything in the "note" field; even curse words.',
      categories: ['category1', 'category2', 'category3'],
    }),
  ],
};

describe('parseVCardFile on real exports', () => {
  it('has a sample file for every expectation', () => {
    for (const file of Object.keys(EXPECTED)) expect(sampleFiles).toContain(file);
  });

  it.each(sampleFiles)('reads %s', (file) => {
    const cards = parseVCardFile(readFileSync(path.join(samplesDir, file)));
    expect(cards.length).toBeGreaterThanOrEqual(1);
    if (EXPECTED[file]) expect(cards).toEqual(EXPECTED[file]);
  });
});

const crlf = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const wrap = (version: string, ...lines: string[]) =>
  crlf('BEGIN:VCARD', `VERSION:${version}`, ...lines, 'END:VCARD');

describe('parseVCards syntax', () => {
  it('unfolds lines folded with a space or a tab, on CRLF or LF', () => {
    const text = wrap('3.0', 'FN:Jean-Baptiste Poque', ' lin', 'NOTE:Première ligne', '\t et suite').replace(
      /\r\n/g,
      '\n',
    );
    expect(parseVCards(text)[0]).toMatchObject({
      formattedName: 'Jean-Baptiste Poquelin',
      note: 'Première ligne et suite',
    });
  });

  it('decodes quoted-printable with soft line breaks and a CHARSET', () => {
    const [parsed] = parseVCards(
      wrap(
        '2.1',
        'N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:L=E9vy;H=E9l=E8ne;;Mme;',
        'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Caf=C3=A9 =',
        'th=C3=A9=C3=A2tre=0D=0Asuite',
      ),
    );
    expect(parsed).toMatchObject({
      lastName: 'Lévy',
      firstName: 'Hélène',
      civility: 'Mme',
      note: 'Café théâtre\nsuite',
    });
  });

  it('undoes backslash escapes in text and structured values', () => {
    const [parsed] = parseVCards(
      wrap(
        '3.0',
        'N:Dupont\\;Durand;Jean;;;',
        'ORG:Les Amis\\, du Théâtre;Billetterie',
        'NOTE:a\\nb\\Nc\\\\d\\;e\\,f',
      ),
    );
    expect(parsed).toMatchObject({
      lastName: 'Dupont;Durand',
      organisation: 'Les Amis, du Théâtre',
      note: 'a\nb\nc\\d;e,f',
    });
  });

  it('reads TYPE parameters in every syntax and PREF as primary', () => {
    const [parsed] = parseVCards(
      wrap(
        '3.0',
        'TEL;TYPE=HOME,WORK:01',
        'TEL;TYPE=home;TYPE=pref:02',
        'TEL;CELL;PREF:03',
        'TEL;type="work,cell":04',
        'EMAIL;TYPE=INTERNET:a@example.fr',
        'item1.EMAIL;type=INTERNET;type=WORK:b@example.fr',
        'item1.X-ABLabel:Bureau',
      ),
    );
    expect(parsed.phones).toEqual([
      phone('01', 'work'),
      phone('02', 'home', true),
      phone('03', 'mobile'),
      phone('04', 'mobile'),
    ]);
    expect(parsed.emails).toEqual([email('a@example.fr'), email('b@example.fr', 'work')]);
  });

  it('chooses the lowest PREF of vCard 4.0 as primary', () => {
    const [parsed] = parseVCards(
      wrap('4.0', 'EMAIL;PREF=2:a@example.fr', 'EMAIL;PREF=1:b@example.fr', 'EMAIL:c@example.fr'),
    );
    expect(parsed.emails.map((e) => e.primary)).toEqual([false, true, false]);
  });

  it('skips base64 photos, indented or not, without losing the next properties', () => {
    const [parsed] = parseVCards(
      wrap(
        '2.1',
        'PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQ',
        'AAAQABAAD/2wBDAAIBAQEBAQIBAQE',
        '',
        'FN:Molière',
      ),
    );
    expect(parsed).toMatchObject({ formattedName: 'Molière', lastName: 'Molière' });
  });

  it('splits the street into two lines and keeps the French components', () => {
    const [parsed] = parseVCards(
      wrap('4.0', 'ADR;TYPE=home;PREF=1:BP 42;Bâtiment B;12 rue de la Paix\\nEscalier 3;Paris;;75002;France'),
    );
    expect(parsed.addresses).toEqual([
      address(
        {
          line1: '12 rue de la Paix',
          line2: 'Escalier 3, Bâtiment B, BP 42',
          postalCode: '75002',
          city: 'Paris',
          country: 'France',
          type: 'home',
        },
        true,
      ),
    ]);
  });

  it('derives names and civility from FN when N is missing', () => {
    const cards = parseVCards(
      ['M. Jean Dupont', 'DUPONT DE LA TOUR Marie-Anne', 'Durand, Paul', 'Cher']
        .map((fn) => wrap('3.0', `FN:${fn}`))
        .join(''),
    );
    expect(cards.map(({ civility, firstName, lastName }) => ({ civility, firstName, lastName }))).toEqual([
      { civility: 'M.', firstName: 'Jean', lastName: 'Dupont' },
      { civility: undefined, firstName: 'Marie-Anne', lastName: 'DUPONT DE LA TOUR' },
      { civility: undefined, firstName: 'Paul', lastName: 'Durand' },
      { civility: undefined, firstName: undefined, lastName: 'Cher' },
    ]);
  });

  it('maps civilities and keeps other prefixes as written', () => {
    const prefixes = ['Mme', 'Madame', 'Mrs.', 'Ms', 'Mlle', 'M.', 'Monsieur', 'Mr', 'Dr', 'Me'];
    const cards = parseVCards(prefixes.map((prefix) => wrap('3.0', `N:Nom;Prénom;;${prefix};`)).join(''));
    expect(cards.map((c) => c.civility)).toEqual([
      'Mme',
      'Mme',
      'Mme',
      'Mme',
      'Mme',
      'M.',
      'M.',
      'M.',
      'Dr',
      'Me',
    ]);
  });

  it('reads birth dates and ignores those without a year', () => {
    const dates = ['1980-03-22', '19800322', '1980-03-22T00:00:00Z', '--0322', '--03-22', '1980-02-30'];
    const cards = parseVCards(dates.map((date) => wrap('4.0', `BDAY:${date}`)).join(''));
    expect(cards.map((c) => c.birthDate)).toEqual([
      '1980-03-22',
      '1980-03-22',
      '1980-03-22',
      undefined,
      undefined,
      undefined,
    ]);
    expect(parseVCards(wrap('3.0', 'BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-22'))[0].birthDate).toBeUndefined();
  });

  it('ignores a card embedded in a vCard 2.1 AGENT property', () => {
    const cards = parseVCards(
      wrap(
        '2.1',
        'FN:Patron',
        'AGENT:',
        ...wrap('2.1', 'FN:Assistant').trim().split('\r\n'),
        'TITLE:Directeur',
      ),
    );
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ formattedName: 'Patron', title: 'Directeur' });
  });

  it('reads categories, urls and the UID', () => {
    const [parsed] = parseVCards(
      wrap(
        '4.0',
        'UID:urn:uuid:0190b6a4-7d0c-7000-8000-000000000001',
        'CATEGORIES:Abonné,Mécène',
        'CATEGORIES:Presse',
        'URL:https://exemple.fr',
      ),
    );
    expect(parsed).toMatchObject({
      uid: '0190b6a4-7d0c-7000-8000-000000000001',
      categories: ['Abonné', 'Mécène', 'Presse'],
      urls: ['https://exemple.fr'],
    });
  });

  it('returns nothing for text without cards', () => {
    expect(parseVCards('')).toEqual([]);
    expect(parseVCards('FN:orphan\r\n')).toEqual([]);
  });
});

describe('parseVCardFile encodings', () => {
  const text = wrap('3.0', 'FN:Hélène Œuvre-Lefèvre', 'NOTE:Déjà vu');

  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(parseVCardFile(Buffer.from(text, 'utf8'))[0].formattedName).toBe('Hélène Œuvre-Lefèvre');
    expect(parseVCardFile(Buffer.from(`\uFEFF${text}`, 'utf8'))[0].formattedName).toBe(
      'Hélène Œuvre-Lefèvre',
    );
  });

  it('falls back to Windows-1252 when the file is not valid UTF-8', () => {
    expect(parseVCardFile(iconv.encode(text, 'windows-1252'))[0]).toMatchObject({
      formattedName: 'Hélène Œuvre-Lefèvre',
      note: 'Déjà vu',
    });
  });

  it('reads UTF-16 files that start with a byte-order mark', () => {
    expect(parseVCardFile(iconv.encode(text, 'utf-16le', { addBOM: true }))[0].note).toBe('Déjà vu');
    expect(parseVCardFile(iconv.encode(text, 'utf-16be', { addBOM: true }))[0].note).toBe('Déjà vu');
  });

  it('honours a CHARSET parameter in a Windows-1252 file', () => {
    const bytes = Buffer.concat([
      iconv.encode(crlf('BEGIN:VCARD', 'VERSION:2.1', 'N:Lefèvre;Zoé'), 'windows-1252'),
      Buffer.from(crlf('NOTE;CHARSET=UTF-8:Café', 'END:VCARD'), 'utf8'),
    ]);
    expect(parseVCardFile(bytes)[0]).toMatchObject({ lastName: 'Lefèvre', firstName: 'Zoé', note: 'Café' });
  });
});
