import { z } from 'zod';
import { jobStatusSchema } from './jobs.ts';

/**
 * Where a source column goes. Dotted paths name the record part they fill; `*.date` + `*.time`
 * pairs (and `performance.end` + `performance.endTime`) are combined into one timestamp.
 */
export const mappingTargetSchema = z.enum([
  'person.externalId',
  'person.civility',
  'person.firstName',
  'person.lastName',
  /** Split into first and last name ("DUPONT Jean", "Jean Dupont", "Dupont, Jean"). */
  'person.fullName',
  'person.birthDate',
  'person.email',
  'person.phone',
  'person.address.line1',
  'person.address.line2',
  'person.address.postalCode',
  'person.address.city',
  'person.address.region',
  'person.address.country',
  /** Sensitive: kept only when a mapping names it explicitly (no preset does). */
  'person.gender',
  /** Sensitive: kept only when a mapping names it explicitly (no preset does). */
  'person.age',
  'order.externalId',
  'order.date',
  'order.time',
  'order.channel',
  'order.status',
  'order.total',
  'order.currency',
  'line.externalId',
  'line.amount',
  'line.priceCategory',
  'line.productType',
  'line.seat',
  'line.status',
  'performance.externalId',
  'performance.title',
  'performance.start',
  /** Date part of the start, when date and time come in separate columns. */
  'performance.date',
  'performance.time',
  'performance.end',
  'performance.endTime',
  'production.externalId',
  'production.title',
  'production.genre',
  'venue.name',
]);
export type MappingTarget = z.infer<typeof mappingTargetSchema>;

export const mappingTransformSchema = z.enum([
  /** Date or date-time; `format` like `dd/MM/yyyy`, `MM/dd/yy HH:mm`, `yyyy-MM-dd` or `ISO`. */
  'date',
  /** Time of day (`20:30`, `20h30`, `8:30 PM`), combined with the matching date column. */
  'time',
  /** Amount with comma or point decimals, thousands separators and currency signs. */
  'decimal',
  /** Amount in minor units (HelloAsso, Eventbrite API): 1500 → 15. */
  'cents',
  'civility',
  'fullName',
  'channel',
  'status',
  'upper',
  'lower',
  'trim',
]);
export type MappingTransform = z.infer<typeof mappingTransformSchema>;

export const columnMappingSchema = z.union([
  mappingTargetSchema,
  z.object({
    target: mappingTargetSchema,
    /** Defaults to the natural transform of the target (date for dates, decimal for amounts…). */
    transform: mappingTransformSchema.optional(),
    /** Pattern of the `date` transform (times are recognised in all their usual forms). */
    format: z.string().min(1).optional(),
  }),
]);
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** How the columns of an imported file fill Parterre's records. */
export const intakeMappingSchema = z
  .object({
    /** Ticketing system of origin, e.g. `billetweb`, `eventbrite`, `french-venue`, `custom`. */
    source: z.string().min(1),
    /** Source column (header text) → target. Columns left out, or mapped to null or "", are ignored. */
    columns: z.record(z.string(), z.union([columnMappingSchema, z.null(), z.literal('')])),
    /** CSV separator; detected when absent. */
    delimiter: z.string().min(1).max(1).optional(),
    /** CSV encoding (`utf-8`, `windows-1252`, `iso-8859-1`, `utf-16le`); detected when absent. */
    encoding: z.string().min(1).optional(),
  })
  .meta({ id: 'IntakeMapping' });
export type IntakeMapping = z.infer<typeof intakeMappingSchema>;

/** A mapping shipped with Parterre for a known ticketing system. */
export const intakePresetSchema = intakeMappingSchema
  .extend({
    /** Stable identifier, e.g. `eventbrite`. */
    name: z.string(),
    /** French label shown in the import assistant. */
    label: z.string(),
  })
  .meta({ id: 'IntakePreset' });
export type IntakePreset = z.infer<typeof intakePresetSchema>;

/** How an order was sold, from the free labels of the source systems. */
export const orderChannelSchema = z.enum([
  'guichet',
  'web',
  'telephone',
  'revendeur',
  'correspondance',
  'autre',
]);
export type OrderChannel = z.infer<typeof orderChannelSchema>;

/** State of a ticket line or an order; a negative amount marks a refund. */
export const saleStatusSchema = z.enum(['confirmed', 'pending', 'cancelled', 'refunded']);
export type SaleStatus = z.infer<typeof saleStatusSchema>;

