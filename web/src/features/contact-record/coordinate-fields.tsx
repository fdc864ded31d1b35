import {
  ActionIcon,
  Box,
  Button,
  Group,
  Radio,
  Select,
  Stack,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type CoordinateValues, emptyAddress, emptyEmail, emptyPhone } from './person-form-values';

type List = keyof CoordinateValues;
// biome-ignore lint/suspicious/noExplicitAny: shared by the person and organisation forms
type Form = UseFormReturnType<any>;

const emailTypes = ['home', 'work', 'other'];
const phoneTypes = ['mobile', 'home', 'work', 'fax', 'other'];
const addressTypes = ['home', 'work', 'billing', 'other'];

interface RowProps {
  form: Form;
  list: List;
  index: number;
  legend: string;
  children: ReactNode;
}

/** One e-mail, phone or address: its inputs, the "primary" radio shared by the list, and removal. */
function Row({ form, list, index, legend, children }: RowProps) {
  const { t } = useTranslation();
  const items = form.values[list] as { primary: boolean }[];
  const makePrimary = () =>
    form.setFieldValue(
      list,
      items.map((item, i) => ({ ...item, primary: i === index })),
    );
  return (
    <Box component="fieldset" m={0} p={0} style={{ border: 0, minWidth: 0 }}>
      <VisuallyHidden component="legend">{legend}</VisuallyHidden>
      <Group align="flex-end" gap="xs" wrap="wrap">
        {children}
        <Radio
          name={`${list}-primary`}
          label={t('contactRecord.primary')}
          checked={items[index]?.primary ?? false}
          onChange={makePrimary}
          mb={8}
        />
        <ActionIcon
          variant="subtle"
          color="red"
          mb={4}
          aria-label={t('contactRecord.remove', { item: legend })}
          onClick={() => form.removeListItem(list, index)}
        >
          <IconX size={16} aria-hidden />
        </ActionIcon>
      </Group>
    </Box>
  );
}

function typeSelect(form: Form, path: string, types: string[], prefix: string, t: (key: string) => string) {
  return (
    <Select
      label={t('contactRecord.type')}
      w={160}
      allowDeselect={false}
      data={types.map((type) => ({ value: type, label: t(`contactRecord.${prefix}.${type}`) }))}
      {...form.getInputProps(path)}
    />
  );
}

/** Repeatable e-mails, phones and postal addresses of a person or an organisation. */
export function CoordinateFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const values = form.values as CoordinateValues;
  const add = (list: List, item: object) => form.insertListItem(list, item);

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={3} fz="h5">
          {t('contactRecord.emails')}
        </Title>
        {values.emails.map((_, index) => (
          <Row
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are fully controlled by the form; position is their identity
            key={`email-${index}`}
            form={form}
            list="emails"
            index={index}
            legend={t('contactRecord.emailN', { n: index + 1 })}
          >
            <TextInput
              label={t('contactRecord.emailAddress')}
              type="email"
              style={{ flex: '1 1 16rem' }}
              {...form.getInputProps(`emails.${index}.address`)}
            />
            {typeSelect(form, `emails.${index}.type`, emailTypes, 'emailTypes', t)}
          </Row>
        ))}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => add('emails', emptyEmail(values.emails.length === 0))}
          >
            {t('contactRecord.addEmail')}
          </Button>
        </Group>
      </Stack>
      <Stack gap="xs">
        <Title order={3} fz="h5">
          {t('contactRecord.phones')}
        </Title>
        {values.phones.map((_, index) => (
          <Row
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are fully controlled by the form; position is their identity
            key={`phone-${index}`}
            form={form}
            list="phones"
            index={index}
            legend={t('contactRecord.phoneN', { n: index + 1 })}
          >
            <TextInput
              label={t('contactRecord.phoneNumber')}
              type="tel"
              style={{ flex: '1 1 12rem' }}
              {...form.getInputProps(`phones.${index}.number`)}
            />
            {typeSelect(form, `phones.${index}.type`, phoneTypes, 'phoneTypes', t)}
          </Row>
        ))}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => add('phones', emptyPhone(values.phones.length === 0))}
          >
            {t('contactRecord.addPhone')}
          </Button>
        </Group>
      </Stack>
      <Stack gap="xs">
        <Title order={3} fz="h5">
          {t('contactRecord.addresses')}
        </Title>
        {values.addresses.map((_, index) => (
          <Row
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are fully controlled by the form; position is their identity
            key={`address-${index}`}
            form={form}
            list="addresses"
            index={index}
            legend={t('contactRecord.addressN', { n: index + 1 })}
          >
            <Stack gap="xs" style={{ flex: '1 1 100%' }}>
              <Group gap="xs" align="flex-end" grow>
                <TextInput
                  label={t('contactRecord.line1')}
                  {...form.getInputProps(`addresses.${index}.line1`)}
                />
                <TextInput
                  label={t('contactRecord.line2')}
                  {...form.getInputProps(`addresses.${index}.line2`)}
                />
              </Group>
              <Group gap="xs" align="flex-start" wrap="wrap">
                <TextInput
                  label={t('contactRecord.postalCode')}
                  w={110}
                  {...form.getInputProps(`addresses.${index}.postalCode`)}
                />
                <TextInput
                  label={t('contactRecord.city')}
                  style={{ flex: '1 1 10rem' }}
                  {...form.getInputProps(`addresses.${index}.city`)}
                />
                <TextInput
                  label={t('contactRecord.country')}
                  w={80}
                  maxLength={2}
                  {...form.getInputProps(`addresses.${index}.country`)}
                />
                {typeSelect(form, `addresses.${index}.type`, addressTypes, 'addressTypes', t)}
              </Group>
            </Stack>
          </Row>
        ))}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => add('addresses', emptyAddress(values.addresses.length === 0))}
          >
            {t('contactRecord.addAddress')}
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}
