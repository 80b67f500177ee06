// A self-contained HTML report: inline CSS and inline SVG, no script, no external asset.

import { byEngagement, championCandidatesOf } from '../engine/result';
import type { SyncResult } from '../engine/result';
import { dictionary } from './i18n';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pct = (v: number | null): string => (v === null ? '–' : `${(v * 100).toFixed(1)} %`);
const PALETTE = ['#0b5cab', '#3ba755', '#e07b00', '#8e44ad', '#c23934', '#16a3b8', '#6b7280', '#b5651d'];

/** Red (0) → amber → green (1). */
function heat(v: number): string {
  const hue = Math.round(Math.max(0, Math.min(1, v)) * 120);
  return `hsl(${hue}, 65%, ${v > 0.5 ? 42 : 48}%)`;
}

function heatmap(result: SyncResult): string {
  const parts: string[] = [];
  for (const o of result.objects) {
    const byRule = o.ruleFields.length > 0;
    const fields = byRule ? o.ruleFields.map((f) => f.field) : o.fields.slice(0, 12).map((f) => f.name);
    const teams = o.teams.filter((t) => t.records > 0);
    if (teams.length === 0 || fields.length === 0) continue;
    const cw = 92;
    const ch = 26;
    const left = 150;
    const top = 90;
    const width = left + fields.length * cw + 10;
    const height = top + teams.length * ch + 10;
    const cells: string[] = [];
    fields.forEach((f, i) => {
      cells.push(
        `<text x="${left + i * cw + cw / 2}" y="${top - 8}" transform="rotate(-30 ${left + i * cw + cw / 2} ${top - 8})" class="lbl">${esc(f)}</text>`
      );
    });
    teams.forEach((t, j) => {
      cells.push(
        `<text x="${left - 8}" y="${top + j * ch + 17}" text-anchor="end" class="lbl">${esc(t.team)}</text>`
      );
      fields.forEach((f, i) => {
        // Rule fields: the team's records the field's rules apply to (record type, stage); otherwise all.
        const rule = byRule ? t.ruleFields.find((x) => x.field === f) : undefined;
        const filled = rule ? rule.filled : (t.fields.find((x) => x.name === f)?.filled ?? 0);
        const records = rule ? rule.records : byRule ? 0 : t.records;
        const x = left + i * cw;
        const y = top + j * ch;
        if (records === 0) {
          cells.push(
            `<rect x="${x + 1}" y="${y + 1}" width="${cw - 2}" height="${ch - 2}" fill="#e5e5e5"><title>${esc(t.team)} · ${esc(f)}: 0/0</title></rect>` +
              `<text x="${x + cw / 2}" y="${y + 17}" text-anchor="middle" class="lbl">–</text>`
          );
          return;
        }
        const rate = filled / records;
        cells.push(
          `<rect x="${x + 1}" y="${y + 1}" width="${cw - 2}" height="${ch - 2}" fill="${heat(rate)}"><title>${esc(t.team)} · ${esc(f)}: ${filled}/${records}</title></rect>` +
            `<text x="${x + cw / 2}" y="${y + 17}" text-anchor="middle" class="val">${Math.round(rate * 100)}%</text>`
        );
      });
    });
    parts.push(
      `<h3>${esc(o.name)}</h3><svg role="img" aria-label="${esc(o.name)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${cells.join('')}</svg>`
    );
  }
  return parts.join('');
}

