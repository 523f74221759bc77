/** A link shown in the guidance card: already interpolated and sanitised, ready for `href`. */
export interface GuidanceLink {
  kind: 'logs' | 'traces' | 'data';
  title: string;
  href: string;
  /** Open in a new tab (data links with "open in new tab", and the trace link). */
  newTab: boolean;
}

/** A data source reference as Grafana stores it on a query target. */
export interface DatasourceRefLike {
  uid: string;
  type?: string;
}
