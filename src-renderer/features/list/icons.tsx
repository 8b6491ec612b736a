// Small inline icons (no icon font: the CSP allows only our own files, and these scale with text).

const base = {
  width: '1em',
  height: '1em',
  viewBox: '0 0 24 24',
  'aria-hidden': true,
  focusable: false,
} as const;

export function HeartIcon(props: { filled: boolean }) {
  return (
    <svg {...base}>
      <path
        d="M12 21s-7.5-4.6-9.6-9.2C.9 8.4 3 4.5 6.7 4.5c2.1 0 3.6 1.2 4.3 2.4h2c.7-1.2 2.2-2.4 4.3-2.4 3.7 0 5.8 3.9 4.3 7.3C19.5 16.4 12 21 12 21z"
        fill={props.filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function FlameIcon() {
  return (
    <svg {...base}>
      <path
        d="M12 2c1 3.5 5 6 5 11a5 5 0 0 1-10 0c0-2 1-3.5 2-4.5.2 1.6 1 2.8 2.2 3.3C10.6 9 11 5.5 12 2z"
        fill="currentColor"
      />
    </svg>
  );
}

export function PendingIcon() {
  return (
    <svg {...base}>
      <path
        d="M20 12a8 8 0 1 1-2.3-5.7M20 4v5h-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
      />
    </svg>
  );
}
