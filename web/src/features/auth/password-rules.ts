import type { TFunction } from 'i18next';

export const minPasswordLength = 12;

/** Validators for a "new password + confirmation" pair in a Mantine form. */
export function newPasswordValidators<V extends { password: string; confirm: string }>(t: TFunction) {
  return {
    password: (value: string) =>
      value.length < minPasswordLength ? t('password.tooShort', { count: minPasswordLength }) : null,
    confirm: (value: string, values: V) => (value !== values.password ? t('password.mismatch') : null),
  };
}
