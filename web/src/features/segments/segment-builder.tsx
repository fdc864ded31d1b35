import './segment-builder.css';
import { ActionIcon, Button, Checkbox, SegmentedControl, Select } from '@mantine/core';
import type { CriteriaField, CriteriaFields } from '@parterre/contract/segments';
import { IconPlus, IconSquarePlus, IconX } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ActionProps,
  type CombinatorSelectorProps,
  type Field,
  type FieldSelectorProps,
  type FullOption,
  type NotToggleProps,
  type OperatorSelectorProps,
  type OptionGroup,
  QueryBuilder,
} from 'react-querybuilder';
import { currentLanguage } from '../../app/i18n';
import { type BuilderQuery, defaultValueFor, valueKindOf } from './criteria-query';
import { type BuilderContext, type BuilderFieldData, SegmentValueEditor } from './value-editor';

type Translate = (key: string | string[], options?: Record<string, unknown>) => string;

/** "a acheté" reads better than "est parmi" for purchases; the generic label otherwise. */
export function operatorLabel(t: Translate, criterion: CriteriaField, operator: string): string {
  const kind = valueKindOf(criterion);
  const family = criterion.id.startsWith('membership.')
    ? 'membership'
    : kind === 'consent'
      ? 'consent'
      : kind === 'purchaseIds' || kind === 'purchaseValues'
        ? 'purchase'
        : ['count', 'ticketCount', 'amount'].includes(kind)
          ? 'count'
          : kind === 'months' || kind === 'period'
            ? 'flag'
            : 'generic';
  return t([`segments.operators.${family}.${operator}`, `segments.operators.generic.${operator}`]);
}

type GroupItems = { group: string; items: { value: string; label: string }[] };

function FieldSelector(props: FieldSelectorProps) {
  const { t } = useTranslation();
  const data: GroupItems[] = (props.options as unknown as OptionGroup<FullOption>[]).map((group) => ({
    group: group.label,
    items: group.options.map((o) => ({ value: o.name, label: o.label })),
  }));
  return (
    <Select
      aria-label={t('segments.builder.field')}
      data={data}
      value={props.value ?? null}
      onChange={(value) => value && props.handleOnChange(value)}
      searchable
      allowDeselect={false}
      disabled={props.disabled}
      w={240}
      comboboxProps={{ width: 300, position: 'bottom-start' }}
      maxDropdownHeight={360}
    />
  );
}

function OperatorSelector(props: OperatorSelectorProps) {
  const { t } = useTranslation();
  const data = (props.options as FullOption[]).map((o) => ({ value: o.name, label: o.label }));
  return (
    <Select
      aria-label={t('segments.builder.operator')}
      data={data}
      value={props.value ?? null}
      onChange={(value) => value && props.handleOnChange(value)}
      allowDeselect={false}
      disabled={props.disabled}
      w={190}
    />
  );
}

function CombinatorSelector(props: CombinatorSelectorProps) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      role="radiogroup"
      aria-label={t('segments.builder.combinator')}
      size="xs"
      value={props.value ?? 'and'}
      onChange={(value) => props.handleOnChange(value)}
      disabled={props.disabled}
      data={[
        { value: 'and', label: t('segments.builder.and') },
        { value: 'or', label: t('segments.builder.or') },
      ]}
    />
  );
}

function NotToggle(props: NotToggleProps) {
  const { t } = useTranslation();
  return (
    <Checkbox
      size="xs"
      label={t('segments.builder.not')}
      checked={props.checked ?? false}
      onChange={(event) => props.handleOnChange(event.currentTarget.checked)}
      disabled={props.disabled}
    />
  );
}

function AddRule(props: ActionProps) {
  const { t } = useTranslation();
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconPlus size={14} aria-hidden />}
      onClick={(e) => props.handleOnClick(e)}
      disabled={props.disabled}
    >
      {t('segments.builder.addRule')}
    </Button>
  );
}

function AddGroup(props: ActionProps) {
  const { t } = useTranslation();
  return (
    <Button
      size="xs"
      variant="subtle"
      leftSection={<IconSquarePlus size={14} aria-hidden />}
      onClick={(e) => props.handleOnClick(e)}
      disabled={props.disabled}
    >
      {t('segments.builder.addGroup')}
    </Button>
  );
}

