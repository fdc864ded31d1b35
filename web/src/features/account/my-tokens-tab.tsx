import { useCurrentUser } from '../../app/auth';
import { permissionLabel, usePermissionCatalogue } from '../roles/use-roles';
import { TokensPanel } from '../tokens/tokens-panel';

/** The signed-in user's own API tokens; scopes are limited to their own permissions. */
export function MyTokensTab() {
  const user = useCurrentUser();
  // The catalogue only provides labels; without access to it, the codes are shown.
  const catalogue = usePermissionCatalogue();
  const labels = new Map((catalogue.data ?? []).map((p) => [p.code, permissionLabel(p)]));
  const scopes = user.permissions.map((code) => ({ value: code, label: labels.get(code) ?? code }));
  return <TokensPanel userId={user.id} scopes={scopes} />;
}
