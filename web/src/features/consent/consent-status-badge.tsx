import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConsentStatus } from './consent-api';

const colours: Record<ConsentStatus, string> = {
  granted: 'green',
  withdrawn: 'red',
  pending: 'yellow',
  unknown: 'gray',
};

/** « Accordé », « Retiré », « En attente de confirmation » or « Inconnu », in words and colour. */
export function ConsentStatusBadge({ status }: { status: ConsentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colours[status]} variant="light" tt="none" style={{ flexShrink: 0 }}>
      {t(`consent.status.${status}`)}
    </Badge>
  );
}
