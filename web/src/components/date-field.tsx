import '@mantine/dates/styles.css';
import 'dayjs/locale/fr';
import { DateInput, type DateInputProps, DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

/** "04/05/1980", "4/5/1980" or "1980-05-04" → "1980-05-04"; null when it is not a real date. */
export function parseFrenchDate(text: string): string | null {
  const trimmed = text.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  let [year, month, day] = match ? [match[1], match[2], match[3]] : ['', '', ''];
  if (!match) {
    match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
    if (!match) return null;
    [day, month, year] = [match[1], match[2], match[3]];
  }
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

type DateFieldProps = Omit<DateInputProps, 'value' | 'onChange'> & {
  /** `YYYY-MM-DD` or null. */
  value?: string | null;
  onChange?: (value: string | null) => void;
};

/** A date typed as DD/MM/YYYY or picked in a French calendar; the value stays `YYYY-MM-DD`. */
export function DateField({ value, onChange, ...props }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      <DateInput
        valueFormat="DD/MM/YYYY"
        placeholder={i18n.language === 'fr' ? 'JJ/MM/AAAA' : 'DD/MM/YYYY'}
        dateParser={parseFrenchDate}
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        value={value || null}
        onChange={(next) => onChange?.(next ?? null)}
        {...props}
      />
    </DatesProvider>
  );
}
