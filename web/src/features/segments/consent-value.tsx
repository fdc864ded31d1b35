import { Select } from '@mantine/core';
import type { CriteriaField } from '@parterre/contract/segments';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';

type EnumSchema = { properties?: Record<string, { enum?: string[] }> };

interface ConsentValueProps {
  criterion: CriteriaField;
  name: string;
  value: Record<string, unknown>;
  onChange: (patch: Record<string, unknown>) => void;
}

/** A consent status: the purpose (the criterion's options), the channel and the status (its schema's enums). */
export function ConsentValue({ criterion, name, value, onChange }: ConsentValueProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const schema = criterion.valueSchema as EnumSchema | null;
  const choices = (property: 'channel' | 'status') =>
    (schema?.properties?.[property]?.enum ?? []).map((code) => ({
      value: code,
      label: t(`segments.consent.${property}.${code}`, { defaultValue: code }),
    }));
  const select = (
    property: 'purposeId' | 'channel' | 'status',
    data: { value: string; label: string }[],
    w: number,
  ) => (
    <Select
      aria-label={t(`segments.consent.${property}Of`, { name })}
      placeholder={t(`segments.consent.placeholder.${property}`)}
      data={data}
      value={(value[property] as string | undefined) ?? null}
      onChange={(next) => onChange({ [property]: next ?? undefined })}
      allowDeselect={false}
      searchable={property === 'purposeId'}
      w={w}
    />
  );
  return (
    <>
      {select(
        'purposeId',
        (criterion.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] })),
        240,
      )}
      {select('channel', choices('channel'), 140)}
      {select('status', choices('status'), 220)}
    </>
  );
}
