import { Button, Checkbox, Popover, ScrollArea, Stack } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { defaultColumnIds, type ListColumn } from './contact-fields';

interface ColumnChooserProps {
  columns: ListColumn[];
  visible: string[];
  onChange: (ids: string[]) => void;
}

/** Which columns the table shows; the name column always stays (it links to the record). */
export function ColumnChooser({ columns, visible, onChange }: ColumnChooserProps) {
  const { t } = useTranslation();
  // Keep the catalogue's order whatever the order of ticking.
  const ordered = (ids: string[]) => columns.map((c) => c.id).filter((id) => ids.includes(id));

  return (
    <Popover position="bottom-end" shadow="md" trapFocus withinPortal>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} aria-hidden />}>
          {t('contacts.columns.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <ScrollArea.Autosize mah={360} type="auto">
          <Checkbox.Group
            label={t('contacts.columns.label')}
            value={visible}
            onChange={(ids) => onChange(ordered(['lastName', ...ids]))}
          >
            <Stack gap={6} mt="xs" pr="sm">
              {columns.map((column) => (
                <Checkbox
                  key={column.id}
                  value={column.id}
                  label={column.label}
                  disabled={column.id === 'lastName'}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        </ScrollArea.Autosize>
        <Button variant="subtle" size="xs" mt="sm" onClick={() => onChange(defaultColumnIds)}>
          {t('contacts.columns.reset')}
        </Button>
      </Popover.Dropdown>
    </Popover>
  );
}
