import { Alert, Button, Group, List, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkAnchor } from '../../components/router-link';
import type { DuplicateCandidate } from './contact-record-api';

interface DuplicatePanelProps {
  candidates: DuplicateCandidate[];
  onForce: () => void;
  onDismiss: () => void;
  forcing: boolean;
}

/** "This person may already exist": the probable duplicates, and a way to create anyway. */
export function DuplicatePanel({ candidates, onForce, onDismiss, forcing }: DuplicatePanelProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);

  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color="orange"
      variant="light"
      role="alert"
      icon={<IconUsers size={20} aria-hidden />}
      title={t('contactRecord.duplicateTitle')}
    >
      <Text size="sm" mb="xs">
        {t('contactRecord.duplicateHelp')}
      </Text>
      <List size="sm" spacing={4} mb="sm">
        {candidates.map((candidate) => (
          <List.Item key={candidate.id}>
            <LinkAnchor to="/contacts/$personId" params={{ personId: candidate.id }} target="_blank" fw={600}>
              {[candidate.firstName, candidate.lastName].filter(Boolean).join(' ') ||
                candidate.email ||
                candidate.id}
            </LinkAnchor>
            {candidate.email && ` — ${candidate.email}`}
            <Text span size="xs" c="dimmed">
              {' '}
              ({candidate.reasons.map((r) => t(`contactRecord.duplicateReasons.${r}`)).join(', ')})
            </Text>
          </List.Item>
        ))}
      </List>
      <Group gap="sm">
        <Button color="orange" onClick={onForce} loading={forcing}>
          {t('contactRecord.createAnyway')}
        </Button>
        <Button variant="default" onClick={onDismiss}>
          {t('contactRecord.reviewInput')}
        </Button>
      </Group>
    </Alert>
  );
}
