import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { orderChannelSchema } from '@parterre/contract/intake';
import { orderStatusSchema } from '@parterre/contract/ticketing';
import { IconFilter } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderFilters as Filters } from './ticketing-api';

type Values = { status: string | null; channel: string | null; source: string; from: string; to: string };

const toValues = (filters: Filters): Values => ({
  status: filters.status ?? null,
  channel: filters.channel ?? null,
  source: filters.source ?? '',
  from: filters.from ?? '',
  to: filters.to ?? '',
});

interface OrderFiltersProps {
  filters: Filters;
  /** Called with the filters of the form; the ones it does not edit (person, performance) are kept. */
  onApply: (filters: Pick<Filters, keyof Values>) => void;
}

/** Status, channel, source and dates of the orders list. */
export function OrderFilters({ filters, onApply }: OrderFiltersProps) {
  const { t } = useTranslation();
  const form = useForm<Values>({ initialValues: toValues(filters) });

  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the URL (back, forward, links)
  useEffect(() => {
    form.setValues(toValues(filters));
  }, [filters.status, filters.channel, filters.source, filters.from, filters.to]);

  const submit = form.onSubmit((values) =>
    onApply({
      status: (values.status ?? undefined) as Filters['status'],
      channel: (values.channel ?? undefined) as Filters['channel'],
      source: values.source.trim() || undefined,
      from: values.from || undefined,
      to: values.to || undefined,
    }),
  );

  return (
    <form onSubmit={submit} aria-label={t('ticketing.orders.filters')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
        <Select
          label={t('ticketing.orders.status')}
          placeholder={t('ticketing.filters.any')}
          data={orderStatusSchema.options.map((s) => ({ value: s, label: t(`ticketing.orderStatus.${s}`) }))}
          clearable
          {...form.getInputProps('status')}
        />
        <Select
          label={t('ticketing.orders.channel')}
          placeholder={t('ticketing.filters.any')}
          data={orderChannelSchema.options.map((c) => ({ value: c, label: t(`ticketing.channels.${c}`) }))}
          clearable
          {...form.getInputProps('channel')}
        />
        <TextInput
          label={t('ticketing.orders.source')}
          placeholder="billetweb"
          {...form.getInputProps('source')}
        />
        <TextInput type="date" label={t('ticketing.orders.from')} {...form.getInputProps('from')} />
        <TextInput type="date" label={t('ticketing.orders.to')} {...form.getInputProps('to')} />
      </SimpleGrid>
      <Group mt="sm" gap="sm">
        <Button type="submit" leftSection={<IconFilter size={16} aria-hidden />}>
          {t('ticketing.orders.apply')}
        </Button>
        <Button
          variant="default"
          onClick={() =>
            onApply({
              status: undefined,
              channel: undefined,
              source: undefined,
              from: undefined,
              to: undefined,
            })
          }
        >
          {t('ticketing.orders.reset')}
        </Button>
      </Group>
    </form>
  );
}
