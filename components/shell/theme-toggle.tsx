"use client";

import { useSyncExternalStore } from "react";
import { THEME_KEY, type Theme } from "@/components/ui/theme-script";
import { CONTROL, MUTED } from "@/components/ui/tone";

const THEMES: [Theme, string][] = [
  ["system", "System"],
  ["light", "Light"],
  ["dark", "Dark"],
];

/**
 * The colour scheme: the system's, or always light or dark. The choice is kept in this browser
 * and applies at once; the script in the root layout's head does the applying.
 */
export function ThemeToggle({ className = "" }: { className?: string }) {
  const theme = useSyncExternalStore(subscribe, readTheme, () => "system");

  function choose(next: Theme) {
    try {
      if (next === "system") window.localStorage.removeItem(THEME_KEY);
      else window.localStorage.setItem(THEME_KEY, next);
    } catch {
      return;
    }
    // Other tabs get a storage event from the browser; this one is told the same way.
    window.dispatchEvent(new StorageEvent("storage", { key: THEME_KEY }));
  }

  return (
    <label className={`flex items-center gap-2 text-sm ${MUTED} ${className}`}>
      Theme
      <select aria-label="Theme" value={theme} onChange={(e) => choose(e.target.value as Theme)} className={`${CONTROL} text-ink`}>
        {THEMES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}

function readTheme(): Theme {
  try {
    const stored = window.localStorage.getItem(THEME_KEY);
    return stored === "light" || stored === "dark" ? stored : "system";
  } catch {
    return "system";
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
}
