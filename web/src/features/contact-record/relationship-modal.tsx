import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/date-field';
import { ErrorAlert } from '../../components/error-alert';
import { applyProblemToForm } from '../../components/form-errors';
import type { RecordRef, RelationshipView } from './contact-record-api';
import { RecordPicker } from './record-picker';
import { counterpartKind, type LinkOption, linkOptions, relationshipEnds } from './relationship-kinds';
import { useRelationshipMutations } from './use-contact-record';

interface RelationshipModalProps {
  subject: RecordRef;
  /** The link to edit (role and dates only); none to add one. */
  editing: RelationshipView | null;
  onClose: () => void;
}

/** Adds a link to another record, or changes the role and dates of an existing one. */
export function RelationshipModal({ subject, editing, onClose }: RelationshipModalProps) {
  const { t } = useTranslation();
  const { create, update } = useRelationshipMutations();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      option: linkOptions[subject.kind][0] as LinkOption,
      counterpartId: null as string | null,
      role: editing?.role ?? '',
      startDate: editing?.startDate ?? null,
      endDate: editing?.endDate ?? null,
    },
    validate: {
      counterpartId: (value) => (editing || value ? null : t('validation.required')),
      endDate: (value, values) =>
        value && values.startDate && value < values.startDate ? t('contactRecord.endBeforeStart') : null,
    },
  });
  const option = form.values.option;
  const roleLabel =
    option === 'employment' || option === 'employee'
      ? t('contactRecord.jobTitle')
      : t('contactRecord.relationRole');

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const common = { role: values.role.trim() || null, startDate: values.startDate, endDate: values.endDate };
    const onSuccess = () => {
      notifications.show({ color: 'green', message: t('contactRecord.linkSaved') });
      onClose();
    };
    const onError = (error: unknown) => setFormError(applyProblemToForm(form, error));
    if (editing) update.mutate([editing.id, editing.version, common], { onSuccess, onError });
    else if (values.counterpartId)
      create.mutate(
        { ...relationshipEnds(subject, values.option, values.counterpartId), ...common },
        { onSuccess, onError },
      );
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        editing ? t('contactRecord.editLink', { name: editing.counterpart.name }) : t('contactRecord.addLink')
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {formError && <ErrorAlert error={formError} />}
          {!editing && (
            <>
              <Select
                label={t('contactRecord.linkKind')}
                allowDeselect={false}
                data={linkOptions[subject.kind].map((o) => ({
                  value: o,
                  label: t(`contactRecord.linkOptions.${o}`),
                }))}
                {...form.getInputProps('option')}
                onChange={(value) => {
                  form.setFieldValue('option', (value ?? option) as LinkOption);
                  form.setFieldValue('counterpartId', null);
                }}
              />
              <RecordPicker
                key={counterpartKind(option)}
                label={
                  counterpartKind(option) === 'person'
                    ? t('contactRecord.pickPerson')
                    : t('contactRecord.pickOrganisation')
                }
                kind={counterpartKind(option)}
                excludeId={subject.id}
                required
                {...form.getInputProps('counterpartId')}
              />
            </>
          )}
          <TextInput label={roleLabel} {...form.getInputProps('role')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <DateField label={t('contactRecord.startDate')} {...form.getInputProps('startDate')} />
            <DateField label={t('contactRecord.endDate')} {...form.getInputProps('endDate')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
