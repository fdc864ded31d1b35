import { Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CoordinateFields } from '../contact-record/coordinate-fields';
import { FormSection } from '../contact-record/person-form-fields';
import { CustomFieldInputs } from '../custom-fields/custom-field-inputs';
import type { CustomField } from '../custom-fields/custom-fields-api';
import { useAllDepartments } from '../departments/use-departments';
import type { OrganisationFormValues } from './organisation-form-values';
import { organisationTypes } from './organisations-api';

interface OrganisationFormFieldsProps {
  form: UseFormReturnType<OrganisationFormValues>;
  fields: CustomField[];
  masked?: string[];
}

export function OrganisationFormFields({ form, fields, masked = [] }: OrganisationFormFieldsProps) {
  const { t } = useTranslation();
  const departments = useAllDepartments();
  return (
    <Stack gap="md">
      <FormSection title={t('organisations.information')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('organisations.fields.name')} required {...form.getInputProps('name')} />
            <Select
              label={t('organisations.fields.type')}
              allowDeselect={false}
              data={organisationTypes.map((type) => ({
                value: type,
                label: t(`organisations.types.${type}`),
              }))}
              {...form.getInputProps('type')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t('organisations.fields.siren')}
              description={t('organisations.sirenHelp')}
              inputMode="numeric"
              {...form.getInputProps('siren')}
            />
            <TextInput
              label={t('organisations.fields.siret')}
              description={t('organisations.siretHelp')}
              inputMode="numeric"
              {...form.getInputProps('siret')}
            />
            <TextInput
              label={t('organisations.fields.website')}
              type="url"
              placeholder="https://"
              {...form.getInputProps('website')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('organisations.fields.departmentId')}
              clearable
              data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              {...form.getInputProps('departmentId')}
            />
            <TagsInput
              label={t('organisations.fields.tags')}
              description={t('contactRecord.tagsHelp')}
              clearable
              {...form.getInputProps('tags')}
            />
          </SimpleGrid>
        </Stack>
      </FormSection>
      <FormSection title={t('contactRecord.coordinates')}>
        <CoordinateFields form={form} />
      </FormSection>
      {fields.length > 0 && (
        <FormSection title={t('contactRecord.customFields')}>
          <CustomFieldInputs form={form} fields={fields} masked={masked} />
        </FormSection>
      )}
    </Stack>
  );
}
