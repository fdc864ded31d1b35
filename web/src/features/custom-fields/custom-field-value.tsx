import { Anchor, Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../app/format';
import { formatPhone, isEmptyValue } from './custom-field-values';
import type { CustomField } from './custom-fields-api';

/** "••" with an explanation, for values the server masked. */
export function MaskedValue() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('customFields.maskedHelp')}>
      <Text span aria-label={t('customFields.masked')} tabIndex={0}>
        ••
      </Text>
    </Tooltip>
  );
}

/** One custom field value, displayed according to its type. */
export function CustomFieldValue({ field, value }: { field: CustomField; value: unknown }) {
  const { t } = useTranslation();
  if (isEmptyValue(value)) return <>—</>;
  switch (field.type) {
    case 'boolean':
      return <>{value === true ? t('customFields.yes') : t('customFields.no')}</>;
    case 'number':
      return <>{typeof value === 'number' ? formatNumber(value) : String(value)}</>;
    case 'date':
      return <>{formatDate(String(value))}</>;
    case 'multi_choice':
      return (
        <Group gap={4} component="span">
          {(Array.isArray(value) ? value : [value]).map((item) => (
            <Badge key={String(item)} variant="light" tt="none">
              {String(item)}
            </Badge>
          ))}
        </Group>
      );
    case 'url':
      return (
        <Anchor href={String(value)} target="_blank" rel="noopener noreferrer">
          {String(value)}
        </Anchor>
      );
    case 'email':
      return <Anchor href={`mailto:${String(value)}`}>{String(value)}</Anchor>;
    case 'phone':
      return <Anchor href={`tel:${String(value)}`}>{formatPhone(String(value))}</Anchor>;
    case 'long_text':
      return <span style={{ whiteSpace: 'pre-wrap' }}>{String(value)}</span>;
    default:
      return <>{String(value)}</>;
  }
}
