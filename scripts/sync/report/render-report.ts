// A self-contained HTML report for sponsors: inline CSS and inline SVG, no script, no external asset.
// It opens with KPI tiles and the team table, speaks the sponsor's language (human field labels,
// numbers and dates by Intl), uses one colour-blind-safe sequential palette with a legend, and reads
// on a 390 px phone (charts scale to their card, tables scroll inside theirs). Figures per person are
// left out unless asked for (`people`): a named ranking is not for every audience.

import { fieldRecords, type SyncResult, type UserResult } from '../engine/result';
import { NO_TEAM, QUEUE_TEAM } from '../engine/stages/users';
import { MIN_TEAM_USERS } from './aggregates';
import { buildLabels, labelOf, type LabelMap } from './field-labels';
import {
  formatter,
  localTimeZone,
  SEQUENTIAL,
  step,
  textOn,
  type Formatter,
  type ReportLanguage
} from './format';
import { dictionary, fill, fillCounts, frenchSpacing, type Dictionary } from './i18n';
import { foldSmallTeams, kpis, OTHER_TEAMS, teamRows, withoutOtherTeams, type TeamRow } from './team-summary';
import { reportWarnings, type WarningKind } from './warnings';

export interface ReportOptions {
  /** Include the per-person tables (activity by user, champion candidates). Default false. */
  people?: boolean;
  /** Human labels of objects and fields (field-labels.ts); default: standard labels, then humanised. */
  labels?: LabelMap;
  /** IANA time zone of the times of day shown (the generation time); default: the machine's. */
  timeZone?: string;
}

/** A team's name as the report shows it: the engine's placeholders ("(no team)", "(queue)") translated. */
function teamName(t: Dictionary, team: string): string {
  if (team === OTHER_TEAMS) return t.otherTeams;
  if (team === NO_TEAM) return t.noTeamName;
  if (team === QUEUE_TEAM) return t.queueName;
  return team;
}

/**
 * A table in a card: the card scrolls sideways on a narrow screen, so the scroll region takes the
 * keyboard focus (tabindex) and is named for screen readers (role region, aria-label), as axe's
 * scrollable-region-focusable rule asks; the first column stays in view (CSS, position sticky).
 */
