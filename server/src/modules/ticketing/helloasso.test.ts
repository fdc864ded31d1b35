import { describe, expect, it } from 'vitest';
import { helloAssoDate, mapHelloAssoOrder } from './helloasso.ts';

describe('mapHelloAssoOrder', () => {
  const notification = {
    payer: {
      dateOfBirth: '1971-01-28T00:00:00+01:00',
      email: 'mail@mail.fr',
      address: '2 Rue Republique',
      city: 'VILLEURBANNE',
      zipCode: '69100',
      country: 'FRA',
      firstName: 'Robert',
      lastName: 'Petit',
    },
    items: [
      {
        id: 11,
        name: 'Tarif réduit',
        amount: 1200,
        type: 'Registration',
        state: 'Processed',
        user: { firstName: 'Léa', lastName: 'Petit' },
      },
      { id: 12, name: 'Don', amount: 300, type: 'Donation' },
    ],
    id: 9307923,
    amount: { total: 1500 },
    state: 'Authorized',
    date: '2020-11-14T11:13:08.2972161+00:00',
    formSlug: 'concert-de-noel',
    formType: 'Event',
    organizationSlug: 'asso-slug',
  };

  it('maps the payer, the ticket items and the amounts in cents', () => {
    expect(mapHelloAssoOrder(notification)).toEqual({
      externalId: '9307923',
      orderedAt: '2020-11-14T11:13:08.297+00:00',
      channel: 'web',
      status: 'confirmed',
      total: 15,
      currency: 'EUR',
      buyer: {
        firstName: 'Robert',
        lastName: 'Petit',
        email: 'mail@mail.fr',
        birthDate: '1971-01-28',
        address: { line1: '2 Rue Republique', postalCode: '69100', city: 'VILLEURBANNE', country: 'FR' },
      },
      lines: [
        {
          externalId: '11',
          performance: {
            externalId: 'asso-slug/concert-de-noel',
            production: {
              externalId: 'asso-slug/concert-de-noel',
              title: 'Concert de noel',
              genre: 'évènement',
            },
          },
          priceCategory: 'Tarif réduit',
          amount: 12,
          status: 'confirmed',
          holder: {
            firstName: 'Léa',
            lastName: 'Petit',
            email: undefined,
            birthDate: undefined,
            address: undefined,
          },
        },
      ],
    });
  });

  it('reads a plain amount, numbers items without id and ignores orders without tickets', () => {
    const order = mapHelloAssoOrder({ ...notification, amount: 1500, items: [{ name: 'NORMAL' }] });
    expect(order).toMatchObject({
      total: 15,
      lines: [{ externalId: '9307923-1', priceCategory: 'NORMAL', amount: 0 }],
    });
    expect(
      mapHelloAssoOrder({ ...notification, items: [{ id: 1, type: 'Donation', amount: 500 }] }),
    ).toBeUndefined();
  });

  it('trims fractional seconds and adds a zone when missing', () => {
    expect(helloAssoDate('2024-03-01T10:00:00.1234567')).toBe('2024-03-01T10:00:00.123Z');
    expect(helloAssoDate(undefined)).toBeUndefined();
  });
});
