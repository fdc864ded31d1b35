import { Box, Center, Container, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, currentLanguage, isLanguage } from '../../app/i18n';
import { useDocumentTitle } from '../../components/page-header';

interface PublicLayoutProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}

/** Centred card used by the sign-in, first-run and password-reset pages. */
export function PublicLayout({ title, description, children }: PublicLayoutProps) {
  const { t } = useTranslation();
  useDocumentTitle(title);

  return (
    <Box component="main" mih="100dvh" bg="var(--mantine-color-gray-0)" py={{ base: 'md', sm: 48 }}>
      <Container size={440} px="sm">
        <Stack gap="lg">
          <Group justify="space-between" wrap="nowrap">
            <Group gap={8} wrap="nowrap">
              <img src="/favicon.svg" alt="" width={32} height={32} />
              <Text fw={700} size="xl">
                Parterre
              </Text>
            </Group>
            <SegmentedControl
              size="xs"
              aria-label={t('userMenu.language')}
              value={currentLanguage()}
              onChange={(value) => isLanguage(value) && void chooseLanguage(value)}
              data={[
                { value: 'fr', label: <span lang="fr">FR</span> },
                { value: 'en', label: <span lang="en">EN</span> },
              ]}
            />
          </Group>
          <Paper withBorder shadow="xs" p={{ base: 'md', sm: 'xl' }} radius="md">
            <Stack gap="md">
              <div>
                <Title order={1} fz="h2">
                  {title}
                </Title>
                {description && (
                  <Text c="dimmed" size="sm" mt={4}>
                    {description}
                  </Text>
                )}
              </div>
              {children}
            </Stack>
          </Paper>
          <Center>
            <Text size="xs" c="dimmed">
              {t('public.tagline')}
            </Text>
          </Center>
        </Stack>
      </Container>
    </Box>
  );
}
