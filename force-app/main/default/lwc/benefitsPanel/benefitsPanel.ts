import { LightningElement, wire } from 'lwc';
import { formatDate, formatLabel, formatPlural } from 'c/labelUtils';
import { gql, graphql } from 'lightning/graphql';
import { refreshApex } from '@salesforce/apex';
import getBenefits from '@salesforce/apex/BenefitsController.getBenefits';
import getSnapshotPeriod from '@salesforce/apex/BenefitsController.getSnapshotPeriod';
import getGoLiveDate from '@salesforce/apex/BenefitsController.getGoLiveDate';
import IS_ADMIN from '@salesforce/customPermission/Adoption_Cockpit_Administer';
import USER_ID from '@salesforce/user/Id';
import LANG from '@salesforce/i18n/lang';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import type { LdsError } from 'c/ldsUtils';
import { todayIn } from 'c/actionRanking';
import {
  type BenefitFigures,
  type BenefitRule,
  type PeriodSnapshot,
  type SnapshotPeriod,
  benefitFigures,
  formatDuration,
  toSnapshotPeriod
} from './benefitsMath';

import LABEL_TITLE from '@salesforce/label/c.benefitsPanel_Title';
import LABEL_LOADING from '@salesforce/label/c.common_Loading';
import LABEL_ERROR_TITLE from '@salesforce/label/c.benefitsPanel_ErrorTitle';
import LABEL_THIS_WEEK from '@salesforce/label/c.benefitsPanel_ThisWeek';
import LABEL_THIS_MONTH from '@salesforce/label/c.benefitsPanel_ThisMonth';
import LABEL_MINUTES from '@salesforce/label/c.benefitsPanel_Minutes';
import LABEL_HOURS from '@salesforce/label/c.benefitsPanel_Hours';
import LABEL_HOURS_MINUTES from '@salesforce/label/c.benefitsPanel_HoursMinutes';
import LABEL_TREND_UP from '@salesforce/label/c.benefitsPanel_TrendUp';
import LABEL_TREND_DOWN from '@salesforce/label/c.benefitsPanel_TrendDown';
import LABEL_TREND_SAME from '@salesforce/label/c.benefitsPanel_TrendSame';
import LABEL_NO_TREND from '@salesforce/label/c.benefitsPanel_NoTrend';
import LABEL_NO_SNAPSHOT from '@salesforce/label/c.benefitsPanel_NoSnapshot';
import LABEL_NO_SNAPSHOT_NO_BENEFITS from '@salesforce/label/c.benefitsPanel_NoSnapshotNoBenefits';
import LABEL_BENEFITS_HEADING from '@salesforce/label/c.benefitsPanel_BenefitsHeading';
import LABEL_REPORTS_REPLACED from '@salesforce/label/c.benefitsPanel_ReportsReplaced';
import LABEL_REPORTS_REPLACED_ONE from '@salesforce/label/c.benefitsPanel_ReportsReplacedOne';
import LABEL_REPLACES_REPORT from '@salesforce/label/c.benefitsPanel_ReplacesReport';
import LABEL_NO_BENEFITS from '@salesforce/label/c.benefitsPanel_NoBenefits';
import LABEL_WEEK_OF from '@salesforce/label/c.benefitsPanel_WeekOf';
import LABEL_MONTH_OF from '@salesforce/label/c.benefitsPanel_MonthOf';
import LABEL_TREND_UP_MONTH from '@salesforce/label/c.benefitsPanel_TrendUpMonth';
import LABEL_TREND_DOWN_MONTH from '@salesforce/label/c.benefitsPanel_TrendDownMonth';
import LABEL_TREND_SAME_MONTH from '@salesforce/label/c.benefitsPanel_TrendSameMonth';
import LABEL_NO_TREND_MONTH from '@salesforce/label/c.benefitsPanel_NoTrendMonth';
import LABEL_SINCE_GO_LIVE from '@salesforce/label/c.benefitsPanel_SinceGoLive';
import LABEL_SINCE_FIRST_MEASURE from '@salesforce/label/c.benefitsPanel_SinceFirstMeasure';
import LABEL_FROM from '@salesforce/label/c.benefitsPanel_From';
import LABEL_HOW_CALCULATED from '@salesforce/label/c.benefitsPanel_HowCalculated';
import LABEL_BREAKDOWN_INTRO from '@salesforce/label/c.benefitsPanel_BreakdownIntro';
import LABEL_BREAKDOWN_LINE from '@salesforce/label/c.benefitsPanel_BreakdownLine';
import LABEL_BREAKDOWN_TOTAL from '@salesforce/label/c.benefitsPanel_BreakdownTotal';
import LABEL_MISSING_FRENCH from '@salesforce/label/c.benefitsPanel_MissingFrench';
import LABEL_MISSING_FRENCH_ONE from '@salesforce/label/c.benefitsPanel_MissingFrenchOne';
import LABEL_GENERIC_RULE from '@salesforce/label/c.benefitsPanel_GenericRule';

