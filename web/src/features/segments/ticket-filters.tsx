import { Button, Group } from '@mantine/core';
import type { CriteriaFields } from '@parterre/contract/segments';
import { IconAdjustmentsHorizontal } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { ChoicesInput } from './choices-input';

/** The catalogue filters of « Nombre de billets », each borrowing the choices of its own criterion. */
const FILTERS = [
  ['disciplines', 'purchases.discipline'],
  ['productionIds', 'purchases.production'],
  ['venueIds', 'purchases.venue'],
  ['seasonIds', 'purchases.season'],
  ['priceCategoryIds', 'purchases.priceCategory'],
  ['channels', 'purchases.channel'],
] as const;

interface TicketFiltersProps {
  registry: CriteriaFields;
  /** The criterion's label, for the inputs' names. */
  name: string;
  value: Record<string, unknown>;
  onChange: (patch: Record<string, unknown>) => void;
}

/** « Préciser » reveals which tickets count: discipline, production, venue, season, price, channel. */
export function TicketFilters({ registry, name, value, onChange }: TicketFiltersProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const used = FILTERS.some(([key]) => Array.isArray(value[key]));
  const [open, setOpen] = useState(used);
  const available = FILTERS.flatMap(([key, id]) => {
    const criterion = registry.data.find((c) => c.id === id);
    return criterion ? [{ key, criterion }] : [];
  });
  if (available.length === 0) return null;
  if (!open && !used) {
    return (
      <Button
        size="xs"
        variant="subtle"
        leftSection={<IconAdjustmentsHorizontal size={14} aria-hidden />}
        onClick={() => setOpen(true)}
      >
        {t('segments.builder.refine')}
      </Button>
    );
  }
  return (
    <Group gap="xs" wrap="wrap" style={{ flex: '1 1 100%' }}>
      {available.map(({ key, criterion }) => (
        <ChoicesInput
          key={key}
          criterion={criterion}
          label={t('segments.builder.filterOf', { name, filter: criterion.label[lang] })}
          placeholder={criterion.label[lang]}
          value={(value[key] as string[] | undefined) ?? []}
          onChange={(values) => onChange({ [key]: values.length ? values : undefined })}
        />
      ))}
    </Group>
  );
}
