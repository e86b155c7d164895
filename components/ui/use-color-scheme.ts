import { useSyncExternalStore } from "react";

/** "dark" while <html> carries the `dark` class (components/ui/theme-script.ts), else "light"; re-renders when it changes. */
export function useColorScheme(): "light" | "dark" {
  return useSyncExternalStore(subscribe, readScheme, () => "light");
}

function readScheme(): "light" | "dark" {
  return document.documentElement.classList.contains("dark") ? "dark" : "light";
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}
