import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TokenState } from './tokens-api';

const colours: Record<TokenState, string> = { active: 'green', revoked: 'red', expired: 'gray' };

export function TokenStateBadge({ state }: { state: TokenState }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={colours[state]}>
      {t(`tokens.state.${state}`)}
    </Badge>
  );
}