/** The labels that name the unit the figures are summed by. */
const UNIT_LABELS = {
  week: {
    latest: LABEL_THIS_WEEK,
    of: LABEL_WEEK_OF,
    up: LABEL_TREND_UP,
    down: LABEL_TREND_DOWN,
    same: LABEL_TREND_SAME,
    none: LABEL_NO_TREND
  },
  month: {
    latest: LABEL_THIS_MONTH,
    of: LABEL_MONTH_OF,
    up: LABEL_TREND_UP_MONTH,
    down: LABEL_TREND_DOWN_MONTH,
    same: LABEL_TREND_SAME_MONTH,
    none: LABEL_NO_TREND_MONTH
  }
} as const;

/**
 * Snapshots read, newest first: the UI API GraphQL page maximum (2,000). Every snapshot kept counts in
 * the figure since go-live; at the default retention (User_Snapshot_Retention_Weeks__c, 20 weeks) a rep
 * has about 140 daily snapshots.
 */
const SNAPSHOTS_READ = 2000;

/** One benefit of BenefitsController.getBenefits(): an active rule, with or without a description. */
interface BenefitInfo extends BenefitRule {
  /** MasterLabel, the admin's name of the rule: in the admin's warning only (it is not translatable). */
  label?: string | null;
  descriptionEn: string | null;
  descriptionFr: string | null;
  replacesManualReport: boolean;
  sortOrder: number | null;
}

interface SnapshotNode {
  Id: string;
  // @optional in the query: absent when the user cannot read the field.
  Period_Start__c?: { value: string | null };
  Records_Created__c?: { value: number | null };
  Records_Updated__c?: { value: number | null };
  Tasks_Logged__c?: { value: number | null };
  Events_Logged__c?: { value: number | null };
  Active_Days__c?: { value: number | null };
  Active__c?: { value: boolean | null };
}

interface GraphqlResult {
  data?: { uiapi: { query: { User_Adoption_Snapshot__c?: { edges: Array<{ node: SnapshotNode }> } } } };
  errors?: unknown[];
  refresh?: () => Promise<unknown>;
}

interface WireResult<T> {
  data?: T;
  error?: unknown;
}

/**
 * The rep's benefits: minutes saved this week, this month and since go-live, and the trend against
 * last week, from their own snapshots (GraphQL) of the period the Cockpit setting makes the sync write
 * (Apex: Day, Week or Month; daily snapshots are summed by week, monthly ones shown by month), and the
 * benefits themselves from the benefit rules (Apex), in the user's language. Every figure is
 * benefitBreakdown() of the activity counted in the snapshots × the rules' minutes per unit, which
 * "How is this calculated?" lists for the latest week. Admins (custom permission
 * Adoption_Cockpit_Administer) are warned of rules without a French description.
 */
