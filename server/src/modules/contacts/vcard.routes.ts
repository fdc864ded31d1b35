import { exportVCardInputSchema, type Person, vCardImportResultSchema } from '@parterre/contract/contacts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.ts';
import { attachment, errorResponses } from './contacts.http.ts';
import { CONTACTS_PERMISSIONS } from './contacts.permissions.ts';
import { personDisplayName } from './people.repository.ts';
import { personToVCard, type VCardService } from './vcard-import.service.ts';
import { writeVCard } from './vcard-write.ts';

const tags = ['contacts'];
const VCARD_TYPES = ['text/vcard', 'text/x-vcard', 'text/directory'];
/** Address books with embedded photos get large; beyond this, split the file. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** True when the client asks for a vCard (`Accept: text/vcard`) rather than JSON. */
export function wantsVCard(request: FastifyRequest): boolean {
  return /\btext\/(x-)?vcard\b/i.test(String(request.headers.accept ?? ''));
}

export function sendVCard(reply: FastifyReply, people: Person[], text?: string) {
  const name = people.length === 1 ? personDisplayName(people[0]).replace(/[/\\:*?"<>|]+/g, '') : 'contacts';
  attachment(reply, `${name}.vcf`);
  return reply
    .type('text/vcard; charset=utf-8')
    .send(text ?? people.map((p) => writeVCard(personToVCard(p))).join(''));
}

async function readUpload(request: FastifyRequest): Promise<Buffer> {
  if (request.isMultipart()) {
    const file = await request.file({ limits: { fileSize: MAX_FILE_BYTES } });
    if (!file) throw new AppError('contacts.vcard_empty');
    const buffer = await file.toBuffer();
    if (file.file.truncated) throw new AppError('common.payload_too_large');
    return buffer;
  }
  if (Buffer.isBuffer(request.body)) return request.body;
  if (typeof request.body === 'string') return Buffer.from(request.body, 'utf8');
  throw new AppError('common.unsupported_media_type');
}

export function registerVCardRoutes(server: FastifyInstance, vcards: VCardService): void {
  server.addContentTypeParser(
    VCARD_TYPES,
    { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES },
    (_r, body, done) => done(null, body),
  );
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/v1/contacts::import-vcard',
    {
      config: { permission: CONTACTS_PERMISSIONS.write },
      bodyLimit: MAX_FILE_BYTES,
      schema: {
        summary: 'Importer des contacts depuis un fichier vCard (.vcf)',
        description:
          'Fichier en `multipart/form-data` (champ `file`) ou corps `text/vcard`. vCard 2.1, 3.0 et 4.0 ; une fiche qui partage une adresse e-mail avec un contact existant le complète au lieu d’en créer un nouveau.',
        tags,
        response: { 200: vCardImportResultSchema, ...errorResponses },
      },
    },
    async (request) => vcards.importVCards(request.scope, await readUpload(request)),
  );

  app.post(
    '/api/v1/contacts::export-vcard',
    {
      config: { permission: CONTACTS_PERMISSIONS.export },
      schema: {
        summary: 'Exporter une sélection de contacts au format vCard 4.0',
        tags,
        body: exportVCardInputSchema,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const { text, people } = await vcards.exportVCards(request.scope, request.body.ids);
      return sendVCard(reply, people.length === 1 ? people : [], text);
    },
  );
}
