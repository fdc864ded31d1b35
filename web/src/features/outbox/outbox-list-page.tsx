import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { CursorDataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { LinkAnchor } from '../../components/router-link';
import type { OutboxSummary } from './outbox-api';
import { useOutbox } from './use-outbox';

export function OutboxListPage() {
  const { t } = useTranslation();
  const list = useOutbox();

  return (
    <>
      <PageHeader title={t('outbox.title')} description={t('outbox.description')} />
      <CursorDataTable<OutboxSummary>
        list={list}
        label={t('outbox.title')}
        noRecordsText={t('outbox.empty')}
        columns={[
          {
            accessor: 'subject',
            title: t('outbox.subject'),
            render: (message) => (
              <LinkAnchor to="/admin/outbox/$messageId" params={{ messageId: message.id }} fw={500}>
                {message.subject || t('outbox.noSubject')}
              </LinkAnchor>
            ),
          },
          { accessor: 'to', title: t('outbox.to') },
          {
            accessor: 'createdAt',
            title: t('outbox.date'),
            visibleMediaQuery: '(min-width: 48em)',
            render: (message) => formatDateTime(message.createdAt),
          },
          {
            accessor: 'status',
            title: t('fields.status'),
            visibleMediaQuery: '(min-width: 36em)',
            render: (message) => (
              <Badge variant="light" color="gray">
                {t(`outbox.status.${message.status}`, { defaultValue: message.status })}
              </Badge>
            ),
          },
        ]}
      />
    </>
  );
}