export const civilitySchema = z.enum(['M.', 'Mme']);
export type Civility = z.infer<typeof civilitySchema>;

/** What an import does with people who look like existing contacts. */
export const importDedupeSchema = z.enum(['off', 'review', 'merge']);
export type ImportDedupe = z.infer<typeof importDedupeSchema>;

/** Options sent with an uploaded file. Give a `preset` name or a full `mapping`. */
export const importOptionsSchema = z
  .object({
    preset: z.string().optional(),
    mapping: intakeMappingSchema.optional(),
    dedupe: importDedupeSchema.default('review'),
    /** XLSX only: sheet name or 1-based position (first sheet by default). */
    sheet: z.union([z.string(), z.number().int().min(1)]).optional(),
  })
  .meta({ id: 'ImportOptions' });
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export const importCountsSchema = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  merged: z.number().int(),
  rejected: z.number().int(),
});

export const rejectedRowSchema = z.object({
  /** Spreadsheet row number: the header is row 1. */
  row: z.number().int(),
  /** French explanation, e.g. « Date illisible « 31/02/2024 » (format attendu jj/mm/aaaa) ». */
  reason: z.string(),
  /** The row as read, column → value. */
  data: z.record(z.string(), z.string()),
});
export type RejectedRow = z.infer<typeof rejectedRowSchema>;

export const importSummarySchema = z
  .object({
    importId: z.uuid(),
    jobId: z.uuid(),
    status: jobStatusSchema,
    counts: importCountsSchema,
    rejectedRows: z.array(rejectedRowSchema).optional(),
  })
  .meta({ id: 'ImportSummary' });
export type ImportSummary = z.infer<typeof importSummarySchema>;

/** What the import assistant learns from an uploaded file before it is mapped. */
export const importPreviewSchema = z
  .object({
    /** Detected format: `kind` csv or xlsx, CSV encoding and separator. */
    format: z.object({ kind: z.enum(['csv', 'xlsx']), encoding: z.string(), delimiter: z.string() }),
    /** Header row, in file order. */
    headers: z.array(z.string()),
    /** The first 20 data rows, column → value. */
    rows: z.array(z.object({ rowNumber: z.number().int(), values: z.record(z.string(), z.string()) })),
    /** A shipped preset whose columns are all in the file. */
    suggestedPreset: z.string().optional(),
  })
  .meta({ id: 'ImportPreview' });
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** Speed of an import, from its job's start. */
export const importProgressSchema = z.object({
  /** Data rows the file holds: estimated from its size while running (null for XLSX), exact once done. */
  estimatedRows: z.number().int().nullable(),
  /** Average rows read per second since the job started. */
  rowsPerSecond: z.number().nullable(),
  /** Seconds left at that speed, while running. */
  etaSeconds: z.number().nullable(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

/** One file import, as listed in the history. */
export const importRunSchema = z
  .object({
    importId: z.uuid(),
    jobId: z.uuid().nullable(),
    fileName: z.string(),
    source: z.string(),
    preset: z.string().nullable(),
    dedupe: importDedupeSchema,
    dryRun: z.boolean(),
    status: jobStatusSchema,
    error: z.string().nullable(),
    /** Spreadsheet row number up to which the file is written (the resume point). */
    committedRows: z.number().int(),
    counts: importCountsSchema,
    progress: importProgressSchema,
    /** User who uploaded the file (null for the command line). */
    createdBy: z.uuid().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Import' });
export type ImportRun = z.infer<typeof importRunSchema>;

export const importDetailSchema = importRunSchema
  .extend({
    /** The first 100 rejected rows. */
    rejectedRows: z.array(rejectedRowSchema),
  })
  .meta({ id: 'ImportDetail' });
export type ImportDetail = z.infer<typeof importDetailSchema>;

/** A shipped preset, or one saved by the institution (with its `id`). */
export const importPresetItemSchema = intakePresetSchema
  .extend({ id: z.uuid().optional(), shipped: z.boolean() })
  .meta({ id: 'IntakePresetItem' });
export type ImportPresetItem = z.infer<typeof importPresetItemSchema>;

export const savePresetInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  mapping: intakeMappingSchema,
});
export type SavePresetInput = z.infer<typeof savePresetInputSchema>;
