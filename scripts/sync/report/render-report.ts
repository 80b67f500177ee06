import type { SyncResult } from '../engine/result';

export function renderReport(result: SyncResult, history: readonly SyncResult[], lang: 'en' | 'fr'): string {
  void history;
  return `<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>Adoption Cockpit</title><pre>${JSON.stringify(result.objects.map((o) => [o.name, o.records]))}</pre></html>`;
}
