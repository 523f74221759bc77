/**
 * Turns whatever frames the panel's queries returned into calls per SIP status code (CodeDistribution).
 *
 * Steps: read the frames defensively (frameView), decide per frame how it is read (series.ts for time series,
 * rows.ts for tables, raw rows, logs and raw documents) by looking at names, types and small samples only, pick
 * one shape to count when queries disagree, then make the single counting pass into a CodeTally.
 * Nothing here throws on bad data: problems become notices.
 */
import type { DataFrame } from '@grafana/data';
import { CodeDistribution, FrameShape, Notice, Timeline } from '../types';
import { FrameView, isRecord, readFrame, withoutKeyword } from './frameView';
import { FIX_CODE_FIELD, NoticeList, SET_CODE_FIELD, messages, queriesText } from './notices';
import { RowPlan, countRowPlans, planRows } from './rows';
import { SeriesPlan, countSeries, isSeriesFrame, planSeries } from './series';
import { CodeTally } from './tally';

export interface NormalizeOptions {
  /** Field (or label key, or path inside raw documents) holding the SIP status code. Found automatically when unset. */
  codeField?: string;
  /** The query's size limit for raw/log rows, when the caller knows it: rows reaching it mean the counts are partial. */
  rowLimit?: number;
  /**
   * Each query's Lucene text by refId, when the caller knows it: a Terms count of SIP messages whose query keeps
   * only responses to INVITE is then not pointed out.
   */
  queries?: Record<string, string>;
}

/** Shapes in the order they are preferred when queries return different kinds of data. */
const SHAPE_PREFERENCE: Array<Exclude<FrameShape, 'none'>> = [
  'terms-timeseries',
  'terms-table',
  'raw-rows',
  'raw-document',
];

const SHAPE_WORDS: Record<FrameShape, string> = {
  'terms-timeseries': 'time series per code',
  'terms-table': 'a Terms table',
  'raw-rows': 'raw rows',
  'raw-document': 'raw documents',
  none: 'nothing',
};

const MAX_FIELDS_SEEN = 200;

export function normalizeFrames(series: DataFrame[], options?: NormalizeOptions): CodeDistribution {
  try {
    return normalize(series, options);
  } catch (error) {
    // Last line of defence: a bug must not take the panel down with it.
    const reason = error instanceof Error ? error.message : String(error);
    return emptyDistribution([{ kind: 'no-data', level: 'error', message: messages.unreadable(reason) }], []);
  }
}

interface ReadOptions {
  codeField?: string;
  rowLimit?: number;
  queries?: Record<string, string>;
}

function readOptions(options: unknown, notices: NoticeList): ReadOptions {
  const given = isRecord(options) ? options : {};
  const result: ReadOptions = {};
  if (typeof given.codeField === 'string') {
    const codeField = given.codeField.trim();
    if (codeField !== '') {
      result.codeField = codeField;
    }
  } else if (given.codeField != null) {
    notices.add('code-field-missing', 'info', messages.badCodeFieldOption());
  }
  const rowLimit = given.rowLimit;
  if (typeof rowLimit === 'number' && Number.isSafeInteger(rowLimit) && rowLimit > 0) {
    result.rowLimit = rowLimit;
  } else if (rowLimit != null && rowLimit !== 0) {
    notices.add('partial-data', 'info', messages.badRowLimit(rowLimit));
  }
  if (isRecord(given.queries)) {
    const queries: Record<string, string> = {};
    for (const [refId, query] of Object.entries(given.queries)) {
      if (typeof query === 'string') {
        queries[refId] = query;
      }
    }
    result.queries = queries;
  }
  return result;
}

