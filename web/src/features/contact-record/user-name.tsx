import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { userQueryOptions } from '../users/use-users';

/**
 * A user's name from their id. Only administrators may read accounts, so others see "you" for
 * themselves and nothing for colleagues (the API does not return author names with notes or trash items).
 */
export function UserName({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const { user, can } = useAuth();
  const allowed = Boolean(id) && id !== user?.id && can('admin.users');
  const other = useQuery({ ...userQueryOptions(id ?? ''), enabled: allowed, staleTime: 5 * 60_000 });
  if (!id) return null;
  if (id === user?.id) return <>{t('contactRecord.you')}</>;
  return other.data?.name ?? null;
}
