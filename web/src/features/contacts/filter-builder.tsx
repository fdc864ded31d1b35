import { ActionIcon, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import type { FilterOp, FilterRule } from '@parterre/contract/contact-lists';
import { IconFilterCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DraftRule, type FilterField, isComplete, takesList, toFilterRules } from './contact-fields';
import { FilterValueInput } from './filter-value-input';

interface FilterBuilderProps {
  fields: FilterField[];
  /** The rules in force; edits apply only on "Appliquer". */
  rules: FilterRule[];
  onApply: (rules: FilterRule[]) => void;
}

let nextKey = 0;
const newKey = () => `rule-${++nextKey}`;

function operatorLabel(t: (key: string) => string, field: FilterField, op: FilterOp): string {
  // "after" reads better than "greater than" for dates.
  if (field.kind === 'date' && ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'].includes(op)) {
    return t(`contacts.filters.dateOps.${op}`);
  }
  if (field.kind === 'status') return t(`contacts.filters.statusOps.${op}`);
  return t(`contacts.filters.ops.${op}`);
}

/** Keeps the value when it still fits the new operator (one value ↔ a list of values). */
function adaptValue(rule: DraftRule, op: FilterOp): DraftRule['value'] {
  const { value } = rule;
  if (takesList(op) && !Array.isArray(value))
    return value === undefined || value === '' ? [] : [value as string];
  if (!takesList(op) && Array.isArray(value)) return value[0];
  return value;
}

/** Rows of "field · operator · value", all of which must hold (AND). */
export function FilterBuilder({ fields, rules, onApply }: FilterBuilderProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [drafts, setDrafts] = useState<DraftRule[]>(() =>
    rules.length ? rules.map((rule) => ({ ...rule, key: newKey() })) : [],
  );
  const [showIncomplete, setShowIncomplete] = useState(false);
  const byId = new Map(fields.map((field) => [field.id, field]));

  const update = (key: string, change: (rule: DraftRule) => DraftRule) =>
    setDrafts((current) => current.map((rule) => (rule.key === key ? change(rule) : rule)));

  const add = () => {
    const field = fields[0];
    setDrafts((current) => [
      ...current,
      { key: newKey(), field: field.id, op: field.ops[0], value: undefined },
    ]);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (drafts.some((rule) => !isComplete(rule))) {
      setShowIncomplete(true);
      return;
    }
    setShowIncomplete(false);
    onApply(toFilterRules(drafts));
  };

  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} aria-labelledby={headingId}>
      <Stack gap="sm">
        <Text id={headingId} fw={600} size="sm">
          {t('contacts.filters.title')}
        </Text>
        {drafts.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('contacts.filters.none')}
          </Text>
        )}
        {drafts.map((rule, index) => {
          const field = byId.get(rule.field) ?? fields[0];
          const position = index + 1;
          return (
            <Group key={rule.key} gap="xs" align="flex-start" wrap="wrap">
              <Text
                size="sm"
                w={24}
                pt={6}
                c="dimmed"
                aria-hidden
                visibleFrom={index === 0 ? 'sm' : undefined}
              >
                {index === 0 ? '' : t('contacts.filters.and')}
              </Text>
              <Select
                aria-label={t('contacts.filters.field', { position })}
                data={fields.map((f) => ({ value: f.id, label: f.label }))}
                value={field.id}
                allowDeselect={false}
                searchable
                w={{ base: '100%', sm: 200 }}
                onChange={(id) => {
                  const next = id ? byId.get(id) : undefined;
                  if (next) update(rule.key, () => ({ key: rule.key, field: next.id, op: next.ops[0] }));
                }}
              />
              <Select
                aria-label={t('contacts.filters.operator', { position })}
                data={field.ops.map((op) => ({ value: op, label: operatorLabel(t, field, op) }))}
                value={rule.op}
                allowDeselect={false}
                w={{ base: '100%', sm: 230 }}
                onChange={(op) => {
                  if (op)
                    update(rule.key, (r) => ({
                      ...r,
                      op: op as FilterOp,
                      value: adaptValue(r, op as FilterOp),
                    }));
                }}
              />
              <FilterValueInput
                field={field}
                op={rule.op}
                value={rule.value}
                label={t('contacts.filters.value', { position })}
                onChange={(value) => update(rule.key, (r) => ({ ...r, value }))}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                aria-label={t('contacts.filters.remove', { position })}
                onClick={() => setDrafts((current) => current.filter((r) => r.key !== rule.key))}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
              {showIncomplete && !isComplete(rule) && (
                <Text size="sm" c="red" w="100%" role="alert">
                  {t('contacts.filters.incomplete', { position })}
                </Text>
              )}
            </Group>
          );
        })}
        <Group gap="sm" justify="space-between">
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={add}>
            {t('contacts.filters.add')}
          </Button>
          <Group gap="sm">
            {drafts.length > 0 && (
              <Button
                variant="subtle"
                onClick={() => {
                  setDrafts([]);
                  onApply([]);
                }}
              >
                {t('contacts.filters.clear')}
              </Button>
            )}
            <Button type="submit" leftSection={<IconFilterCheck size={16} aria-hidden />}>
              {t('contacts.filters.apply')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