function normalize(series: unknown, options: unknown): CodeDistribution {
  const notices = new NoticeList();
  const { codeField, rowLimit, queries } = readOptions(options, notices);
  if (!Array.isArray(series)) {
    const message = series == null ? messages.noData() : messages.noFrames(typeof series);
    notices.add('no-data', series == null ? 'info' : 'warning', message);
    return emptyDistribution(notices.sorted(), []);
  }

  const frames = series.map((frame, index) => readFrame(frame, index)).filter((frame): frame is FrameView => !!frame);
  const fieldsSeen = new Set<string>();
  const see = (name: string) => name !== '' && fieldsSeen.size < MAX_FIELDS_SEEN && fieldsSeen.add(name);
  frames.forEach((frame) => frame.fields.forEach((field) => see(field.name)));

  const filled = frames.filter((frame) => frame.length > 0);
  if (filled.length === 0) {
    notices.add('no-data', 'info', messages.noData());
    return emptyDistribution(notices.sorted(), [...fieldsSeen]);
  }

  // Plan: cheap looks at names, types and samples.
  const seriesFrames = filled.filter((frame) => isSeriesFrame(frame, codeField));
  const seriesPlanning = planSeries(seriesFrames, codeField);
  seriesPlanning.labelKeys.forEach(see);
  const rowPlannings = filled
    .filter((frame) => !seriesFrames.includes(frame))
    .map((frame) => ({ frame, ...planRows(frame, codeField) }));
  rowPlannings.forEach((planning) => planning.names.forEach(see));
  const rowPlans = rowPlannings.map((planning) => planning.plan).filter((plan): plan is RowPlan => !!plan);

  const shape: FrameShape =
    SHAPE_PREFERENCE.find((candidate) =>
      candidate === 'terms-timeseries'
        ? seriesPlanning.plans.length > 0
        : rowPlans.some((plan) => plan.shape === candidate)
    ) ?? 'none';

  reportMissingCodeField(codeField, seriesPlanning.codeFieldMissingIn, rowPlannings, [...fieldsSeen], notices);

  if (shape === 'none') {
    reportNothingToCount(codeField, seriesPlanning, rowPlannings, [...fieldsSeen], notices);
    return emptyDistribution(notices.sorted(), [...fieldsSeen]);
  }

  reportMixedShapes(shape, seriesPlanning.plans, rowPlans, notices);
  reportUncoded(seriesPlanning, rowPlannings, notices);

  // Count: the one pass over the data.
  let tally = new CodeTally();
  let timeline: Timeline | undefined;
  let untimedCalls = 0;
  let usedField: string | undefined;
  let partial: CodeDistribution['partial'];

  if (shape === 'terms-timeseries') {
    const counted = countSeries(seriesPlanning.plans, tally);
    timeline = counted.timeline;
    untimedCalls = counted.untimedCalls;
    usedField = mostCommon(seriesPlanning.plans.map((plan) => plan.labelKey));
    reportTermsOnMessages(
      seriesPlanning.plans.map((plan) => ({ refId: plan.frame.refId, field: plan.labelKey ?? codeField })),
      queries,
      notices
    );
  } else {
    const plans = rowPlans.filter((plan) => plan.shape === shape);
    const counted = countRowPlans(plans);
    tally = counted.tally;
    if (!counted.span) {
      const timeName = plans.find((plan) => plan.times && plan.timeName)?.timeName;
      if (timeName) {
        notices.add('no-time-data', 'info', messages.noUsableTimes(timeName));
      }
    }
    timeline = tally.hasGrid ? tally.gridTimeline(tally.finalCodes()) : undefined;
    untimedCalls = timeline ? tally.untimedCalls : 0;
    usedField = mostCommon(plans.map((plan) => plan.codeName));
    partial = partialRows(plans, rowLimit, notices);
    reportCountFallbacks(plans, notices);
    reportSipMessages(plans, notices);
    if (shape === 'terms-table') {
      reportTermsOnMessages(
        plans.map((plan) => ({ refId: plan.frame.refId, field: plan.codeName })),
        queries,
        notices
      );
    }
  }

  const codes = tally.finalCodes();
  const provisional = tally.provisionalCodes();
  const invalid = tally.invalid();
  const total = sum(codes);
  if (invalid.count > 0) {
    notices.add('invalid-values', 'warning', messages.invalidValues(invalid, total + invalid.count + sum(provisional)));
  }
  if (tally.badCountCells > 0) {
    notices.add('invalid-counts', 'warning', messages.badCounts(tally.badCountCells, tally.badCountSamples));
  }
  if (timeline && untimedCalls > 0) {
    notices.add('no-time-data', 'info', messages.untimed(untimedCalls));
  }

  const result: CodeDistribution = {
    codes,
    total,
    provisional,
    invalid,
    notices: notices.sorted(),
    shape,
    fieldsSeen: [...fieldsSeen],
  };
  if (timeline) {
    result.timeline = timeline;
  }
  if (usedField !== undefined) {
    result.codeField = usedField;
  }
  if (partial) {
    result.partial = partial;
  }
  return result;
}

