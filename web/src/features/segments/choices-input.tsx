import { MultiSelect, TagsInput } from '@mantine/core';
import type { CriteriaField } from '@parterre/contract/segments';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { useOptionsFrom } from './use-segments';

const w = { flex: '1 1 10rem', minWidth: '8rem' } as const;

function useChoices(criterion: CriteriaField) {
  const lang = currentLanguage();
  const remote = useOptionsFrom(criterion.options ? undefined : criterion.optionsFrom);
  if (criterion.options) return criterion.options.map((o) => ({ value: o.value, label: o.label[lang] }));
  return remote.data ?? [];
}

/** Several values of a criterion: a select of its choices, or free codes typed one by one. */
export function ChoicesInput(props: {
  criterion: CriteriaField;
  label: string;
  /** Shown while nothing is chosen; « Choisissez » by default. */
  placeholder?: string;
  value: string[];
  onChange: (values: string[]) => void;
}) {
  const { t } = useTranslation();
  const data = useChoices(props.criterion);
  // Codes without a known list (postal codes, INSEE codes, tags) are typed freely.
  if (!props.criterion.options && !props.criterion.optionsFrom) {
    return (
      <TagsInput
        aria-label={props.label}
        placeholder={props.value.length ? undefined : t('segments.builder.typeValues')}
        value={props.value}
        onChange={props.onChange}
        style={w}
        splitChars={[',', ' ', ';']}
      />
    );
  }
  return (
    <MultiSelect
      aria-label={props.label}
      placeholder={props.value.length ? undefined : (props.placeholder ?? t('segments.builder.chooseValues'))}
      data={data}
      value={props.value}
      onChange={props.onChange}
      searchable
      style={w}
      nothingFoundMessage={t('segments.builder.nothingFound')}
    />
  );
}
