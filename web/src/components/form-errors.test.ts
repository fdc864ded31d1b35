import { describe, expect, it } from 'vitest';
import { ApiError } from '../app/api-client';
import { applyProblemToForm, normaliseProblemPath } from './form-errors';

function fakeForm(values: object) {
  const errors: Record<string, string> = {};
  return { values, errors, setFieldError: (path: string, message: string) => (errors[path] = message) };
}

function problem(detail: string, errors: { path: string; message: string }[]) {
  return new ApiError({ status: 400, code: 'common.validation', title: 'Invalide', detail, errors });
}

describe('normaliseProblemPath', () => {
  it.each([
    ['/email', 'email'],
    ['body.email', 'email'],
    ['/body/roleIds/0', 'roleIds.0'],
    ['name', 'name'],
  ])('%s → %s', (input, expected) => expect(normaliseProblemPath(input)).toBe(expected));
});

describe('applyProblemToForm', () => {
  it('puts field errors under their inputs and keeps the summary', () => {
    const form = fakeForm({ email: '', roleIds: [] });
    const summary = applyProblemToForm(
      form,
      problem('Certains champs sont invalides.', [
        { path: 'body.email', message: 'Adresse invalide.' },
        { path: '/roleIds/1', message: 'Rôle inconnu.' },
      ]),
    );
    expect(form.errors).toEqual({ email: 'Adresse invalide.', roleIds: 'Rôle inconnu.' });
    expect(summary).toBe('Certains champs sont invalides.');
  });

  it('keeps the index of an item of a repeatable group', () => {
    const form = fakeForm({ emails: [{ address: 'a@b.fr' }, { address: 'x' }], roleIds: ['r1'] });
    applyProblemToForm(
      form,
      problem('Invalide.', [
        { path: 'body.emails.1.address', message: 'Adresse e-mail invalide' },
        { path: 'body.roleIds.0', message: 'Rôle inconnu.' },
      ]),
    );
    expect(form.errors).toEqual({ 'emails.1.address': 'Adresse e-mail invalide', roleIds: 'Rôle inconnu.' });
  });

  it('adds problems without a matching input to the summary', () => {
    const form = fakeForm({ email: '' });
    const summary = applyProblemToForm(form, problem('Invalide.', [{ path: 'tenant', message: 'Inconnu.' }]));
    expect(summary).toBe('Invalide. Inconnu.');
  });

  it('does not repeat a message already shown under its input', () => {
    const form = fakeForm({ code: '' });
    const summary = applyProblemToForm(
      form,
      problem('Code incorrect.', [{ path: 'body.code', message: 'Code incorrect.' }]),
    );
    expect(summary).toBeNull();
  });
});
