/** Minutes to read, at a typical 230 words a minute; at least one for any text at all. */
export const wordsPerMinute = 230;

export function countWords(text: string): number {
  const words = text.trim().match(/\S+/g);
  return words ? words.length : 0;
}

export function readingMinutes(text: string): number {
  const words = countWords(text);
  return words === 0 ? 0 : Math.max(1, Math.round(words / wordsPerMinute));
}

/** Text of an HTML fragment without rendering it: DOMParser documents run no script and load nothing. */
export function htmlToText(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}

export function describeReadingTime(minutes: number): string {
  return minutes === 0 ? '' : `${minutes} min read`;
}
