import type { CreateSavedViewInput, SavedView, UpdateSavedViewInput } from '@parterre/contract/contact-lists';
import type { AppContext } from '../../platform/context.ts';
import { AppError, defineErrors } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { authorize } from '../../platform/permissions.ts';
import { actorOf, type RequestScope } from '../../platform/scope.ts';
import { LIST_PERMISSIONS } from './contacts-list.access.ts';
import { createContactListService } from './contacts-list.service.ts';
import {
  deleteSavedView,
  findOwnSavedView,
  insertSavedView,
  listOwnSavedViews,
  updateSavedView,
} from './saved-views.repository.ts';

defineErrors({
  'saved_views.not_found': { status: 404, fr: 'Vue enregistrée introuvable.', en: 'Saved view not found.' },
});

/** Saved views belong to one user: others neither list, read nor change them (404, not 403). */
export function createSavedViewsService(context: AppContext) {
  const db = context.database.db;
  const lists = createContactListService(context);

  function ownerOf(scope: RequestScope) {
    authorize(scope, LIST_PERMISSIONS.read);
    const { actorId } = actorOf(scope);
    if (!actorId) throw new AppError('common.forbidden');
    return { tenantId: scope.tenantId, userId: actorId };
  }

  async function checkDefinition(scope: RequestScope, entity: string, definition: SavedView['definition']) {
    if (entity === 'person') await lists.validateFilter(scope, definition.filter, definition.sort);
  }

  async function listViews(scope: RequestScope, entity: string) {
    return { data: await listOwnSavedViews(db, ownerOf(scope), entity) };
  }

  async function getView(scope: RequestScope, id: string): Promise<SavedView> {
    const view = await findOwnSavedView(db, ownerOf(scope), id);
    if (!view) throw new AppError('saved_views.not_found');
    return view;
  }

  async function createView(scope: RequestScope, input: CreateSavedViewInput): Promise<SavedView> {
    const owner = ownerOf(scope);
    await checkDefinition(scope, input.entity, input.definition);
    return insertSavedView(db, owner, { id: newId(), ...input });
  }

  async function updateView(
    scope: RequestScope,
    id: string,
    version: number,
    input: UpdateSavedViewInput,
  ): Promise<SavedView> {
    const current = await getView(scope, id);
    if (input.definition) await checkDefinition(scope, current.entity, input.definition);
    const updated = await updateSavedView(db, ownerOf(scope), id, version, input);
    if (!updated) throw new AppError('common.stale');
    return updated;
  }

  async function removeView(scope: RequestScope, id: string): Promise<void> {
    if (!(await deleteSavedView(db, ownerOf(scope), id))) throw new AppError('saved_views.not_found');
  }

  return { listViews, getView, createView, updateView, removeView };
}
