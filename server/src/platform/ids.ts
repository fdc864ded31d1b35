import { v7 } from 'uuid';

/** Time-ordered ids keep B-tree inserts local and make cursor pagination by id meaningful. */
export function newId(): string {
  return v7();
}
