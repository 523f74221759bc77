import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PanelProps } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { TEST_IDS } from '../../constants/testIds';
import { formatCalls, formatSharePercent } from '../../core';
import { CodeView, panelLayout } from '../../view';
import type { SipCodesOptions } from '../../options';
import { DistributionBars } from '../DistributionBars';
import { DistributionChart } from '../DistributionChart';
import { FindingsStrip } from '../FindingsStrip';
import { LazyGuidanceCard } from '../GuidanceCard/LazyGuidanceCard';
import { LegendTable } from '../LegendTable';
import { PanelErrorBoundary } from '../PanelErrorBoundary';
import { PanelMessages } from '../PanelMessages';
import { getSipCodesPanelStyles } from './SipCodesPanel.styles';
import { useViewModel } from './useViewModel';

type Props = PanelProps<SipCodesOptions>;

/** Keeps the element that opened the guidance card, to give focus back when it closes. */
function useGuidanceSelection(root: React.RefObject<HTMLDivElement | null>) {
  const [selectedCode, setSelectedCode] = useState<number | null>(null);
  const trigger = useRef<Element | null>(null);
  const restoreFocus = useRef(false);

  const open = useCallback((code: number, opener: Element) => {
    trigger.current = opener;
    setSelectedCode(code);
  }, []);

  const close = useCallback(() => {
    restoreFocus.current = true;
    setSelectedCode(null);
  }, []);

  useEffect(() => {
    if (selectedCode !== null || !restoreFocus.current) {
      return;
    }
    restoreFocus.current = false;
    const opener = trigger.current as (Element & { focus?: () => void }) | null;
    // The opener may be gone (data refreshed, view switched): fall back to the panel itself.
    if (opener && opener.isConnected && typeof opener.focus === 'function') {
      opener.focus();
    } else {
      root.current?.focus();
    }
  }, [selectedCode, root]);

  /** Forgets the selection without moving focus (the code left the data). */
  const forget = useCallback(() => setSelectedCode(null), []);

  return { selectedCode, open, close, forget };
}

function SipCodesPanelView({
  data,
  options,
  width,
  height,
  timeRange,
  replaceVariables,
  fieldConfig,
  renderCounter,
}: Props) {
  const styles = useStyles2(getSipCodesPanelStyles);
  const rootRef = useRef<HTMLDivElement>(null);
  const model = useViewModel(data, options, data.timeRange ?? timeRange);
  const { selectedCode, open, close, forget } = useGuidanceSelection(rootRef);

  const selectedEntry: CodeView | undefined = selectedCode === null ? undefined : model.byCode.get(selectedCode);
  useEffect(() => {
    if (selectedCode !== null && !model.byCode.has(selectedCode)) {
      forget();
    }
  }, [selectedCode, model, forget]);
  // New options (view, policy…) may change what the card would say: close it rather than show stale guidance.
  const seenOptions = useRef(options);
  useEffect(() => {
    if (seenOptions.current !== options) {
      seenOptions.current = options;
      forget();
    }
  }, [options, forget]);
  const view = model.options.view;
  const hasCodes = model.legend.length > 0;
  const layout = useMemo(
    () => panelLayout(width, height, model.options.textSize),
    [width, height, model.options.textSize]
  );
  // The "Other" slice opens the legend at its first folded code.
  const showLegend = useCallback(() => {
    const first = model.chart.find((slice) => slice.code === null)?.folded[0];
    const row =
      first === undefined
        ? null
        : rootRef.current?.querySelector<HTMLElement>(`[data-testid="${TEST_IDS.legendRow(first)}"]`);
    row?.scrollIntoView?.({ block: 'nearest' });
    row?.focus();
  }, [model.chart]);

  const barView = view === 'bar';

  return (
    <div
      ref={rootRef}
      className={styles.root}
      style={{ width, height }}
      tabIndex={-1}
      data-testid={TEST_IDS.panel}
      data-view={view}
      data-size-class={layout.sizeClass}
      data-scale={layout.scale}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && selectedCode !== null) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <div
        className={styles.content}
        style={{
          width: layout.width,
          height: layout.height,
          transform: layout.scale === 1 ? undefined : `scale(${layout.scale})`,
        }}
      >
        {model.messages.length > 0 && (
          <div className={hasCodes ? `${styles.messages} ${styles.messagesBeside}` : styles.messages}>
            <PanelMessages messages={model.messages} compact={hasCodes} />
          </div>
        )}
        {model.total > 0 && (
          <div className={styles.findings}>
            <FindingsStrip
              findings={model.findings}
              healthyColor={model.healthyColor}
              width={layout.width}
              onSelect={open}
            />
          </div>
        )}
        {hasCodes && (
          <div className={styles.body} style={{ flexDirection: layout.direction }}>
            {layout.showChart && model.slices.length > 0 && (
              <div
                className={barView ? `${styles.chartArea} ${styles.barArea}` : styles.chartArea}
                style={{
                  flex: `0 0 ${barView ? Math.round(layout.chartSize * 1.25) : Math.round(layout.chartSize)}px`,
                }}
              >
                {view === 'bar' ? (
                  <DistributionBars slices={model.slices} selectedCode={selectedCode} onSelect={open} />
                ) : (
                  <div className={styles.chartBox}>
                    <DistributionChart
                      slices={model.chart}
                      variant={view}
                      selectedCode={selectedCode}
                      onSelect={open}
                      onSelectOther={showLegend}
                      centerValue={model.centre.value}
                      centerCaption={model.centre.caption}
                    />
                  </div>
                )}
                {model.hidden2xx && (
                  <p className={styles.caption}>
                    2xx hidden: {formatCalls(model.hidden2xx.count)} ({formatSharePercent(model.hidden2xx.share)}).
                    Shares are of all {formatCalls(model.total)}.
                  </p>
                )}
              </div>
            )}
            <div className={styles.legendArea}>
              <LegendTable entries={model.legend} selectedCode={selectedCode} onSelect={open} variant={layout.legend} />
            </div>
          </div>
        )}
        {selectedEntry && (
          <LazyGuidanceCard
            entry={selectedEntry}
            model={model}
            data={data}
            timeRange={timeRange}
            replaceVariables={replaceVariables}
            fieldConfig={fieldConfig}
            renderCounter={renderCounter}
            onClose={close}
          />
        )}
      </div>
    </div>
  );
}

/**
 * The SIP Response Codes panel: distribution, legend with guidance, findings and messages, computed by the core.
 * Works inside Grafana and standalone (any PanelProps with a theme); an error boundary keeps it alive.
 */
export function SipCodesPanel(props: Props) {
  const resetKey = useMemo(() => ({}), [props.data, props.options]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <PanelErrorBoundary resetKey={resetKey}>
      <SipCodesPanelView {...props} />
    </PanelErrorBoundary>
  );
}
