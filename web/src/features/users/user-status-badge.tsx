import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UserStatus } from './users-api';

export function UserStatusBadge({ status }: { status: UserStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={status === 'active' ? 'green' : 'gray'}>
      {t(`users.status.${status}`)}
    </Badge>
  );
}
