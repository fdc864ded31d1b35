import { z } from 'zod';
import { currentLanguage, i18n } from '../../app/i18n';

const zodLocales = { fr: z.locales.fr(), en: z.locales.en() };

function valueAt(values: unknown, path: PropertyKey[]): unknown {
  let current = values;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * Mantine form errors from a contract schema: each issue lands under its input ("wording.fr"),
 * in the interface language. A missing value says « Ce champ est obligatoire »; messages written
 * in the contract (refine, regex with `error`) are kept; zod's generic ones come from its French
 * or English locale. `rename` maps a schema path to the form's ("proof.detail" → "note").
 */
export function schemaErrors(
  schema: z.ZodType,
  input: unknown,
  rename: Record<string, string> = {},
): Record<string, string> {
  const result = schema.safeParse(input, { error: zodLocales[currentLanguage()].localeError });
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const schemaPath = issue.path.map(String).join('.');
    const path = rename[schemaPath] ?? schemaPath;
    if (path in errors) continue;
    const custom = issue.code === 'custom' || (issue.code === 'invalid_format' && issue.format === 'regex');
    errors[path] =
      !custom && isEmpty(valueAt(input, issue.path)) ? i18n.t('validation.required') : issue.message;
  }
  return errors;
}

/** Moves the focus to the first invalid input in reading order, so that keyboard users land on it. */
export function focusFirstError(
  form: { getInputNode: (path: string) => HTMLElement | null },
  errors: Record<string, unknown>,
): void {
  const nodes = Object.keys(errors)
    .map((path) => form.getInputNode(path))
    .filter((node): node is HTMLElement => node !== null);
  nodes.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  nodes[0]?.focus();
}
