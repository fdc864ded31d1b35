import { type ConsentCriterionValue, consentCriterionValueSchema } from '@parterre/contract/consent';
import { sql } from 'drizzle-orm';
import {
  type CriterionDefinition,
  CriterionValueError,
  defineCriteriaCategory,
  defineCriteriaSource,
} from '../segments/criteria/criteria-registry.ts';
import { CONSENT_PERMISSIONS } from './consent.permissions.ts';
import { listPurposes } from './consent.repository.ts';

/*
 * "Consentement": the person's current status for a purpose on a channel, read from the states
 * projection (never the ledger). A correlated EXISTS, like the ticketing criteria: at the top of
 * a segment the planner turns it into a semi- or anti-join; under OR or NOT it probes the states'
 * primary key (tenant, person, purpose, channel) once per person. Never `NOT IN (subquery)`: past
 * work_mem it cannot be hashed and rescans the subquery for every person.
 * `none` is "nothing known": no state, or an `unknown` one.
 */

const CHANNELS = [
  ['email', 'e-mail', 'email'],
  ['sms', 'SMS', 'SMS'],
  ['post', 'courrier', 'post'],
  ['phone', 'téléphone', 'phone'],
] as const;

defineCriteriaCategory({ id: 'consent', label: { fr: 'Consentements', en: 'Consents' }, position: 50 });

defineCriteriaSource(async (context, tenantId) => {
  const purposes = await listPurposes(context.database.readDb, tenantId, { includeArchived: true });
  if (purposes.length === 0) return [];
  const known = new Set(purposes.map((p) => p.id));
  const first = purposes.find((p) => !p.archived) ?? purposes[0];
  const definition: CriterionDefinition<ConsentCriterionValue> = {
    id: 'consent.status',
    category: 'consent',
    label: { fr: 'Consentement', en: 'Consent' },
    description: {
      fr: `Statut actuel pour une finalité sur un canal (${CHANNELS.map((c) => c[1]).join(', ')}) : accordé, retiré, en attente de confirmation, ou aucun (rien d’enregistré, ou inconnu).`,
      en: `Current status for a purpose on a channel (${CHANNELS.map((c) => c[2]).join(', ')}): granted, withdrawn, pending confirmation, or none (nothing recorded, or unknown).`,
    },
    operators: ['is', 'isNot'],
    value: consentCriterionValueSchema,
    options: purposes.map((p) => ({
      value: p.id,
      label: {
        fr: p.archived ? `${p.nameFr} (archivée)` : p.nameFr,
        en: p.archived ? `${p.nameEn ?? p.nameFr} (archived)` : (p.nameEn ?? p.nameFr),
      },
    })),
    permission: CONSENT_PERMISSIONS.read,
    example: {
      field: 'consent.status',
      operator: 'is',
      value: { purposeId: first.id, channel: first.channels[0] ?? 'email', status: 'granted' },
    },
    compile({ value }, env) {
      if (!known.has(value.purposeId)) {
        throw new CriterionValueError('finalité inconnue', 'unknown purpose');
      }
      const state = (statuses: string[]) =>
        sql`EXISTS (SELECT 1 FROM consent_states cs WHERE cs.tenant_id = ${env.tenantId}::uuid
          AND cs.person_id = p.id AND cs.purpose_id = ${value.purposeId}::uuid
          AND cs.channel = ${value.channel}::text AND cs.status IN (${sql.join(
            statuses.map((s) => sql`${s}::text`),
            sql`, `,
          )}))`;
      if (value.status === 'none') return sql`NOT ${state(['granted', 'withdrawn', 'pending'])}`;
      return state([value.status]);
    },
  };
  return [definition as CriterionDefinition];
});
