/** Dates and numbers as the reader sees them; ISO strings in, short English text out. */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-11-21" → "21 Nov 2024", "2024-11" → "Nov 2024", "a/b" → "a – b"; anything else verbatim. */
export function formatDate(date: string | null): string {
  if (!date) return 'date unknown';
  if (date.includes('/')) {
    // ISO 8601 open intervals use '..' for an unknown end.
    const [start, end] = date.split('/');
    if (end === '..' || end === '') return `since ${formatDate(start)}`;
    if (start === '..' || start === '') return `until ${formatDate(end)}`;
    return `${formatDate(start)} – ${formatDate(end)}`;
  }
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  if (!month) return y;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** 5500 → "5,500". */
export function formatKm(km: number): string {
  return `${km.toLocaleString('en-GB')} km`;
}

export function formatRange(min: number, max: number): string {
  return min > 0 ? `${min.toLocaleString('en-GB')}–${formatKm(max)}` : `up to ${formatKm(max)}`;
}
