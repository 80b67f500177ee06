import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getTeamView from '@salesforce/apex/TeamViewController.getTeamView';
import LOCALE from '@salesforce/i18n/locale';
import { formatDate, formatLabel, formatPlural } from 'c/labelUtils';
import { reloading, wireState, type WireState } from 'c/ldsUtils';

import TITLE from '@salesforce/label/c.teamCoaching_Title';
import ERROR_TITLE from '@salesforce/label/c.teamCoaching_ErrorTitle';
import EMPTY from '@salesforce/label/c.teamCoaching_Empty';
import LOADING from '@salesforce/label/c.common_Loading';
import COMPLETENESS from '@salesforce/label/c.teamCoaching_Completeness';
import ACTIVITY from '@salesforce/label/c.teamCoaching_Activity';
import ENGAGEMENT from '@salesforce/label/c.teamCoaching_Engagement';
import FIX_FIRST from '@salesforce/label/c.teamCoaching_FixFirst';
import NOTHING_TO_FIX from '@salesforce/label/c.teamCoaching_NothingToFix';
import NOT_MEASURED from '@salesforce/label/c.teamCoaching_NotMeasured';
import TREND from '@salesforce/label/c.teamCoaching_Trend';
import ACTIONS_ONE from '@salesforce/label/c.teamCoaching_ActionsOne';
import ACTIONS_MANY from '@salesforce/label/c.teamCoaching_ActionsMany';
import UP from '@salesforce/label/c.teamCoaching_Up';
import DOWN from '@salesforce/label/c.teamCoaching_Down';
import STEADY from '@salesforce/label/c.teamCoaching_Steady';
import VS_OTHERS from '@salesforce/label/c.teamCoaching_VsOthers';
import YOUR_TEAM from '@salesforce/label/c.teamCoaching_YourTeam';
import OTHER_TEAMS_ONE from '@salesforce/label/c.teamCoaching_OtherTeamsOne';
import OTHER_TEAMS_MANY from '@salesforce/label/c.teamCoaching_OtherTeamsMany';
import NO_OTHER_TEAMS from '@salesforce/label/c.teamCoaching_NoOtherTeams';
import ADOPTION_RATE from '@salesforce/label/c.teamCoaching_AdoptionRate';
import COACHING from '@salesforce/label/c.teamCoaching_Coaching';
import PERIOD from '@salesforce/label/c.teamCoaching_Period';

/** One period of a member (TeamViewController.Point). */
export interface TrendPoint {
  periodStart: string;
  completeness?: number | null;
  engagement?: number | null;
  activity?: number | null;
}

/** One direct report (TeamViewController.MemberView). */
export interface MemberData {
  userId: string;
  name: string;
  trend: TrendPoint[];
  fixFirst?: string | null;
  urgentItems?: number | null;
}

/** Team-level figures (TeamViewController.TeamFigures). */
export interface TeamFigures {
  teams?: number | null;
  completeness?: number | null;
  engagement?: number | null;
  adoptionRate?: number | null;
}

/** TeamViewController.getTeamView(). */
export interface TeamViewData {
  teamName?: string | null;
  members: MemberData[];
  team?: TeamFigures | null;
  otherTeams?: TeamFigures | null;
  periodStart?: string | null;
}

/** Change below this (points) reads as steady. */
const STEADY_BAND = 1;

/**
 * A value's direction between the two latest periods.
 * @param values oldest first; nulls are skipped
 * @returns up, down or steady (steady with fewer than two values)
 */
export function direction(values: Array<number | null | undefined>): 'up' | 'down' | 'steady' {
  const known = values.filter((v): v is number => typeof v === 'number');
  if (known.length < 2) return 'steady';
  const delta = (known[known.length - 1] ?? 0) - (known[known.length - 2] ?? 0);
  if (delta >= STEADY_BAND) return 'up';
  if (delta <= -STEADY_BAND) return 'down';
  return 'steady';
}

const DIRECTION_TEXT = { up: UP, down: DOWN, steady: STEADY };
const DIRECTION_ICON = { up: 'utility:arrowup', down: 'utility:arrowdown', steady: 'utility:right' };

/**
 * A manager's Home: each direct report's completeness, activity and engagement with their trend over the
 * last periods, what each should fix first, and the team against the other teams as a whole. Coaching,
 * not surveillance: no named person of another team, no ranking of people.
 */
