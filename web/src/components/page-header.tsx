import { Group, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  /** Buttons shown on the right (below the title on phones). */
  actions?: ReactNode;
  /** Shown above the title, e.g. a link back to the list. */
  back?: ReactNode;
}

/** Sets the browser tab title to "<title> · Parterre". */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · Parterre`;
  }, [title]);
}

/** Page title (also the document title) with an optional description and actions. */
export function PageHeader({ title, description, actions, back }: PageHeaderProps) {
  useDocumentTitle(title);

  return (
    <Stack gap="xs" mb="lg">
      {back}
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {title}
          </Title>
          {description && (
            <Text c="dimmed" size="sm">
              {description}
            </Text>
          )}
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </Stack>
  );
}