export default class BenefitsPanel extends LightningElement {
  labels = {
    title: LABEL_TITLE,
    loading: LABEL_LOADING,
    errorTitle: LABEL_ERROR_TITLE,
    thisMonth: LABEL_THIS_MONTH,
    benefitsHeading: LABEL_BENEFITS_HEADING,
    noBenefits: LABEL_NO_BENEFITS,
    howCalculated: LABEL_HOW_CALCULATED
  };

  /** Whether "How is this calculated?" is open. */
  breakdownOpen = false;

  snapshotsResult?: GraphqlResult;
  benefitsResult?: WireResult<BenefitInfo[]>;
  periodResult?: WireResult<string>;
  goLiveResult?: WireResult<string | null>;
  today = todayIn(TIME_ZONE);

  @wire(graphql, {
    query: gql`
      query mySnapshots($userId: ID, $periodType: Picklist, $first: Int) {
        uiapi {
          query {
            User_Adoption_Snapshot__c(
              first: $first
              where: { and: [{ User__c: { eq: $userId } }, { Period_Type__c: { eq: $periodType } }] }
              orderBy: { Period_Start__c: { order: DESC } }
            ) {
              edges {
                node {
                  Id
                  Period_Start__c @optional {
                    value
                  }
                  Records_Created__c @optional {
                    value
                  }
                  Records_Updated__c @optional {
                    value
                  }
                  Tasks_Logged__c @optional {
                    value
                  }
                  Events_Logged__c @optional {
                    value
                  }
                  Active_Days__c @optional {
                    value
                  }
                  Active__c @optional {
                    value
                  }
                }
              }
            }
          }
        }
      }
    `,
    variables: '$queryVariables'
  })
  wiredSnapshots(result: GraphqlResult) {
    this.snapshotsResult = result;
  }

  @wire(getBenefits)
  wiredBenefits(result: WireResult<BenefitInfo[]>) {
    this.benefitsResult = result;
  }

  @wire(getSnapshotPeriod)
  wiredPeriod(result: WireResult<string>) {
    this.periodResult = result;
  }

  @wire(getGoLiveDate)
  wiredGoLive(result: WireResult<string | null>) {
    this.goLiveResult = result;
  }

  /** The period type of the snapshots, once the setting is known (the query waits for it). */
  get period(): SnapshotPeriod | undefined {
    return this.periodResult?.data === undefined ? undefined : toSnapshotPeriod(this.periodResult.data);
  }

  get queryVariables(): { userId: string; periodType: SnapshotPeriod; first: number } | undefined {
    const period = this.period;
    return period ? { userId: USER_ID, periodType: period, first: SNAPSHOTS_READ } : undefined;
  }

  get hasError(): boolean {
    return (
      (!!this.snapshotsResult?.errors?.length && !this.snapshotsResult.data) ||
      !!this.benefitsResult?.error ||
      !!this.periodResult?.error ||
      !!this.goLiveResult?.error
    );
  }

  get isLoading(): boolean {
    return (
      !this.hasError &&
      (!this.snapshotsResult?.data || !this.benefitsResult?.data || this.goLiveResult?.data === undefined)
    );
  }

  get isReady(): boolean {
    return !this.hasError && !this.isLoading;
  }

  /** What made the load fail, shown by c-error-panel. */
  get loadErrors(): LdsError[] {
    return [
      ...(this.snapshotsResult?.data ? [] : (this.snapshotsResult?.errors ?? [])),
      this.benefitsResult?.error,
      this.periodResult?.error,
      this.goLiveResult?.error
    ].filter((error) => error) as LdsError[];
  }

  /**
   * The snapshots with their counts. Active_Days__c is blank on snapshots written before the field
   * existed: a daily one counts its Active__c as the day, a weekly or monthly one counts no active day.
   */
  get snapshots(): PeriodSnapshot[] {
    const edges = this.snapshotsResult?.data?.uiapi.query.User_Adoption_Snapshot__c?.edges ?? [];
    const daily = this.period === 'Day';
    return edges
      .map(({ node }) => ({
        periodStart: node.Period_Start__c?.value ?? '',
        counts: {
          created: node.Records_Created__c?.value ?? 0,
          updated: node.Records_Updated__c?.value ?? 0,
          tasks: node.Tasks_Logged__c?.value ?? 0,
          events: node.Events_Logged__c?.value ?? 0,
          activeDays: node.Active_Days__c?.value ?? (daily && node.Active__c?.value ? 1 : 0)
        }
      }))
      .filter((s) => s.periodStart);
  }

