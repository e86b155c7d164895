/** A series' meaning, which picks its color in each theme. */
export type Tone = "main" | "good" | "bad" | "warn" | "muted";

type Palette = Record<Tone | "grid" | "text" | "surface" | "border", string>;

/** Chart colors for the light and the dark theme (Tailwind's slate, blue, emerald, red, amber), readable on each card surface. */
export const CHART_COLORS: Record<"light" | "dark", Palette> = {
  light: {
    main: "#2563eb",
    good: "#059669",
    bad: "#dc2626",
    warn: "#d97706",
    muted: "#94a3b8",
    grid: "#e2e8f0",
    text: "#475569",
    surface: "#ffffff",
    border: "#e2e8f0",
  },
  dark: {
    main: "#60a5fa",
    good: "#34d399",
    bad: "#f87171",
    warn: "#fbbf24",
    muted: "#64748b",
    grid: "#334155",
    text: "#cbd5e1",
    surface: "#0f172a",
    border: "#334155",
  },
};
