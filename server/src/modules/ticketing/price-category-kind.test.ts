import { describe, expect, it } from 'vitest';
import { foldLabel, inferPriceCategoryKind } from './price-category-kind.ts';

describe('inferPriceCategoryKind', () => {
  it.each([
    ['Tarif réduit', 'reduit'],
    ['Moins de 26 ans', 'jeune'],
    ['-26 ans', 'jeune'],
    ['Étudiant', 'jeune'],
    ['Pass Culture', 'jeune'],
    ['Exonéré', 'invitation'],
    ['Invitation presse', 'invitation'],
    ['Plein tarif', 'plein'],
    ['Tarif normal', 'plein'],
    ['Scolaires', 'scolaire'],
    ['Abonné tarif réduit', 'abonnement'],
    ['Groupe (10 pers. et +)', 'groupe'],
    ['Demandeur d’emploi', 'reduit'],
    ['Catégorie 2', 'autre'],
  ])('reads « %s » as %s', (label, kind) => {
    expect(inferPriceCategoryKind(label)).toBe(kind);
  });

  it('folds labels for matching', () => {
    expect(foldLabel('  Tarif  RÉDUIT ! ')).toBe('tarif reduit');
  });
});
