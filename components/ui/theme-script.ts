/** Where this browser keeps the reader's choice, "light" or "dark"; with none, pages follow the system. */
export const THEME_KEY = "aos-theme";

export type Theme = "system" | "light" | "dark";

/**
 * Puts the `dark` class on <html> when the stored choice is dark, or when there is none and the
 * system prefers dark, and again whenever either changes: the system's preference, or the stored
 * choice (a `storage` event, which the theme toggle also dispatches in its own tab). It must stay
 * self-contained: the root layout inlines its source, so it runs before the first paint.
 */
function followTheme(key: string) {
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  const apply = () => {
    let stored: string | null = null;
    try {
      stored = window.localStorage.getItem(key);
    } catch {}
    document.documentElement.classList.toggle("dark", stored === "dark" || (stored !== "light" && media.matches));
  };
  apply();
  media.addEventListener("change", apply);
  window.addEventListener("storage", (event) => {
    if (event.key === key || event.key === null) apply();
  });
}

export const THEME_SCRIPT = `(${followTheme.toString()})(${JSON.stringify(THEME_KEY)})`;
