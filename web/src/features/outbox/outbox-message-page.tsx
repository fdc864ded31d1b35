import { Group, Paper, SimpleGrid, Skeleton, Tabs, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { LinkAnchor } from '../../components/router-link';
import { useOutboxMessage } from './use-outbox';

function Header({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ wordBreak: 'break-word' }}>
        {value}
      </Text>
    </div>
  );
}

/** One stored email: headers, HTML (in a fully sandboxed frame) and plain text. */
const route = getRouteApi('/app/admin/outbox/$messageId');

export function OutboxMessagePage() {
  const { messageId } = route.useParams();
  const { t } = useTranslation();
  const message = useOutboxMessage(messageId);

  const back = (
    <LinkAnchor to="/admin/outbox" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('outbox.backToList')}
      </Group>
    </LinkAnchor>
  );

  if (message.isError) return <ErrorAlert error={message.error} />;
  if (!message.data) return <Skeleton height={400} />;
  const m = message.data;

  return (
    <>
      <PageHeader back={back} title={m.subject || t('outbox.noSubject')} />
      <Paper withBorder p="md" mb="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Header label={t('outbox.from')} value={m.from} />
          <Header label={t('outbox.to')} value={m.to} />
          <Header label={t('outbox.date')} value={formatDateTime(m.createdAt)} />
        </SimpleGrid>
      </Paper>
      {m.error && <ErrorAlert error={m.error} title={t('outbox.deliveryFailed')} />}
      <Tabs mt="md" defaultValue={m.html ? 'html' : 'text'}>
        <Tabs.List>
          {m.html && <Tabs.Tab value="html">{t('outbox.html')}</Tabs.Tab>}
          <Tabs.Tab value="text">{t('outbox.text')}</Tabs.Tab>
        </Tabs.List>
        {m.html && (
          <Tabs.Panel value="html" pt="md">
            {/* sandbox="" : no scripts, no forms, no same-origin access, no navigation. */}
            <iframe
              title={t('outbox.htmlFrame')}
              sandbox=""
              srcDoc={m.html}
              referrerPolicy="no-referrer"
              style={{
                width: '100%',
                minHeight: 480,
                border: '1px solid var(--mantine-color-gray-3)',
                background: 'white',
              }}
            />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="text" pt="md">
          <Paper withBorder p="md">
            <pre className="plain-text">{m.text}</pre>
          </Paper>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
