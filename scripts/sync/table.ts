// The human output of a sync run: a few aligned tables on stdout.

import { championCandidatesOf } from './engine/result';
import type { SyncResult } from './engine/result';

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const pct = (v: number | null): string => (v === null ? '-' : `${(v * 100).toFixed(1)}%`);

export function formatTable(result: SyncResult): string {
  const out: string[] = [];
  out.push(
    `Adoption Cockpit sync — ${result.source.description} — ${result.period.type} ${result.period.start}..${result.period.end}`
  );
  out.push('');
  out.push(
    table(
      ['Object', 'Records', 'Excluded', 'Fields', 'Avg completeness', 'Complete'],
      result.objects.map((o) => [
        o.name,
        o.records,
        o.excludedRecords,
        o.fields.length,
        pct(o.completeness.average),
        o.completeness.complete
      ])
    )
  );
  for (const o of result.objects) {
    if (o.ruleFields.length === 0) continue;
    out.push('');
    out.push(`${o.name}: fields with completeness rules`);
    out.push(
      table(
        ['Field', 'Applies to', 'Filled', 'Fill rate'],
        o.ruleFields.map((f) => [f.field, f.records, f.filled, pct(f.records ? f.filled / f.records : null)])
      )
    );
  }
  out.push('');
  out.push('Teams');
  out.push(
    table(
      ['Team', 'Users', 'Active', 'Key users', 'Avg engagement', 'Minutes saved'],
      result.teams.map((t) => [
        t.team,
        t.users,
        t.activeUsers,
        t.keyUsers,
        t.averageEngagement,
        t.minutesSaved
      ])
    )
  );
  const champions = championCandidatesOf(result);
  if (champions.length > 0) {
    out.push('');
    out.push(
      `Champion candidates: ${champions.map((c) => `${c.name} (${c.team}, ${c.engagementScore})`).join(', ')}`
    );
  }
  out.push('');
  out.push(
    `Users: ${result.users.length} measured, ${result.excludedUsers.length} excluded (integration, automated, inactive). ` +
      `Snapshots: ${result.snapshots.user} user, ${result.snapshots.team} team, ${result.snapshots.completeness} completeness` +
      (result.write
        ? ` — written, ${result.write.failures.length} failures.`
        : ' (not written: --write with an org).')
  );
  for (const w of result.warnings) out.push(`warning: ${w}`);
  return `${out.join('\n')}\n`;
}
