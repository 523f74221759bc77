/** A link shown in the guidance card: already interpolated and sanitised, ready for `href`. */
export interface GuidanceLink {
  kind: 'logs' | 'traces' | 'data';
  title: string;
  href: string;
  /** Open in a new tab (data links with "open in new tab", and the trace link). */
  newTab: boolean;
}
