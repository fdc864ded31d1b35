import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Database } from '../db/connection.ts';
import { newId } from './ids.ts';
import { mailOutbox } from './platform.tables.ts';

export type OutgoingMail = { to: string; subject: string; text: string; html?: string };

/**
 * Without SMTP_URL nothing leaves the machine: messages are kept in the outbox that
 * administrators read in the back office. With it, they are sent and only failures are kept.
 */
export class Mailer {
  private readonly transport?: Transporter;

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
    private readonly from: string,
    smtpUrl?: string,
  ) {
    if (smtpUrl) this.transport = nodemailer.createTransport(smtpUrl);
  }

  get delivers(): boolean {
    return this.transport !== undefined;
  }

  async send(tenantId: string, mail: OutgoingMail): Promise<void> {
    const row = {
      id: newId(),
      tenantId,
      to: mail.to,
      from: this.from,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
    };
    if (!this.transport) {
      await this.database.db.insert(mailOutbox).values({ ...row, status: 'kept' });
      return;
    }
    try {
      await this.transport.sendMail({ from: this.from, ...mail });
    } catch (error) {
      this.logger.error({ err: error, to: mail.to }, 'mail delivery failed');
      await this.database.db
        .insert(mailOutbox)
        .values({ ...row, status: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  }

  close(): void {
    this.transport?.close();
  }
}
