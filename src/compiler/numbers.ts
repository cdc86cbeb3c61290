/** numbers: whether a number as the text writes it can be kept exactly. Pure. */

/** Significant digits a JavaScript number (IEEE 754 double) holds exactly, whatever their value. */
export const EXACT_DIGITS = 15;

/**
 * True when a number written as digits (with "," thousands separators and a "." decimal point) has
 * more significant digits than a number can hold: kept as a number, it would be misstated
 * (12,345,678,901,234,567 becomes 12,345,678,901,234,568).
 */
export function tooManyDigits(written: string): boolean {
  const digits = written.replace(/[^\d]/g, '').replace(/^0+/, '').replace(/0+$/, '');
  return digits.length > EXACT_DIGITS;
}

export const TOO_MANY_DIGITS = `has more digits than a number can hold exactly (${EXACT_DIGITS} significant digits at most), so the map would misstate it`;
