import { useId, type ReactNode } from 'react';

/** A chart with its title, a one-line summary for screen readers and keyboards, and links into the list. */
export function ChartCard(props: { title: string; summary: string; children: ReactNode; links?: ReactNode }) {
  const id = useId();
  return (
    <figure className="chart-card" aria-labelledby={id}>
      <figcaption id={id}>
        <h3>{props.title}</h3>
        <p className="muted small">{props.summary}</p>
      </figcaption>
      <div className="chart-box" aria-hidden="true">
        {props.children}
      </div>
      {props.links && <div className="chart-links">{props.links}</div>}
    </figure>
  );
}

export const CHART_COLORS = {
  marketplace: '#3b82c4',
  qualified: '#8a63d2',
  cosell: '#2a9d8f',
  won: '#2e9e5b',
  lost: '#d0564b',
  accepted: '#3b82c4',
  expiring: '#d98e04',
} as const;
