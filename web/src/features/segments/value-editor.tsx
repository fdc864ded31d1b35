import { Group, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { CriteriaField, CriteriaFields, CriteriaPeriod } from '@parterre/contract/segments';
import { useTranslation } from 'react-i18next';
import type { ValueEditorProps } from 'react-querybuilder';
import { currentLanguage } from '../../app/i18n';
import { DateField } from '../../components/date-field';
import { ChoicesInput } from './choices-input';
import { ConsentValue } from './consent-value';
import { needsValue, type ValueKind } from './criteria-query';
import { TicketFilters } from './ticket-filters';

/** What the builder attaches to each react-querybuilder field. */
export interface BuilderFieldData {
  criterion: CriteriaField;
  kind: ValueKind;
  /** Property names of the value's JSON Schema (`address`, `period`…). */
  properties: string[];
}

/** Passed to every control through the builder's `context`. */
export interface BuilderContext {
  /** Builder ids of rules not counted yet (value missing). */
  incomplete: Set<string>;
  /** The rule the server refused, with its message. */
  error: { ruleId: string; message: string } | null;
  /** The whole registry, for editors that borrow another criterion's choices. */
  registry: CriteriaFields;
}

type Value = Record<string, unknown>;

const w = { flex: '1 1 10rem', minWidth: '8rem' } as const;

type PeriodMode = 'any' | 'last' | 'between';

function PeriodInput(props: {
  label: string;
  value: CriteriaPeriod | undefined;
  required?: boolean;
  onChange: (period: CriteriaPeriod | undefined) => void;
}) {
  const { t } = useTranslation();
  const { value, onChange } = props;
  const mode: PeriodMode = !value ? 'any' : 'last' in value ? 'last' : 'between';
  const modes = (['any', 'last', 'between'] as const)
    .filter((m) => m !== 'any' || !props.required)
    .map((m) => ({ value: m, label: t(`segments.period.${m}`) }));
  const setMode = (next: string | null) => {
    if (next === 'any') onChange(undefined);
    else if (next === 'last') onChange({ last: { amount: 12, unit: 'month' } });
    else if (next === 'between') onChange({ from: new Date().toISOString().slice(0, 10) });
  };
  return (
    <Group gap="xs" wrap="wrap" style={{ flex: '1 1 100%' }}>
      <Select
        aria-label={props.label}
        data={modes}
        value={mode}
        onChange={setMode}
        allowDeselect={false}
        w={180}
      />
      {value && 'last' in value && (
        <>
          <NumberInput
            aria-label={t('segments.period.amount')}
            value={value.last.amount}
            min={1}
            max={1200}
            allowDecimal={false}
            w={90}
            onChange={(n) =>
              onChange({ last: { ...value.last, amount: typeof n === 'number' ? n : Number(n) || 1 } })
            }
          />
          <Select
            aria-label={t('segments.period.unit')}
            data={(['day', 'month', 'year'] as const).map((u) => ({
              value: u,
              label: t(`segments.period.units.${u}`),
            }))}
            value={value.last.unit}
            allowDeselect={false}
            w={110}
            onChange={(unit) =>
              onChange({ last: { ...value.last, unit: (unit ?? 'month') as 'day' | 'month' | 'year' } })
            }
          />
        </>
      )}
      {value && !('last' in value) && (
        <>
          <DateField
            aria-label={t('segments.period.from')}
            value={value.from ?? null}
            w={150}
            onChange={(from) => onChange({ ...value, from: from ?? undefined })}
          />
          <DateField
            aria-label={t('segments.period.to')}
            value={value.to ?? null}
            w={150}
            onChange={(to) => onChange({ ...value, to: to ?? undefined })}
          />
        </>
      )}
    </Group>
  );
}

function NumberField(props: {
  label: string;
  value: unknown;
  onChange: (n: number | undefined) => void;
  suffix?: string;
  decimal?: boolean;
}) {
  return (
    <NumberInput
      aria-label={props.label}
      value={typeof props.value === 'number' ? props.value : ''}
      min={props.decimal ? undefined : 0}
      allowDecimal={props.decimal ?? false}
      decimalSeparator=","
      suffix={props.suffix}
      w={140}
      onChange={(n) => props.onChange(typeof n === 'number' ? n : n === '' ? undefined : Number(n))}
    />
  );
}

/** Omits `undefined` entries so that the value matches the contract's strict schemas. */
function clean(value: Value): Value {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

function Editor({
  data,
  value,
  onChange,
  registry,
}: {
  data: BuilderFieldData;
  value: Value;
  onChange: (v: Value) => void;
  registry?: CriteriaFields;
}) {
  const { t } = useTranslation();
  const { criterion, kind } = data;
  const name = criterion.label[currentLanguage()];
  const label = t('segments.builder.valueOf', { name });
  const set = (patch: Value) => onChange(clean({ ...value, ...patch }));
  const period = (required = false) => (
    <PeriodInput
      label={t('segments.builder.periodOf', { name })}
      value={value.period as CriteriaPeriod | undefined}
      required={required}
      onChange={(p) => set({ period: p })}
    />
  );

  switch (kind) {
    case 'codes':
      return (
        <>
          <ChoicesInput
            criterion={criterion}
            label={label}
            value={(value.codes as string[]) ?? []}
            onChange={(codes) => set({ codes })}
          />
          {data.properties.includes('address') && (
            <Select
              aria-label={t('segments.builder.addressOf', { name })}
              data={(['primary', 'any'] as const).map((a) => ({
                value: a,
                label: t(`segments.builder.address.${a}`),
              }))}
              value={(value.address as string) ?? 'primary'}
              allowDeselect={false}
              w={190}
              onChange={(address) => set({ address: address === 'any' ? 'any' : undefined })}
            />
          )}
        </>
      );
    case 'ids':
    case 'purchaseIds':
      return (
        <>
          <ChoicesInput
            criterion={criterion}
            label={label}
            value={(value.ids as string[]) ?? []}
            onChange={(ids) => set({ ids })}
          />
          {kind === 'purchaseIds' && period()}
        </>
      );
    case 'purchaseValues':
      return (
        <>
          <ChoicesInput
            criterion={criterion}
            label={label}
            value={(value.values as string[]) ?? []}
            onChange={(values) => set({ values })}
          />
          {period()}
        </>
      );
    case 'tags':
      return (
        <ChoicesInput
          criterion={criterion}
          label={label}
          value={(value.tags as string[]) ?? []}
          onChange={(tags) => set({ tags })}
        />
      );
    case 'ticketCount':
    case 'count':
      return (
        <>
          <NumberField label={label} value={value.count} onChange={(count) => set({ count })} />
          {period()}
          {kind === 'ticketCount' && registry && (
            <TicketFilters registry={registry} name={name} value={value} onChange={set} />
          )}
        </>
      );
    case 'amount':
      return (
        <>
          <NumberField
            label={label}
            value={value.amount}
            suffix=" €"
            decimal
            onChange={(amount) => set({ amount })}
          />
          {period()}
        </>
      );
    case 'months':
      return (
        <NumberField
          label={label}
          value={value.months}
          suffix={` ${t('segments.period.units.month')}`}
          onChange={(months) => set({ months })}
        />
      );
    case 'period':
      return period(true);
    case 'text':
      return (
        <TextInput
          aria-label={label}
          value={(value.text as string) ?? ''}
          style={w}
          onChange={(e) => set({ text: e.currentTarget.value || undefined })}
        />
      );
    case 'number':
      return (
        <NumberField label={label} value={value.number} decimal onChange={(number) => set({ number })} />
      );
    case 'date':
      return (
        <DateField
          aria-label={label}
          value={(value.date as string) ?? null}
          w={160}
          onChange={(date) => set({ date: date ?? undefined })}
        />
      );
    case 'boolean':
      return (
        <Select
          aria-label={label}
          data={[
            { value: 'true', label: t('segments.builder.yes') },
            { value: 'false', label: t('segments.builder.no') },
          ]}
          value={value.value === false ? 'false' : 'true'}
          allowDeselect={false}
          w={110}
          onChange={(v) => set({ value: v !== 'false' })}
        />
      );
    case 'consent':
      return <ConsentValue criterion={criterion} name={name} value={value} onChange={set} />;
    default:
      return (
        <Textarea
          aria-label={label}
          defaultValue={JSON.stringify(value)}
          autosize
          style={w}
          onBlur={(e) => {
            try {
              onChange(JSON.parse(e.currentTarget.value) as Value);
            } catch {
              // Left as typed; the count reports the rule as invalid.
            }
          }}
        />
      );
  }
}

/** react-querybuilder's value editor: Mantine inputs fitting the criterion's value shape. */
export function SegmentValueEditor(props: ValueEditorProps) {
  const { t } = useTranslation();
  const data = props.fieldData as unknown as Partial<BuilderFieldData>;
  const context = props.context as BuilderContext | undefined;
  const ruleId = props.rule.id ?? '';
  const error = context?.error?.ruleId === ruleId ? context.error.message : null;
  const incomplete = context?.incomplete.has(ruleId) ?? false;
  if (!data.criterion || !needsValue(props.operator)) return null;
  return (
    <Stack gap={4} style={{ flex: '1 1 16rem', minWidth: 0 }}>
      <Group gap="xs" wrap="wrap" align="flex-start">
        <Editor
          data={data as BuilderFieldData}
          value={(props.value as Value) ?? {}}
          onChange={(v) => props.handleOnChange(v)}
          registry={context?.registry}
        />
      </Group>
      {error && (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      )}
      {!error && incomplete && (
        <Text size="sm" c="dimmed">
          {t('segments.builder.incomplete')}
        </Text>
      )}
    </Stack>
  );
}
