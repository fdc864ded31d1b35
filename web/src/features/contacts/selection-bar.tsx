import { Button, Group, Menu, Paper, Text } from '@mantine/core';
import {
  IconChevronDown,
  IconDownload,
  IconSitemap,
  IconTag,
  IconTagOff,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { formatNumber } from '../../app/format';
import type { BulkAction } from './bulk-action-modal';
import { maxQuickSearchSelection, type Selection, selectionCount } from './selection';

interface SelectionBarProps {
  selection: Selection | null;
  /** People matching the search and filter (undefined while counting). */
  total: number | undefined;
  /** Whether a quick search is active (its results are then collected id by id). */
  quickSearch: boolean;
  onSelectAll: () => void;
  onClear: () => void;
  onAction: (action: BulkAction | 'export') => void;
}

/** What is selected, a way to extend it to every result, and the bulk actions. */
export function SelectionBar({
  selection,
  total,
  quickSearch,
  onSelectAll,
  onClear,
  onAction,
}: SelectionBarProps) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const count = selectionCount(selection);
  const canSelectAll =
    total !== undefined &&
    total > 0 &&
    selection?.kind !== 'all' &&
    (!quickSearch || total <= maxQuickSearchSelection);
  const canWrite = can('contacts.write');
  const canExport = can('contacts.export');
  const canDelete = can('contacts.delete');
  if (!canWrite && !canExport && !canDelete) return null;

  return (
    <Paper withBorder p="xs" bg={count ? 'var(--mantine-primary-color-light)' : undefined}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="xs" wrap="wrap">
          <Text
            size="sm"
            fw={count ? 600 : undefined}
            aria-live="polite"
            visibleFrom={count ? undefined : 'sm'}
          >
            {selection?.kind === 'all'
              ? t('contacts.selection.all', { count, formatted: formatNumber(count) })
              : count
                ? t('contacts.selection.some', { count, formatted: formatNumber(count) })
                : t('contacts.selection.none')}
          </Text>
          {canSelectAll && (
            <Button variant="subtle" size="compact-sm" onClick={onSelectAll}>
              {t('contacts.selection.selectAll', { count: total, formatted: formatNumber(total) })}
            </Button>
          )}
          {count > 0 && (
            <Button variant="subtle" size="compact-sm" onClick={onClear}>
              {t('contacts.selection.clear')}
            </Button>
          )}
        </Group>
        <Menu position="bottom-end" shadow="md" withinPortal>
          <Menu.Target>
            <Button
              size="compact-md"
              disabled={count === 0}
              rightSection={<IconChevronDown size={16} aria-hidden />}
            >
              {t('contacts.bulk.menu')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {canWrite && (
              <>
                <Menu.Item leftSection={<IconTag size={16} aria-hidden />} onClick={() => onAction('tag')}>
                  {t('contacts.bulk.actions.tag')}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconTagOff size={16} aria-hidden />}
                  onClick={() => onAction('untag')}
                >
                  {t('contacts.bulk.actions.untag')}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconSitemap size={16} aria-hidden />}
                  onClick={() => onAction('set_department')}
                >
                  {t('contacts.bulk.actions.set_department')}
                </Menu.Item>
              </>
            )}
            {canExport && (
              <Menu.Item
                leftSection={<IconDownload size={16} aria-hidden />}
                onClick={() => onAction('export')}
              >
                {t('contacts.bulk.actions.export')}
              </Menu.Item>
            )}
            {canDelete && (
              <>
                <Menu.Divider />
                <Menu.Item
                  color="red"
                  leftSection={<IconTrash size={16} aria-hidden />}
                  onClick={() => onAction('delete')}
                >
                  {t('contacts.bulk.actions.delete')}
                </Menu.Item>
              </>
            )}
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Paper>
  );
}
