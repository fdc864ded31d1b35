import { Avatar, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconChevronDown, IconLanguage, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { logout } from '../features/auth/auth-api';
import { useCurrentUser } from './auth';
import { initials } from './format';
import { chooseLanguage, currentLanguage, type Language } from './i18n';

const languages: { code: Language; label: string }[] = [
  { code: 'fr', label: 'Français' },
  { code: 'en', label: 'English' },
];

/** Avatar menu: account, interface language, sign-out. */
export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const language = currentLanguage();

  const signOut = async () => {
    try {
      await logout();
    } finally {
      // The sign-in page re-reads the session, then everything cached for this user is dropped.
      await navigate({ to: '/login' });
      queryClient.clear();
    }
  };

  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton p={4} style={{ borderRadius: 8 }}>
          {/* The name comes from this text, not aria-label, so it always contains what is visible. */}
          <VisuallyHidden>{t('userMenu.open', { name: user.name })}</VisuallyHidden>
          <Group gap="xs" wrap="nowrap" aria-hidden>
            <Avatar color="theatre" radius="xl" size={34}>
              {initials(user.name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" maw={180} truncate>
              {user.name}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconUserCircle size={16} aria-hidden />}
          onClick={() => void navigate({ to: '/account' })}
        >
          {t('nav.account')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>
          <Group gap={6}>
            <IconLanguage size={14} aria-hidden />
            {t('userMenu.language')}
          </Group>
        </Menu.Label>
        {languages.map((option) => (
          <Menu.Item
            key={option.code}
            lang={option.code}
            aria-current={option.code === language ? 'true' : undefined}
            rightSection={option.code === language ? <IconCheck size={16} aria-hidden /> : null}
            onClick={() => void chooseLanguage(option.code)}
          >
            {option.label}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOut()}>
          {t('userMenu.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
