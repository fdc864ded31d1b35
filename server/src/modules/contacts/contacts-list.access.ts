import { can } from '../../platform/permissions.ts';
import type { RequestScope } from '../../platform/scope.ts';
import { CONTACTS_PERMISSIONS } from './contacts.permissions.ts';

/** Codes checked by search, lists, bulk actions, exports and timelines (declared by contacts.permissions.ts). */
export const LIST_PERMISSIONS = {
  read: CONTACTS_PERMISSIONS.read,
  write: CONTACTS_PERMISSIONS.write,
  delete: CONTACTS_PERMISSIONS.delete,
  export: CONTACTS_PERMISSIONS.export,
  readSensitive: CONTACTS_PERMISSIONS.readSensitive,
} as const;

export function canReadSensitive(scope: RequestScope): boolean {
  return can(scope, LIST_PERMISSIONS.readSensitive);
}

/**
 * Jobs run as the system; what they write (audit rows, events) names the person who started them.
 * The permissions were checked when the job was queued, so this scope carries none.
 */
export function jobActorScope(
  tenantId: string,
  actor: { id: string | null; name: string | null },
  fallback: RequestScope,
): RequestScope {
  if (!actor.id) return fallback;
  return {
    tenantId,
    principal: {
      kind: 'user',
      userId: actor.id,
      name: actor.name ?? '',
      permissions: new Set(),
      departmentIds: [],
    },
    ip: null,
    locale: 'fr',
  };
}
