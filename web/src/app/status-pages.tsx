import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { IconLock, IconMapQuestion } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../components/page-header';

function StatusPage({ icon, title, message }: { icon: React.ReactNode; title: string; message: string }) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <Center py={64} px="md">
      <Stack align="center" gap="sm" maw={480} ta="center">
        {icon}
        <Title order={1} fz="h2">
          {title}
        </Title>
        <Text c="dimmed">{message}</Text>
        <Button component={Link} to="/" variant="default" mt="sm">
          {t('status.backHome')}
        </Button>
      </Stack>
    </Center>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <StatusPage
      icon={<IconMapQuestion size={48} stroke={1.4} aria-hidden />}
      title={t('status.notFoundTitle')}
      message={t('status.notFound')}
    />
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <StatusPage
      icon={<IconLock size={48} stroke={1.4} aria-hidden />}
      title={t('status.forbiddenTitle')}
      message={t('status.forbidden')}
    />
  );
}
