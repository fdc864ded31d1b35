import { Group, Paper, Radio, Select, SimpleGrid, Stack, TagsInput, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/date-field';
import { CustomFieldInputs } from '../custom-fields/custom-field-inputs';
import type { CustomField } from '../custom-fields/custom-fields-api';
import { useAllDepartments } from '../departments/use-departments';
import { CoordinateFields } from './coordinate-fields';
import { languageOptions } from './languages';
import type { PersonFormValues } from './person-form-values';

export const civilities = ['M.', 'Mme'];
const channels = ['email', 'sms', 'phone', 'post'];

/** A titled block of a form. */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={id}>
      <Title order={2} fz="h4" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

interface PersonFormFieldsProps {
  form: UseFormReturnType<PersonFormValues>;
  fields: CustomField[];
  /** The record's `masked` list, on edit. */
  masked?: string[];
}

/** Every input of the person form, grouped in sections. */
export function PersonFormFields({ form, fields, masked = [] }: PersonFormFieldsProps) {
  const { t } = useTranslation();
  const departments = useAllDepartments();
  const birthMasked = masked.includes('birthDate');

  return (
    <Stack gap="md">
      <FormSection title={t('contactRecord.identity')}>
        <Stack gap="sm">
          <Radio.Group label={t('contactRecord.fields.civility')} {...form.getInputProps('civility')}>
            <Group gap="lg" mt={4}>
              {civilities.map((c) => (
                <Radio key={c} value={c} label={c} />
              ))}
              <Radio value="" label="—" aria-label={t('contactRecord.noCivility')} />
            </Group>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t('contactRecord.fields.firstName')}
              autoComplete="off"
              {...form.getInputProps('firstName')}
            />
            <TextInput
              label={t('contactRecord.fields.lastName')}
              autoComplete="off"
              {...form.getInputProps('lastName')}
            />
            <TextInput
              label={t('contactRecord.fields.usageName')}
              autoComplete="off"
              {...form.getInputProps('usageName')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {birthMasked ? (
              <TextInput
                label={t('contactRecord.fields.birthDate')}
                value="••"
                description={t('customFields.maskedHelp')}
                disabled
              />
            ) : (
              <DateField
                label={t('contactRecord.fields.birthDate')}
                maxDate={new Date()}
                {...form.getInputProps('birthDate')}
              />
            )}
            <Select
              label={t('contactRecord.fields.language')}
              searchable
              clearable
              data={languageOptions(form.values.language)}
              {...form.getInputProps('language')}
            />
            <Select
              label={t('contactRecord.fields.preferredChannel')}
              clearable
              data={channels.map((c) => ({ value: c, label: t(`contactRecord.channels.${c}`) }))}
              {...form.getInputProps('preferredChannel')}
            />
          </SimpleGrid>
        </Stack>
      </FormSection>
      <FormSection title={t('contactRecord.coordinates')}>
        <CoordinateFields form={form} />
      </FormSection>
      <FormSection title={t('contactRecord.classification')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('contactRecord.fields.departmentId')}
            description={t('contactRecord.departmentHelp')}
            clearable
            data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            {...form.getInputProps('departmentId')}
          />
          <TextInput
            label={t('contactRecord.fields.source')}
            description={t('contactRecord.sourceHelp')}
            {...form.getInputProps('source')}
          />
        </SimpleGrid>
        <TagsInput
          mt="sm"
          label={t('contactRecord.fields.tags')}
          description={t('contactRecord.tagsHelp')}
          clearable
          {...form.getInputProps('tags')}
        />
      </FormSection>
      {fields.length > 0 && (
        <FormSection title={t('contactRecord.customFields')}>
          <CustomFieldInputs form={form} fields={fields} masked={masked} />
        </FormSection>
      )}
    </Stack>
  );
}
