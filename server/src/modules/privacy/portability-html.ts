import type { PersonExport } from '@parterre/contract/privacy';
import { exportSections, flatten } from './portability.ts';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every value comes from people's input (names, notes, answers): all of it is escaped. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]);
}

/**
 * A readable summary of the bundle for the person (French): one heading per section, one table per
 * item. No script, no external resource, so it can be sent as an attachment and opened anywhere.
 */
export function personExportToHtml(bundle: PersonExport): string {
  const parts = [
    '<!doctype html><html lang="fr"><head><meta charset="utf-8">',
    '<title>Vos données personnelles</title>',
    '<style>body{font-family:sans-serif;margin:2rem}table{border-collapse:collapse;margin-bottom:1rem}',
    'th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}</style></head><body>',
    '<h1>Vos données personnelles</h1>',
    `<p>Export produit le ${escapeHtml(bundle.generatedAt)} (format ${bundle.schemaVersion}).</p>`,
  ];
  for (const [name, items] of exportSections(bundle)) {
    parts.push(`<h2>${escapeHtml(name[0].toUpperCase() + name.slice(1))} (${items.length})</h2>`);
    if (items.length === 0) parts.push('<p>Aucun élément.</p>');
    for (const item of items) {
      const fields: [string, string][] = [];
      flatten(item, '', fields);
      parts.push('<table>');
      for (const [field, value] of fields) {
        if (value !== '') parts.push(`<tr><th>${escapeHtml(field)}</th><td>${escapeHtml(value)}</td></tr>`);
      }
      parts.push('</table>');
    }
  }
  parts.push('</body></html>');
  return parts.join('\n');
}
