import { Checkbox, Select, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { useAllDepartments } from '../departments/use-departments';
import { useAllRoles } from '../roles/use-roles';

interface AccessValues {
  locale: string;
  roleIds: string[];
  departmentIds: string[];
}

/** Language, roles and departments of a user: shared by the create and edit forms. */
export function UserAccessFields<V extends AccessValues>({ form }: { form: UseFormReturnType<V> }) {
  const { t } = useTranslation();
  const roles = useAllRoles();
  const departments = useAllDepartments();
  // The generic form cannot prove these paths exist; AccessValues guarantees it.
  const input = form.getInputProps as unknown as UseFormReturnType<AccessValues>['getInputProps'];

  return (
    <Stack gap="md">
      <Select
        label={t('fields.locale')}
        description={t('users.localeHelp')}
        data={[
          { value: 'fr', label: 'Français' },
          { value: 'en', label: 'English' },
        ]}
        allowDeselect={false}
        maw={320}
        {...input('locale')}
      />
      {roles.isLoading || departments.isLoading ? (
        <Skeleton height={120} />
      ) : (
        <>
          <ErrorAlert error={roles.error ?? departments.error} />
          <Checkbox.Group label={t('users.roles')} description={t('users.rolesHelp')} {...input('roleIds')}>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs" spacing="xs">
              {(roles.data ?? []).map((role) => (
                <Checkbox key={role.id} value={role.id} label={role.name} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Checkbox.Group
            label={t('users.departments')}
            description={t('users.departmentsHelp')}
            {...input('departmentIds')}
          >
            {departments.data?.length ? (
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs" spacing="xs">
                {departments.data.map((department) => (
                  <Checkbox key={department.id} value={department.id} label={department.name} />
                ))}
              </SimpleGrid>
            ) : (
              <Text size="sm" c="dimmed" mt="xs">
                {t('users.noDepartments')}
              </Text>
            )}
          </Checkbox.Group>
        </>
      )}
    </Stack>
  );
}
