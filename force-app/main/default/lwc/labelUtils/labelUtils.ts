// Shared helper for custom labels with placeholders ("{0} of {1} shown").

/**
 * Replaces {0}, {1}… in a label with the values at those positions.
 * @param label a custom label value
 * @param values the values of the placeholders, in order
 * @returns the label with every placeholder that has a value replaced; the others are kept as they are
 */
export function formatLabel(label: string, ...values: Array<string | number>): string {
  return label.replace(/\{(\d+)\}/g, (match, index: string) => {
    const value = values[Number(index)];
    return value === undefined ? match : String(value);
  });
}
