import {
  type CSSVariablesResolver,
  createTheme,
  type MantineColorsTuple,
  mergeThemeOverrides,
} from '@mantine/core';
import type { TFunction } from 'i18next';

/** Deep "rouge théâtre": shade 7 carries white text at 8.3:1. */
const theatre: MantineColorsTuple = [
  '#fbeef0',
  '#f3d7dc',
  '#e6aab4',
  '#d97a8a',
  '#cd5066',
  '#c4374f',
  '#b02a42',
  '#951f36',
  '#7c172c',
  '#611023',
];

export const theme = createTheme({
  primaryColor: 'theatre',
  primaryShade: { light: 7, dark: 4 },
  colors: { theatre },
  autoContrast: true,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Badge: { defaultProps: { radius: 'sm' } },
    Tooltip: { defaultProps: { withArrow: true } },
  },
});

/** Mantine ships a few English-only accessible names; these follow the interface language. */
export function localisedTheme(t: TFunction) {
  const close = { 'aria-label': t('common.close') };
  return mergeThemeOverrides(
    theme,
    createTheme({
      components: {
        PasswordInput: {
          defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common.togglePassword') } },
        },
        Modal: { defaultProps: { closeButtonProps: close } },
        Notification: { defaultProps: { closeButtonProps: close } },
        Select: { defaultProps: { clearButtonProps: { 'aria-label': t('common.clear') } } },
        MultiSelect: { defaultProps: { clearButtonProps: { 'aria-label': t('common.clear') } } },
      },
    }),
  );
}

/**
 * Mantine's default greys and "light" variant text colours fall below 4.5:1 on white;
 * darker values keep body text, hints, errors and badges readable (WCAG AA).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-placeholder': '#6b7178',
    '--mantine-color-error': '#b42323',
    '--mantine-color-red-filled': '#b42323',
    '--mantine-color-red-filled-hover': '#961b1b',
    '--mantine-color-red-light-color': '#a61e1e',
    '--mantine-color-red-text': '#a61e1e',
    '--mantine-color-green-light-color': '#1d6b30',
    '--mantine-color-green-text': '#1d6b30',
    '--mantine-color-teal-light-color': '#0b6b5a',
    '--mantine-color-orange-light-color': '#9a3a06',
    '--mantine-color-orange-text': '#9a3a06',
    '--mantine-color-yellow-light-color': '#6e5200',
    '--mantine-color-blue-light-color': '#1a5596',
    '--mantine-color-blue-text': '#1a5596',
    '--mantine-color-gray-light-color': '#3d434a',
    '--mantine-color-theatre-light-color': '#7c172c',
  },
  dark: {},
});
