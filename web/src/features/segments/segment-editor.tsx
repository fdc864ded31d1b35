import { Alert, Button, Grid, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaleError } from '../../app/api-client';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/error-alert';
import { staleCurrent } from '../contact-record/contact-record-api';
import {
  type BuilderQuery,
  emptyQuery,
  toBuilderQuery,
  toCriteria,
  type ValueKind,
  valueKindOf,
} from './criteria-query';
import { LiveCount, refusedRule } from './live-count';
import { SegmentBuilder } from './segment-builder';
import { getSegment, type Segment } from './segments-api';
import { useCreateSegment, useCriteriaFields, useDraftCount, useUpdateSegment } from './use-segments';

const SAMPLE = 5;

interface SegmentEditorProps {
  /** The saved segment being edited; none for a new one. */
  segment?: Segment;
}

/** Name, description and criteria of a segment, with its live count; creates or saves with If-Match. */
export function SegmentEditor({ segment }: SegmentEditorProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useAuth();
  const registry = useCriteriaFields();
  const [name, setName] = useState(segment?.name ?? '');
  const [description, setDescription] = useState(segment?.description ?? '');
  const [query, setQuery] = useState<BuilderQuery>(() =>
    segment ? toBuilderQuery(segment.criteria) : emptyQuery(),
  );
  const [version, setVersion] = useState(segment?.version ?? 0);
  const [nameError, setNameError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Segment | null>(null);
  const create = useCreateSegment();
  const update = useUpdateSegment(segment?.id ?? '');

  const kinds = useMemo(
    () => new Map((registry.data?.data ?? []).map((f) => [f.id, valueKindOf(f)])),
    [registry.data],
  );
  const kindOf = (field: string): ValueKind => kinds.get(field) ?? 'unknown';
  // biome-ignore lint/correctness/useExhaustiveDependencies: kindOf reads `kinds`
  const outcome = useMemo(() => toCriteria(query, kindOf), [query, kinds]);
  const [sent] = useDebouncedValue(outcome, 400);
  const draft = useDraftCount(registry.data ? sent.criteria : null, SAMPLE);
  const refused = draft.isError ? refusedRule(draft.error, sent, registry.data) : null;

  const save = async (atVersion = version) => {
    setSaveError(null);
    if (!name.trim()) {
      setNameError(t('segments.editor.nameRequired'));
      return;
    }
    if (outcome.incomplete.length > 0) {
      setSaveError(t('segments.editor.incompleteRules', { count: outcome.incomplete.length }));
      return;
    }
    const input = { name: name.trim(), description: description.trim() || null, criteria: outcome.criteria };
    try {
      if (!segment) {
        const { id } = await create.mutateAsync(input);
        notifications.show({ color: 'green', message: t('segments.editor.created') });
        await navigate({ to: '/segments/$segmentId', params: { segmentId: id } });
        return;
      }
      const saved = await update.mutateAsync({ version: atVersion, patch: input });
      setVersion(saved.version);
      setConflict(null);
      notifications.show({ color: 'green', message: t('segments.editor.saved') });
    } catch (error) {
      if (!segment || !isStaleError(error)) {
        setSaveError(error);
        return;
      }
      // The 412 of PATCH /segments/{id} does not carry `current` (its response schema drops it): read it.
      const current = staleCurrent<Segment>(error) ?? (await getSegment(segment.id).catch(() => null));
      if (current) setConflict(current);
      else setSaveError(error);
    }
  };

  const reloadTheirs = () => {
    if (!conflict) return;
    setName(conflict.name);
    setDescription(conflict.description ?? '');
    setQuery(toBuilderQuery(conflict.criteria));
    setVersion(conflict.version);
    setConflict(null);
  };

  if (registry.isError) return <ErrorAlert error={registry.error} onRetry={() => void registry.refetch()} />;

  const context = registry.data
    ? { incomplete: new Set(outcome.incomplete), error: refused, registry: registry.data }
    : null;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      noValidate
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Paper withBorder p="md" radius="sm">
              <Stack gap="sm">
                <TextInput
                  label={t('segments.editor.name')}
                  required
                  value={name}
                  error={nameError}
                  onChange={(e) => {
                    setName(e.currentTarget.value);
                    setNameError(null);
                  }}
                  maxLength={200}
                />
                <Textarea
                  label={t('segments.editor.description')}
                  value={description}
                  onChange={(e) => setDescription(e.currentTarget.value)}
                  autosize
                  minRows={1}
                  maxLength={2000}
                />
              </Stack>
            </Paper>
            {registry.data && context && (
              <SegmentBuilder
                registry={registry.data}
                query={query}
                onQueryChange={setQuery}
                context={context}
              />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <LiveCount
              draft={draft}
              refused={refused}
              incomplete={outcome.incomplete.length}
              pending={outcome !== sent}
            />
            {conflict && (
              <Alert color="orange" variant="light" role="alert" title={t('segments.editor.conflictTitle')}>
                <Stack gap="xs">
                  {t('segments.editor.conflict')}
                  <Group gap="xs">
                    <Button size="xs" variant="default" onClick={reloadTheirs}>
                      {t('segments.editor.reloadTheirs')}
                    </Button>
                    <Button size="xs" color="orange" onClick={() => void save(conflict.version)}>
                      {t('segments.editor.keepMine')}
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            )}
            <ErrorAlert error={saveError} />
            {can('segments.write') ? (
              <Button
                type="submit"
                leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                loading={create.isPending || update.isPending}
              >
                {segment ? t('segments.editor.save') : t('segments.editor.create')}
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                {t('segments.editor.readOnly')}
              </Text>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </form>
  );
}
