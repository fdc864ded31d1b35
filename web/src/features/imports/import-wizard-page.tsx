import { Button, Group, Paper, Stack, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  IconArrowLeft,
  IconArrowRight,
  IconPlayerPlay,
  IconRefresh,
  IconTestPipe,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { ForbiddenPage } from '../../app/status-pages';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { LinkAnchor } from '../../components/router-link';
import { FileStep } from './file-step';
import { ImportRunPanel } from './import-run-panel';
import type { ImportDedupe, ImportDetail, ImportPreview } from './imports-api';
import {
  draftFromMapping,
  duplicateTargets,
  type MappingDraft,
  mappingFromDraft,
  sameMapping,
} from './mapping-draft';
import { MappingStep } from './mapping-step';
import { usePresets, usePreviewImport, useStartImport } from './use-imports';

/** The preview reads the head of a CSV only: a large export is not uploaded twice. */
const PREVIEW_HEAD_BYTES = 4 * 1024 * 1024;

function headOf(file: File): File {
  if (/\.xlsx$/i.test(file.name) || file.size <= PREVIEW_HEAD_BYTES) return file;
  return new File([file.slice(0, PREVIEW_HEAD_BYTES)], file.name, { type: file.type });
}

interface RunStepProps {
  intro: string;
  startLabel: string;
  startIcon: typeof IconPlayerPlay;
  importId: string | null;
  starting: boolean;
  error: unknown;
  onStart: () => void;
  onFinished: (run: ImportDetail) => void;
}

function RunStep({
  intro,
  startLabel,
  startIcon: Icon,
  importId,
  starting,
  error,
  onStart,
  onFinished,
}: RunStepProps) {
  return (
    <Stack gap="md">
      <Text size="sm">{intro}</Text>
      {!importId && (
        <Group>
          <Button leftSection={<Icon size={16} aria-hidden />} loading={starting} onClick={onStart}>
            {startLabel}
          </Button>
        </Group>
      )}
      <ErrorAlert error={error} />
      {importId && <ImportRunPanel key={importId} importId={importId} onFinished={onFinished} />}
    </Stack>
  );
}

/** /imports/new: file → mapping → dry run → import, each step on the previous one's result. */
export function ImportWizardPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  const presets = usePresets();
  const preview = usePreviewImport();
  const dryRunStart = useStartImport();
  const importStart = useStartImport();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [draft, setDraft] = useState<MappingDraft | null>(null);
  const [presetName, setPresetName] = useState<string | null>(null);
  const [dedupe, setDedupe] = useState<ImportDedupe>('review');
  const [dryRun, setDryRun] = useState<{ id: string; done: boolean } | null>(null);
  const [importRun, setImportRun] = useState<{ id: string; done: boolean } | null>(null);

  if (!can('intake.import')) return <ForbiddenPage />;

  const items = presets.data?.items ?? [];
  const headers = preview.data?.headers ?? [];
  const suggested = items.find((p) => p.shipped && p.name === preview.data?.suggestedPreset);

  const resetRuns = () => {
    setDryRun(null);
    setImportRun(null);
    dryRunStart.reset();
    importStart.reset();
  };
  const choosePreset = (name: string | null) => {
    setPresetName(name);
    const preset = items.find((p) => p.name === name);
    // A preset just saved from the current draft is not listed yet: the draft already is that preset.
    if (preset || !name) setDraft(draftFromMapping(preset ?? null, headers));
    resetRuns();
  };
  const chooseFile = (chosen: File) => {
    setFile(chosen);
    setDraft(null);
    setPresetName(null);
    resetRuns();
    preview.mutate(headOf(chosen), {
      onSuccess: (result: ImportPreview) => {
        const match = items.find((p) => p.shipped && p.name === result.suggestedPreset);
        setPresetName(match?.name ?? null);
        setDraft(draftFromMapping(match ?? null, result.headers));
      },
    });
  };

  const mapping = draft ? mappingFromDraft(draft) : null;
  const preset = items.find((p) => p.name === presetName);
  const request = () => {
    if (!file || !mapping) throw new Error('no file or mapping');
    // Sent by name when unchanged, so that the history says which preset was used.
    const byName = preset && sameMapping(mapping, preset);
    return byName ? { file, preset: preset.name, dedupe } : { file, mapping, dedupe };
  };
  const mappingReady =
    mapping !== null && Object.keys(mapping.columns).length > 0 && duplicateTargets(draft!).length === 0;

  const canEnter = [true, Boolean(preview.data && draft), mappingReady, Boolean(dryRun?.done)];
  const importing = Boolean(importRun && !importRun.done);
  const goTo = (next: number) => {
    if (importing || !canEnter.slice(0, next + 1).every(Boolean)) return;
    setStep(next);
  };

  return (
    <>
      <PageHeader
        title={t('imports.wizard.title')}
        description={t('imports.wizard.description')}
        back={
          <LinkAnchor to="/imports" size="sm">
            <Group gap={4} component="span">
              <IconArrowLeft size={14} aria-hidden />
              {t('imports.history.back')}
            </Group>
          </LinkAnchor>
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <Stepper
          active={step}
          onStepClick={goTo}
          orientation={isPhone ? 'vertical' : 'horizontal'}
          allowNextStepsSelect={false}
          aria-label={t('imports.wizard.steps')}
        >
          <Stepper.Step label={t('imports.wizard.stepFile')} description={t('imports.wizard.stepFileHelp')}>
            <FileStep
              file={file}
              preview={preview.data ?? null}
              suggestedLabel={suggested?.label}
              reading={preview.isPending}
              error={preview.error}
              onFile={chooseFile}
            />
          </Stepper.Step>
          <Stepper.Step
            label={t('imports.wizard.stepMapping')}
            description={t('imports.wizard.stepMappingHelp')}
          >
            {preview.data && draft && (
              <MappingStep
                preview={preview.data}
                presets={items}
                presetName={presetName}
                onPreset={choosePreset}
                draft={draft}
                onDraft={(next) => {
                  setDraft(next);
                  resetRuns();
                }}
                dedupe={dedupe}
                onDedupe={(next) => {
                  setDedupe(next);
                  resetRuns();
                }}
              />
            )}
          </Stepper.Step>
          <Stepper.Step
            label={t('imports.wizard.stepDryRun')}
            description={t('imports.wizard.stepDryRunHelp')}
          >
            <RunStep
              intro={t('imports.run.dryRunIntro')}
              startLabel={t('imports.run.dryRunStart')}
              startIcon={IconTestPipe}
              importId={dryRun?.id ?? null}
              starting={dryRunStart.isPending}
              error={dryRunStart.error}
              onStart={() =>
                dryRunStart.mutate(
                  { ...request(), dryRun: true },
                  { onSuccess: ({ importId }) => setDryRun({ id: importId, done: false }) },
                )
              }
              onFinished={(run) => setDryRun({ id: run.importId, done: run.status === 'succeeded' })}
            />
          </Stepper.Step>
          <Stepper.Step
            label={t('imports.wizard.stepImport')}
            description={t('imports.wizard.stepImportHelp')}
          >
            <RunStep
              intro={t('imports.run.importIntro')}
              startLabel={t('imports.run.importStart')}
              startIcon={IconPlayerPlay}
              importId={importRun?.id ?? null}
              starting={importStart.isPending}
              error={importStart.error}
              onStart={() =>
                importStart.mutate(
                  { ...request(), dryRun: false },
                  { onSuccess: ({ importId }) => setImportRun({ id: importId, done: false }) },
                )
              }
              onFinished={(run) => setImportRun({ id: run.importId, done: true })}
            />
          </Stepper.Step>
        </Stepper>
        <Group justify="space-between" mt="xl" gap="sm">
          <Button
            variant="default"
            leftSection={<IconArrowLeft size={16} aria-hidden />}
            disabled={step === 0 || importing || Boolean(importRun)}
            onClick={() => goTo(step - 1)}
          >
            {t('imports.wizard.previous')}
          </Button>
          {step < 3 ? (
            <Button
              rightSection={<IconArrowRight size={16} aria-hidden />}
              disabled={!canEnter[step + 1]}
              onClick={() => goTo(step + 1)}
            >
              {t('imports.wizard.next')}
            </Button>
          ) : (
            importRun?.done && (
              <Button
                variant="light"
                leftSection={<IconRefresh size={16} aria-hidden />}
                onClick={() => {
                  setStep(0);
                  setFile(null);
                  setDraft(null);
                  setPresetName(null);
                  preview.reset();
                  resetRuns();
                }}
              >
                {t('imports.wizard.restart')}
              </Button>
            )
          )}
        </Group>
      </Paper>
    </>
  );
}