function distribution(result: SyncResult): string {
  const parts: string[] = [];
  for (const o of result.objects) {
    const teams = o.teams.filter((t) => t.completeness.scored > 0);
    if (teams.length === 0) continue;
    const w = 520;
    const rowH = 22;
    const left = 150;
    const height = teams.length * rowH + 30;
    const bars: string[] = [];
    teams.forEach((t, j) => {
      let x = left;
      bars.push(
        `<text x="${left - 8}" y="${j * rowH + 15}" text-anchor="end" class="lbl">${esc(t.team)}</text>`
      );
      t.completeness.deciles.forEach((n, d) => {
        const bw = (n / t.completeness.scored) * (w - left);
        if (bw > 0) {
          bars.push(
            `<rect x="${x.toFixed(1)}" y="${j * rowH + 2}" width="${bw.toFixed(1)}" height="${rowH - 4}" fill="${heat(d / 9)}"><title>${d * 10}–${d * 10 + 10} %: ${n}</title></rect>`
          );
        }
        x += bw;
      });
      bars.push(`<text x="${w + 6}" y="${j * rowH + 15}" class="lbl">${pct(t.completeness.average)}</text>`);
    });
    bars.push(
      `<text x="${left}" y="${height - 6}" class="lbl">0 %</text><text x="${w}" y="${height - 6}" text-anchor="end" class="lbl">100 %</text>`
    );
    parts.push(
      `<h3>${esc(o.name)}</h3><svg role="img" aria-label="${esc(o.name)}" width="${w + 70}" height="${height}">${bars.join('')}</svg>`
    );
  }
  return parts.join('');
}

function lineChart(
  labels: string[],
  series: { name: string; values: (number | null)[] }[],
  format: (v: number) => string
): string {
  const w = 640;
  const h = 220;
  const left = 50;
  const bottom = 30;
  const max = Math.max(1, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const x = (i: number): number =>
    left + (labels.length <= 1 ? 0 : (i * (w - left - 20)) / (labels.length - 1));
  const y = (v: number): number => h - bottom - (v / max) * (h - bottom - 10);
  const out: string[] = [
    `<line x1="${left}" y1="${h - bottom}" x2="${w - 10}" y2="${h - bottom}" stroke="#999"/>`
  ];
  out.push(`<text x="${left - 6}" y="${y(max) + 4}" text-anchor="end" class="lbl">${format(max)}</text>`);
  labels.forEach((l, i) => {
    if (labels.length <= 12 || i % Math.ceil(labels.length / 12) === 0) {
      out.push(`<text x="${x(i)}" y="${h - 10}" text-anchor="middle" class="lbl">${esc(l.slice(5))}</text>`);
    }
  });
  series.forEach((s, k) => {
    const color = PALETTE[k % PALETTE.length] ?? '#333';
    const pts = s.values
      .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
      .filter((p): p is string => p !== null);
    out.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.join(' ')}"/>`);
    for (const p of pts) {
      const [px, py] = p.split(',');
      out.push(`<circle cx="${px}" cy="${py}" r="2.5" fill="${color}"/>`);
    }
  });
  const legend = series
    .map(
      (s, k) =>
        `<span class="key"><i style="background:${PALETTE[k % PALETTE.length]}"></i>${esc(s.name)}</span>`
    )
    .join(' ');
  return `<svg role="img" width="${w}" height="${h}">${out.join('')}</svg><div>${legend}</div>`;
}

