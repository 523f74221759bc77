import React, { useCallback } from 'react';

const NEXT = new Set(['ArrowDown', 'ArrowRight']);
const PREVIOUS = new Set(['ArrowUp', 'ArrowLeft']);

/** The items of a group that take part in arrow-key movement. */
export const ROVING_ITEM = '[data-roving-item]';

/**
 * One tab stop per group (findings, chart, legend), arrow keys inside it, as Grafana's own lists do: the group's
 * items carry `data-roving-item` and `tabIndex={index === 0 ? 0 : -1}`; this handler moves focus and the tab stop.
 */
export function useRovingFocus(): (event: React.KeyboardEvent<Element>) => void {
  return useCallback((event: React.KeyboardEvent<Element>) => {
    const step = NEXT.has(event.key) ? 1 : PREVIOUS.has(event.key) ? -1 : 0;
    const edge = event.key === 'Home' ? 'first' : event.key === 'End' ? 'last' : null;
    if (step === 0 && edge === null) {
      return;
    }
    const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement | SVGElement>(ROVING_ITEM));
    const current = items.indexOf(document.activeElement as HTMLElement | SVGElement);
    if (items.length === 0 || current < 0) {
      return;
    }
    event.preventDefault();
    const target =
      edge === 'first' ? 0 : edge === 'last' ? items.length - 1 : (current + step + items.length) % items.length;
    items.forEach((item, index) => (item.tabIndex = index === target ? 0 : -1));
    items[target].focus();
  }, []);
}

/** The tabIndex of the item at `index` before any arrow key moved the tab stop. */
export function rovingTabIndex(index: number): 0 | -1 {
  return index === 0 ? 0 : -1;
}
