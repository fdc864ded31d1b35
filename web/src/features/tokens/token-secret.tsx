import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Shows a freshly created secret once, with a copy button. */
export function TokenSecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Alert
        color="orange"
        icon={<IconAlertTriangle size={20} aria-hidden />}
        title={t('tokens.secretTitle')}
      >
        {t('tokens.secretWarning')}
      </Alert>
      <div>
        <Text size="sm" fw={500} id="token-secret-label" mb={4}>
          {t('tokens.secret')}
        </Text>
        <Code
          block
          aria-labelledby="token-secret-label"
          data-testid="token-secret"
          style={{ wordBreak: 'break-all' }}
        >
          {secret}
        </Code>
      </div>
      <Group justify="space-between">
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'light' : 'filled'}
              color={copied ? 'green' : undefined}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
              onClick={copy}
            >
              {copied ? t('common.copied') : t('tokens.copySecret')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onDone}>
          {t('tokens.secretDone')}
        </Button>
      </Group>
    </Stack>
  );
}
