import { Checkbox, MultiSelect, NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/date-field';
import type { CustomField } from './custom-fields-api';

/** The part of a Mantine form these inputs need (method syntax keeps any form type assignable). */
interface FormLike {
  // biome-ignore lint/suspicious/noExplicitAny: Mantine's input props are untyped
  getInputProps(path: string, options?: { type?: 'input' | 'checkbox' }): any;
}

interface CustomFieldInputsProps {
  form: FormLike;
  fields: CustomField[];
  /** The record's `masked` list: those fields are shown but cannot be edited. */
  masked?: string[];
}

function CustomFieldInput({ form, field }: { form: FormLike; field: CustomField }): ReactNode {
  const path = `customFields.${field.key}`;
  const common = { label: field.label, required: field.required };
  switch (field.type) {
    case 'long_text':
      return <Textarea {...common} autosize minRows={2} {...form.getInputProps(path)} />;
    case 'number':
      return <NumberInput {...common} decimalSeparator="," {...form.getInputProps(path)} />;
    case 'date':
      return <DateField {...common} {...form.getInputProps(path)} />;
    case 'boolean':
      return <Checkbox label={field.label} mt="lg" {...form.getInputProps(path, { type: 'checkbox' })} />;
    case 'choice':
      return <Select {...common} data={field.options} clearable searchable {...form.getInputProps(path)} />;
    case 'multi_choice':
      return (
        <MultiSelect {...common} data={field.options} clearable searchable {...form.getInputProps(path)} />
      );
    case 'url':
      return <TextInput {...common} type="url" {...form.getInputProps(path)} />;
    case 'email':
      return <TextInput {...common} type="email" {...form.getInputProps(path)} />;
    case 'phone':
      return <TextInput {...common} type="tel" {...form.getInputProps(path)} />;
    default:
      return <TextInput {...common} {...form.getInputProps(path)} />;
  }
}

/** Typed inputs for the custom fields of a record, bound to `customFields.<key>` of the form. */
export function CustomFieldInputs({ form, fields, masked = [] }: CustomFieldInputsProps) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      {fields.map((field) =>
        masked.includes(`customFields.${field.key}`) ? (
          <TextInput
            key={field.id}
            label={field.label}
            value="••"
            description={t('customFields.maskedHelp')}
            disabled
          />
        ) : (
          <CustomFieldInput key={field.id} form={form} field={field} />
        ),
      )}
    </SimpleGrid>
  );
}
