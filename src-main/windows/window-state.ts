import { z } from 'zod';

// Window size and position, remembered across runs and restored only where they are still
// visible (a monitor may have been unplugged since).

export const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 };
export const MIN_SIZE = { width: 720, height: 480 };
/** At least this much of the window (its title bar) must be on a display to be reachable. */
const MIN_VISIBLE = 64;

export interface RestoredBounds {
  bounds: Rect | { width: number; height: number };
  maximized: boolean;
}

/** The bounds to open with: the saved ones if reachable, else the default size (centered by the OS). */
export function restoreBounds(saved: WindowState | null, workAreas: readonly Rect[]): RestoredBounds {
  if (!saved) return { bounds: { ...DEFAULT_SIZE }, maximized: false };
  const area = workAreas.find((a) => overlap(saved, a) >= MIN_VISIBLE);
  if (!area) return { bounds: fitSize(saved, workAreas[0]), maximized: saved.maximized };
  const width = clamp(saved.width, MIN_SIZE.width, Math.max(MIN_SIZE.width, area.width));
  const height = clamp(saved.height, MIN_SIZE.height, Math.max(MIN_SIZE.height, area.height));
  // The title bar must be inside the work area, so the window can always be grabbed.
  const x = clamp(saved.x, area.x - width + MIN_VISIBLE, area.x + area.width - MIN_VISIBLE);
  const y = clamp(saved.y, area.y, area.y + area.height - MIN_VISIBLE);
  return { bounds: { x, y, width, height }, maximized: saved.maximized };
}

/** The state to save: the normal (unmaximized) bounds plus the maximized flag. */
export function captureState(normalBounds: Rect, maximized: boolean): WindowState {
  return {
    x: Math.round(normalBounds.x),
    y: Math.round(normalBounds.y),
    width: Math.max(1, Math.round(normalBounds.width)),
    height: Math.max(1, Math.round(normalBounds.height)),
    maximized,
  };
}

function fitSize(saved: WindowState, area: Rect | undefined): { width: number; height: number } {
  const maxWidth = area ? Math.max(MIN_SIZE.width, area.width) : saved.width;
  const maxHeight = area ? Math.max(MIN_SIZE.height, area.height) : saved.height;
  return {
    width: clamp(saved.width, MIN_SIZE.width, maxWidth),
    height: clamp(saved.height, MIN_SIZE.height, maxHeight),
  };
}

/** The smaller of the horizontal and vertical overlap of the window's title bar strip with an area. */
function overlap(window: Rect, area: Rect): number {
  const horizontal = Math.min(window.x + window.width, area.x + area.width) - Math.max(window.x, area.x);
  const titleBarBottom = window.y + MIN_VISIBLE;
  const vertical = Math.min(titleBarBottom, area.y + area.height) - Math.max(window.y, area.y);
  return Math.min(horizontal, vertical);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
