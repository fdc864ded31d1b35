import type { OutboxMail } from '@parterre/contract/outbox';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { AppContext } from './context.ts';
import { AppError, defineErrors } from './errors.ts';
import { decodeCursor, toPage } from './pagination.ts';
import { authorize, definePermissions } from './permissions.ts';
import { mailOutbox } from './platform.tables.ts';
import type { RequestScope } from './scope.ts';

export const OUTBOX_PERMISSION = 'admin.outbox';

definePermissions('admin', {
  [OUTBOX_PERMISSION]: {
    fr: "Lire les emails conservés par l'instance (sans SMTP) ou non remis",
    en: 'Read emails kept by the instance (no SMTP) or not delivered',
  },
});

defineErrors({
  'outbox.not_found': { status: 404, fr: 'Message introuvable.', en: 'Message not found.' },
});

const columns = {
  id: mailOutbox.id,
  to: mailOutbox.to,
  from: mailOutbox.from,
  subject: mailOutbox.subject,
  text: mailOutbox.text,
  html: mailOutbox.html,
  createdAt: mailOutbox.createdAt,
  status: mailOutbox.status,
  error: mailOutbox.error,
  createdAtKey: sql<string>`${mailOutbox.createdAt}::text`,
};

type Row = Omit<OutboxMail, 'createdAt'> & { createdAt: Date; createdAtKey: string };

function toMail({ createdAtKey: _, ...row }: Row): OutboxMail {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/**
 * The mail outbox: without SMTP_URL, messages (password resets, invitations…) stay here for an
 * administrator to read and pass on.
 */
export function createOutboxService(context: AppContext) {
  const db = context.database.db;

  async function listMails(scope: RequestScope, query: { cursor?: string; limit: number }) {
    authorize(scope, OUTBOX_PERMISSION);
    const after = decodeCursor(query.cursor) as [string, string] | undefined;
    const rows = await db
      .select(columns)
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.tenantId, scope.tenantId),
          after
            ? sql`(${mailOutbox.createdAt}, ${mailOutbox.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
      .limit(query.limit + 1);
    const page = toPage(rows, query.limit, (row) => [row.createdAtKey, row.id]);
    return { data: page.data.map(toMail), nextCursor: page.nextCursor };
  }

  async function getMail(scope: RequestScope, id: string): Promise<OutboxMail> {
    authorize(scope, OUTBOX_PERMISSION);
    const [row] = await db
      .select(columns)
      .from(mailOutbox)
      .where(and(eq(mailOutbox.tenantId, scope.tenantId), eq(mailOutbox.id, id)));
    if (!row) throw new AppError('outbox.not_found');
    return toMail(row);
  }

  return { listMails, getMail };
}
