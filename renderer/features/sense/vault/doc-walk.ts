/**
 * Rewrites a note's Tiptap JSON without an editor: the importer points wiki links at titles and images
 * at data: URLs, the exporter points them at file names and files. Immutable: unchanged subtrees are
 * shared, and a doc with nothing to change comes back as the same object.
 */
import type { DocNode } from '../../../../shared/model';

export function mapDocNodes(node: DocNode, change: (node: DocNode) => DocNode): DocNode {
  let content = node.content;
  if (node.content) {
    const mapped = node.content.map((child) => mapDocNodes(child, change));
    if (mapped.some((child, index) => child !== node.content![index])) content = mapped;
  }
  return change(content === node.content ? node : { ...node, content });
}

/** Async variant for changes that must wait (hashing an image). Visits nodes in document order. */
export async function mapDocNodesAsync(node: DocNode, change: (node: DocNode) => Promise<DocNode> | DocNode): Promise<DocNode> {
  let content = node.content;
  if (node.content) {
    const mapped: DocNode[] = [];
    for (const child of node.content) mapped.push(await mapDocNodesAsync(child, change));
    if (mapped.some((child, index) => child !== node.content![index])) content = mapped;
  }
  return change(content === node.content ? node : { ...node, content });
}
