/** Dates as a reader glances at them: a time today, a day this year, a full date before. */
export function formatShortDate(ms: number, now: number = Date.now()): string {
  const date = new Date(ms);
  const today = new Date(now);
  if (date.toDateString() === today.toDateString()) {
    return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  }
  if (date.getFullYear() === today.getFullYear()) return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
  return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

export function formatLongDate(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
}
