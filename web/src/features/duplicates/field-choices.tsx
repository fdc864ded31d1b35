import { Paper, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDifference, Side } from './merge-choices';

interface FieldChoicesProps {
  differences: FieldDifference[];
  choices: Record<string, Side>;
  onChoose: (path: string, side: Side) => void;
  labelOf: (path: string) => string;
  format: (path: string, value: unknown) => string;
  /** "Fiche 1" / "Fiche 2". */
  recordLabels: Record<Side, string>;
}

/** For each field where the two records differ, a choice of which value survives the merge. */
export function FieldChoices({
  differences,
  choices,
  onChoose,
  labelOf,
  format,
  recordLabels,
}: FieldChoicesProps) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={titleId}>
      <Title order={2} fz="h4" id={titleId} mb={4}>
        {t('duplicates.reviewPage.fields')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {differences.length > 0
          ? t('duplicates.reviewPage.fieldsHelp')
          : t('duplicates.reviewPage.noDifference')}
      </Text>
      <Stack gap="md">
        {differences.map((difference) => (
          <Radio.Group
            key={difference.path}
            label={labelOf(difference.path)}
            value={choices[difference.path]}
            onChange={(value) => onChoose(difference.path, value as Side)}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt={4}>
              {(['a', 'b'] as const).map((side) => (
                <Radio
                  key={side}
                  value={side}
                  label={
                    <Stack gap={0}>
                      <Text size="xs" c="dimmed">
                        {t('duplicates.reviewPage.valueFrom', { record: recordLabels[side].toLowerCase() })}
                      </Text>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                        {format(difference.path, difference[side])}
                      </Text>
                    </Stack>
                  }
                />
              ))}
            </SimpleGrid>
          </Radio.Group>
        ))}
      </Stack>
    </Paper>
  );
}
