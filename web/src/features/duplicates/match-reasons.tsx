import { Badge, Group, List, Text, VisuallyHidden } from '@mantine/core';
import type { MatchReason } from '@parterre/contract/identity';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';

const outcomeColours = { agree: 'green', partial: 'yellow', disagree: 'red', missing: 'gray' } as const;

/** A score in [0, 1] as a whole percentage: 0.924 → "92 %". */
export function ScoreBadge({ score }: { score: number }) {
  const { t } = useTranslation();
  const percent = formatNumber(score * 100, { maximumFractionDigits: 0 });
  return (
    <Badge size="lg" variant="light" tt="none">
      <VisuallyHidden>{t('duplicates.score')} </VisuallyHidden>
      {t('duplicates.scoreValue', { percent })}
    </Badge>
  );
}

/** Field by field, what agreed and what did not, in the words of the matching engine. */
export function MatchReasons({
  reasons,
  hideMissing = false,
}: {
  reasons: MatchReason[];
  hideMissing?: boolean;
}) {
  const { t } = useTranslation();
  const shown = hideMissing ? reasons.filter((reason) => reason.outcome !== 'missing') : reasons;
  return (
    <List size="sm" spacing={4} listStyleType="none" aria-label={t('duplicates.reasonsLabel')} m={0} p={0}>
      {shown.map((reason) => (
        <List.Item key={`${reason.field}-${reason.detail}`}>
          <Group gap={8} wrap="nowrap" align="flex-start">
            <Badge
              size="sm"
              variant="light"
              color={outcomeColours[reason.outcome]}
              tt="none"
              miw={72}
              style={{ flexShrink: 0 }}
            >
              {t(`duplicates.outcomes.${reason.outcome}`)}
            </Badge>
            <Text size="sm">{reason.detail}</Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
