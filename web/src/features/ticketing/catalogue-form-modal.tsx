import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type ComponentType, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isStaleError } from '../../app/api-client';
import { ErrorAlert } from '../../components/error-alert';
import { applyProblemToForm } from '../../components/form-errors';
import { sourceLabel } from './source-label';
import type { CatalogueInputs, CatalogueKind, CatalogueRows } from './ticketing-api';
import { useSaveCatalogueRow } from './use-ticketing';

export type FormValues = Record<string, unknown>;

/** How one catalogue resource is edited: its form values, inputs and fields. */
export interface CatalogueFormConfig<K extends CatalogueKind, V extends FormValues> {
  empty: V;
  fromRow: (row: CatalogueRows[K]) => V;
  /** The whole input, sent both to create and to update. */
  toInput: (values: V) => CatalogueInputs[K];
  Fields: ComponentType<{ form: UseFormReturnType<V> }>;
}

interface CatalogueFormModalProps<K extends CatalogueKind, V extends FormValues> {
  kind: K;
  /** i18n prefix of the resource, e.g. `ticketing.seasons`. */
  labels: string;
  config: CatalogueFormConfig<K, V>;
  opened: boolean;
  onClose: () => void;
  /** The row to edit; null to create one. */
  row: CatalogueRows[K] | null;
}

/** Creates or edits a catalogue row; server errors land under their fields, a stale save reloads. */
export function CatalogueFormModal<K extends CatalogueKind, V extends FormValues>({
  kind,
  labels,
  config,
  opened,
  onClose,
  row,
}: CatalogueFormModalProps<K, V>) {
  const { t } = useTranslation();
  const save = useSaveCatalogueRow(kind);
  const [current, setCurrent] = useState<CatalogueRows[K] | null>(row);
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const form = useForm<V>({ initialValues: config.empty });

  // Reset the form each time the modal opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on open/target change
  useEffect(() => {
    if (!opened) return;
    setCurrent(row);
    setFormError(null);
    setStale(false);
    form.setValues(row ? config.fromRow(row) : config.empty);
    form.resetDirty();
    form.clearErrors();
  }, [opened, row]);

  const submit = form.onSubmit((values) => {
    setFormError(null);
    setStale(false);
    save.mutate(
      { id: current?.id, version: current?.version, input: config.toInput(values) },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t(current ? 'ticketing.catalogue.saved' : 'ticketing.catalogue.created'),
          });
          onClose();
        },
        onError: (error) => {
          // A 412 carries the row as it is now: show it, keep the user's page open.
          const fresh = error instanceof ApiError && isStaleError(error) ? error.problem.current : null;
          if (fresh) {
            const latest = fresh as CatalogueRows[K];
            setCurrent(latest);
            form.setValues(config.fromRow(latest));
            setStale(true);
          } else setFormError(applyProblemToForm(form, error));
        },
      },
    );
  });

  const origin = current && 'source' in current ? sourceLabel(current) : null;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(current ? `${labels}.editTitle` : `${labels}.createTitle`)}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {stale && (
            <Alert color="orange" role="alert">
              {t('errors.staleReloaded')}
            </Alert>
          )}
          {formError && <ErrorAlert error={formError} />}
          <config.Fields form={form} />
          {origin && (
            <TextInput
              label={t('ticketing.catalogue.origin')}
              description={t('ticketing.catalogue.originHelp')}
              value={origin}
              readOnly
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {current ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
