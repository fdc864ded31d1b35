import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { permissionLabel, usePermissionCatalogue } from '../roles/use-roles';
import { TokensPanel } from './tokens-panel';

/** Administration: every API token of the institution. */
export function TokenListPage() {
  const { t } = useTranslation();
  const catalogue = usePermissionCatalogue();
  const scopes = (catalogue.data ?? []).map((p) => ({
    value: p.code,
    label: permissionLabel(p),
    group: t(`permissionGroups.${p.group}`, { defaultValue: p.group }),
  }));

  return (
    <>
      <PageHeader title={t('tokens.title')} description={t('tokens.adminDescription')} />
      <TokensPanel admin scopes={scopes} />
    </>
  );
}
