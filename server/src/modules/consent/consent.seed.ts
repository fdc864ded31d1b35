import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { newId } from '../../platform/ids.ts';
import { purposes, purposeWordings } from './consent.tables.ts';

type SeedPurpose = {
  code: string;
  name: [string, string];
  legalBasis: string;
  channels: string[];
  retention: [string, number];
  wording: [string, string];
};

/** The purposes most French venues start from; then they belong to the institution. */
export const SECTOR_PURPOSES: SeedPurpose[] = [
  {
    code: 'lettre-information',
    name: ['Lettre d’information', 'Newsletter'],
    legalBasis: 'consent',
    channels: ['email'],
    retention: ['3 ans après le dernier contact actif', 36],
    wording: [
      'J’accepte de recevoir la lettre d’information par e-mail. Je peux me désabonner à tout moment depuis chaque envoi.',
      'I agree to receive the newsletter by email. I can unsubscribe at any time from any message.',
    ],
  },
  {
    code: 'programmation',
    name: ['Programmation', 'Programme'],
    legalBasis: 'consent',
    channels: ['email', 'sms', 'post'],
    retention: ['3 ans après le dernier contact actif', 36],
    wording: [
      'J’accepte d’être informé·e de la programmation (spectacles, expositions, ouvertures de billetterie).',
      'I agree to be informed about the programme (shows, exhibitions, ticket sales openings).',
    ],
  },
  {
    code: 'mecenat',
    name: ['Mécénat', 'Patronage'],
    legalBasis: 'legitimate_interest',
    channels: ['email', 'post', 'phone'],
    retention: ['3 ans après le dernier don', 36],
    wording: [
      'J’accepte d’être sollicité·e pour soutenir l’institution (dons, mécénat, cercle des amis).',
      'I agree to be asked to support the institution (gifts, patronage, friends’ circle).',
    ],
  },
  {
    code: 'enquetes',
    name: ['Enquêtes', 'Surveys'],
    legalBasis: 'consent',
    channels: ['email', 'sms', 'phone'],
    retention: ['3 ans après le dernier contact actif', 36],
    wording: [
      'J’accepte d’être sollicité·e pour répondre à des enquêtes sur ma venue et mes attentes.',
      'I agree to be asked to answer surveys about my visit and my expectations.',
    ],
  },
];

/**
 * Seeds the sector's purposes once, when the tenant has none (as departments are); two processes
 * starting together insert each purpose once, thanks to the unique code.
 */
export async function seedPurposes(db: Db, tenantId: string): Promise<void> {
  const existing = await db.execute(sql`SELECT 1 FROM purposes WHERE tenant_id = ${tenantId}::uuid LIMIT 1`);
  if ((existing as unknown as { rows: unknown[] }).rows.length > 0) return;
  await db.transaction(async (tx) => {
    for (const seed of SECTOR_PURPOSES) {
      const id = newId();
      const inserted = await tx
        .insert(purposes)
        .values({
          id,
          tenantId,
          code: seed.code,
          nameFr: seed.name[0],
          nameEn: seed.name[1],
          legalBasis: seed.legalBasis,
          channels: seed.channels,
          retentionText: seed.retention[0],
          retentionMonths: seed.retention[1],
        })
        .onConflictDoNothing()
        .returning({ id: purposes.id });
      if (inserted.length === 0) continue;
      await tx.insert(purposeWordings).values({
        id: newId(),
        tenantId,
        purposeId: id,
        version: 1,
        textFr: seed.wording[0],
        textEn: seed.wording[1],
      });
    }
  });
}
