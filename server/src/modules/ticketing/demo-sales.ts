import type { OrderInput } from '@parterre/contract/ticketing-push';
import type { AppContext } from '../../platform/context.ts';
import type { RequestScope } from '../../platform/scope.ts';
import { seededRandom } from '../contacts/demo-data.ts';
import { createOrdersUpsertService } from './orders-upsert.service.ts';

const PRODUCTIONS = [
  { title: 'Le Misanthrope', genre: 'théâtre', venue: 'Grande salle' },
  { title: 'Carmen', genre: 'opéra', venue: 'Grande salle' },
  { title: 'Cœur battant', genre: 'musique', venue: 'Studio' },
  { title: 'Les Bonnes', genre: 'théâtre', venue: 'Studio' },
  { title: 'Le Lac des cygnes', genre: 'danse', venue: 'Grande salle' },
  { title: 'Petit Poucet', genre: 'jeune public', venue: 'Petite salle' },
  { title: 'Impressions nocturnes', genre: 'exposition', venue: 'Galerie' },
];
const PRICES = [
  { label: 'Plein tarif', amount: 28 },
  { label: 'Tarif réduit', amount: 18 },
  { label: 'Moins de 26 ans', amount: 10 },
  { label: 'Abonnement', amount: 22 },
];
const CHANNELS = ['guichet', 'web', 'web', 'telephone', 'revendeur'] as const;
const DAY = 86_400_000;

/**
 * Ticket sales for demo buyers over the past eighteen months, pushed through the same upsert as
 * the connectors, so that summaries, timelines and segments have something to show.
 */
export async function createDemoSales(
  context: Pick<AppContext, 'database'>,
  scope: RequestScope,
  buyers: { email: string }[],
  seed: number,
): Promise<{ orders: number; tickets: number }> {
  const random = seededRandom(seed + 101);
  const upsert = createOrdersUpsertService(context);
  const now = Date.now();
  const orders: OrderInput[] = [];
  let tickets = 0;
  buyers.forEach((buyer, index) => {
    if (random() > 0.6) return;
    const count = 1 + Math.floor(random() * 3);
    for (let n = 0; n < count; n++) {
      const production = Math.floor(random() * PRODUCTIONS.length);
      const { title, genre, venue } = PRODUCTIONS[production];
      const performanceDay = Math.floor(random() * 20);
      const startsAt = new Date(now - (540 - production * 60 - performanceDay) * DAY).toISOString();
      const orderedAt = new Date(Date.parse(startsAt) - (3 + Math.floor(random() * 40)) * DAY).toISOString();
      const seats = 1 + Math.floor(random() * 3);
      const lines = Array.from({ length: seats }, (_, seat) => {
        const price = PRICES[Math.floor(random() * PRICES.length)];
        tickets += 1;
        return {
          externalId: `D${index}-${n}-${seat}`,
          performance: {
            externalId: `P${production}-${performanceDay}`,
            startsAt,
            production: { externalId: `S${production}`, title, genre },
            venue: { name: venue },
          },
          priceCategory: price.label,
          amount: price.amount,
        };
      });
      orders.push({
        externalId: `D${index}-${n}`,
        orderedAt,
        channel: CHANNELS[Math.floor(random() * CHANNELS.length)],
        status: 'confirmed',
        currency: 'EUR',
        buyer: { email: buyer.email },
        lines,
      } as OrderInput);
    }
  });
  for (let start = 0; start < orders.length; start += 500) {
    await upsert.upsertOrders(scope, {
      source: 'demo',
      orders: orders.slice(start, start + 500),
      dedupe: 'off',
    });
  }
  return { orders: orders.length, tickets };
}