  get rules(): BenefitInfo[] {
    return this.benefitsResult?.data ?? [];
  }

  get figures(): BenefitFigures | null {
    return benefitFigures(
      this.snapshots,
      this.rules,
      this.today,
      this.period ?? 'Week',
      this.goLiveResult?.data ?? null
    );
  }

  get hasFigures(): boolean {
    return this.figures !== null;
  }

  private duration(minutes: number): string {
    return formatDuration(
      minutes,
      { hours: LABEL_HOURS, minutes: LABEL_MINUTES, hoursMinutes: LABEL_HOURS_MINUTES },
      LOCALE
    );
  }

  private get unitLabels() {
    return UNIT_LABELS[this.figures?.unit ?? 'week'];
  }

  /** Weeks show this month beside them; a month is its own figure. */
  get showsMonth(): boolean {
    return this.figures?.unit !== 'month';
  }

  get latestLabel(): string {
    return this.unitLabels.latest;
  }

  get latestText(): string {
    return this.duration(this.figures?.latest ?? 0);
  }

  get thisMonthText(): string {
    return this.duration(this.figures?.thisMonth ?? 0);
  }

  get cumulativeLabel(): string {
    return this.figures?.sinceGoLive ? LABEL_SINCE_GO_LIVE : LABEL_SINCE_FIRST_MEASURE;
  }

  get cumulativeText(): string {
    return this.duration(this.figures?.cumulative ?? 0);
  }

  get cumulativeFromText(): string {
    return formatLabel(LABEL_FROM, formatDate(this.figures?.cumulativeSince));
  }

  /**
   * The rule's description in the user's language, else a generic text in that language (custom label
   * benefitsPanel_GenericRule): Benefit_Rule__mdt has descriptions per language but one MasterLabel, which
   * custom metadata does not translate, so neither it nor the other language's description is shown to a
   * rep. Admins are warned of rules without a French description (missingFrench).
   */
  private ruleText(rule: BenefitInfo): string {
    return (this.isFrench ? rule.descriptionFr : rule.descriptionEn) || LABEL_GENERIC_RULE;
  }