function scroller(t: Dictionary, name: string, table: string): string {
  return `<div class="scroll" tabindex="0" role="region" aria-label="${esc(fill(t.scrollTable, name))}">${table}</div>`;
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Line colours of the trend chart: Okabe and Ito's colour-blind-safe qualitative set. */
const LINES = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'];

/** The legend of the sequential palette: one swatch per 10-point step. */
function legend(t: Dictionary, f: Formatter): string {
  const items = SEQUENTIAL.map((colour, i) => {
    const range = `${f.percent(i / SEQUENTIAL.length)}–${f.percent((i + 1) / SEQUENTIAL.length)}`;
    return `<li><i style="background:${colour}"></i>${esc(range)}</li>`;
  });
  items.push(`<li><i class="empty"></i>${esc(t.noRecord)}</li>`);
  return `<ul class="legend" aria-label="${esc(t.legend)}">${items.join('')}</ul>`;
}

function cell(rate: number, text: string, title: string): string {
  const colour = SEQUENTIAL[step(rate)] ?? SEQUENTIAL[0];
  return `<td class="heat" style="background:${colour};color:${textOn(colour)}" title="${esc(title)}">${esc(text)}</td>`;
}

function heatmap(result: SyncResult, t: Dictionary, labels: LabelMap, f: Formatter): string {
  const parts: string[] = [];
  for (const o of result.objects) {
    const byRule = o.ruleFields.length > 0;
    const fields = byRule ? o.ruleFields.map((x) => x.field) : o.fields.slice(0, 12).map((x) => x.name);
    const teams = o.teams.filter((x) => x.records > 0);
    if (teams.length === 0 || fields.length === 0) continue;
    const head = fields
      .map((field) => `<th scope="col">${esc(labelOf(labels, o.name, field))}</th>`)
      .join('');
    const rows = teams.map((team) => {
      const cells = fields.map((field) => {
        // Rule fields: the team's records the field's rules apply to (record type, stage); otherwise all.
        const rule = byRule ? team.ruleFields.find((x) => x.field === field) : undefined;
        const count = byRule ? undefined : team.fields.find((x) => x.name === field);
        const filled = rule ? rule.filled : (count?.filled ?? 0);
        // A field some records' file lacks is out of its own records (FieldCount.records).
        const records = rule
          ? rule.records
          : byRule
            ? 0
            : count
              ? fieldRecords(count, team.records)
              : team.records;
        const name = `${teamName(t, team.team)} · ${labelOf(labels, o.name, field)}`;
        if (records === 0) return `<td class="heat empty" title="${esc(name)}">–</td>`;
        const rate = filled / records;
        return cell(rate, f.percent(rate), `${name}${t.colon}${f.count(filled)} / ${f.count(records)}`);
      });
      return `<tr><th scope="row">${esc(teamName(t, team.team))}</th>${cells.join('')}</tr>`;
    });
    const title = labelOf(labels, o.name);
    parts.push(
      `<h3>${esc(title)}</h3>${scroller(t, title, `<table class="heatmap"><thead><tr><th scope="col"><span class="visually-hidden">${esc(t.team)}</span></th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`)}`
    );
  }
  return parts.join('');
}

/**
 * Filled, but not informative: per object and rule field, the share of filled values that are the field's
 * default, a placeholder or an owner's dominating value. Field totals only; the dominating values by person
 * only with `people` (the report's rule for named figures).
 */
function notInformative(
  result: SyncResult,
  t: Dictionary,
  labels: LabelMap,
  f: Formatter,
  people: boolean
): string {
  const parts: string[] = [];
  const named: string[] = [];
  let measured = false;
  for (const o of result.objects) {
    const fields = (o.notInformative ?? []).filter((x) => x.filled > 0);
    if (fields.length > 0) measured = true;
    // A table of zeros says nothing: only fields with a value that says nothing are listed.
    if (!fields.some((x) => x.defaultValues + x.placeholders + x.dominant > 0)) continue;
    const ratio = (n: number, of: number): string => esc(f.percent(of > 0 ? n / of : null));
    const rows = fields.map((x) => {
      const none = x.defaultValues + x.placeholders + x.dominant;
      return `<tr><th scope="row">${esc(labelOf(labels, o.name, x.field))}</th><td>${esc(f.count(x.filled))}</td><td>${ratio(x.defaultValues, x.filled)}</td><td>${ratio(x.placeholders, x.filled)}</td><td>${ratio(x.dominant, x.filled)}</td><td>${ratio(none, x.filled)}</td></tr>`;
    });
    const title = labelOf(labels, o.name);
    parts.push(
      `<h3>${esc(title)}</h3>${scroller(t, title, `<table><thead><tr><th scope="col">${esc(t.field)}</th><th scope="col">${esc(t.filledValues)}</th><th scope="col">${esc(t.defaults)}</th><th scope="col">${esc(t.placeholders)}</th><th scope="col">${esc(t.dominant)}</th><th scope="col">${esc(t.share)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`)}`
    );
    for (const x of fields)
      for (const owner of x.owners)
        if (owner.dominantValue)
          named.push(
            `<tr><th scope="row">${esc(owner.ownerName)}</th><td class="l">${esc(teamName(t, owner.team))}</td><td class="l">${esc(`${labelOf(labels, o.name)} · ${labelOf(labels, o.name, x.field)}`)}</td><td class="l">${esc(owner.dominantValue.value)}</td><td>${esc(f.percent(owner.dominantValue.ownerShare))}</td></tr>`
          );
  }
  if (!measured) return '';
  if (parts.length === 0)
    return `<section><h2>${esc(t.uninformative)}</h2><p class="note">${esc(t.uninformativeNone)}</p></section>
`;
  const scored = result.placeholdersAsEmpty === true ? t.uninformativeScored : t.uninformativeNotScored;
  const notes = [
    t.uninformativeNote,
    scored,
    ...(result.source.kind === 'export' ? [t.uninformativeDefaults] : [])
  ];
  const byPerson =
    people && named.length > 0
      ? `<h3>${esc(t.uninformativePeople)}</h3>${scroller(t, t.uninformativePeople, `<table><thead><tr><th scope="col">${esc(t.user)}</th><th scope="col" class="l">${esc(t.team)}</th><th scope="col" class="l">${esc(t.field)}</th><th scope="col" class="l">${esc(t.dominantValue)}</th><th scope="col">${esc(t.ownerShare)}</th></tr></thead><tbody>${named.join('')}</tbody></table>`)}`
      : '';
  return `<section><h2>${esc(t.uninformative)}</h2>${notes.map((n) => `<p class="note">${esc(n)}</p>`).join('')}${parts.join('')}${byPerson}</section>
`;
}

/** Stacked bars per team: share of records per tenth of the completeness score. Scales to its card. */
function distribution(result: SyncResult, t: Dictionary, labels: LabelMap, f: Formatter): string {
  const parts: string[] = [];
  for (const o of result.objects) {
    const teams = o.teams.filter((x) => x.completeness.scored > 0);
    if (teams.length === 0) continue;
    const rows = teams.map((team) => {
      const tenths = SEQUENTIAL.map((_, i) => team.completeness.deciles[i] ?? 0);
      let x = 0;
      const bars = tenths.map((n, i) => {
        const share = n / team.completeness.scored;
        const rect =
          share > 0
            ? `<rect x="${(x * 100).toFixed(2)}" y="0" width="${(share * 100).toFixed(2)}" height="10" fill="${SEQUENTIAL[i] ?? ''}"><title>${esc(`${f.percent(i / SEQUENTIAL.length)}–${f.percent((i + 1) / SEQUENTIAL.length)}${t.colon}${f.count(n)}`)}</title></rect>`
            : '';
        x += share;
        return rect;
      });
      const name = teamName(t, team.team);
      return `<div class="bar-row"><span class="bar-label">${esc(name)}</span><svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${esc(`${name}${t.colon}${f.percent(team.completeness.average)}`)}">${bars.join('')}</svg><span class="bar-value">${esc(f.percent(team.completeness.average))}</span></div>`;
    });
    parts.push(`<h3>${esc(labelOf(labels, o.name))}</h3>${rows.join('')}`);
  }
  return parts.join('');
}

/** A line chart that scales to its card (viewBox), with a text legend. Values are ratios 0–1. */
function lineChart(
  dates: string[],
  series: { name: string; values: (number | null)[] }[],
  f: Formatter
): string {
  const w = 640;
  const h = 220;
  const left = 48;
  const bottom = 28;
  const x = (i: number): number =>
    left + (dates.length <= 1 ? 0 : (i * (w - left - 16)) / (dates.length - 1));
  const y = (v: number): number => h - bottom - v * (h - bottom - 12);
  const out: string[] = [
    `<line x1="${left}" y1="${h - bottom}" x2="${w - 8}" y2="${h - bottom}" stroke="#747474"/>`,
    `<text x="${left - 6}" y="${y(1) + 4}" text-anchor="end" class="axis">${esc(f.percent(1))}</text>`,
    `<text x="${left - 6}" y="${y(0.5) + 4}" text-anchor="end" class="axis">${esc(f.percent(0.5))}</text>`
  ];
  const every = Math.max(1, Math.ceil(dates.length / 6));
  dates.forEach((d, i) => {
    if (i % every === 0 || i === dates.length - 1) {
      out.push(
        `<text x="${x(i)}" y="${h - 8}" text-anchor="middle" class="axis">${esc(f.dayMonth(d))}</text>`
      );
    }
  });
  series.forEach((s, k) => {
    const colour = LINES[k % LINES.length] ?? '#0072b2';
    const points = s.values
      .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
      .filter((p): p is string => p !== null);
    out.push(`<polyline fill="none" stroke="${colour}" stroke-width="2.5" points="${points.join(' ')}"/>`);
  });
  const keys = series
    .map((s, k) => `<li><i style="background:${LINES[k % LINES.length] ?? ''}"></i>${esc(s.name)}</li>`)
    .join('');
  return `<svg class="chart" viewBox="0 0 ${w} ${h}" role="img">${out.join('')}</svg><ul class="legend">${keys}</ul>`;
}

function sparkline(values: number[]): string {
  if (values.length < 2) return '';
  const max = Math.max(1, ...values);
  const points = values
    .map((v, i) => `${((i * 60) / (values.length - 1)).toFixed(1)},${(18 - (v / max) * 16).toFixed(1)}`)
    .join(' ');
  return `<svg class="spark" viewBox="0 0 60 20" aria-hidden="true"><polyline fill="none" stroke="#0b5cab" stroke-width="1.5" points="${points}"/></svg>`;
}

function trendText(row: TeamRow, f: Formatter): string {
  if (row.trend === null) return '–';
  const arrow = row.trend > 0.05 ? '↗' : row.trend < -0.05 ? '↘' : '→';
  return `${arrow} ${f.signedPercent(row.trend)}`;
}

function tiles(result: SyncResult, t: Dictionary, f: Formatter): string {
  const k = kpis(result);
  const tile = (label: string, value: string, detail = '') =>
    `<div class="tile"><p class="tile-label">${esc(label)}</p><p class="tile-value">${esc(value)}</p>${detail ? `<p class="tile-detail">${esc(detail)}</p>` : ''}</div>`;
  return `<div class="tiles">${[
    tile(t.kpiUsers, f.count(k.users)),
    tile(t.kpiActive, f.percent(k.activeRate), fillCounts(t.kpiActiveDetail, f, k.activeUsers, k.users)),
    tile(t.kpiCompleteness, f.percent(k.completeness)),
    tile(
      t.kpiCoverage,
      f.percent(k.teams ? k.coveredTeams / k.teams : null),
      fillCounts(t.kpiCoverageDetail, f, k.coveredTeams, k.teams)
    ),
    tile(t.kpiTimeSaved, f.hours(k.minutesSaved))
  ].join('')}</div>`;
}

/** The team table; `hidden`: users of the small teams left out of it (counted in the tiles only). */
function teamTable(result: SyncResult, hidden: number, t: Dictionary, f: Formatter): string {
  const rows = teamRows(result);
  const folded =
    hidden > 0
      ? `<p class="note">${esc(fillCounts(t.smallTeamsHidden, f, MIN_TEAM_USERS, hidden))}</p>`
      : rows.some((r) => r.team === OTHER_TEAMS)
        ? `<p class="note">${esc(fillCounts(t.otherTeamsNote, f, MIN_TEAM_USERS))}</p>`
        : '';
  if (rows.length === 0) return `${folded}<p>${esc(t.noTeam)}</p>`;
  // "Other teams" is not one team: no "no key user" highlight, whose remedy is one key user per team.
  const gap = (r: TeamRow): boolean => r.keyUsers === 0 && r.team !== OTHER_TEAMS;
  const body = rows
    .map(
      (r) =>
        `<tr${gap(r) ? ' class="uncovered"' : ''}><th scope="row">${esc(teamName(t, r.team))}</th><td>${esc(f.count(r.users))}</td><td>${esc(f.percent(r.activeRate))}</td><td><span class="trend">${sparkline(r.created)}<span>${esc(trendText(r, f))}</span></span></td><td>${esc(f.percent(r.completeness))}</td><td>${gap(r) ? `<span class="gap">${esc(t.none)}</span>` : esc(f.count(r.keyUsers))}</td><td>${esc(f.hours(r.minutesSaved))}</td></tr>`
    )
    .join('');
  return `${folded}${scroller(t, t.teams, `<table><thead><tr><th scope="col">${esc(t.team)}</th><th scope="col">${esc(t.users)}</th><th scope="col">${esc(t.active)}</th><th scope="col">${esc(t.trend)}</th><th scope="col">${esc(t.completeness)}</th><th scope="col">${esc(t.keyUsers)}</th><th scope="col">${esc(t.timeSaved)}</th></tr></thead><tbody>${body}</tbody></table>`)}`;
}

/**
 * What the run could not measure (the `limit` warnings of SyncResult.warningCodes), first: the figures
 * below leave it out. Each warning in the report's language (warnings.ts), never the operator's console text.
 */
function warningsSection(lines: readonly string[], t: Dictionary): string {
  if (lines.length === 0) return '';
  return `<section class="warnings" role="alert"><h2>${esc(t.warnings)}</h2><p class="note">${esc(t.warningsNote)}</p><ul>${lines.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></section>\n`;
}

/**
 * How the figures were taken (the `notice` warnings: the export's day, records counted once, no roll-out
 * wave…): said last and plainly, not as an alert, since nothing is missing from the figures.
 */
function noticesSection(lines: readonly string[], t: Dictionary): string {
  if (lines.length === 0) return '';
  return `<section class="notices"><h2>${esc(t.notices)}</h2><p class="note">${esc(t.noticesNote)}</p><ul>${lines.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></section>\n`;
}

/**
 * The per-person sections (`people`): the champion candidates and the activity table, both by team then
 * name in the report's language, never by score: figures per person are for coaching, and a list ordered by
 * engagement is the named ranking a works council objects to. Candidates are listed without their score.
 */
function peopleSections(result: SyncResult, t: Dictionary, f: Formatter, lang: ReportLanguage): string {
  const collator = new Intl.Collator(lang);
  const byTeamThenName = (a: UserResult, b: UserResult): number =>
    collator.compare(teamName(t, a.team), teamName(t, b.team)) || collator.compare(a.name, b.name);
  const users = [...result.users].sort(byTeamThenName);
  const champions = result.users.filter((u) => u.championCandidate).sort(byTeamThenName);
  const championList =
    champions.length === 0
      ? `<p>${esc(t.noChampions)}</p>`
      : `<ul>${champions.map((c) => `<li><strong>${esc(c.name)}</strong> — ${esc(teamName(t, c.team))}</li>`).join('')}</ul>`;
  const rows = users
    .map(
      (u) =>
        `<tr><th scope="row">${esc(u.name)}${u.isKeyUser ? `<span class="badge">${esc(t.keyUser)}</span>` : ''}</th><td class="l">${esc(teamName(t, u.team))}</td><td>${esc(f.count(u.recordsCreated))}</td><td>${esc(f.count(u.recordsUpdated))}</td><td>${esc(f.count(u.tasksLogged))}</td><td>${esc(f.count(u.eventsLogged))}</td><td>${esc(f.count(u.activeDays))}</td><td>${u.lastLogin ? esc(f.date(u.lastLogin.slice(0, 10))) : '–'}</td><td>${esc(f.percent(u.completeness))}</td><td>${esc(f.count(u.engagementScore))}</td><td>${esc(f.hours(u.minutesSaved))}</td></tr>`
    )
    .join('');
  return `<section><h2>${esc(t.champions)}</h2><p class="note">${esc(t.championsNote)}</p>${championList}</section>
<section><h2>${esc(t.people)}</h2><p class="note">${esc(t.peopleNote)}</p>${scroller(t, t.people, `<table><thead><tr><th scope="col">${esc(t.user)}</th><th scope="col" class="l">${esc(t.team)}</th><th scope="col">${esc(t.created)}</th><th scope="col">${esc(t.updated)}</th><th scope="col">${esc(t.tasks)}</th><th scope="col">${esc(t.events)}</th><th scope="col">${esc(t.activeDays)}</th><th scope="col">${esc(t.lastLogin)}</th><th scope="col">${esc(t.completeness)}</th><th scope="col">${esc(t.engagement)}</th><th scope="col">${esc(t.timeSaved)}</th></tr></thead><tbody>${rows}</tbody></table>`)}</section>`;
}

const STYLE = `
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#181818;margin:0;background:#f3f3f3}
header{background:#032d60;color:#fff;padding:16px clamp(12px,4vw,28px)}header h1{margin:0;font-size:clamp(18px,4.5vw,22px)}header p{margin:4px 0 0;color:#e5eaf2}
main{padding:16px clamp(8px,3vw,28px);max-width:1760px}
section{background:#fff;border-radius:8px;padding:14px clamp(12px,3vw,20px);margin:0 0 16px;box-shadow:0 1px 2px rgba(0,0,0,.08);min-width:0}
h2{font-size:17px;margin:0 0 8px}h3{font-size:15px;margin:14px 0 6px;color:#3e3e3c}
.note{color:#545454;font-size:14px;margin:0 0 8px}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px}
.tile{border:1px solid #dddbda;border-radius:8px;padding:10px 12px}.tile p{margin:0}
.tile-label{font-size:13px;color:#545454}.tile-value{font-size:26px;font-weight:700}.tile-detail{font-size:13px;color:#545454}
.scroll{overflow-x:auto;max-width:100%}.scroll:focus-visible{outline:2px solid #0b5cab;outline-offset:2px}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
table{border-collapse:collapse;width:100%}th,td{padding:6px 8px;border-bottom:1px solid #e5e5e5;text-align:right;white-space:nowrap}
thead th{background:#f3f3f3;font-weight:600;font-size:13px}th[scope=row],td.l,th.l,thead th:first-child{text-align:left}
th[scope=row]{font-weight:400;white-space:normal;min-width:9em;overflow-wrap:break-word;hyphens:auto}
.scroll th[scope=row],.scroll thead th:first-child{position:sticky;left:0;z-index:1;background:#fff}.scroll thead th:first-child{background:#f3f3f3}
@media (max-width:480px){.scroll th[scope=row]{min-width:8em;max-width:11em}}
tr.uncovered th[scope=row]{box-shadow:inset 4px 0 0 #8c4b02}.gap{color:#8c4b02;font-weight:600}
span.trend{display:inline-flex;gap:6px;align-items:center}.spark{width:60px;height:20px}
.heatmap th[scope=col]{white-space:normal;min-width:84px;vertical-align:bottom}.heatmap thead th+th{width:8em}
.heat{text-align:center;font-weight:600;font-size:13px}.heat.empty{background:#f3f3f3;color:#3e3e3c}
.legend{list-style:none;padding:0;margin:8px 0 0;display:flex;flex-wrap:wrap;gap:6px 14px;font-size:13px}
.legend i{display:inline-block;width:14px;height:14px;margin-right:6px;border-radius:2px;vertical-align:-2px;border:1px solid #c9c9c9}.legend i.empty{background:#f3f3f3}
.bar-row{display:grid;grid-template-columns:minmax(0,10em) minmax(0,1fr) 3.5em;gap:8px;align-items:center;margin:4px 0}
.bar-label{overflow-wrap:anywhere;font-size:14px}.bar{width:100%;height:18px}.bar-value{text-align:right;font-size:14px}
.chart{width:100%;height:auto}.axis{font-size:12px;fill:#3e3e3c}
.warnings{border-left:4px solid #8c4b02}.warnings li,.notices li{overflow-wrap:anywhere}
.badge{background:#e3f3e6;color:#1d6b2f;border-radius:10px;padding:1px 7px;font-size:12px;margin-left:4px}
`;

/**
 * The report's HTML. `history`: earlier results (oldest first) for the completeness trend. Throws
 * nothing: missing figures show as "–".
 */
export function renderReport(
  result: SyncResult,
  history: readonly SyncResult[],
  lang: ReportLanguage,
  options: ReportOptions = {}
): string {
  const t = dictionary(lang);
  const f = formatter(lang, options.timeZone ?? localTimeZone());
  const labels = options.labels ?? buildLabels(lang);
  // A team of fewer than MIN_TEAM_USERS is a person: folded into "Other teams" wherever teams are shown.
  const folded = foldSmallTeams(result);
  const others = folded.teams.find((x) => x.team === OTHER_TEAMS)?.users ?? 0;
  // Folded teams that together are still under the threshold are people: tiles only, no row, no chart.
  const hidden = others > 0 && others < MIN_TEAM_USERS ? others : 0;
  const shown = hidden > 0 ? withoutOtherTeams(folded) : folded;
  const warningLines = (kind: WarningKind): string[] =>
    reportWarnings(result.warningCodes, lang, { labels, f, source: result.source.kind }, kind).map((line) =>
      lang === 'fr' ? frenchSpacing(line) : line
    );
  const warnings = warningLines('limit');
  const notices = warningLines('notice');
  const runs = history.filter((h) => typeof h.period === 'object' && Boolean(h.period.start)).slice(-24);
  const objectNames = [...new Set(runs.flatMap((r) => r.objects.map((o) => o.name)))];
  const completenessTrend =
    runs.length > 1
      ? lineChart(
          runs.map((r) => r.period.start),
          objectNames.map((name) => ({
            name: labelOf(labels, name),
            values: runs.map((r) => r.objects.find((o) => o.name === name)?.completeness.average ?? null)
          })),
          f
        )
      : `<p class="note">${esc(t.oneRun)}</p>`;
  const source = result.source.kind === 'org' ? t.sourceOrg : t.sourceExport;
  const period = `${t.periodTypes[result.period.type] ?? result.period.type} ${f.date(result.period.start)} – ${f.date(result.period.end)}`;
  const inactive = result.excludedUsers.filter((u) => u.reason === 'inactive').length;
  const automated = result.excludedUsers.length - inactive;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${esc(t.title)}</h1><p>${esc(source)} · ${esc(t.period)}${esc(t.colon)}${esc(period)} · ${esc(t.generated)} ${esc(f.dateTime(result.generatedAt))}</p></header>
<main>
${warningsSection(warnings, t)}<section><h2>${esc(t.kpis)}</h2>${tiles(folded, t, f)}</section>
<section><h2>${esc(t.teams)}</h2><p class="note">${esc(t.teamsNote)}</p>${teamTable(shown, hidden, t, f)}</section>
<section><h2>${esc(t.summary)}</h2><p class="note">${esc(t.excludedNote)}</p>
${scroller(
  t,
  t.summary,
  `<table><thead><tr><th scope="col">${esc(t.object)}</th><th scope="col">${esc(t.records)}</th><th scope="col">${esc(t.excluded)}</th><th scope="col">${esc(t.completeness)}</th><th scope="col">${esc(t.completeRecords)}</th></tr></thead><tbody>
${result.objects.map((o) => `<tr><th scope="row">${esc(labelOf(labels, o.name))}</th><td>${esc(f.count(o.records))}</td><td>${esc(f.count(o.excludedRecords))}</td><td>${esc(f.percent(o.completeness.average))}</td><td>${esc(f.count(o.completeness.complete))}</td></tr>`).join('\n')}
</tbody></table>`
)}</section>
<section><h2>${esc(t.heatmap)}</h2><p class="note">${esc(t.heatmapNote)}</p>${legend(t, f)}${heatmap(shown, t, labels, f)}</section>
${notInformative(result, t, labels, f, options.people === true)}<section><h2>${esc(t.distribution)}</h2><p class="note">${esc(t.distributionNote)}</p>${legend(t, f)}${distribution(shown, t, labels, f)}</section>
<section><h2>${esc(t.completenessTrend)}</h2>${completenessTrend}</section>
${options.people ? peopleSections(result, t, f, lang) : `<section><p class="note">${esc(t.teamsOnly)}</p><p class="note">${esc(fillCounts(t.notCounted, f, inactive, automated))}</p></section>`}
${noticesSection(notices, t)}</main>
</body>
</html>
`;
}