export function renderReport(result: SyncResult, history: readonly SyncResult[], lang: 'en' | 'fr'): string {
  const t = dictionary(lang);
  const users = [...result.users].sort(byEngagement);
  const champions = championCandidatesOf(result);
  const runs = history.filter((h) => typeof h.period === 'object' && Boolean(h.period.start)).slice(-24);
  const objectNames = [...new Set(runs.flatMap((r) => r.objects.map((o) => o.name)))];
  const completenessTrend =
    runs.length > 1
      ? lineChart(
          runs.map((r) => r.period.start),
          objectNames.map((name) => ({
            name,
            values: runs.map((r) => {
              const avg = r.objects.find((o) => o.name === name)?.completeness.average;
              return avg === undefined || avg === null ? null : avg * 100;
            })
          })),
          (v) => `${v.toFixed(0)} %`
        )
      : `<p class="note">${t.oneRun}</p>`;
  const activityTrend = lineChart(
    result.activityTrend.periodStarts,
    result.activityTrend.teams.map((team) => ({ name: team.team, values: team.created })),
    (v) => String(Math.round(v))
  );
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.title)}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#181818;margin:0;background:#f3f3f3}
header{background:#032d60;color:#fff;padding:18px 28px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;opacity:.85}
main{padding:20px 28px;max-width:1280px}section{background:#fff;border-radius:8px;padding:16px 20px;margin:0 0 18px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
h2{font-size:17px;margin:0 0 8px}h3{font-size:14px;margin:14px 0 4px;color:#444}
table{border-collapse:collapse;width:100%}th,td{padding:5px 8px;border-bottom:1px solid #e5e5e5;text-align:right}th:first-child,td:first-child,td.l,th.l{text-align:left}
th{background:#fafafa;font-weight:600}.note{color:#555;font-size:13px}.lbl{font-size:11px;fill:#333}.val{font-size:11px;fill:#fff;font-weight:600}
.key{display:inline-block;margin-right:12px;font-size:12px}.key i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
.badge{background:#e3f3e6;color:#1d6b2f;border-radius:10px;padding:1px 7px;font-size:11px;margin-left:4px}svg{max-width:100%;height:auto}
</style>
</head>
<body>
<header><h1>${esc(t.title)}</h1><p>${t.source}: ${esc(result.source.description)} · ${t.period}: ${esc(result.period.type)} ${esc(result.period.start)} → ${esc(result.period.end)} · ${t.generated} ${esc(result.generatedAt.slice(0, 16).replace('T', ' '))} UTC</p></header>
<main>
<section><h2>${t.summary}</h2>
<table><thead><tr><th>${t.object}</th><th>${t.records}</th><th>${t.excluded}</th><th>${t.averageCompleteness}</th><th>${t.completeRecords}</th></tr></thead><tbody>
${result.objects.map((o) => `<tr><td>${esc(o.name)}</td><td>${o.records}</td><td>${o.excludedRecords}</td><td>${pct(o.completeness.average)}</td><td>${o.completeness.complete}</td></tr>`).join('\n')}
</tbody></table></section>
<section><h2>${t.heatmap}</h2><p class="note">${t.heatmapNote}</p>${heatmap(result)}</section>
<section><h2>${t.distribution}</h2><p class="note">${t.distributionNote}</p>${distribution(result)}</section>
<section><h2>${t.champions}</h2><p class="note">${t.championsNote}</p>
${champions.length === 0 ? `<p>${t.noChampions}</p>` : `<ol>${champions.map((c) => `<li><strong>${esc(c.name)}</strong> — ${esc(c.team)} — ${t.engagement} ${c.engagementScore}</li>`).join('')}</ol>`}
</section>
<section><h2>${t.trend}</h2><h3>${t.activityTrend}</h3>${activityTrend}<h3>${t.completenessTrend}</h3>${completenessTrend}</section>
<section><h2>${t.activity}</h2>
<table><thead><tr><th>${t.user}</th><th class="l">${t.team}</th><th>${t.created}</th><th>${t.updated}</th><th>${t.tasks}</th><th>${t.events}</th><th>${t.activeDays}</th><th>${t.lastLogin}</th><th>${t.completeness}</th><th>${t.engagement}</th><th>${t.minutesSaved}</th></tr></thead><tbody>
${users
  .map(
    (u) =>
      `<tr><td>${esc(u.name)}${u.isKeyUser ? `<span class="badge">${t.keyUser}</span>` : ''}</td><td class="l">${esc(u.team)}</td><td>${u.recordsCreated}</td><td>${u.recordsUpdated}</td><td>${u.tasksLogged}</td><td>${u.eventsLogged}</td><td>${u.activeDays}</td><td>${esc((u.lastLogin ?? '–').slice(0, 10))}</td><td>${pct(u.completeness)}</td><td>${u.engagementScore}</td><td>${u.minutesSaved}</td></tr>`
  )
  .join('\n')}
</tbody></table></section>
<section><h2>${t.excludedUsers}</h2>
${result.excludedUsers.length === 0 ? `<p>${t.none}</p>` : `<table><thead><tr><th>${t.user}</th><th class="l">${t.reason}</th></tr></thead><tbody>${result.excludedUsers.map((e) => `<tr><td>${esc(e.name)}</td><td class="l">${esc(e.reason)}: ${esc(e.detail)}</td></tr>`).join('')}</tbody></table>`}
</section>
</main>
</body>
</html>
`;
}