function emptyDistribution(notices: Notice[], fieldsSeen: string[]): CodeDistribution {
  return {
    codes: [],
    total: 0,
    provisional: [],
    invalid: { count: 0, samples: [] },
    notices,
    shape: 'none',
    fieldsSeen,
  };
}

function sum(list: Array<{ count: number }>): number {
  return list.reduce((total, item) => total + item.count, 0);
}

function mostCommon(names: Array<string | undefined>): string | undefined {
  const tally = new Map<string, number>();
  names.forEach((name) => name !== undefined && tally.set(name, (tally.get(name) ?? 0) + 1));
  let best: string | undefined;
  tally.forEach((count, name) => {
    if (best === undefined || count > tally.get(best)! || (count === tally.get(best)! && name < best)) {
      best = name;
    }
  });
  return best;
}

type RowPlanning = ReturnType<typeof planRows> & { frame: FrameView };

function reportMissingCodeField(
  codeField: string | undefined,
  seriesMissingIn: string[],
  rowPlannings: RowPlanning[],
  fieldsSeen: string[],
  notices: NoticeList
): void {
  if (!codeField) {
    return;
  }
  const missing = rowPlannings.filter((planning) => planning.codeFieldMissing);
  if (missing.length === 0 && seriesMissingIn.length === 0) {
    return;
  }
  const fallback = missing.find((planning) => planning.plan)?.plan?.codeName;
  const refIds = [...missing.map((planning) => planning.frame.refId), ...seriesMissingIn];
  const level = fallback || seriesMissingIn.length > 0 ? 'warning' : 'error';
  notices.add(
    'code-field-missing',
    level,
    messages.codeFieldMissing(codeField, fieldsSeen, fallback, queriesText(refIds)),
    FIX_CODE_FIELD
  );
}

function reportNothingToCount(
  codeField: string | undefined,
  seriesPlanning: ReturnType<typeof planSeries>,
  rowPlannings: RowPlanning[],
  fieldsSeen: string[],
  notices: NoticeList
): void {
  const { uncoded } = seriesPlanning;
  if (uncoded.length > 0 && rowPlannings.length === 0 && uncoded.every((entry) => entry.metricOnly)) {
    notices.add(
      'no-code-field',
      'error',
      messages.dateHistogramOnly(queriesText(uncoded.map((entry) => entry.frame.refId)))
    );
    return;
  }
  if (codeField && rowPlannings.some((planning) => planning.codeFieldMissing)) {
    return; // Already explained by code-field-missing, which lists the fields.
  }
  notices.add('no-code-field', 'error', messages.noCodeField(fieldsSeen), SET_CODE_FIELD);
}

function reportMixedShapes(
  shape: FrameShape,
  seriesPlans: SeriesPlan[],
  rowPlans: RowPlan[],
  notices: NoticeList
): void {
  const used: Array<string | undefined> = [];
  const ignored = new Map<FrameShape, Array<string | undefined>>();
  const note = (planShape: FrameShape, refId: string | undefined) => {
    if (planShape === shape) {
      used.push(refId);
    } else {
      ignored.set(planShape, [...(ignored.get(planShape) ?? []), refId]);
    }
  };
  seriesPlans.forEach((plan) => note('terms-timeseries', plan.frame.refId));
  rowPlans.forEach((plan) => note(plan.shape, plan.frame.refId));
  if (ignored.size === 0) {
    return;
  }
  const ignoredText = [...ignored].map(
    ([ignoredShape, refIds]) => `${SHAPE_WORDS[ignoredShape]} from ${queriesText(refIds)}`
  );
  notices.add(
    'mixed-shapes',
    'warning',
    messages.mixedShapes(`${SHAPE_WORDS[shape]} from ${queriesText(used)}`, ignoredText.join('; '))
  );
}

