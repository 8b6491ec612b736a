import { useId, type ReactNode } from 'react';

export function Section(props: { title: string; children: ReactNode; actions?: ReactNode }) {
  const id = useId();
  return (
    <section className="detail-section" aria-labelledby={id}>
      <div className="detail-section-head">
        <h3 id={id}>{props.title}</h3>
        {props.actions}
      </div>
      {props.children}
    </section>
  );
}

/** A term/description list that skips empty values. */
export function Facts(props: { items: readonly (readonly [string, ReactNode])[] }) {
  const items = props.items.filter(([, v]) => v !== '' && v !== null && v !== undefined && v !== false);
  if (items.length === 0) return null;
  return (
    <dl className="facts">
      {items.map(([k, v]) => (
        <div key={k} className="fact">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
