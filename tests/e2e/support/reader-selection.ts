import type { Page } from 'playwright-core';

/**
 * Selects `wanted` in the open article, as a mouse drag would, and lets the reader see the selection
 * (the mouseup its selection toolbar listens for). Throws when the words are not in the article.
 */
export async function selectInReader(page: Page, wanted: string): Promise<void> {
  const content = page.getByRole('region', { name: 'Reader' }).locator('.reader__content');
  await content.evaluate((element, words) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(words) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + words.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      element.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return;
    }
    throw new Error(`"${words}" is not in the article`);
  }, wanted);
}
