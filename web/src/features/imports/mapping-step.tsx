import { Alert, Button, Group, Paper, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDeleteModal } from '../../components/confirm-delete-modal';
import { ErrorAlert } from '../../components/error-alert';
import { ColumnMappingRow, useTargetOptions } from './column-mapping-row';
import type { ImportDedupe, ImportPresetItem, ImportPreview } from './imports-api';
import { duplicateTargets, type MappingDraft, mappingFromDraft } from './mapping-draft';
import { useDeletePreset, useSavePreset } from './use-imports';

const dedupeModes: ImportDedupe[] = ['off', 'review', 'merge'];

interface MappingStepProps {
  preview: ImportPreview;
  presets: ImportPresetItem[];
  presetName: string | null;
  onPreset: (name: string | null) => void;
  draft: MappingDraft;
  onDraft: (draft: MappingDraft) => void;
  dedupe: ImportDedupe;
  onDedupe: (dedupe: ImportDedupe) => void;
}

/** Up to three distinct non-empty values of a column in the preview. */
function samplesOf(preview: ImportPreview, column: string): string[] {
  const values = preview.rows.map((row) => row.values[column]?.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return [...new Set(values)].slice(0, 3) as string[];
}

function SavePresetForm({ draft, onSaved }: { draft: MappingDraft; onSaved: (name: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const save = useSavePreset();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = name.trim();
        if (!trimmed) return;
        save.mutate(
          { name: trimmed, mapping: mappingFromDraft(draft) },
          {
            onSuccess: () => {
              notifications.show({
                color: 'green',
                message: t('imports.mapping.savedNotice', { name: trimmed }),
              });
              setName('');
              onSaved(trimmed);
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('imports.mapping.saveName')}
            description={t('imports.mapping.saveNameHelp')}
            value={name}
            maxLength={100}
            onChange={(event) => setName(event.currentTarget.value)}
            style={{ flex: '1 1 16rem' }}
          />
          <Button
            type="submit"
            variant="default"
            disabled={!name.trim()}
            loading={save.isPending}
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
          >
            {t('imports.mapping.save')}
          </Button>
        </Group>
        <ErrorAlert error={save.error} />
      </Stack>
    </form>
  );
}

/** Step 2: a preset, or a destination per column; the duplicate policy. */
export function MappingStep(props: MappingStepProps) {
  const { preview, presets, presetName, onPreset, draft, onDraft, dedupe, onDedupe } = props;
  const { t } = useTranslation();
  const options = useTargetOptions();
  const remove = useDeletePreset();
  const [deleting, setDeleting] = useState<ImportPresetItem | null>(null);
  const selected = presets.find((preset) => preset.name === presetName);
  const duplicates = duplicateTargets(draft);
  const presetData = [
    {
      group: t('imports.mapping.shipped'),
      items: presets.filter((p) => p.shipped).map((p) => ({ value: p.name, label: p.label })),
    },
    {
      group: t('imports.mapping.saved'),
      items: presets.filter((p) => !p.shipped).map((p) => ({ value: p.name, label: p.label })),
    },
  ].filter((group) => group.items.length > 0);

  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={t('imports.mapping.preset')}
              description={t('imports.mapping.presetHelp')}
              placeholder={t('imports.mapping.presetNone')}
              data={presetData}
              value={presetName}
              clearable
              onChange={onPreset}
              style={{ flex: '1 1 20rem' }}
            />
            {selected && !selected.shipped && selected.id && (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => setDeleting(selected)}
              >
                {t('imports.mapping.deletePreset')}
              </Button>
            )}
          </Group>
          <TextInput
            label={t('imports.mapping.source')}
            description={t('imports.mapping.sourceHelp')}
            value={draft.source}
            required
            onChange={(event) => onDraft({ ...draft, source: event.currentTarget.value })}
          />
        </Stack>
      </Paper>

      <section aria-labelledby="import-columns-title">
        <Title order={2} fz="h4" id="import-columns-title">
          {t('imports.mapping.columnsTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('imports.mapping.columnsHelp')}
        </Text>
        <Stack gap="xs">
          {preview.headers.map((column) => (
            <ColumnMappingRow
              key={column}
              column={column}
              samples={samplesOf(preview, column)}
              spec={draft.columns[column] ?? { target: '' }}
              options={options}
              onChange={(spec) => onDraft({ ...draft, columns: { ...draft.columns, [column]: spec } })}
            />
          ))}
        </Stack>
        {duplicates.length > 0 && (
          <Alert color="orange" variant="light" role="alert" mt="sm">
            {t('imports.mapping.duplicate', {
              targets: duplicates.map((target) => t(`imports.targets.${target}`)).join(' », « '),
            })}
          </Alert>
        )}
      </section>

      <Paper withBorder p="md">
        <Title order={2} fz="h5" mb="xs">
          {t('imports.mapping.saveTitle')}
        </Title>
        <SavePresetForm draft={draft} onSaved={onPreset} />
      </Paper>

      <Paper withBorder p="md">
        <Radio.Group
          label={t('imports.mapping.dedupe')}
          description={t('imports.mapping.dedupeHelp')}
          value={dedupe}
          onChange={(value) => onDedupe(value as ImportDedupe)}
        >
          <Stack gap="sm" mt="xs">
            {dedupeModes.map((mode) => (
              <Radio
                key={mode}
                value={mode}
                label={t(`imports.mapping.dedupeOptions.${mode}`)}
                description={t(`imports.mapping.dedupeOptions.${mode}Help`)}
              />
            ))}
          </Stack>
        </Radio.Group>
      </Paper>

      <ConfirmDeleteModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('imports.mapping.deleteTitle', { name: deleting?.name ?? '' })}
        message={t('imports.mapping.deleteMessage')}
        confirmLabel={t('common.delete')}
        onConfirm={async () => {
          if (!deleting?.id) return;
          await remove.mutateAsync(deleting.id);
          notifications.show({
            color: 'green',
            message: t('imports.mapping.deleted', { name: deleting.name }),
          });
          onPreset(null);
        }}
      />
    </Stack>
  );
}
