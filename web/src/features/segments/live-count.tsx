import { Alert, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { CriteriaGroup } from '@parterre/contract/segments';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage, isApiError } from '../../app/api-client';
import { formatNumber } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { LinkAnchor } from '../../components/router-link';
import { fullName } from '../contacts/contact-cells';
import type { CriteriaOutcome } from './criteria-query';
import { ruleAtPath } from './criteria-query';
import type { CriteriaFields } from './segments-api';
import type { useDraftCount } from './use-segments';

type DraftCount = ReturnType<typeof useDraftCount>;

/** The rule the server refused (builder id) and a message naming its criterion. */
export function refusedRule(
  error: unknown,
  sent: CriteriaOutcome,
  registry: CriteriaFields | undefined,
): { ruleId: string; message: string } | null {
  if (!isApiError(error, 'segments.bad_criteria')) return null;
  const problem = error.errors?.[0];
  const rule = problem ? ruleAtPath(sent.criteria as CriteriaGroup, problem.path) : undefined;
  if (!rule || !problem) return null;
  const label = registry?.data.find((f) => f.id === rule.field)?.label[currentLanguage()] ?? rule.field;
  return { ruleId: sent.ruleIds.get(rule) ?? '', message: `${label} : ${problem.message}` };
}

interface LiveCountProps {
  draft: DraftCount;
  refused: { message: string } | null;
  incomplete: number;
  /** True while the user's latest edit has not been sent yet (debounce). */
  pending: boolean;
}

/** The number of people matching the criteria being edited, kept current as they change. */
export function LiveCount({ draft, refused, incomplete, pending }: LiveCountProps) {
  const { t } = useTranslation();
  const busy = pending || draft.isFetching;
  const count = draft.data?.count;
  const sample = draft.data?.sample ?? [];

  return (
    <Paper withBorder p="md" radius="sm">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} fz="h4">
            {t('segments.count.title')}
          </Title>
          {busy && <Loader size="xs" aria-label={t('segments.count.updating')} />}
        </Group>
        <Text
          fz={32}
          fw={700}
          lh={1.1}
          c={draft.isError ? 'dimmed' : undefined}
          aria-live="polite"
          aria-busy={busy}
          data-testid="live-count"
        >
          {count === undefined ? '—' : t('segments.count.people', { count, formatted: formatNumber(count) })}
        </Text>
        {draft.isError && (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle size={18} aria-hidden />}>
            {refused ? t('segments.count.refused', { message: refused.message }) : errorMessage(draft.error)}
          </Alert>
        )}
        {incomplete > 0 && (
          <Text size="sm" c="dimmed">
            {t('segments.count.incomplete', { count: incomplete })}
          </Text>
        )}
        {sample.length > 0 && !draft.isError && (
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {t('segments.count.sample')}
            </Text>
            {sample.map((person) => (
              <Text size="sm" key={person.id} truncate>
                <LinkAnchor to="/contacts/$personId" params={{ personId: person.id }}>
                  {fullName(person) || t('segments.members.unnamed')}
                </LinkAnchor>
                {person.city && (
                  <Text span c="dimmed" size="sm">
                    {` · ${[person.postalCode, person.city].filter(Boolean).join(' ')}`}
                  </Text>
                )}
              </Text>
            ))}
            {count !== undefined && count > sample.length && (
              <Text size="xs" c="dimmed">
                {t('segments.count.more', { count: count - sample.length })}
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
