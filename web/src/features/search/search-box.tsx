import './search-box.css';
import { Combobox, Group, Kbd, Loader, Text, TextInput, useCombobox, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuilding, IconSearch, IconUser, IconUsersGroup } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { type KeyboardEvent, type Ref, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from './search-api';
import { minSearchLength, useGlobalSearch } from './use-search';

interface SearchBoxProps {
  inputRef?: Ref<HTMLInputElement>;
  /** Phones: the results stay inside the full-screen dialog instead of a floating dropdown. */
  inline?: boolean;
  /** Show the "Ctrl K" hint. */
  withShortcutHint?: boolean;
  /** Focus the box when its dialog opens. */
  autoFocus?: boolean;
  /** Called after a record (or the people list) was opened. */
  onOpened?: () => void;
}

const allResults = 'all';
const shortcutLabel =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘ K' : 'Ctrl K';

function ResultOption({ result }: { result: SearchResult }) {
  const { t } = useTranslation();
  const Icon = result.kind === 'person' ? IconUser : IconBuilding;
  return (
    <Combobox.Option value={`${result.kind}:${result.id}`}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Icon size={18} stroke={1.6} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <div style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={500} truncate>
            {result.label}
          </Text>
          {result.sublabel && (
            // Inherited colours stay readable on the highlighted (filled) option too.
            <Text size="xs" c="inherit" opacity={0.85} truncate>
              {result.sublabel}
            </Text>
          )}
        </div>
        <Text span size="xs" c="inherit" className="search-match">
          {t(`search.matchedOn.${result.matchedOn}`)}
        </Text>
      </Group>
    </Combobox.Option>
  );
}

/**
 * The global search: a combobox over GET /search. ↑/↓ move through the results, Entrée opens the
 * chosen one (or the first), Échap closes the list, then clears the text.
 */
export function SearchBox(props: SearchBoxProps) {
  const { inputRef, inline = false, withShortcutHint = false, autoFocus = false, onOpened } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const statusId = useId();
  const listId = useId();
  // The highlighted option, for aria-activedescendant (Mantine keeps it only until the list changes).
  const [activeId, setActiveId] = useState<string | null>(null);
  const combobox = useCombobox({
    onDropdownClose: () => {
      combobox.resetSelectedOption();
      setActiveId(null);
    },
  });
  const [value, setValue] = useState('');
  const [debounced] = useDebouncedValue(value.trim(), 200);
  const search = useGlobalSearch(debounced);
  const active = debounced.length >= minSearchLength;
  const results = active ? (search.data ?? []) : [];
  const people = results.filter((r) => r.kind === 'person');
  const organisations = results.filter((r) => r.kind === 'organisation');
  const waiting = value.trim() !== debounced || (active && search.isFetching && !search.data);

  // A new list of results: nothing is highlighted until the user moves.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the data identify the list
  useEffect(() => {
    combobox.resetSelectedOption();
    setActiveId(null);
  }, [search.data, active]);

  const open = (choice: string) => {
    const [kind, id] = choice.split(':');
    if (choice === allResults) void navigate({ to: '/contacts', search: { q: value.trim() } });
    else if (kind === 'person') void navigate({ to: '/contacts/$personId', params: { personId: id } });
    else void navigate({ to: '/organisations/$organisationId', params: { organisationId: id } });
    setValue('');
    combobox.closeDropdown();
    onOpened?.();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // A second Échap, the list being closed, clears the box and leaves it.
    if (event.key === 'Escape' && !combobox.dropdownOpened) {
      setValue('');
      event.currentTarget.blur();
    }
    // Entrée without a highlighted result opens the best one.
    if (event.key === 'Enter' && combobox.getSelectedOptionIndex() === -1 && results.length > 0) {
      event.preventDefault();
      open(`${results[0].kind}:${results[0].id}`);
    }
  };

  // Mantine moves the highlight on keydown; read where it landed.
  const onKeyUp = (event: KeyboardEvent<HTMLInputElement>) => {
    if (['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp'].includes(event.key)) {
      setActiveId(document.getElementById(listId)?.querySelector('[data-combobox-selected]')?.id ?? null);
    }
  };

  const status = !active
    ? ''
    : waiting
      ? t('search.searching')
      : results.length === 0
        ? t('search.noResults', { q: debounced })
        : t('search.resultCount', { count: results.length });

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={open}
      withinPortal={!inline}
      position="bottom-start"
      shadow="md"
      middlewares={{ flip: false, shift: false }}
    >
      <Combobox.Target withAriaAttributes={false}>
        <TextInput
          ref={inputRef}
          {...(autoFocus ? { 'data-autofocus': true } : {})}
          // Not type="search": browsers clear those on Échap, which must only close the list.
          type="text"
          enterKeyHint="search"
          role="combobox"
          aria-autocomplete="list"
          aria-haspopup="listbox"
          aria-expanded={combobox.dropdownOpened}
          aria-controls={combobox.dropdownOpened ? listId : undefined}
          aria-activedescendant={combobox.dropdownOpened && activeId ? activeId : undefined}
          aria-label={t('search.label')}
          aria-describedby={statusId}
          placeholder={t('search.placeholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={
            search.isFetching && active ? (
              <Loader size={14} aria-hidden />
            ) : withShortcutHint && value === '' ? (
              <Kbd size="xs" aria-hidden>
                {shortcutLabel}
              </Kbd>
            ) : null
          }
          rightSectionWidth={withShortcutHint ? 64 : undefined}
          rightSectionPointerEvents="none"
          autoComplete="off"
          value={value}
          onChange={(event) => {
            setValue(event.currentTarget.value);
            if (event.currentTarget.value.trim().length >= minSearchLength) combobox.openDropdown();
            else combobox.closeDropdown();
          }}
          onFocus={() => value.trim().length >= minSearchLength && combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={onKeyDown}
          onKeyUp={onKeyUp}
        />
      </Combobox.Target>
      <VisuallyHidden id={statusId} role="status">
        {status}
      </VisuallyHidden>
      <Combobox.Dropdown>
        <Combobox.Options
          id={listId}
          aria-label={t('search.results')}
          mah={inline ? undefined : 'min(70vh, 520px)'}
          style={{ overflowY: 'auto' }}
        >
          {results.length === 0 && <Combobox.Empty>{status || t('search.typeMore')}</Combobox.Empty>}
          {people.length > 0 && (
            <Combobox.Group label={t('search.people')}>
              {people.map((result) => (
                <ResultOption key={result.id} result={result} />
              ))}
            </Combobox.Group>
          )}
          {organisations.length > 0 && (
            <Combobox.Group label={t('search.organisations')}>
              {organisations.map((result) => (
                <ResultOption key={result.id} result={result} />
              ))}
            </Combobox.Group>
          )}
          {results.length > 0 && (
            <Combobox.Option value={allResults}>
              <Group gap="sm" wrap="nowrap">
                <IconUsersGroup size={18} stroke={1.6} aria-hidden />
                <Text size="sm">{t('search.allPeople', { q: debounced })}</Text>
              </Group>
            </Combobox.Option>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