function reportUncoded(
  seriesPlanning: ReturnType<typeof planSeries>,
  rowPlannings: RowPlanning[],
  notices: NoticeList
): void {
  const names = seriesPlanning.uncoded.map((entry) => entry.name);
  const refIds = seriesPlanning.uncoded.map((entry) => entry.frame.refId);
  rowPlannings
    .filter((planning) => !planning.plan)
    .forEach((planning) => {
      names.push(planning.frame.name ?? `table ${planning.frame.index + 1}`);
      refIds.push(planning.frame.refId);
    });
  if (names.length > 0) {
    notices.add('no-code-field', 'info', messages.uncodedIgnored([...new Set(names)], queriesText(refIds)));
  }
}

function partialRows(plans: RowPlan[], rowLimit: number | undefined, notices: NoticeList): CodeDistribution['partial'] {
  let rows = 0;
  let limit = 0;
  let matched = 0;
  let matchedKnown = true;
  const refIds: Array<string | undefined> = [];
  for (const plan of plans) {
    if (plan.shape === 'terms-table') {
      continue;
    }
    const planLimit = plan.frame.limit ?? rowLimit;
    const reachedLimit = planLimit !== undefined && plan.rows >= planLimit;
    const moreMatched = plan.frame.matched !== undefined && plan.frame.matched > plan.rows;
    if (!reachedLimit && !moreMatched) {
      continue;
    }
    rows += plan.rows;
    limit += planLimit ?? plan.rows;
    if (plan.frame.matched !== undefined) {
      matched += Math.max(plan.frame.matched, plan.rows);
    } else {
      matchedKnown = false;
    }
    refIds.push(plan.frame.refId);
  }
  if (rows === 0) {
    return undefined;
  }
  const matchedCount = matchedKnown ? matched : undefined;
  notices.add('partial-data', 'warning', messages.partial(rows, limit, matchedCount, queriesText(refIds)));
  return matchedCount !== undefined && matchedCount > rows ? { rows, limit, matched: matchedCount } : { rows, limit };
}

function reportCountFallbacks(plans: RowPlan[], notices: NoticeList): void {
  for (const plan of plans) {
    const count = plan.count;
    if (count.kind === 'fallback-column') {
      notices.add(
        'no-count-field',
        'warning',
        messages.noCountColumn(count.field.name, queriesText([plan.frame.refId]))
      );
    } else if (count.kind === 'one-per-row' && count.reason === 'no-count-column') {
      notices.add('no-count-field', 'warning', messages.noCountColumn(undefined, queriesText([plan.frame.refId])));
    }
  }
}

/** One line saying what was counted of SIP message rows (see sipMessages.ts). */
function reportSipMessages(plans: RowPlan[], notices: NoticeList): void {
  const selections = plans.map((plan) => plan.messages).filter((selection) => selection !== undefined);
  if (selections.length === 0) {
    return;
  }
  notices.add(
    'sip-messages',
    'info',
    messages.sipMessagesCounted(
      selections.every((selection) => selection.byMethod),
      selections.every((selection) => selection.byCallId),
      selections.reduce((total, selection) => total + selection.otherMethods, 0)
    )
  );
}

/** Packetbeat's SIP module sets this field on every SIP response, whatever the method. */
const MESSAGE_CODE_FIELD = 'sip.code';
const INVITE_FILTER = /cseq\.method(\.keyword)?\s*:\s*\(?\s*"?invite\b/i;

/**
 * A Terms aggregation on an index of SIP messages counts every response (BYE and REGISTER answers, retransmissions)
 * and cannot keep one per call: say so, and how to keep only responses to INVITE, unless the query already does.
 */
function reportTermsOnMessages(
  plans: Array<{ refId?: string; field?: string }>,
  queries: Record<string, string> | undefined,
  notices: NoticeList
): void {
  const unfiltered = new Map<string | undefined, boolean>();
  for (const { refId, field } of plans) {
    if (field === undefined || withoutKeyword(field.toLowerCase()) !== MESSAGE_CODE_FIELD) {
      continue;
    }
    const query = refId !== undefined ? queries?.[refId] : undefined;
    if (query === undefined || !INVITE_FILTER.test(query)) {
      unfiltered.set(refId, query !== undefined);
    }
  }
  if (unfiltered.size === 0) {
    return;
  }
  const refIds = [...unfiltered.keys()];
  const known = [...unfiltered.values()].every(Boolean);
  notices.add(
    'sip-messages',
    'warning',
    messages.termsOnMessages(queriesText(refIds), known),
    messages.inviteFilterHint()
  );
}
