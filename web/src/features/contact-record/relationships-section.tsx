import { ActionIcon, Badge, Button, Group, Menu, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { formatDate } from '../../app/format';
import { ConfirmDeleteModal } from '../../components/confirm-delete-modal';
import { ErrorAlert } from '../../components/error-alert';
import { LinkAnchor } from '../../components/router-link';
import type { RecordRef, RelationshipView } from './contact-record-api';
import { RecordSection } from './record-section';
import { viewOption } from './relationship-kinds';
import { RelationshipModal } from './relationship-modal';
import { useRelationshipMutations, useRelationships } from './use-contact-record';

const today = () => new Date().toISOString().slice(0, 10);

/** "Chargée de mécénat · depuis le 1 janv. 2024". */
function useLinkDetails() {
  const { t } = useTranslation();
  return (link: RelationshipView) => {
    let dates: string | null = null;
    if (link.startDate && link.endDate)
      dates = t('contactRecord.fromTo', { from: formatDate(link.startDate), to: formatDate(link.endDate) });
    else if (link.endDate) dates = t('contactRecord.until', { date: formatDate(link.endDate) });
    else if (link.startDate) dates = t('contactRecord.since', { date: formatDate(link.startDate) });
    return [link.role, dates].filter(Boolean).join(' · ');
  };
}

function CounterpartLink({ link }: { link: RelationshipView }) {
  const { counterpart } = link;
  return counterpart.type === 'person' ? (
    <LinkAnchor to="/contacts/$personId" params={{ personId: counterpart.id }} fw={600} size="sm">
      {counterpart.name}
    </LinkAnchor>
  ) : (
    <LinkAnchor
      to="/organisations/$organisationId"
      params={{ organisationId: counterpart.id }}
      fw={600}
      size="sm"
    >
      {counterpart.name}
    </LinkAnchor>
  );
}

/** Links of a person or an organisation, from both sides, with add / edit / end / delete. */
export function RelationshipsSection({ subject, title }: { subject: RecordRef; title: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const writable = can('contacts.write');
  const links = useRelationships(subject);
  const details = useLinkDetails();
  const { update, remove } = useRelationshipMutations();
  const [modal, setModal] = useState<RelationshipView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<RelationshipView | null>(null);
  const sorted = [...(links.data ?? [])].sort((a, b) => Number(b.current) - Number(a.current));

  const end = (link: RelationshipView) =>
    update.mutate([link.id, link.version, { endDate: today() }], {
      onSuccess: () => notifications.show({ color: 'green', message: t('contactRecord.linkEnded') }),
    });

  return (
    <RecordSection
      title={title}
      actions={
        writable && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setModal('new')}
          >
            {t('contactRecord.addLink')}
          </Button>
        )
      }
    >
      <ErrorAlert error={links.error ?? update.error} />
      {links.data && sorted.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('contactRecord.noLinks')}
        </Text>
      )}
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {sorted.map((link) => (
          <Group
            key={link.id}
            component="li"
            justify="space-between"
            wrap="nowrap"
            align="flex-start"
            gap="xs"
          >
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Group gap={6}>
                <CounterpartLink link={link} />
                <Badge size="sm" variant="light" tt="none" color={link.current ? undefined : 'gray'}>
                  {t(`contactRecord.linkBadges.${viewOption(link)}`)}
                </Badge>
                {!link.current && (
                  <Badge size="sm" variant="outline" color="gray" tt="none">
                    {t('contactRecord.ended')}
                  </Badge>
                )}
              </Group>
              {details(link) && (
                <Text size="xs" c="dimmed">
                  {details(link)}
                </Text>
              )}
            </Stack>
            {writable && (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('contactRecord.linkActions', { name: link.counterpart.name })}
                  >
                    <IconDots size={16} aria-hidden />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item onClick={() => setModal(link)}>{t('contactRecord.editLinkShort')}</Menu.Item>
                  {link.current && (
                    <Menu.Item onClick={() => end(link)}>{t('contactRecord.endLink')}</Menu.Item>
                  )}
                  <Menu.Item color="red" onClick={() => setDeleting(link)}>
                    {t('common.delete')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        ))}
      </Stack>
      {modal && (
        <RelationshipModal
          subject={subject}
          editing={modal === 'new' ? null : modal}
          onClose={() => setModal(null)}
        />
      )}
      <ConfirmDeleteModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('contactRecord.deleteLinkTitle')}
        message={t('contactRecord.deleteLinkMessage', { label: deleting?.label ?? '' })}
        onConfirm={() => (deleting ? remove.mutateAsync(deleting.id) : Promise.resolve())}
      />
    </RecordSection>
  );
}
