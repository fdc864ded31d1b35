import { SimpleGrid, Text } from '@mantine/core';
import { CustomFieldValue, MaskedValue } from './custom-field-value';
import type { CustomField } from './custom-fields-api';

interface CustomFieldsDisplayProps {
  fields: CustomField[];
  values: Record<string, unknown>;
  /** The record's `masked` list (`customFields.<key>` entries). */
  masked: string[];
}

/** A record's custom fields as a definition list, sensitive ones masked when the server says so. */
export function CustomFieldsDisplay({ fields, values, masked }: CustomFieldsDisplayProps) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="xs" m={0}>
      {fields.map((field) => (
        <div key={field.id}>
          <Text component="dt" size="xs" c="dimmed" fw={600}>
            {field.label}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {masked.includes(`customFields.${field.key}`) ? (
              <MaskedValue />
            ) : (
              <CustomFieldValue field={field} value={values[field.key]} />
            )}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
