import { LightningElement, wire } from 'lwc';
import { formatDate, formatLabel, formatPlural } from 'c/labelUtils';
import { gql, graphql } from 'lightning/graphql';
import { refreshApex } from '@salesforce/apex';
import getBenefits from '@salesforce/apex/BenefitsController.getBenefits';
import USER_ID from '@salesforce/user/Id';
import LANG from '@salesforce/i18n/lang';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import type { LdsError } from 'c/ldsUtils';
import type { BenefitActivity } from 'c/completenessScoring';
import { todayIn } from 'c/actionRanking';
import { type BenefitFigures, type WeekSnapshot, benefitFigures } from './benefitsMath';

import LABEL_TITLE from '@salesforce/label/c.benefitsPanel_Title';
import LABEL_LOADING from '@salesforce/label/c.common_Loading';
import LABEL_ERROR_TITLE from '@salesforce/label/c.benefitsPanel_ErrorTitle';
import LABEL_THIS_WEEK from '@salesforce/label/c.benefitsPanel_ThisWeek';
import LABEL_THIS_MONTH from '@salesforce/label/c.benefitsPanel_ThisMonth';
import LABEL_MINUTES from '@salesforce/label/c.benefitsPanel_Minutes';
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

/** One benefit of BenefitsController.getBenefits(). */
interface BenefitInfo {
  name: string;
  /** One of the kernel's BENEFIT_ACTIVITIES (the panel shows descriptions; the sync counts units). */
  activity: BenefitActivity | null;
  minutesPerUnit: number | null;
  descriptionEn: string | null;
  descriptionFr: string | null;
  replacesManualReport: boolean;
  sortOrder: number | null;
}

interface SnapshotNode {
  Id: string;
  Period_Start__c: { value: string | null };
  Minutes_Saved__c: { value: number | null };
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
 * The rep's benefits: minutes saved this week and this month and the trend against last week, from
 * their own weekly snapshots (GraphQL), and the benefits themselves from the benefit rules (Apex), in
 * the user's language.
 */
export default class BenefitsPanel extends LightningElement {
  labels = {
    title: LABEL_TITLE,
    loading: LABEL_LOADING,
    errorTitle: LABEL_ERROR_TITLE,
    thisWeek: LABEL_THIS_WEEK,
    thisMonth: LABEL_THIS_MONTH,
    benefitsHeading: LABEL_BENEFITS_HEADING,
    noBenefits: LABEL_NO_BENEFITS
  };

  snapshotsResult?: GraphqlResult;
  benefitsResult?: WireResult<BenefitInfo[]>;
  today = todayIn(TIME_ZONE);

  @wire(graphql, {
    query: gql`
      query myWeeklySnapshots($userId: ID) {
        uiapi {
          query {
            User_Adoption_Snapshot__c(
              first: 10
              where: { and: [{ User__c: { eq: $userId } }, { Period_Type__c: { eq: "Week" } }] }
              orderBy: { Period_Start__c: { order: DESC } }
            ) {
              edges {
                node {
                  Id
                  Period_Start__c {
                    value
                  }
                  Minutes_Saved__c {
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

  get queryVariables(): { userId: string } {
    return { userId: USER_ID };
  }

  get hasError(): boolean {
    return (
      (!!this.snapshotsResult?.errors?.length && !this.snapshotsResult?.data) || !!this.benefitsResult?.error
    );
  }

  get isLoading(): boolean {
    return !this.hasError && (!this.snapshotsResult?.data || !this.benefitsResult?.data);
  }

  get isReady(): boolean {
    return !this.hasError && !this.isLoading;
  }

  /** What made the load fail, shown by c-error-panel. */
  get loadErrors(): LdsError[] {
    return [
      ...(this.snapshotsResult?.data ? [] : (this.snapshotsResult?.errors ?? [])),
      this.benefitsResult?.error
    ] as LdsError[];
  }

  get snapshots(): WeekSnapshot[] {
    const edges = this.snapshotsResult?.data?.uiapi?.query?.User_Adoption_Snapshot__c?.edges ?? [];
    return edges
      .map(({ node }) => ({
        periodStart: node.Period_Start__c?.value ?? '',
        minutesSaved: node.Minutes_Saved__c?.value ?? 0
      }))
      .filter((s) => s.periodStart);
  }

  get figures(): BenefitFigures | null {
    return benefitFigures(this.snapshots, this.today);
  }

  get hasFigures(): boolean {
    return this.figures !== null;
  }

  get thisWeekText(): string {
    return formatLabel(LABEL_MINUTES, this.figures?.thisWeek ?? 0);
  }

  get thisMonthText(): string {
    return formatLabel(LABEL_MINUTES, this.figures?.thisMonth ?? 0);
  }

  get weekOfText(): string {
    return formatLabel(LABEL_WEEK_OF, formatDate(this.figures?.thisWeekStart));
  }

  get trendText(): string {
    const figures = this.figures;
    if (!figures || figures.trend === null) {
      return LABEL_NO_TREND;
    }
    const percent = figures.trendPercent === null ? '' : `${Math.abs(figures.trendPercent)}`;
    if (figures.trend > 0) {
      return formatLabel(LABEL_TREND_UP, figures.trend, percent);
    }
    if (figures.trend < 0) {
      return formatLabel(LABEL_TREND_DOWN, Math.abs(figures.trend), percent);
    }
    return LABEL_TREND_SAME;
  }

  get trendIcon(): string {
    const trend = this.figures?.trend;
    if (trend === null || trend === undefined || trend === 0) {
      return 'utility:right';
    }
    return trend > 0 ? 'utility:arrowup' : 'utility:arrowdown';
  }

  get trendClass(): string {
    const trend = this.figures?.trend ?? 0;
    return trend > 0
      ? 'slds-text-color_success'
      : trend < 0
        ? 'slds-text-color_error'
        : 'slds-text-color_weak';
  }

  get isFrench(): boolean {
    return (LANG || '').toLowerCase().startsWith('fr');
  }

  get benefits(): Array<{ key: string; text: string; replacesReport: boolean }> {
    const french = this.isFrench;
    return (this.benefitsResult?.data ?? [])
      .map((benefit) => ({
        key: benefit.name,
        text:
          (french
            ? benefit.descriptionFr || benefit.descriptionEn
            : benefit.descriptionEn || benefit.descriptionFr) ?? '',
        replacesReport: benefit.replacesManualReport === true
      }))
      .filter((benefit) => benefit.text);
  }

  get hasBenefits(): boolean {
    return this.benefits.length > 0;
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
    await Promise.all([this.snapshotsResult?.refresh?.(), refreshApex(this.benefitsResult)]).catch(
      () => undefined
    );
  }
}