  private number(value: number): string {
    return new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 }).format(value);
  }

  get breakdownIntro(): string {
    return formatLabel(LABEL_BREAKDOWN_INTRO, this.latestOfText);
  }

  /** "How is this calculated?": the latest week's lines, from the computation of the headline. */
  get breakdownLines(): Array<{ key: string; text: string; equation: string; replacesReport: boolean }> {
    const byName = new Map(this.rules.map((rule) => [rule.name, rule]));
    return (this.figures?.breakdown.lines ?? []).map((line) => {
      const rule = byName.get(line.rule);
      return {
        key: line.rule,
        text: rule ? this.ruleText(rule) : LABEL_GENERIC_RULE,
        replacesReport: rule?.replacesManualReport === true,
        equation: formatLabel(
          LABEL_BREAKDOWN_LINE,
          this.number(line.units),
          this.number(line.minutesPerUnit),
          this.duration(line.minutes)
        )
      };
    });
  }

  get breakdownTotal(): string {
    return formatLabel(LABEL_BREAKDOWN_TOTAL, this.duration(this.figures?.breakdown.total ?? 0));
  }

  handleToggleBreakdown(): void {
    this.breakdownOpen = !this.breakdownOpen;
  }

  get breakdownExpanded(): string {
    return String(this.breakdownOpen);
  }

  get breakdownIcon(): string {
    return this.breakdownOpen ? 'utility:chevrondown' : 'utility:chevronright';
  }

  /** Rules without a French description, for the admin's warning (reps never see it). */
  get missingFrench(): BenefitInfo[] {
    return IS_ADMIN ? this.rules.filter((rule) => !rule.descriptionFr) : [];
  }

  get hasMissingFrench(): boolean {
    return this.missingFrench.length > 0;
  }

  get missingFrenchText(): string {
    const missing = this.missingFrench;
    const names = missing.map((rule) => rule.label || rule.name).join(', ');
    return formatPlural(missing.length, { one: LABEL_MISSING_FRENCH_ONE, other: LABEL_MISSING_FRENCH }, [
      missing.length,
      names
    ]);
  }

  get latestOfText(): string {
    return formatLabel(this.unitLabels.of, formatDate(this.figures?.latestStart));
  }

  get trendText(): string {
    const figures = this.figures;
    const labels = this.unitLabels;
    if (!figures || figures.trend === null) {
      return labels.none;
    }
    const percent = figures.trendPercent === null ? '' : `${Math.abs(figures.trendPercent)}`;
    if (figures.trend > 0) {
      return formatLabel(labels.up, this.duration(figures.trend), percent);
    }
    if (figures.trend < 0) {
      return formatLabel(labels.down, this.duration(Math.abs(figures.trend)), percent);
    }
    return labels.same;
  }

  get trendIcon(): string {
    const trend = this.figures?.trend;
    if (trend === null || trend === undefined || trend === 0) {
      return 'utility:right';
    }
    return trend > 0 ? 'utility:arrowup' : 'utility:arrowdown';
  }

  /** A rise is good news; a drop is shown neutrally (a week with holidays is not a failure). */
  get trendClass(): string {
    return (this.figures?.trend ?? 0) > 0 ? 'slds-text-color_success' : 'slds-text-color_weak';
  }

  get isFrench(): boolean {
    return (LANG || '').toLowerCase().startsWith('fr');
  }

  get benefits(): Array<{ key: string; text: string; replacesReport: boolean }> {
    return this.rules.map((benefit) => ({
      key: benefit.name,
      text: this.ruleText(benefit),
      replacesReport: benefit.replacesManualReport === true
    }));
  }

  get hasBenefits(): boolean {
    return this.benefits.length > 0;
  }

  /**
   * The benefits listed under the heading: while "How is this calculated?" is open, those its lines
   * already describe are left out, so no benefit is listed twice (review 2, defect 12: the sidebar card
   * ran past 1,300 px with every description shown twice).
   */
  get listedBenefits(): Array<{ key: string; text: string; replacesReport: boolean }> {
    if (!this.breakdownOpen) {
      return this.benefits;
    }
    const explained = new Set(this.breakdownLines.map((line) => line.key));
    return this.benefits.filter((benefit) => !explained.has(benefit.key));
  }

  /** The "Your benefits" heading and list: hidden when the open breakdown already lists every benefit. */
  get showBenefitsList(): boolean {
    return !this.hasBenefits || this.listedBenefits.length > 0;
  }

  get reportsReplacedText(): string {
    return formatPlural(this.benefits.filter((b) => b.replacesReport).length, {
      one: LABEL_REPORTS_REPLACED_ONE,
      other: LABEL_REPORTS_REPLACED
    });
  }

  /** Without figures yet: the sentence leads to the benefits below, or stands alone when there are none. */
  get noSnapshotText(): string {
    return this.hasBenefits ? LABEL_NO_SNAPSHOT : LABEL_NO_SNAPSHOT_NO_BENEFITS;
  }

  get hasReportsReplaced(): boolean {
    return this.benefits.some((b) => b.replacesReport);
  }

  get replacesReportLabel(): string {
    return LABEL_REPLACES_REPORT;
  }

  async handleRetry(): Promise<void> {
    await Promise.all([
      this.snapshotsResult?.refresh?.(),
      refreshApex(this.benefitsResult),
      refreshApex(this.periodResult),
      refreshApex(this.goLiveResult)
    ]).catch(() => undefined);
  }
}
