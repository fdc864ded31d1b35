import type { CreateRelationshipInput } from '@parterre/contract/relationships';
import type { RecordRef, RelationshipView } from './contact-record-api';

/**
 * What the user picks when adding a link, seen from the record being viewed; each maps to one
 * relationship kind and direction of the API.
 */
export type LinkOption =
  | 'employment'
  | 'household'
  | 'family'
  | 'other'
  | 'employee'
  | 'parent'
  | 'subsidiary'
  | 'memberOf'
  | 'hasMember';

export const linkOptions: Record<RecordRef['kind'], LinkOption[]> = {
  person: ['employment', 'household', 'family', 'other'],
  organisation: ['employee', 'parent', 'subsidiary', 'memberOf', 'hasMember'],
};

/** The kind of record to pick at the other end. */
export function counterpartKind(option: LinkOption): RecordRef['kind'] {
  return option === 'employment' ||
    option === 'parent' ||
    option === 'subsidiary' ||
    option === 'memberOf' ||
    option === 'hasMember'
    ? 'organisation'
    : 'person';
}

type Ends = Pick<
  CreateRelationshipInput,
  'kind' | 'fromPersonId' | 'fromOrganisationId' | 'toPersonId' | 'toOrganisationId'
>;

export function relationshipEnds(subject: RecordRef, option: LinkOption, other: string): Ends {
  const id = subject.id;
  switch (option) {
    case 'employment':
      return { kind: 'employment', fromPersonId: id, toOrganisationId: other };
    case 'household':
    case 'family':
    case 'other':
      return { kind: option, fromPersonId: id, toPersonId: other };
    case 'employee':
      return { kind: 'employment', fromPersonId: other, toOrganisationId: id };
    case 'parent':
      return { kind: 'parent', fromOrganisationId: other, toOrganisationId: id };
    case 'subsidiary':
      return { kind: 'parent', fromOrganisationId: id, toOrganisationId: other };
    case 'memberOf':
      return { kind: 'member', fromOrganisationId: id, toOrganisationId: other };
    case 'hasMember':
      return { kind: 'member', fromOrganisationId: other, toOrganisationId: id };
  }
}

/** The link as the viewed record sees it, e.g. an incoming `parent` is its parent organisation. */
export function viewOption(view: RelationshipView): LinkOption {
  const outgoing = view.direction === 'outgoing';
  switch (view.kind) {
    case 'employment':
      return outgoing ? 'employment' : 'employee';
    case 'parent':
      return outgoing ? 'subsidiary' : 'parent';
    case 'member':
      return outgoing ? 'memberOf' : 'hasMember';
    default:
      return view.kind;
  }
}
