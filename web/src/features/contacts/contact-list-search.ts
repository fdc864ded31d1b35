import { type ContactFilter, contactFilterSchema, contactSortSchema } from '@parterre/contract/contact-lists';
import { type OrganisationType, organisationTypeSchema } from '@parterre/contract/organisations';

/**
 * The people list keeps its state in the address (quick search, filter, sort, columns, chosen
 * view), so that "back" from a record returns to the same list and a list can be bookmarked.
 */
export interface ContactListSearch {
  q?: string;
  sort?: string;
  filter?: ContactFilter;
  columns?: string[];
  /** Id of the saved view the list was opened from. */
  view?: string;
}

export function validateContactListSearch(search: Record<string, unknown>): ContactListSearch {
  const result: ContactListSearch = {};
  if (typeof search.q === 'string' && search.q.trim() !== '') result.q = search.q;
  if (typeof search.sort === 'string' && contactSortSchema.safeParse(search.sort).success) {
    result.sort = search.sort;
  }
  const filter = contactFilterSchema.safeParse(search.filter);
  if (filter.success && filter.data.all.length > 0) result.filter = filter.data;
  if (Array.isArray(search.columns)) {
    const columns = search.columns.filter((c): c is string => typeof c === 'string');
    if (columns.length > 0) result.columns = columns;
  }
  if (typeof search.view === 'string' && search.view !== '') result.view = search.view;
  return result;
}

export interface OrganisationListSearch {
  q?: string;
  type?: OrganisationType;
}

export function validateOrganisationListSearch(search: Record<string, unknown>): OrganisationListSearch {
  const result: OrganisationListSearch = {};
  if (typeof search.q === 'string' && search.q.trim() !== '') result.q = search.q;
  const type = organisationTypeSchema.safeParse(search.type);
  if (type.success) result.type = type.data;
  return result;
}
