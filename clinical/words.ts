// Joining words into English lists, in one place for translation.

export const wordsMessages = { and: ' and ', comma: ', ' };

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(wordsMessages.comma)}${wordsMessages.and}${items.at(-1)}`;
}
