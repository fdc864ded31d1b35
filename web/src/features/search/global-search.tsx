import { ActionIcon, Box, Group, Modal } from '@mantine/core';
import { useDisclosure, useHotkeys, useMediaQuery } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { SearchBox } from './search-box';

/** Ctrl+K from anywhere, "/" when not typing in a field. */
function useSearchHotkeys(action: () => void) {
  useHotkeys([['/', action]]);
  useHotkeys([['mod+K', action]], []);
}

function DesktopSearch() {
  const inputRef = useRef<HTMLInputElement>(null);
  useSearchHotkeys(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  });
  return (
    <Box style={{ flex: 1, minWidth: 0 }} maw={760} component="search">
      <SearchBox inputRef={inputRef} withShortcutHint />
    </Box>
  );
}

/** On phones the box is an icon that opens a full-screen search. */
function PhoneSearch() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  useSearchHotkeys(open);
  return (
    <Group style={{ flex: 1 }} justify="flex-end" gap={0}>
      <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('search.open')} onClick={open}>
        <IconSearch size={20} aria-hidden />
      </ActionIcon>
      <Modal
        opened={opened}
        onClose={close}
        fullScreen
        title={t('search.title')}
        transitionProps={{ duration: 0 }}
      >
        <search>
          <SearchBox inline autoFocus onOpened={close} />
        </search>
      </Modal>
    </Group>
  );
}

/** The header's search over people and organisations, for those who may read contacts. */
export function GlobalSearch() {
  const { can } = useAuth();
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  if (!can('contacts.read')) return <Box style={{ flex: 1 }} />;
  return isPhone ? <PhoneSearch /> : <DesktopSearch />;
}
