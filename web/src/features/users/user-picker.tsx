import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useUsers } from './use-users';

interface UserPickerProps {
  label: string;
  description?: string;
  value: string | null;
  onChange: (userId: string | null) => void;
  placeholder?: string;
  clearable?: boolean;
}

/** Searchable user select backed by GET /users?q=. */
export function UserPicker({ label, description, value, onChange, placeholder, clearable }: UserPickerProps) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const users = useUsers(q);
  const options = (users.data?.pages[0]?.data ?? []).map((u) => ({
    value: u.id,
    label: `${u.name} <${u.email}>`,
  }));

  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder}
      searchable
      clearable={clearable}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={options}
      value={value}
      onChange={onChange}
      nothingFoundMessage="—"
    />
  );
}
