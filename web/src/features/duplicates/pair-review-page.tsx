import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  Radio,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconArrowsJoin, IconUsersMinus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { ForbiddenPage } from '../../app/status-pages';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { LinkAnchor } from '../../components/router-link';
import { personTitle } from '../contact-record/person-name';
import { useFieldFormat } from '../contact-record/use-field-format';
import { useCustomFields } from '../custom-fields/use-custom-fields';
import { type DuplicatePairDetail, IDENTITY_PERMISSIONS, unmergeContact } from './duplicates-api';
import { FieldChoices } from './field-choices';
import { MatchReasons, ScoreBadge } from './match-reasons';
import {
  defaultChoices,
  defaultSurvivor,
  differingFields,
  mergeFields,
  otherSide,
  type Side,
} from './merge-choices';
import { PairRecordColumn } from './pair-record-column';
import { showUndoMergeNotification } from './undo-merge-notification';
import {
  invalidateAfterDecision,
  useDismissDuplicate,
  useDuplicatePair,
  useMergeContacts,
} from './use-duplicates';

const route = getRouteApi('/app/contacts/duplicates/$pairId');

function SurvivorChoice({
  value,
  onChange,
  names,
  recordLabels,
}: {
  value: Side;
  onChange: (side: Side) => void;
  names: Record<Side, string>;
  recordLabels: Record<Side, string>;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('duplicates.reviewPage.survivor')}
      description={t('duplicates.reviewPage.survivorHelp')}
      value={value}
      onChange={(side) => onChange(side as Side)}
    >
      <Group gap="lg" mt="xs">
        {(['a', 'b'] as const).map((side) => (
          <Radio
            key={side}
            value={side}
            label={t('duplicates.reviewPage.survivorOption', {
              record: recordLabels[side],
              name: names[side],
            })}
          />
        ))}
      </Group>
    </Radio.Group>
  );
}

function PairReview({ pair }: { pair: DuplicatePairDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const customFields = useCustomFields('person').data ?? [];
  const { labelOf, format } = useFieldFormat(customFields);
  const differences = useMemo(() => differingFields(pair.a, pair.b), [pair]);
  const differing = useMemo(() => new Set(differences.map((d) => d.path)), [differences]);
  const [survivor, setSurvivor] = useState<Side>(() => defaultSurvivor(pair.a, pair.b));
  const [choices, setChoices] = useState(() => defaultChoices(differences, pair.a, pair.b));
  const [confirming, setConfirming] = useState(false);
  const merge = useMergeContacts();
  const queryClient = useQueryClient();
  const dismiss = useDismissDuplicate();
  const reasonsId = useId();

  const records = { a: pair.a, b: pair.b };
  const recordLabels = { a: t('duplicates.reviewPage.record1'), b: t('duplicates.reviewPage.record2') };
  const names = {
    a: personTitle(pair.a) || t('contactRecord.unnamed'),
    b: personTitle(pair.b) || t('contactRecord.unnamed'),
  };
  const absorbed = otherSide(survivor);

  const doMerge = () =>
    merge.mutate(
      {
        survivorId: records[survivor].id,
        mergedId: records[absorbed].id,
        fields: mergeFields(choices, survivor),
      },
      {
        onSuccess: (result) => {
          setConfirming(false);
          showUndoMergeNotification(
            t('duplicates.reviewPage.mergedInto', { name: names[absorbed] }),
            async () => {
              await unmergeContact(result.mergedId);
              await invalidateAfterDecision(queryClient);
            },
          );
          void navigate({ to: '/contacts/$personId', params: { personId: result.survivor.id } });
        },
      },
    );

  const doDismiss = () =>
    dismiss.mutate(pair.id, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('duplicates.reviewPage.dismissed') });
        void navigate({ to: '/contacts/duplicates' });
      },
    });

  const pending = pair.status === 'pending';
  return (
    <Stack gap="md">
      {!pending && (
        <Alert color="blue" role="status">
          {t('duplicates.reviewPage.settled')}
        </Alert>
      )}
      <Paper component="section" withBorder p="md" aria-labelledby={reasonsId}>
        <Group justify="space-between" gap="sm" mb="sm">
          <Title order={2} fz="h4" id={reasonsId}>
            {t('duplicates.reasonsLabel')}
          </Title>
          <ScoreBadge score={pair.score} />
        </Group>
        <MatchReasons reasons={pair.reasons} />
      </Paper>
      {pending && (
        <SurvivorChoice value={survivor} onChange={setSurvivor} names={names} recordLabels={recordLabels} />
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {(['a', 'b'] as const).map((side) => (
          <PairRecordColumn
            key={side}
            person={records[side]}
            heading={recordLabels[side]}
            survivor={pending && side === survivor}
            customFields={customFields}
            differing={differing}
          />
        ))}
      </SimpleGrid>
      {pending && (
        <>
          <FieldChoices
            differences={differences}
            choices={choices}
            onChoose={(path, side) => setChoices((current) => ({ ...current, [path]: side }))}
            labelOf={labelOf}
            format={format}
            recordLabels={recordLabels}
          />
          <ErrorAlert error={dismiss.error} />
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              leftSection={<IconUsersMinus size={16} aria-hidden />}
              loading={dismiss.isPending}
              onClick={doDismiss}
            >
              {t('duplicates.reviewPage.dismiss')}
            </Button>
            <Button
              leftSection={<IconArrowsJoin size={16} aria-hidden />}
              onClick={() => setConfirming(true)}
            >
              {t('duplicates.reviewPage.merge')}
            </Button>
          </Group>
        </>
      )}
      <Modal
        opened={confirming}
        onClose={() => {
          merge.reset();
          setConfirming(false);
        }}
        title={t('duplicates.reviewPage.mergeTitle')}
        centered
      >
        <Stack>
          <Text>
            {t('duplicates.reviewPage.mergeMessage', {
              absorbed: names[absorbed],
              survivor: names[survivor],
            })}
          </Text>
          <ErrorAlert error={merge.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button loading={merge.isPending} onClick={doMerge}>
              {t('duplicates.reviewPage.mergeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function PairReviewScreen() {
  const { pairId } = route.useParams();
  const { t } = useTranslation();
  const pair = useDuplicatePair(pairId);
  const back = (
    <LinkAnchor to="/contacts/duplicates" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('duplicates.reviewPage.back')}
      </Group>
    </LinkAnchor>
  );
  return (
    <>
      <PageHeader back={back} title={t('duplicates.reviewPage.title')} />
      {pair.isError && <ErrorAlert error={pair.error} onRetry={() => void pair.refetch()} />}
      {!pair.data && !pair.isError && <Skeleton height={480} />}
      {pair.data && <PairReview key={pair.data.id} pair={pair.data} />}
    </>
  );
}

/** /contacts/duplicates/$pairId: both records side by side, the surviving values, merge or dismiss. */
export function PairReviewPage() {
  const { can } = useAuth();
  return can(IDENTITY_PERMISSIONS.merge) ? <PairReviewScreen /> : <ForbiddenPage />;
}
