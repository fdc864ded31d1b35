import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { Address, Email, Phone } from '@parterre/contract/contacts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const validityColours = { valid: 'green', invalid: 'red', bounced: 'orange', unknown: 'gray' } as const;

export function ValidityBadge({ validity }: { validity: Email['validity'] }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={validityColours[validity]} tt="none">
      {t(`contactRecord.validity.${validity}`)}
    </Badge>
  );
}

function Row({
  children,
  type,
  primary,
  validity,
}: {
  children: ReactNode;
  type: string;
  primary: boolean;
  validity: Email['validity'];
}) {
  const { t } = useTranslation();
  return (
    <Group gap={6} component="li" wrap="wrap">
      {children}
      <Text span size="xs" c="dimmed">
        {type}
      </Text>
      {primary && (
        <Badge size="sm" variant="filled" tt="none">
          {t('contactRecord.primary')}
        </Badge>
      )}
      <ValidityBadge validity={validity} />
    </Group>
  );
}

/** "1 rue de la Paix, 75002 Paris" and, for France, "Paris (75) — Île-de-France". */
function AddressLines({ address }: { address: Address }) {
  const { t } = useTranslation();
  const street = [address.line1, address.line2].filter(Boolean).join(', ');
  const town = [address.postalCode, address.city].filter(Boolean).join(' ');
  const country = address.country !== 'FR' ? address.country : null;
  return (
    <Stack gap={0}>
      {street && <Text size="sm">{street}</Text>}
      <Text size="sm">{[town, country].filter(Boolean).join(' · ')}</Text>
      {address.departementCode && (
        <Text size="xs" c="dimmed">
          {t('contactRecord.departement', {
            code: address.departementCode,
            name: address.departementName ?? '',
            region: address.regionName ?? '',
          })}
        </Text>
      )}
    </Stack>
  );
}

interface CoordinatesDisplayProps {
  emails: Email[];
  phones: Phone[];
  addresses: Address[];
}

/** E-mails, phones and postal addresses, each with its type, primary flag and validity. */
export function CoordinatesDisplay({ emails, phones, addresses }: CoordinatesDisplayProps) {
  const { t } = useTranslation();
  const list = { m: 0, p: 0, style: { listStyle: 'none' } } as const;
  if (!emails.length && !phones.length && !addresses.length) {
    return (
      <Text size="sm" c="dimmed">
        {t('contactRecord.noCoordinates')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {emails.length > 0 && (
        <Stack gap={4} component="ul" {...list} aria-label={t('contactRecord.emails')}>
          {emails.map((email) => (
            <Row
              key={email.id}
              type={t(`contactRecord.emailTypes.${email.type}`)}
              primary={email.primary}
              validity={email.validity}
            >
              <Anchor href={`mailto:${email.address}`} size="sm">
                {email.address}
              </Anchor>
            </Row>
          ))}
        </Stack>
      )}
      {phones.length > 0 && (
        <Stack gap={4} component="ul" {...list} aria-label={t('contactRecord.phones')}>
          {phones.map((phone) => (
            <Row
              key={phone.id}
              type={t(`contactRecord.phoneTypes.${phone.type}`)}
              primary={phone.primary}
              validity={phone.validity}
            >
              <Anchor href={`tel:${phone.e164}`} size="sm">
                {phone.national || phone.e164}
              </Anchor>
            </Row>
          ))}
        </Stack>
      )}
      {addresses.length > 0 && (
        <Stack gap="xs" component="ul" {...list} aria-label={t('contactRecord.addresses')}>
          {addresses.map((address) => (
            <Row
              key={address.id}
              type={t(`contactRecord.addressTypes.${address.type}`)}
              primary={address.primary}
              validity={address.validity}
            >
              <AddressLines address={address} />
            </Row>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
