// The keyboard layer asks the list to move its selection (j / k) without knowing its rows.

const EVENT = 'partner-desk:list-move';

export function requestListMove(delta: number): void {
  window.dispatchEvent(new CustomEvent<number>(EVENT, { detail: delta }));
}

export function onListMove(listener: (delta: number) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<number>).detail);
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}
