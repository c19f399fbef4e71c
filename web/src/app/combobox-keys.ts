/**
 * What Enter chooses in a combobox: the highlighted option, else the one option whose code or
 * label is exactly what was typed (ignoring case and surrounding spaces), else nothing. Enter in
 * a combobox never submits its form; every combobox of the app asks this one function.
 */
export function enterChoice<T>(options: readonly T[], active: number, text: string, keys: (option: T) => readonly string[]): T | null {
  if (active >= 0 && options[active]) return options[active];
  const typed = text.trim().toLowerCase();
  if (!typed) return null;
  const exact = options.filter((option) => keys(option).some((key) => key.trim().toLowerCase() === typed));
  return exact.length === 1 ? exact[0] : null;
}
