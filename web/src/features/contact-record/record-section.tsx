import { Group, Paper, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';

interface RecordSectionProps {
  title: string;
  /** Buttons shown next to the title. */
  actions?: ReactNode;
  children: ReactNode;
}

/** One titled block of a record page, announced as a region named by its title. */
export function RecordSection({ title, actions, children }: RecordSectionProps) {
  const id = useId();
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={id}>
      <Group justify="space-between" align="center" mb="sm" gap="xs">
        <Title order={2} fz="h4" id={id}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

/** A label and its value in a definition list. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Group component="dd" m={0} gap={6} fz="sm">
        {children}
      </Group>
    </div>
  );
}
