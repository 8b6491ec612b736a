import type { Member } from '../../../src-shared';

/** People with mail and phone links (mailto leaves through the system mail client). */
export function PeopleList(props: { people: readonly Member[]; empty: string }) {
  if (props.people.length === 0) return <p className="muted">{props.empty}</p>;
  return (
    <ul className="people">
      {props.people.map((p, i) => {
        const name = [p.firstName, p.lastName].filter(Boolean).join(' ');
        return (
          <li key={`${p.email}-${i}`}>
            <span className="person-name">{name || p.email}</span>
            {p.title && <span className="muted"> · {p.title}</span>}
            <span className="person-contact">
              {p.email && <a href={`mailto:${p.email}`}>{p.email}</a>}
              {p.phoneNumber && <a href={`tel:${p.phoneNumber.replace(/[^\d+]/g, '')}`}>{p.phoneNumber}</a>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