function RemoveRule(props: ActionProps) {
  const { t } = useTranslation();
  return (
    <ActionIcon
      variant="subtle"
      color="gray"
      aria-label={t('segments.builder.removeRule')}
      onClick={(e) => props.handleOnClick(e)}
      disabled={props.disabled}
    >
      <IconX size={16} aria-hidden />
    </ActionIcon>
  );
}

function RemoveGroup(props: ActionProps) {
  const { t } = useTranslation();
  return (
    <ActionIcon
      variant="subtle"
      color="gray"
      className={props.className}
      aria-label={t('segments.builder.removeGroup')}
      onClick={(e) => props.handleOnClick(e)}
      disabled={props.disabled}
    >
      <IconX size={16} aria-hidden />
    </ActionIcon>
  );
}

const controlElements = {
  fieldSelector: FieldSelector,
  operatorSelector: OperatorSelector,
  combinatorSelector: CombinatorSelector,
  notToggle: NotToggle,
  valueEditor: SegmentValueEditor,
  addRuleAction: AddRule,
  addGroupAction: AddGroup,
  removeRuleAction: RemoveRule,
  removeGroupAction: RemoveGroup,
};

type BuilderField = Field & BuilderFieldData;

/** Fields of the registry grouped by family; custom fields get a family of their own. */
export function builderFields(t: Translate, registry: CriteriaFields): OptionGroup<BuilderField>[] {
  const lang = currentLanguage();
  const groups = new Map<string, OptionGroup<BuilderField>>();
  const groupOf = (id: string, label: string) => {
    let group = groups.get(id);
    if (!group) {
      group = { label, options: [] };
      groups.set(id, group);
    }
    return group;
  };
  for (const category of registry.categories) groupOf(category.id, category.label[lang]);
  const customGroup = t('segments.builder.customFields');
  for (const criterion of registry.data) {
    const custom = criterion.id.startsWith('customFields.');
    const group = custom
      ? groupOf('customFields', customGroup)
      : groupOf(
          criterion.category,
          registry.categories.find((c) => c.id === criterion.category)?.label[lang] ?? criterion.category,
        );
    const schema = criterion.valueSchema as {
      properties?: Record<string, unknown>;
      anyOf?: { properties?: Record<string, unknown> }[];
    } | null;
    const properties = [
      ...Object.keys(schema?.properties ?? {}),
      ...(schema?.anyOf ?? []).flatMap((s) => Object.keys(s.properties ?? {})),
    ];
    group.options.push({
      name: criterion.id,
      value: criterion.id,
      label: criterion.label[lang],
      criterion,
      kind: valueKindOf(criterion),
      properties,
    });
  }
  return [...groups.values()].filter((g) => g.options.length > 0);
}

interface SegmentBuilderProps {
  registry: CriteriaFields;
  query: BuilderQuery;
  onQueryChange: (query: BuilderQuery) => void;
  context: BuilderContext;
}

/** react-querybuilder over the criteria registry, drawn with Mantine inputs. */
export function SegmentBuilder({ registry, query, onQueryChange, context }: SegmentBuilderProps) {
  const { t, i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: labels follow the interface language
  const fields = useMemo(() => builderFields(t, registry), [registry, i18n.language]);
  const byId = useMemo(() => new Map(fields.flatMap((g) => g.options).map((f) => [f.name, f])), [fields]);

  return (
    <div className="segment-builder">
      <QueryBuilder
        fields={fields}
        query={query}
        onQueryChange={onQueryChange}
        controlElements={controlElements}
        context={context}
        showNotToggle
        getOperators={(field) => {
          const f = byId.get(field);
          if (!f) return [];
          return f.criterion.operators.map((op) => ({
            name: op,
            value: op,
            label: operatorLabel(t, f.criterion, op),
          }));
        }}
        getDefaultOperator={(field) => {
          const f = byId.get(field);
          if (!f) return 'in';
          const example = f.criterion.example.operator;
          return f.criterion.operators.includes(example) ? example : (f.criterion.operators[0] ?? 'in');
        }}
        getDefaultValue={(rule) => {
          const f = byId.get(rule.field);
          return f ? defaultValueFor(f.kind) : undefined;
        }}
        getDefaultField={(list) => {
          const first = (list as unknown as OptionGroup<BuilderField>[])[0]?.options[0];
          return first?.name ?? '';
        }}
      />
    </div>
  );
}
