import { Checkbox, Fieldset, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Permission } from './roles-api';
import { permissionLabel } from './use-roles';

interface PermissionGridProps {
  catalogue: Permission[];
  value: string[];
  onChange: (permissions: string[]) => void;
  readOnly?: boolean;
  error?: string;
}

function groupBy(catalogue: Permission[]): [string, Permission[]][] {
  const groups = new Map<string, Permission[]>();
  for (const permission of catalogue) {
    const list = groups.get(permission.group) ?? [];
    list.push(permission);
    groups.set(permission.group, list);
  }
  return [...groups.entries()];
}

/** Checkboxes for every permission of the catalogue, one fieldset per group. */
export function PermissionGrid({ catalogue, value, onChange, readOnly, error }: PermissionGridProps) {
  const { t } = useTranslation();
  const selected = new Set(value);

  const toggle = (codes: string[], checked: boolean) => {
    const next = new Set(selected);
    for (const code of codes) {
      if (checked) next.add(code);
      else next.delete(code);
    }
    // Keep the catalogue order so the saved list is stable.
    onChange(catalogue.map((p) => p.code).filter((code) => next.has(code)));
  };

  return (
    <Stack gap="md">
      {error && (
        <Text c="var(--mantine-color-error)" size="sm" role="alert">
          {error}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {groupBy(catalogue).map(([group, permissions]) => {
          const codes = permissions.map((p) => p.code);
          const count = codes.filter((code) => selected.has(code)).length;
          const groupLabel = t(`permissionGroups.${group}`, { defaultValue: group });
          return (
            <Fieldset key={group} legend={groupLabel} variant="filled" disabled={readOnly}>
              <Stack gap="xs">
                <Checkbox
                  label={t('roles.allInGroup')}
                  aria-label={t('roles.allInGroupNamed', { group: groupLabel })}
                  checked={count === codes.length}
                  indeterminate={count > 0 && count < codes.length}
                  onChange={(event) => toggle(codes, event.currentTarget.checked)}
                  fw={600}
                />
                {permissions.map((permission) => (
                  <Checkbox
                    key={permission.code}
                    label={permissionLabel(permission)}
                    description={permission.code}
                    checked={selected.has(permission.code)}
                    onChange={(event) => toggle([permission.code], event.currentTarget.checked)}
                  />
                ))}
              </Stack>
            </Fieldset>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
