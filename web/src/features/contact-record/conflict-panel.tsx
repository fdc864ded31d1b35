import { Button, Group, Paper, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import type { Choice, FieldConflict } from './conflict';

interface ConflictPanelProps {
  conflicts: FieldConflict[];
  choices: Record<string, Choice>;
  onChoose: (path: string, choice: Choice) => void;
  /** When the other person saved. */
  updatedAt: string;
  labelOf: (path: string) => string;
  format: (path: string, value: unknown) => string;
  onApply: () => void;
  onDiscard: () => void;
  saving: boolean;
}

function ChoiceLabel({ title, value, note }: { title: string; value: string; note?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {title}
        {note && ` · ${note}`}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {value}
      </Text>
    </Stack>
  );
}

/** After a 412: the user's and the saved value of each differing field, one choice per field. */
export function ConflictPanel(props: ConflictPanelProps) {
  const { conflicts, choices, onChoose, labelOf, format } = props;
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);

  return (
    <Paper
      ref={ref}
      tabIndex={-1}
      withBorder
      p="md"
      role="alert"
      aria-labelledby="conflict-title"
      style={{ borderColor: 'var(--mantine-color-orange-7)', borderWidth: 2 }}
    >
      <Group gap="xs" mb="xs" wrap="nowrap">
        <IconAlertTriangle size={22} color="var(--mantine-color-orange-7)" aria-hidden />
        <Title order={2} fz="h4" id="conflict-title">
          {t('contactRecord.conflictTitle')}
        </Title>
      </Group>
      <Text size="sm" mb="md">
        {t('contactRecord.conflictHelp', { date: formatDateTime(props.updatedAt) })}
      </Text>
      <Stack gap="md">
        {conflicts.length === 0 && <Text size="sm">{t('contactRecord.conflictNone')}</Text>}
        {conflicts.map((conflict) => (
          <Radio.Group
            key={conflict.path}
            label={labelOf(conflict.path)}
            value={choices[conflict.path]}
            onChange={(value) => onChoose(conflict.path, value as Choice)}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt={4}>
              <Radio
                value="mine"
                label={
                  <ChoiceLabel
                    title={t('contactRecord.yourValue')}
                    value={format(conflict.path, conflict.mine)}
                    note={conflict.youChanged ? t('contactRecord.youChanged') : undefined}
                  />
                }
              />
              <Radio
                value="theirs"
                label={
                  <ChoiceLabel
                    title={t('contactRecord.theirValue')}
                    value={format(conflict.path, conflict.theirs)}
                    note={conflict.theyChanged ? t('contactRecord.theyChanged') : undefined}
                  />
                }
              />
            </SimpleGrid>
          </Radio.Group>
        ))}
      </Stack>
      <Group justify="flex-end" mt="md" gap="sm">
        <Button variant="default" onClick={props.onDiscard}>
          {t('contactRecord.discardMine')}
        </Button>
        <Button onClick={props.onApply} loading={props.saving}>
          {t('contactRecord.saveChoices')}
        </Button>
      </Group>
    </Paper>
  );
}