export default class TeamCoaching extends LightningElement {
  labels = {
    TITLE,
    ERROR_TITLE,
    EMPTY,
    LOADING,
    COMPLETENESS,
    ACTIVITY,
    ENGAGEMENT,
    FIX_FIRST,
    VS_OTHERS,
    ADOPTION_RATE,
    COACHING,
    NO_OTHER_TEAMS
  };

  wired?: { data?: TeamViewData; error?: unknown };
  /** Loading, error or data of getTeamView (c/ldsUtils wireState). */
  state: WireState<TeamViewData> = reloading();

  @wire(getTeamView)
  wiredView(result: { data?: TeamViewData; error?: unknown }) {
    this.wired = result;
    this.state = wireState(result, this.state);
  }

  private get view(): TeamViewData | undefined {
    return this.state.data;
  }

  get isEmpty(): boolean {
    return this.state.hasData && (this.view?.members ?? []).length === 0;
  }

  get hasMembers(): boolean {
    return this.state.hasData && (this.view?.members ?? []).length > 0;
  }

  get periodLabel(): string {
    return this.view?.periodStart ? formatLabel(PERIOD, formatDate(this.view.periodStart)) : '';
  }

  get members() {
    return (this.view?.members ?? []).map((member) => {
      const latest = member.trend[member.trend.length - 1];
      const completeness = member.trend.map((p) => p.completeness);
      const engagement = member.trend.map((p) => p.engagement);
      const activity = latest?.activity;
      const metrics = [
        { key: 'completeness', label: COMPLETENESS, ...this.metric(latest?.completeness, completeness, '%') },
        {
          key: 'activity',
          label: ACTIVITY,
          ...this.metric(
            activity,
            member.trend.map((p) => p.activity),
            '',
            typeof activity === 'number'
              ? formatPlural(activity, { one: ACTIONS_ONE, other: ACTIONS_MANY }, [this.number(activity)])
              : NOT_MEASURED
          ),
          // the trend in words only for completeness, the figure a manager coaches on
          trend: ''
        },
        {
          key: 'engagement',
          label: ENGAGEMENT,
          ...this.metric(latest?.engagement, engagement, ''),
          trend: ''
        }
      ];
      return {
        key: member.userId,
        name: member.name,
        metrics,
        fixFirst: member.fixFirst || NOTHING_TO_FIX,
        fixClass: member.fixFirst ? 'fix' : 'fix slds-text-color_weak'
      };
    });
  }

  get comparison() {
    const others = this.view?.otherTeams;
    const rows = [
      {
        key: 'team',
        name: this.view?.teamName ? `${YOUR_TEAM} · ${this.view.teamName}` : YOUR_TEAM,
        figures: this.view?.team
      }
    ];
    if (others && (others.teams ?? 0) > 0) {
      rows.push({
        key: 'others',
        name: formatPlural(others.teams ?? 0, { one: OTHER_TEAMS_ONE, other: OTHER_TEAMS_MANY }),
        figures: others
      });
    }
    return rows.map((row) => ({
      key: row.key,
      name: row.name,
      completeness: this.percent(row.figures?.completeness),
      engagement: this.plain(row.figures?.engagement),
      adoptionRate: this.percent(row.figures?.adoptionRate)
    }));
  }

  get noOtherTeams(): boolean {
    return (this.view?.otherTeams?.teams ?? 0) === 0;
  }

  handleRetry(): void {
    this.state = reloading();
    refreshApex(this.wired).catch(() => undefined);
  }

  private metric(
    value: number | null | undefined,
    series: Array<number | null | undefined>,
    unit: string,
    shown?: string
  ) {
    const dir = direction(series);
    const known = series.filter((v): v is number => typeof v === 'number');
    return {
      value:
        shown ??
        (typeof value === 'number' ? `${this.number(value)}${unit ? `\u00a0${unit}` : ''}` : NOT_MEASURED),
      icon: DIRECTION_ICON[dir],
      direction: DIRECTION_TEXT[dir],
      iconClass: `trend trend_${dir}`,
      trend: known.length > 1 ? formatLabel(TREND, known.map((v) => this.number(v)).join(' → ')) : ''
    };
  }

  private number(value: number): string {
    return new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 }).format(value);
  }

  private percent(value: number | null | undefined): string {
    return typeof value === 'number' ? `${this.number(value)}\u00a0%` : NOT_MEASURED;
  }

  private plain(value: number | null | undefined): string {
    return typeof value === 'number' ? this.number(value) : NOT_MEASURED;
  }
}
