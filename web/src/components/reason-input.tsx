import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Optional justification of a change, stored with it in the audit log. */
export function ReasonInput(props: TextInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('common.reason')}
      description={t('common.reasonHelp')}
      maxLength={500}
      maw={640}
      {...props}
    />
  );
}
