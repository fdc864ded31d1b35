import type { UseFormReturnType } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { applyProblemToForm } from '../../components/form-errors';
import {
  type Choice,
  changedFields,
  defaultChoices,
  type FieldConflict,
  findConflicts,
  resolveConflicts,
} from './conflict';
import { staleCurrent } from './contact-record-api';

interface Versioned {
  version: number;
  updatedAt: string;
}

export interface ConflictState<V> {
  theirs: V;
  version: number;
  updatedAt: string;
  conflicts: FieldConflict[];
  choices: Record<string, Choice>;
}

interface Options<R extends Versioned, V extends object> {
  /** The record as first loaded; later refetches never overwrite what the user is typing. */
  record: R | undefined;
  toValues: (record: R) => V;
  form: UseFormReturnType<V>;
  /** Sends the changed fields with If-Match: version. */
  save: (version: number, values: V, changed: string[]) => Promise<R>;
  onSaved: (record: R | null) => void;
}

/**
 * An edit form that never overwrites someone else's save: it remembers the version it started from,
 * sends only the fields the user changed, and on 412 offers a field-by-field merge with the
 * server's current record (`current` in the problem), then saves again from that version.
 */
export function useVersionedForm<R extends Versioned, V extends object>(options: Options<R, V>) {
  const { record, toValues, form, save, onSaved } = options;
  const base = useRef<{ values: V; version: number } | null>(null);
  const [conflict, setConflict] = useState<ConflictState<V> | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [ready, setReady] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: initialise once, from the first load
  useEffect(() => {
    if (!record || base.current) return;
    const values = toValues(record);
    base.current = { values, version: record.version };
    form.setValues(values);
    form.resetDirty(values);
    setReady(true);
  }, [record]);

  const submit = async (values: V) => {
    if (!base.current) return;
    setFormError(null);
    const changed = changedFields(base.current.values, values);
    if (changed.length === 0) return onSaved(null);
    setSaving(true);
    try {
      const saved = await save(base.current.version, values, changed);
      setConflict(null);
      onSaved(saved);
    } catch (error) {
      const current = staleCurrent<R>(error);
      if (current) {
        const theirs = toValues(current);
        const conflicts = findConflicts(base.current.values, values, theirs);
        setConflict({
          theirs,
          version: current.version,
          updatedAt: current.updatedAt,
          conflicts,
          choices: defaultChoices(conflicts),
        });
      } else setFormError(applyProblemToForm(form, error));
    } finally {
      setSaving(false);
    }
  };

  const choose = (path: string, choice: Choice) =>
    setConflict((state) => (state ? { ...state, choices: { ...state.choices, [path]: choice } } : state));

  /** Takes the server's record as the new starting point, keeps the chosen values, saves again. */
  const applyChoices = () => {
    if (!conflict) return;
    const resolved = resolveConflicts(form.values, conflict.theirs, conflict.choices);
    base.current = { values: conflict.theirs, version: conflict.version };
    form.setValues(resolved);
    void submit(resolved);
  };

  return { ready, submit, conflict, choose, applyChoices, formError, saving };
}
