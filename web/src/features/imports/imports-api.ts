import type {
  ImportDedupe,
  ImportDetail,
  ImportPresetItem,
  ImportPreview,
  ImportRun,
  IntakeMapping,
  SavePresetInput,
} from '@parterre/contract/intake';
import { apiDownload, apiRequest } from '../../app/api-client';

export type { ImportDedupe, ImportDetail, ImportPresetItem, ImportPreview, ImportRun, IntakeMapping };

/** What the import assistant sends with the file: a preset name, or the edited mapping. */
export interface ImportRequest {
  file: File;
  preset?: string;
  mapping?: IntakeMapping;
  dedupe: ImportDedupe;
  dryRun: boolean;
}

/** Detected format, headers and first rows of a file, without importing it. */
export function previewImport(file: File): Promise<ImportPreview> {
  const body = new FormData();
  body.append('file', file);
  return apiRequest('POST', '/imports/preview', { body });
}

/** Uploads the file and queues its import (or its dry run). */
export function startImport(request: ImportRequest): Promise<{ jobId: string; importId: string }> {
  const body = new FormData();
  if (request.mapping) body.append('mapping', JSON.stringify(request.mapping));
  else if (request.preset) body.append('preset', request.preset);
  body.append('dedupe', request.dedupe);
  body.append('dryRun', String(request.dryRun));
  // Fields before the file: the server reads them while the upload streams to disk.
  body.append('file', request.file);
  return apiRequest('POST', '/imports', { body });
}

export function listImports(): Promise<{ items: ImportRun[] }> {
  return apiRequest('GET', '/imports');
}

export function getImport(id: string): Promise<ImportDetail> {
  return apiRequest('GET', `/imports/${encodeURIComponent(id)}`);
}

/** Every rejected row with its line number and reason (CSV « ; », UTF-8). */
export function downloadRejections(id: string) {
  return apiDownload('GET', `/imports/${encodeURIComponent(id)}/rejections.csv`, { accept: 'text/csv' });
}

export function listPresets(): Promise<{ items: ImportPresetItem[] }> {
  return apiRequest('GET', '/intake/presets');
}

export function savePreset(input: SavePresetInput): Promise<ImportPresetItem> {
  return apiRequest('POST', '/intake/presets', { body: input });
}

export async function deletePreset(id: string): Promise<void> {
  await apiRequest('DELETE', `/intake/presets/${encodeURIComponent(id)}`);
}
