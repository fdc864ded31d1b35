import { Autocomplete, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { MappingTarget, MappingTransform } from '@parterre/contract/intake';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ColumnDraft,
  dateFormats,
  retarget,
  targetGroups,
  targetsByGroup,
  transformsFor,
} from './mapping-draft';

const IGNORE = 'ignore';

/** The grouped options of the destination select, with French labels. */
export function useTargetOptions() {
  const { t } = useTranslation();
  return useMemo(() => {
    const grouped = targetsByGroup();
    return [
      { group: t('imports.mapping.target'), items: [{ value: IGNORE, label: t('imports.mapping.ignore') }] },
      ...targetGroups.map((group) => ({
        group: t(`imports.groups.${group}`),
        items: grouped[group].map((target) => ({ value: target, label: t(`imports.targets.${target}`) })),
      })),
    ];
  }, [t]);
}

interface ColumnMappingRowProps {
  column: string;
  /** A few values of the column from the preview. */
  samples: string[];
  spec: ColumnDraft;
  options: ReturnType<typeof useTargetOptions>;
  onChange: (spec: ColumnDraft) => void;
}

/** One source column: where it goes, and how its values are read. */
export function ColumnMappingRow({ column, samples, spec, options, onChange }: ColumnMappingRowProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const transforms = spec.target ? transformsFor(spec.target) : [];
  const transform = spec.transform ?? transforms[0];

  return (
    <Paper withBorder p="sm" role="group" aria-labelledby={titleId}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} id={titleId} style={{ overflowWrap: 'anywhere' }}>
            {column}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={2}>
            {samples.length > 0
              ? t('imports.mapping.examples', { values: samples.join(' · ') })
              : t('imports.mapping.noExample')}
          </Text>
        </Stack>
        <Select
          label={t('imports.mapping.target')}
          data={options}
          value={spec.target || IGNORE}
          searchable
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          onChange={(value) =>
            onChange(retarget(spec, !value || value === IGNORE ? '' : (value as MappingTarget)))
          }
        />
        <Stack gap="xs">
          {transforms.length > 1 && (
            <Select
              label={t('imports.mapping.transform')}
              data={transforms.map((name) => ({ value: name, label: t(`imports.transforms.${name}`) }))}
              value={transform}
              allowDeselect={false}
              onChange={(value) => onChange({ ...spec, transform: (value as MappingTransform) ?? undefined })}
            />
          )}
          {transforms.length === 1 && transform !== 'date' && (
            <Text size="xs" c="dimmed" mt={{ base: 0, sm: 28 }}>
              {t(`imports.transforms.${transform}`)}
            </Text>
          )}
          {transform === 'date' && (
            <Autocomplete
              label={t('imports.mapping.format')}
              description={t('imports.mapping.formatHelp')}
              data={dateFormats}
              value={spec.format ?? ''}
              onChange={(value) => onChange({ ...spec, format: value || undefined })}
            />
          )}
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}
