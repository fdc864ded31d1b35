import { type BatchResult, createPersonInputSchema } from '@parterre/contract/contacts';
import { z } from 'zod';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { problemFor } from '../../platform/http/problem.ts';
import { newId } from '../../platform/ids.ts';
import { authorize } from '../../platform/permissions.ts';
import type { RequestScope } from '../../platform/scope.ts';
import { FieldErrors } from './contacts.errors.ts';
import { CONTACTS_PERMISSIONS } from './contacts.permissions.ts';
import type { ContactsContext } from './contacts.services.ts';
import { insertPreparedPeople, type PeopleService } from './people.service.ts';
import { type PersonWrite, preparePerson } from './person-input.ts';

/** People per transaction: large enough for multi-row inserts to pay, small enough for PGlite. */
const CHUNK_SIZE = 1000;
const zodLocales = { fr: z.locales.fr(), en: z.locales.en() };

/**
 * Creates up to 1,000 people in one request. Each item is validated and normalised in memory; the
 * valid ones are inserted chunk by chunk with multi-row statements. Invalid items do not stop the
 * others: each gets its own result, with a problem body when it failed.
 */
export function createPeopleBatchService(context: ContactsContext, deps: { people: PeopleService }) {
  const db = context.database.db;

  async function createPeopleBatch(scope: RequestScope, items: unknown[], instance: string) {
    authorize(scope, CONTACTS_PERMISSIONS.write);
    const definitions = await deps.people.definitions(scope);
    const results: BatchResult['results'] = [];
    const valid: { index: number; id: string; write: PersonWrite }[] = [];
    const fail = (index: number, error: AppError) =>
      results.push({ index, status: 'error', error: problemFor(error, scope.locale, instance) });

    items.forEach((item, index) => {
      const basePath = `body.items.${index}`;
      const parsed = createPersonInputSchema.safeParse(item, { error: zodLocales[scope.locale].localeError });
      if (!parsed.success) {
        const fieldErrors: FieldError[] = parsed.error.issues.map((issue) => ({
          path: [basePath, ...issue.path.map(String)].join('.'),
          code: issue.code,
          message: issue.message,
        }));
        fail(index, new AppError('common.validation', { fieldErrors }));
        return;
      }
      const errors = new FieldErrors(scope.locale);
      const write = preparePerson(parsed.data, { definitions, errors, basePath, isCreate: true });
      if (!errors.empty) fail(index, new AppError('common.validation', { fieldErrors: errors.list }));
      else valid.push({ index, id: newId(), write });
    });

    for (let start = 0; start < valid.length; start += CHUNK_SIZE) {
      const chunk = valid.slice(start, start + CHUNK_SIZE);
      try {
        await db.transaction((tx) => insertPreparedPeople(tx, scope, chunk));
        for (const { index, id } of chunk) results.push({ index, status: 'created', id });
      } catch (error) {
        context.logger.error({ err: error }, 'batch chunk failed');
        for (const { index } of chunk) fail(index, new AppError('common.internal'));
      }
    }
    results.sort((a, b) => a.index - b.index);
    return { results };
  }

  return { createPeopleBatch };
}
